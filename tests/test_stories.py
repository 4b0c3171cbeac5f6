"""Exemplar stories: the index and its filters, story pages, feeds and sharing."""

import json
from urllib.parse import quote, urlparse

import feedparser
import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from gallery.models import MediaItemPage
from home.models import KeyAreaPage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from tests.admin import edit_form_data, page_edit_data
from tests.conftest import translate
from tests.html import links, meta, parse, text
from tests.queries import render_queries

pytestmark = pytest.mark.django_db

FRESNO = "A school garden that feeds a neighbourhood"
GEORGIA = "Students who redesigned their own timetable"
NEW_HAMPSHIRE = "Learning that moves at the pace of each student"
KENYA = "A solar-powered classroom connects a village to the world"
CEBU = "Replanting the mangroves that protect a coast"
OAXACA = "Teaching in the language children dream in"
FINLAND = "An outdoor school day, every week, in every weather"
AMMAN = "A second shift that became a first choice"
MEDELLIN = "Young peacebuilders on the hillsides of Medellín"


@pytest.fixture
def index(home):
    return StoryIndexPage.objects.child_of(home).get()


@pytest.fixture
def story(index):
    return StoryPage.objects.get(locale__language_code="en", slug="school-garden-fresno")


def listed(client, query=""):
    """The titles the index lists for `query`, featured story first, and the page's HTML."""
    response = client.get(f"/en/stories/{query}")
    assert response.status_code == 200
    document = parse(response.content)
    titles = [text(link) for link in document.iterfind(".//article//h3/a")]
    return titles, document


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?area=sustainable-leadership", {GEORGIA, NEW_HAMPSHIRE, MEDELLIN}),
        ("?place=US", {FRESNO, GEORGIA, NEW_HAMPSHIRE}),
        ("?year=2025", {NEW_HAMPSHIRE, OAXACA}),
        ("?tag=student-voice", {GEORGIA, MEDELLIN}),
        ("?area=sustainable-leadership&place=US", {GEORGIA, NEW_HAMPSHIRE}),
        ("?area=sustainable-leadership&year=2025", {NEW_HAMPSHIRE}),
        ("?area=climate-change-and-nature-education&year=2026", {FRESNO, CEBU, FINLAND}),
        ("?tag=student-voice&place=CO", {MEDELLIN}),
        ("?area=breaking-the-cycle-of-poverty&place=JO&year=2026&tag=inclusion", {AMMAN}),
        ("?place=FI&year=2025", set()),
    ],
)
def test_filters_select_the_right_stories(client, query, expected):
    titles, document = listed(client, query)
    assert set(titles) == expected
    assert len(titles) == len(expected)
    count = text(document.find(".//p[@class='result-count']"))
    assert count.startswith(str(len(expected)))
    assert document.find(".//a[.='Clear filters']").get("href") == "/en/stories/"
    if not expected:
        assert "No stories match these filters." in text(document)


def test_index_shows_newest_first_with_the_newest_featured(client):
    titles, document = listed(client)
    assert titles[0] == MEDELLIN
    assert document.find(".//article[@class='card story-card story-card--featured']//h3/a").text
    assert titles[1:] == [FRESNO, AMMAN, GEORGIA, CEBU, KENYA, FINLAND, NEW_HAMPSHIRE, OAXACA]
    assert document.find(".//a[.='Clear filters']") is None


def test_editors_can_choose_the_featured_story(client, index):
    index.featured_story = StoryPage.objects.get(
        locale__language_code="en", slug="mother-tongue-oaxaca"
    )
    index.save_revision().publish()
    titles, _ = listed(client)
    assert titles[0] == OAXACA
    assert titles.count(OAXACA) == 1


def test_filter_form_offers_only_options_with_stories(client):
    _, document = listed(client, "?place=KE")
    selects = {select.get("name"): select for select in document.iter("select")}
    assert list(selects) == ["area", "place", "year", "tag"]
    places = [option.get("value") for option in selects["place"].iter("option")]
    assert places == ["", "CO", "FI", "JO", "KE", "MX", "PH", "US"]
    assert [
        opt.get("value") for opt in selects["place"].iter("option") if "selected" in opt.attrib
    ] == ["KE"]
    years = [option.get("value") for option in selects["year"].iter("option")]
    assert years == ["", "2026", "2025"]
    for select in selects.values():
        label = document.find(f".//label[@for='{select.get('id')}']")
        assert label is not None and text(label)


@pytest.mark.parametrize(
    "query",
    [
        "?page=0",
        "?page=-1",
        "?page=9999",
        "?page=abc",
        "?area=no-such-area",
        "?place=ZZ",
        "?place=us",
        "?year=abc",
        "?year=1800",
        "?year=99999999999999999999",
        "?tag=%00",
        "?area[]=x&tag=",
        "?area=" + "a" * 5000,
    ],
)
def test_bad_filter_and_page_values_never_fail(client, query):
    titles, _ = listed(client, query)
    assert len(titles) == 9 or "page=" in query


