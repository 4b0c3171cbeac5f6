"""
Pages cost the same few queries at any size, and the page cache keeps them: what a
publication changes is purged on the very next request, in its language, and every other
page stays cached.
"""

import datetime
import io
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePage, KeyAreaPage
from site_settings.models import SiteSettings
from stories.models import StoryIndexPage, StoryPage
from tests.html import parse, text
from tests.pages import ONE_OF_EACH_TYPE, PUBLIC_FORMS, SEARCH_WORDS, audited_urls, in_language
from tests.queries import render_queries, rendered_sql

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MAX_QUERIES = 15


def every_page_type(language):
    index = in_language(StoryIndexPage, "stories", language)
    sitemap = f"/sitemap-{language}.xml"
    return [*audited_urls(language), f"{index.url}feed/", "/sitemap.xml", sitemap]


def query_counts(client, language):
    return {url: render_queries(client, url) for url in every_page_type(language)}


def test_every_page_type_makes_few_queries_whatever_the_number_of_stories(client):
    languages = ["en", "ar"]
    before = {language: query_counts(client, language) for language in languages}
    call_command("seed_stories", count=291, translate=True, stdout=io.StringIO())
    for language in languages:
        assert StoryPage.objects.filter(locale__language_code=language).count() >= 300
        after = query_counts(client, language)
        assert max(before[language].values()) <= MAX_QUERIES, before[language]
        assert max(after.values()) <= MAX_QUERIES, after
        # Search results fetch each page type's fields with one query per type among the
        # ten shown, so that count follows the mix of types, not the number of stories.
        search = f"/{language}/search/?q={SEARCH_WORDS[language]}"
        assert {**after, search: None} == {**before[language], search: None}
        assert_listings_read_only_the_stories_they_show(client, language)


def assert_listings_read_only_the_stories_they_show(client, language):
    """
    The stories index (filtered too), its feed, the home page and a key area read their
    stories by id, a page at a time: which stories they list, in what order, is kept
    from one change of the language's content to the next.
    """
    index = in_language(StoryIndexPage, "stories", language)
    area = in_language(KeyAreaPage, "climate-change-and-nature-education", language)
    year = StoryPage.objects.filter(locale=index.locale).latest("date").date.year
    listings = [index.url, f"{index.url}?year={year}", f"{index.url}feed/"]
    for url in [*listings, f"{index.url}?page=2", index.get_parent().url, area.url]:
        reading_stories = [
            sql for sql in rendered_sql(client, url) if 'FROM "stories_storypage"' in sql
        ]
        # The home page and key areas keep their stories' HTML as a fragment.
        assert reading_stories or url not in listings, url
        for sql in reading_stories:
            assert '"stories_storypage"."page_ptr_id" IN (' in sql, (url, sql)
            assert "COUNT(" not in sql, (url, sql)


def state(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]


def titles_on(client, url):
    return [text(heading) for heading in parse(client.get(url).content).iterfind(".//h3")]


def new_story(language="en", title="A rain garden in Lagos"):
    index = in_language(StoryIndexPage, "stories", language)
    area = in_language(KeyAreaPage, "climate-change-and-nature-education", language)
    story = StoryPage(
        title=title,
        slug="rain-garden-lagos",
        summary="Pupils dug a rain garden.",
        body=[("paragraph", "<p>They dug.</p>")],
        live=False,
    )
    index.add_child(instance=story)
    story.key_areas.add(area)
    return story, [index.url, area.url, index.get_parent().url]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_publishing_a_story_shows_it_on_the_very_next_request_and_nowhere_else(client, language):
    story, listings = new_story(language)
    feed = f"{listings[0]}feed/"
    unrelated = [
        in_language(HomePage, "home", "es").url,
        in_language(KeyAreaPage, "global-digital-citizenship", language).url,
        in_language(StoryIndexPage, "stories", "fr").url,
        "/en/alliances/sage/",
    ]
    for url in [*listings, *unrelated]:
        client.get(url)
        assert state(client, url) == "hit"
    assert story.title not in client.get(feed).content.decode()

    story.save_revision().publish()

    for url in listings:
        assert state(client, url) == "miss", url
        assert story.title in titles_on(client, url), url
    assert story.title in client.get(feed).content.decode()
    assert state(client, story.url) == "miss"
    assert state(client, story.url) == "hit"
    for url in unrelated:
        assert state(client, url) == "hit", url

    story.refresh_from_db()
    story.unpublish()
    for url in listings:
        assert story.title not in titles_on(client, url), url
    assert story.title not in client.get(feed).content.decode()
    assert client.get(story.url).status_code == 404


