"""Exemplar stories: the index and its filters, the feed, and where stories are listed."""

from urllib.parse import urlparse

import feedparser
import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import streamfield

from gallery.models import MediaItemPage
from home.models import StandardPage
from search.queries import index_matches, search_pages
from stories.models import StoryIndexPage, StoryPage
from tests.admin import edit_form_data
from tests.conftest import module_content
from tests.factories import ImageFactory, MediaItemPageFactory, StoryPageFactory, topic
from tests.html import parse, text
from tests.queries import render_queries
from tests.stories import (
    CEBU,
    CLIMATE,
    FRESNO,
    GEORGIA,
    LEADERSHIP,
    MEDELLIN,
    NEW_HAMPSHIRE,
    OAXACA,
    STORIES,
    area,
    make_stories,
)

pytestmark = pytest.mark.django_db


six_stories = module_content(make_stories)


@pytest.fixture(autouse=True)
def stories(six_stories):
    return {slug: StoryPage.objects.get(pk=story.pk) for slug, story in six_stories.items()}


@pytest.fixture
def index(home):
    return StoryIndexPage.objects.child_of(home).get()


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
        ("?topic=student-voice", {GEORGIA, MEDELLIN}),
        ("?area=sustainable-leadership&place=US", {GEORGIA, NEW_HAMPSHIRE}),
        ("?area=sustainable-leadership&year=2025", {NEW_HAMPSHIRE}),
        ("?area=climate-change-and-nature-education&year=2026", {FRESNO, CEBU}),
        ("?topic=student-voice&place=CO", {MEDELLIN}),
        ("?area=climate-change-and-nature-education&place=MX&year=2025&topic=inclusion", {OAXACA}),
        ("?place=PH&year=2025", set()),
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
    assert titles[1:] == [FRESNO, GEORGIA, CEBU, NEW_HAMPSHIRE, OAXACA]
    assert document.find(".//a[.='Clear filters']") is None


def test_editors_can_choose_the_featured_story(client, index, stories):
    index.featured_story = stories["mother-tongue-oaxaca"]
    index.save_revision().publish()
    titles, _ = listed(client)
    assert titles[0] == OAXACA
    assert titles.count(OAXACA) == 1


def test_filter_form_offers_only_options_with_stories(client):
    _, document = listed(client, "?place=PH")
    selects = {select.get("name"): select for select in document.iter("select")}
    assert list(selects) == ["area", "place", "year", "topic"]
    places = [option.get("value") for option in selects["place"].iter("option")]
    assert places == ["", "CO", "MX", "PH", "US"]
    assert [
        opt.get("value") for opt in selects["place"].iter("option") if "selected" in opt.attrib
    ] == ["PH"]
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
        "?topic=%00",
        "?area[]=x&topic=",
        "?area=" + "a" * 5000,
    ],
)
def test_bad_filter_and_page_values_never_fail(client, query):
    titles, _ = listed(client, query)
    assert len(titles) == len(STORIES) or "page=" in query


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


def hide_in_every_way(index, stories):
    """A draft, an unpublished story and a private one, all in the Climate key area."""
    draft = StoryPage(title="Draft story", slug="draft-story", summary="Hidden.", live=False)
    draft.key_areas = [area(CLIMATE)]
    index.add_child(instance=draft)
    draft.save_revision()
    unpublished = stories["mangroves-cebu"]
    unpublished.unpublish()
    private = stories["mother-tongue-oaxaca"]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return [draft, unpublished, private]


def test_hidden_stories_never_appear_anywhere(client, index, stories):
    story = stories["school-garden-fresno"]
    StoryPageFactory(title="Still related", key_areas=[area(CLIMATE)])
    hidden = hide_in_every_way(index, stories)
    hidden_titles = {page.title for page in hidden}
    hidden_paths = {f"/en/stories/{page.slug}/" for page in hidden}

    titles, _ = listed(client)
    assert not hidden_titles & set(titles)

    feed = feedparser.parse(client.get("/en/stories/feed/").content)
    assert not hidden_titles & {entry.title for entry in feed.entries}

    related = parse(client.get(story.url).content).find(".//section[@class='section related']")
    assert {text(link) for link in related.iterfind(".//h3/a")} == {"Still related"}

    area_page = parse(client.get("/en/key-areas/climate-change-and-nature-education/").content)
    assert not hidden_titles & {text(link) for link in area_page.iterfind(".//article//h3/a")}

    home = parse(client.get("/en/").content)
    assert not hidden_titles & {text(link) for link in home.iterfind(".//article//h3/a")}

    for word in ("Hidden", "mangroves", "language"):
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
    assert len(feed.entries) == len(STORIES)
    for entry in feed.entries:
        assert client.get(urlparse(entry.link).path).status_code == 200
        assert "<img" in entry.summary and "http://testserver/media/" in entry.summary
        assert entry.published_parsed


def test_key_area_pages_list_their_stories(client):
    document = parse(client.get("/en/key-areas/sustainable-leadership/").content)
    section = document.find(".//section[@aria-labelledby='key-area-stories']")
    titles = [text(link) for link in section.iterfind(".//article//h3/a")]
    assert titles == [MEDELLIN, GEORGIA, NEW_HAMPSHIRE]
    more = document.find(".//a[.='All stories about Sustainable leadership']")
    assert more.get("href") == "/en/stories/?area=sustainable-leadership"