def test_pagination_keeps_the_filters(client, index):
    for number in range(14):
        index.add_child(
            instance=StoryPage(
                title=f"Garden {number}",
                summary="Another garden.",
                country="US",
                body=[("pull_quote", {"text": "Green."})],
                live=True,
            )
        )
    titles, document = listed(client, "?place=US")
    assert len(titles) == 12
    next_link = document.find(".//a[@rel='next']")
    assert next_link.get("href") == "?place=US&page=2"
    titles, _ = listed(client, "?place=US&page=2")
    assert len(titles) == 5


def hide_in_every_way(index):
    """A draft, an unpublished story and a private one, all in the Climate key area."""
    area = KeyAreaPage.objects.get(
        locale__language_code="en", slug="climate-change-and-nature-education"
    )
    draft = StoryPage(title="Draft story", slug="draft-story", summary="Hidden.", live=False)
    draft.key_areas = [area]
    index.add_child(instance=draft)
    draft.save_revision()
    unpublished = StoryPage.objects.get(locale__language_code="en", slug="mangroves-cebu")
    unpublished.unpublish()
    private = StoryPage.objects.get(locale__language_code="en", slug="outdoor-day-finland")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return [draft, unpublished, private]


def test_hidden_stories_never_appear_anywhere(client, index, story):
    hidden = hide_in_every_way(index)
    hidden_titles = {page.title for page in hidden}
    hidden_paths = {f"/en/stories/{page.slug}/" for page in hidden}

    titles, _ = listed(client)
    assert not hidden_titles & set(titles)

    feed = feedparser.parse(client.get("/en/stories/feed/").content)
    assert not hidden_titles & {entry.title for entry in feed.entries}

    related = parse(client.get(story.url).content).find(".//section[@class='section related']")
    assert not hidden_titles & {text(link) for link in related.iterfind(".//h3/a")}

    area = parse(client.get("/en/key-areas/climate-change-and-nature-education/").content)
    assert not hidden_titles & {text(link) for link in area.iterfind(".//article//h3/a")}

    home = parse(client.get("/en/").content)
    assert not hidden_titles & {text(link) for link in home.iterfind(".//article//h3/a")}

    for word in ("Hidden", "mangroves", "outdoor"):
        results = client.get("/en/search/", {"q": word}).context["results"]
        assert not hidden_titles & {page.title for page in results}

    sitemap = client.get("/sitemap.xml").content.decode()
    assert not any(path in sitemap for path in hidden_paths)


def test_feed_is_valid_rss_with_summaries_images_and_working_links(client):
    response = client.get("/en/stories/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Stories"
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries][:2] == [MEDELLIN, FRESNO]
    assert len(feed.entries) == 9
    for entry in feed.entries:
        assert client.get(urlparse(entry.link).path).status_code == 200
        assert "<img" in entry.summary and "http://testserver/media/" in entry.summary
        assert entry.published_parsed


def test_index_and_story_pages_advertise_the_feed(client, story):
    for url in ("/en/stories/", story.url):
        feeds = links(parse(client.get(url).content), "alternate")
        rss = [link for link in feeds if link.get("type") == "application/rss+xml"]
        assert [link.get("href") for link in rss] == ["/en/stories/feed/"]


def test_story_page_shows_place_date_reading_time_and_key_areas(client, story):
    document = parse(client.get(story.url).content)
    meta_line = text(document.find(".//p[@class='story__meta']"))
    assert "Fresno, California, United States of America" in meta_line
    assert "Sept. 14, 2026" in meta_line
    assert "1 minute read" in meta_line
    assert document.find(".//p[@class='story__meta']/time").get("datetime") == "2026-09-14"
    areas = document.findall(".//nav[@class='area-links']//a")
    assert [(a.get("href"), text(a)) for a in areas] == [
        (
            "/en/key-areas/climate-change-and-nature-education/",
            "Climate Change and Nature Education",
        ),
        ("/en/key-areas/sustainable-well-being/", "Sustainable Well-being"),
    ]
    hero = document.find(".//figure[@class='story__hero']//img")
    assert hero.get("alt") == story.hero_image.description


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
    assert article["publisher"]["name"] == "Partnerships for Sustainability Education"
    assert article["contentLocation"]["name"] == "Fresno, California, United States of America"


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
    assert related == [CEBU, FINLAND, OAXACA]