def test_a_site_settings_change_shows_on_every_page_of_its_language_only(client):
    cached = [(model, slug) for model, slug in ONE_OF_EACH_TYPE if model not in PUBLIC_FORMS]
    english = [in_language(model, slug, "en").url for model, slug in cached]
    spanish = [in_language(model, slug, "es").url for model, slug in cached]
    for url in english + spanish:
        client.get(url)
    settings = SiteSettings.objects.get(locale=Locale.objects.get(language_code="es"))
    settings.tagline = "Aprender juntos, en todas partes"
    settings.save_revision().publish()
    for url in spanish:
        assert state(client, url) == "miss", url
        assert "Aprender juntos, en todas partes" in client.get(url).content.decode()
    for url in english:
        assert state(client, url) == "hit", url


def test_a_cached_page_is_revalidated_compressed_and_cookie_free(client):
    url = in_language(StoryPage, "school-garden-fresno", "fr").url
    first = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert first["Content-Encoding"] == "br"
    assert "s-maxage=" in first["Cache-Control"] and "stale-if-error=" in first["Cache-Control"]
    assert "stale-while-revalidate=" in first["Cache-Control"]
    assert not first.cookies
    headers = {"accept-encoding": "br", "if-none-match": first["ETag"]}
    again = client.get(url, headers=headers)
    assert (again.status_code, again["X-Page-Cache"]) == (304, "hit")
    gzipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert (gzipped["Content-Encoding"], gzipped["X-Page-Cache"]) == ("gzip", "miss")
    gzipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert (gzipped["Content-Encoding"], gzipped["X-Page-Cache"]) == ("gzip", "hit")
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert len(plain.content) > 3 * len(first.content)


def test_signed_in_readers_always_get_a_fresh_page(admin_client):
    url = "/en/what-we-do/"
    admin_client.get(url)
    response = admin_client.get(url)
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()


def test_the_page_cache_keeps_the_language_apart(client):
    for language in ("en", "ar"):
        url = in_language(HomePage, "home", language).url
        client.get(url)
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert f'lang="{language}"' in response.content.decode()
        assert unquote(urlsplit(url).path) == url


def test_a_page_with_a_form_for_one_reader_is_not_cached(client):
    page = in_language(StoryPage, "school-garden-fresno", "en")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="garden"
    )
    # A reader who already has a CSRF cookie, so the response sets none.
    client.cookies["csrftoken"] = "x" * 32
    for _attempt in range(2):
        response = client.get(page.url)
        assert 'name="password"' in response.content.decode()
        assert response.get("X-Page-Cache") is None
        assert "public" not in response.get("Cache-Control", "")


def related_titles(client, url):
    document = parse(client.get(url).content)
    return [text(link) for link in document.iterfind(".//section[@class='section related']//h3/a")]


def test_a_story_told_just_before_another_appears_among_its_related_stories(client):
    fresno = in_language(StoryPage, "school-garden-fresno", "en")
    before = related_titles(client, fresno.url)
    assert state(client, fresno.url) == "hit"
    story, _listings = new_story()
    story.date = fresno.date - datetime.timedelta(days=1)
    story.save_revision().publish()
    assert state(client, fresno.url) == "miss"
    assert related_titles(client, fresno.url) == [story.title, *before[:2]]


def test_a_story_leaves_the_stories_of_other_key_areas_cached(client):
    medellin = in_language(StoryPage, "peacebuilders-medellin", "en")
    client.get(medellin.url)
    story, _listings = new_story()
    story.date = medellin.date - datetime.timedelta(days=1)
    story.save_revision().publish()
    assert state(client, medellin.url) == "hit"


def test_renaming_a_topic_purges_its_stories_and_leaves_other_pages_cached(client):
    fresno = in_language(StoryPage, "school-garden-fresno", "en")
    topic = fresno.topics.first()
    for url in (fresno.url, "/en/alliances/sage/"):
        client.get(url)
    topic.name = "Gardens that feed people"
    topic.save()
    assert state(client, fresno.url) == "miss"
    assert "Gardens that feed people" in client.get(fresno.url).content.decode()
    assert state(client, "/en/alliances/sage/") == "hit"
