"""A story page: place, date, authors, sharing, metadata, related stories, translation."""

import json
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from stories.models import StoryPage
from tests.admin import page_edit_data
from tests.conftest import module_content, translate
from tests.html import links, meta, parse, text
from tests.stories import CEBU, OAXACA, make_stories

pytestmark = pytest.mark.django_db


six_stories = module_content(make_stories)


@pytest.fixture
def story(six_stories):
    return StoryPage.objects.get(pk=six_stories["school-garden-fresno"].pk)


def test_index_and_story_pages_advertise_the_feed(client, story):
    for url in ("/en/stories/", story.url):
        feeds = links(parse(client.get(url).content), "alternate")
        rss = [link for link in feeds if link.get("type") == "application/rss+xml"]
        assert [link.get("href") for link in rss] == ["/en/stories/feed/"]


def test_story_page_shows_place_date_reading_time_and_key_areas(client, story):
    document = parse(client.get(story.url).content)
    meta_line = text(document.find(".//p[@class='story__meta']"))
    assert "Fresno, United States of America" in meta_line
    assert "Sept. 14, 2026" in meta_line
    assert "1 minute read" in meta_line
    assert document.find(".//p[@class='story__meta']/time").get("datetime") == "2026-09-14"
    areas = document.findall(".//nav[@class='area-links']//a")
    assert [(a.get("href"), text(a)) for a in areas] == [
        (
            "/en/key-areas/climate-change-and-nature-education/",
            "Climate change and nature education",
        ),
    ]
    hero = document.find(".//figure[@class='story__hero']//img")
    assert hero.get("alt") == story.image_alt_text


def test_reading_time_grows_with_the_story(story):
    story.body = [("paragraph", "<p>" + "word " * 1000 + "</p>")]
    assert story.reading_minutes == 6


def test_share_links_carry_the_encoded_canonical_url(client, story):
    document = parse(client.get(story.url).content)
    canonical = links(document, "canonical")[0].get("href")
    assert canonical == "http://testserver/en/stories/school-garden-fresno/"
    encoded = quote(canonical, safe="")
    title = quote(story.title, safe="")
    share = {
        link.get("class").split("--")[-1]: link.get("href")
        for link in document.iterfind(".//aside[@class='share-bar']//a")
    }
    assert share == {
        "email": f"mailto:?subject={title}&body={encoded}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "x": f"https://x.com/intent/post?url={encoded}&text={title}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}",
        "whatsapp": f"https://wa.me/?text={title}%20{encoded}",
    }
    copy = document.find(".//button[@data-copy-link]")
    assert copy.get("data-copy-link") == canonical


def test_story_carries_article_metadata(client, story):
    document = parse(client.get(story.url).content)
    assert meta(document, "og:type") == "article"
    assert meta(document, "article:published_time") == "2026-09-14"
    assert {
        el.get("content") for el in document.iter("meta") if el.get("property") == "article:tag"
    } == {
        "school gardens",
        "food",
    }
    assert (meta(document, "og:image:width"), meta(document, "og:image:height")) == ("1200", "630")
    scripts = [s for s in document.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    article = json.loads(scripts[0].text)
    assert article["@type"] == "Article"
    assert article["headline"] == story.title
    assert article["datePublished"] == "2026-09-14"
    assert article["url"] == "http://testserver/en/stories/school-garden-fresno/"
    assert article["image"] == meta(document, "og:image")
    assert article["publisher"]["name"] == "Education Network"
    assert article["contentLocation"]["name"] == "Fresno, United States of America"
    assert "author" not in article


def test_json_ld_cannot_break_out_of_its_script(client, story):
    story.title = "</script><script>alert(1)</script>"
    story.save_revision().publish()
    content = client.get(story.url).content.decode()
    assert "<script>alert(1)" not in content
    assert "\\u003C/script\\u003E" in content


def test_related_stories_share_a_key_area_and_exclude_the_story(client, story):
    document = parse(client.get(story.url).content)
    related = [
        text(link) for link in document.iterfind(".//section[@class='section related']//h3/a")
    ]
    assert related == [CEBU, OAXACA]


def test_a_translated_story_links_to_translated_key_areas(client, story, spanish):
    area = story.key_areas.order_by("path").first()
    spanish_area = translate(area, spanish)
    spanish_area.title = "Educación sobre el cambio climático y la naturaleza"
    spanish_area.save_revision().publish()
    spanish_story = translate(story, spanish)

    document = parse(client.get(spanish_story.url).content)
    areas = [(a.get("href"), text(a)) for a in document.iterfind(".//nav[@class='area-links']//a")]
    assert areas[0] == (spanish_area.url, "Educación sobre el cambio climático y la naturaleza")
    assert spanish_area.url.startswith("/es/")


def test_editors_see_only_key_areas_in_the_storys_language(admin_client, story, spanish):
    area = story.key_areas.first()
    translate(area, spanish)
    data = page_edit_data(admin_client, story)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    choices = response.context["form"].fields["key_areas"].queryset
    assert {page.locale.language_code for page in choices} == {"en"}
    assert choices.count() == 2
    assert data.getlist("key_areas")


def test_share_card_preview(admin_client, story):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    data = page_edit_data(admin_client, story)
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url, {"mode": "share-card"})
    assert response.status_code == 200
    document = parse(response.content)
    card = document.find(".//article[@class='share-card']")
    assert text(card.find(".//h2")) == story.title
    assert text(card.find(".//p[@class='share-card__description']")) == story.summary
    assert card.find(".//img").get("width") == "1200"


@pytest.mark.parametrize(
    ("language", "byline"),
    [
        ("en", "By Ana Ruiz, Li Wei, and Sam Okoro"),
        ("es", "Por Ana Ruiz, Li Wei y Sam Okoro"),
        ("fr", "Par Ana Ruiz, Li Wei et Sam Okoro"),
        ("ar", "بقلم Ana Ruiz وLi Wei وSam Okoro"),
    ],
)
def test_authors_are_listed_as_the_readers_language_lists_names(client, story, language, byline):
    story.authors = [("name", "Ana Ruiz"), ("name", "Li Wei"), ("name", "Sam Okoro")]
    story.save_revision().publish()
    page = translate(story, Locale.objects.get(language_code=language))
    document = parse(client.get(page.url).content)
    assert byline in text(document.find(".//p[@class='story__meta']"))


def test_authors_are_people_in_the_article_data_and_the_feed(client, story):
    story.authors = [("name", "Ana Ruiz"), ("name", "Li Wei")]
    story.save_revision().publish()
    document = parse(client.get(story.url).content)
    script = next(s for s in document.iter("script") if s.get("type") == "application/ld+json")
    assert json.loads(script.text)["author"] == [
        {"@type": "Person", "name": "Ana Ruiz"},
        {"@type": "Person", "name": "Li Wei"},
    ]
    with translation.override("en"):
        assert story.byline() == "Ana Ruiz and Li Wei"
    feed = client.get("/en/stories/feed/").content.decode()
    assert "Ana Ruiz and Li Wei" in feed