def test_key_area_pages_list_their_stories(client):
    document = parse(client.get("/en/key-areas/sustainable-leadership/").content)
    section = document.find(".//section[@aria-labelledby='key-area-stories']")
    titles = [text(link) for link in section.iterfind(".//article//h3/a")]
    assert titles == [MEDELLIN, GEORGIA, NEW_HAMPSHIRE]
    more = document.find(".//a[.='All stories about Sustainable Leadership']")
    assert more.get("href") == "/en/stories/?area=sustainable-leadership"


def test_home_page_shows_featured_and_latest_stories(client, index):
    index.featured_story = StoryPage.objects.get(
        locale__language_code="en", slug="mother-tongue-oaxaca"
    )
    index.save_revision().publish()
    document = parse(client.get("/en/").content)
    section = document.find(".//section[@aria-labelledby='latest-stories']")
    assert [text(link) for link in section.iterfind(".//h3/a")] == [OAXACA, MEDELLIN, FRESNO]


def test_stories_live_only_under_a_story_index(home, index, story):
    assert StoryPage.can_create_at(index)
    assert not StoryPage.can_create_at(home)
    assert not StoryPage.can_create_at(
        StandardPage.objects.get(locale__language_code="en", slug="what-we-do")
    )
    assert not StoryIndexPage.can_create_at(home)  # one per home page
    assert not StoryIndexPage.can_create_at(index)


def test_a_translated_story_links_to_translated_key_areas(client, story, spanish):
    area = story.key_areas.order_by("path").first()
    spanish_area = translate(area, spanish)
    spanish_area.title = "Educación sobre el cambio climático y la naturaleza"
    spanish_area.save_revision().publish()
    spanish_story = translate(story, spanish)
    spanish_story.save_revision().publish()

    document = parse(client.get(spanish_story.url).content)
    areas = [(a.get("href"), text(a)) for a in document.iterfind(".//nav[@class='area-links']//a")]
    assert areas[0] == (spanish_area.url, "Educación sobre el cambio climático y la naturaleza")
    assert spanish_area.url.startswith("/es/")


def test_query_counts_do_not_grow_with_stories(client, index, story):
    urls = ["/en/stories/", "/en/stories/?area=sustainable-well-being&page=2", story.url]
    image = get_image_model().objects.get(title=FRESNO)
    areas = list(story.key_areas.all())

    def add_stories(count):
        start = StoryPage.objects.count()
        for number in range(start, start + count):
            page = StoryPage(
                title=f"Story {number}",
                summary="One more story.",
                hero_image=image,
                country="KE",
                body=[("pull_quote", {"text": "More."})],
                live=True,
            )
            page.key_areas = areas
            index.add_child(instance=page)
            page.tags.add("more")
            page.save()

    add_stories(1)  # ten stories
    counts = [render_queries(client, url) for url in urls]
    add_stories(190)
    assert StoryPage.objects.live().filter(locale=index.locale).count() == 200
    assert [render_queries(client, url) for url in urls] == counts


def test_a_story_published_in_the_admin_appears_everywhere(admin_client, client, index):
    area = KeyAreaPage.objects.get(locale__language_code="en", slug="global-digital-citizenship")
    image = get_image_model().objects.get(title=KENYA)
    url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk])
    data = edit_form_data(
        admin_client.get(url),
        StoryPage(),
        form_id="page-edit-form",
        title="Coding club for girls in Kisumu",
        slug="coding-club-kisumu",
        summary="Girls in Kisumu teach each other to code after school.",
        date="2026-11-20",
        place_name="Kisumu",
        country="KE",
        hero_image=image.pk,
        key_areas=[area.pk],
        tags="coding, girls in tech",
        body={
            "count": "1",
            "0": {
                "type": "pull_quote",
                "value": {"text": "We learn faster when we teach."},
                "deleted": "",
                "order": "0",
            },
        },
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(locale__language_code="en", slug="coding-club-kisumu")
    assert story.live

    titles, _ = listed(client)
    assert titles[0] == "Coding club for girls in Kisumu"
    feed = feedparser.parse(client.get("/en/stories/feed/").content)
    assert feed.entries[0].title == "Coding club for girls in Kisumu"
    area_page = parse(client.get(area.url).content)
    assert "Coding club for girls in Kisumu" in [
        text(link) for link in area_page.iterfind(".//article//h3/a")
    ]


def test_editors_see_only_key_areas_in_the_storys_language(admin_client, story, spanish):
    area = story.key_areas.first()
    translate(area, spanish)
    data = page_edit_data(admin_client, story)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    choices = response.context["form"].fields["key_areas"].queryset
    assert {page.locale.language_code for page in choices} == {"en"}
    assert choices.count() == 6
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


def test_story_types_in_search(client):
    results = client.get("/en/search/", {"q": "mangroves"}).context["results"]
    assert {page.title for page in results} == {CEBU, "Mangrove replanting on the coast"}
    assert {type(page) for page in results} == {StoryPage, MediaItemPage}
