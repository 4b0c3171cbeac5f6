"""A newcomer's first look: the home page states the mission and leads to the key areas."""

import pytest
from django.db import connection

from home.models import KeyAreaPage
from site_settings.models import SiteSettings
from stories.models import StoryIndexPage, StoryPage
from tests.factories import PASSWORD, ImageFactory, StandardPageFactory, StoryPageFactory
from tests.html import parse, text

pytestmark = pytest.mark.django_db


def test_root_redirects_to_english_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_the_visitors_language(client):
    response = client.get("/", headers={"accept-language": "ar,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_home_page_states_the_mission(client, home):
    home.introduction = "<p>A network of schools.</p>"
    home.objectives = [("objective", f"Objective {number}") for number in range(1, 4)]
    home.core_values = [
        ("value", {"title": title, "description": f"What {title} means."})
        for title in ("Leadership", "Care")
    ]
    home.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == 200
    document = parse(response.content)
    page_text = text(document.find(".//main"))
    assert home.mission in page_text
    assert home.vision in page_text
    for heading in ("Who we are", "Our vision", "Our objectives", "Core values", "Key areas"):
        assert heading in page_text
    objectives = document.findall(".//ol[@class='objectives']/li")
    assert [text(objective) for objective in objectives] == [
        "Objective 1",
        "Objective 2",
        "Objective 3",
    ]
    values = [text(title) for title in document.iterfind(".//li[@class='card value']/h3")]
    assert values == ["Leadership", "Care"]


def test_key_area_index_lists_only_live_key_areas(client, key_area):
    key_area.unpublish()
    document = parse(client.get("/en/key-areas/").content)
    titles = [text(link) for link in document.iterfind(".//ul[@class='card-grid key-areas']//a")]
    assert len(titles) == KeyAreaPage.objects.live().filter(locale=key_area.locale).count() == 1
    assert key_area.title not in titles


def test_standard_page_renders_its_body(client, home):
    page = StandardPageFactory(
        title="About us",
        introduction="Who we are.",
        body=[
            ("heading", {"text": "A deep commitment to public education", "level": "h2"}),
            ("paragraph", "<p>Schools in California and Georgia.</p>"),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    document = parse(response.content)
    assert text(document.find(".//h1")) == "About us"
    headings = [text(h2) for h2 in document.iterfind(".//div[@class='stream prose']/h2")]
    assert headings == ["A deep commitment to public education"]
    assert "Schools in California and Georgia." in text(document.find(".//main"))


def test_header_and_footer_come_from_site_settings(client, english):
    site_settings = SiteSettings.objects.get(locale=english)
    site_settings.social_links = [
        ("link", {"network": "youtube", "url": "https://www.youtube.com/@network", "label": ""}),
        ("link", {"network": "other", "url": "https://example.org/news", "label": "News"}),
    ]
    site_settings.save_revision().publish()
    document = parse(client.get("/en/").content)
    nav = [text(link) for link in document.iterfind(".//nav[@class='site-nav']//a")]
    assert nav == ["What we do", "Key areas", "Stories", "Media gallery", "Alliances", "Search"]
    social = [text(link) for link in document.iterfind(".//ul[@class='social-links']//a")]
    assert social == ["YouTube", "News"]
    assert document.find(".//a[@class='skip-link']").get("href") == "#main"
    assert document.find(".//main").get("id") == "main"


def test_admin_accepts_the_administrator(client):
    client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 200


def test_admin_refuses_a_wrong_password(client):
    response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_search_results_say_what_each_is_when_and_show_its_image(client):
    story = StoryPageFactory(
        title="Garden lunches",
        summary="The school garden feeds the kitchen.",
        image=ImageFactory(),
        image_alt_text="A garden",
    )
    document = parse(client.get("/en/search/", {"q": "garden"}).content)
    result = next(
        item
        for item in document.iterfind(".//ol[@class='search-results']/li")
        if text(item.find(".//h2")) == story.title
    )
    meta_line = result.find(".//p[@class='search-result__meta']")
    assert text(meta_line.find("span")) == "Story"
    assert meta_line.find("time").get("datetime") == story.date.isoformat()
    image = result.find(".//img")
    assert (image.get("alt"), image.get("loading")) == ("", "lazy")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)
@pytest.mark.parametrize(
    ("language", "title", "queries"),
    [
        ("es", "Los alumnos aprenden en los huertos", ["huertos", "huerto", "aprendemos"]),
        ("fr", "Les jardins scolaires nourrissent le quartier", ["jardins", "nourrir"]),
        ("en", "School gardening feeds the neighbourhood", ["gardening", "gardens"]),
    ],
)
def test_search_finds_every_form_of_a_word_in_the_readers_language(
    client, language, title, queries, django_capture_on_commit_callbacks
):
    index = StoryIndexPage.objects.get(locale__language_code=language)
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPage(title=title, summary=title, locale=index.locale)
        index.add_child(instance=story)
        story.save_revision().publish()
    found = []
    for query in queries:
        document = parse(client.get(f"/{language}/search/", {"q": query}).content)
        found.append([text(h2) for h2 in document.iterfind(".//ol[@class='search-results']//h2")])
    assert found == [[title]] * len(queries)
