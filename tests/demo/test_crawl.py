"""
Crawls of the whole demo site in four languages: every page answers, links to its
translations, loads nothing from elsewhere, costs the same in every language, and shows
no English alt text or topic to a reader of another language.
"""

import re

import feedparser
import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from stories.models import StoryIndexPage
from tests.html import links, parse, resource_hosts, text
from tests.queries import render_queries
from tests.test_robustness import BAD_QUERY_STRINGS
from topics.models import Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def public_urls(languages):
    pages = Page.objects.live().public().filter(depth__gt=1, locale__language_code__in=languages)
    return [page.url for page in pages]


def one_page_of_each_type():
    """The English page of each type: every page of a type reads its query the same way."""
    pages = Page.objects.live().public().filter(depth__gt=1, locale__language_code="en")
    return {page.content_type_id: page.url for page in pages.order_by("-path")}.values()


def test_every_public_url_survives_bad_query_strings(client):
    others = ["/en/search/", "/sitemap.xml", "/sitemap-ar.xml", "/robots.txt"]
    for url in [*one_page_of_each_type(), *others]:
        for query in BAD_QUERY_STRINGS:
            response = client.get(f"{url}?{query}")
            assert response.status_code in (200, 301, 302, 404), (url, query)


def test_no_public_page_loads_anything_from_another_host(client):
    """Every page in a left-to-right and in a right-to-left language."""
    for url in [*public_urls(("en", "ar")), "/en/search/", "/ar/search/", "/en/no-such-page/"]:
        document = parse(client.get(url).content)
        assert resource_hosts(document) <= {""}, url


def test_every_page_type_waits_for_one_stylesheet(client):
    """A render-blocking request each: the frame and everything pages hold, in one file."""
    others = ["/en/search/?q=garden", "/en/no-such-page/"]
    for url in [*one_page_of_each_type(), *others]:
        stylesheets = [
            link.get("href") for link in links(parse(client.get(url).content), "stylesheet")
        ]
        assert stylesheets == ["/static/css/site.css"], url


def alternates_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    document = parse(response.content)
    return {
        link.get("hreflang"): link.get("href")
        for link in links(document, "alternate")
        if link.get("hreflang")
    }


def test_every_page_in_every_language_links_to_all_its_translations_and_back(client, home):
    urls = [
        page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path") if page.url
    ]
    assert (
        len(urls) == 4 * Page.objects.live().filter(depth__gt=1, locale__language_code="en").count()
    )
    alternates = {f"http://testserver{url}": alternates_of(client, url) for url in urls}
    for url, links_of_page in alternates.items():
        assert set(links_of_page) == {"en", "es", "fr", "ar", "x-default"}, url
        assert links_of_page["x-default"] == links_of_page["en"]
        for language, other in links_of_page.items():
            assert other in alternates, (url, other)
            assert url in alternates[other].values(), (url, language, other)


def test_sitemap_lists_alternates_for_every_translated_page(client, home):
    index = client.get("/sitemap.xml").content.decode()
    paths = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", index)
    sitemap = "".join(client.get(path).content.decode() for path in paths)
    live = Page.objects.live().filter(depth__gt=1).count()
    assert sitemap.count("<url>") == live
    assert sitemap.count('hreflang="x-default"') == live


def test_query_counts_are_the_same_in_every_language(client, home):
    """
    The translated languages make the same queries. The source language makes a few
    fewer: Wagtail finds the site's root and linked pages in the reader's language with
    one more lookup each, which it skips when the reader's language is the source's.
    """
    english = Page.objects.live().filter(depth__gt=1, locale__language_code="en")
    pages_by_type = {}
    for page in english.order_by("path").specific():
        pages_by_type.setdefault(type(page), page)
    for page_type, page in pages_by_type.items():
        counts = {
            translation.locale.language_code: render_queries(client, translation.url)
            for translation in page.get_translations(inclusive=True).select_related("locale")
        }
        assert len(counts) == 4, page_type
        assert counts["es"] == counts["fr"] == counts["ar"], (page_type.__name__, counts)
        assert 0 <= counts["es"] - counts["en"] <= 4, (page_type.__name__, counts)


ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def english_words(client):
    """Every alt text and topic name an English reader meets, and the library's descriptions."""
    words = {image.description for image in get_image_model().objects.exclude(description="")}
    for url in public_urls(["en"]):
        document = parse(client.get(url).content)
        words |= {img.get("alt") for img in document.iter("img") if img.get("alt")}
    words |= set(Topic.objects.filter(locale__language_code="en").values_list("name", flat=True))
    return words


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_translated_pages_show_no_english_alt_text_or_topic(client, language):
    english = english_words(client)
    for url in public_urls([language]):
        document = parse(client.get(url).content)
        for img in document.iter("img"):
            alt = img.get("alt")
            assert alt is not None, (url, img.get("src"))
            assert alt == "" or alt not in english, (url, alt)
            if language == "ar":
                assert alt == "" or ARABIC_LETTER.search(alt), (url, alt)
        topics = [text(a) for a in document.iterfind(".//p[@class='story__tags']/a")]
        options = [text(o) for o in document.findall(".//select[@name='topic']/option")[1:]]
        for name in topics + options:
            assert name not in english, (url, name)
            if language == "ar":
                assert ARABIC_LETTER.search(name), (url, name)


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_feeds_name_topics_in_the_readers_language(client, language):
    english = set(Topic.objects.filter(locale__language_code="en").values_list("name", flat=True))
    index = StoryIndexPage.objects.get(locale__language_code=language)
    feed = feedparser.parse(client.get(f"{index.url}feed/").content)
    categories = {tag.term for entry in feed.entries for tag in entry.get("tags", [])}
    assert categories
    assert categories.isdisjoint(english)