def test_home_page_shows_featured_and_latest_stories(client, index, stories):
    index.featured_story = stories["mother-tongue-oaxaca"]
    index.save_revision().publish()
    document = parse(client.get("/en/").content)
    section = document.find(".//section[@aria-labelledby='latest-stories']")
    assert [text(link) for link in section.iterfind(".//h3/a")] == [OAXACA, MEDELLIN, FRESNO]


def test_stories_live_only_under_a_story_index(home, index):
    assert StoryPage.can_create_at(index)
    assert not StoryPage.can_create_at(home)
    assert not StoryPage.can_create_at(
        StandardPage.objects.get(locale__language_code="en", slug="what-we-do")
    )
    assert not StoryIndexPage.can_create_at(home)  # one per home page
    assert not StoryIndexPage.can_create_at(index)


def test_query_counts_do_not_grow_with_stories(client, index, stories):
    story = stories["school-garden-fresno"]
    urls = ["/en/stories/", f"/en/stories/?area={CLIMATE}&page=2", story.url]
    image = story.image
    areas = list(story.key_areas.all())
    more = topic("more")

    def add_stories(count):
        start = StoryPage.objects.count()
        for number in range(start, start + count):
            page = StoryPage(
                title=f"Story {number}",
                summary="One more story.",
                image=image,
                country="KE",
                body=[("pull_quote", {"text": "More."})],
                live=True,
            )
            page.key_areas = areas
            index.add_child(instance=page)
            page.topics = [more]
            page.save()

    add_stories(14)  # twenty stories, so that the filtered list has a second page
    counts = [render_queries(client, url) for url in urls]
    add_stories(180)
    assert StoryPage.objects.live().filter(locale=index.locale).count() == 200
    assert [render_queries(client, url) for url in urls] == counts


def test_a_story_published_in_the_admin_appears_everywhere(admin_client, client, index):
    leadership = area(LEADERSHIP)
    image = ImageFactory()
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
        image=image.pk,
        image_alt_text="Girls at laptops in a classroom",
        key_areas=[leadership.pk],
        topics=[topic("coding").pk, topic("girls in tech").pk],
        authors=streamfield([("name", "Amina Otieno"), ("name", "Grace Akinyi")]),
        body=streamfield([("pull_quote", {"text": "We learn faster when we teach."})]),
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(locale__language_code="en", slug="coding-club-kisumu")
    assert story.live
    assert story.author_names() == ["Amina Otieno", "Grace Akinyi"]

    titles, _ = listed(client)
    assert titles[0] == "Coding club for girls in Kisumu"
    feed = feedparser.parse(client.get("/en/stories/feed/").content)
    assert feed.entries[0].title == "Coding club for girls in Kisumu"
    area_page = parse(client.get(leadership.url).content)
    assert "Coding club for girls in Kisumu" in [
        text(link) for link in area_page.iterfind(".//article//h3/a")
    ]


def test_story_types_in_search(client):
    MediaItemPageFactory(
        title="Mangrove replanting on the coast", description="Volunteers replant mangroves."
    )
    results = client.get("/en/search/", {"q": "mangroves"}).context["results"]
    assert {page.title for page in results} == {CEBU, "Mangrove replanting on the coast"}
    assert {type(page) for page in results} == {StoryPage, MediaItemPage}


def test_a_page_of_search_results_comes_with_their_count_from_one_query(client):
    titles = [f"Rooftop beehive {number}" for number in range(12)]
    for day, title in enumerate(titles, start=1):
        StoryPageFactory(title=title, date=f"2026-04-{day:02}")

    def results_page(number):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", {"q": "beehive", "page": number})
        document = parse(response.content)
        shown = [text(link) for link in document.iterfind(".//h2[@class='search-result__title']/a")]
        count = text(document.find(".//p[@class='search-count']"))
        searches = [query for query in queries if "wagtailsearch_indexentry" in query["sql"]]
        return shown, count, len(searches)

    # Title matches first, then the newest.
    assert results_page(1) == (titles[::-1][:10], "12 results", 1)
    assert results_page(2) == (titles[1::-1], "12 results", 1)
    # Out of range, and not a number: the last page and the first, as Django's paginator.
    assert results_page(9)[:2] == results_page(0)[:2] == (titles[1::-1], "12 results")
    assert results_page("x") == (titles[::-1][:10], "12 results", 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text index")
def test_search_reads_the_full_text_index_of_the_readers_language():
    words = SearchQuery("huertos escolares", config="spanish", search_type="websearch")
    with connection.cursor() as cursor:
        # The test database is too small for the planner to bother with an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = index_matches(words, "spanish").explain()
    assert "search_document_spanish" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_search_on_sqlite_matches_through_fts5_and_fetches_one_page(client, english):
    with CaptureQueriesContext(connection) as queries:
        results = search_pages('mangroves "coast', english)
        first_page = results[0:10]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "MATCH" in sql and "bm25" not in sql
    assert [page.title for page in first_page] == [CEBU]
    assert results.count() == 1
    assert search_pages("NEAR( AND - *", english).count() == 0
