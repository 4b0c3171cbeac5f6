"""Alliances: the networks we belong to, in the order editors choose."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from alliances.models import FILTER_THRESHOLD, AllianceIndexPage, AlliancePage
from home.models import KeyAreaPage, StandardPage
from tests.conftest import module_content
from tests.factories import AlliancePageFactory, ImageFactory
from tests.html import meta, parse, text
from tests.queries import render_queries

SAGE_SECTORS = [
    "Bicultural Education",
    "Digital Education",
    "Experiential Learning",
    "Student Well-Being",
]


def make_alliances():
    """Three alliances, in the order editors gave them."""
    AlliancePageFactory(
        title="Global Alliance for Education in Sustainable Schools",
        acronym="GALESS",
        slug="galess",
        website="https://galess.example.org/",
    )
    AlliancePageFactory(
        title="International Science Schools Network",
        acronym="ISSN",
        slug="issn",
        website="https://issn.example.org/",
    )
    AlliancePageFactory(
        title="Strategic Alliance of Global Educators",
        acronym="SAGE",
        slug="sage",
        image=ImageFactory(title="SAGE logo"),
        image_alt_text="SAGE logo",
        website="https://sagesch.org/",
        founded_year=2012,
        scope="Global",
        focus_sectors=[("sector", sector) for sector in SAGE_SECTORS],
        key_areas=KeyAreaPage.objects.filter(locale__language_code="en"),
    )


alliances = module_content(make_alliances)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("alliances")]


@pytest.fixture
def index(home):
    return AllianceIndexPage.objects.child_of(home).get()


def cards(client, query=""):
    response = client.get(f"/en/alliances/{query}")
    assert response.status_code == 200
    document = parse(response.content)
    return document.findall(".//article[@class='card alliance-card']"), document


def acronyms(articles):
    return [text(article.find(".//abbr")) for article in articles]


def add_alliances(index, count, sectors=("Teacher Education",)):
    logo = ImageFactory()
    start = AlliancePage.objects.count()
    for number in range(start, start + count):
        index.add_child(
            instance=AlliancePage(
                title=f"Partner network {number}",
                acronym=f"PN{number}",
                summary="A partner network.",
                image=logo,
                website=f"https://partner{number}.example.org/",
                focus_sectors=[("sector", sector) for sector in sectors],
                live=True,
            )
        )
    # Added without publishing, which is what purges the page cache.
    cache.clear()


def test_index_lists_live_alliances_in_editor_order(client):
    articles, _ = cards(client)
    assert acronyms(articles) == ["GALESS", "ISSN", "SAGE"]


def test_editors_reorder_alliances_in_the_admin(admin_client, client):
    sage = AlliancePage.objects.get(locale__language_code="en", slug="sage")
    url = reverse("wagtailadmin_pages:set_page_position", args=[sage.pk])
    response = admin_client.post(f"{url}?position=0")
    assert response.status_code == 200
    articles, _ = cards(client)
    assert acronyms(articles) == ["SAGE", "GALESS", "ISSN"]


def test_a_retired_alliance_disappears_everywhere(admin_client, client):
    issn = AlliancePage.objects.get(locale__language_code="en", slug="issn")
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[issn.pk]))
    assert response.status_code == 302

    articles, _ = cards(client)
    assert acronyms(articles) == ["GALESS", "SAGE"]
    home = parse(client.get("/en/").content)
    strip = home.find(".//section[@aria-labelledby='alliances-strip-heading']")
    assert [text(link) for link in strip.iterfind(".//li/a")] == ["GALESS", "SAGE"]
    assert "/en/alliances/issn/" not in client.get("/sitemap.xml").content.decode()
    results = client.get("/en/search/", {"q": "ISSN"}).context["results"]
    assert "International Science Schools Network" not in [page.title for page in results]
    assert client.get("/en/alliances/issn/").status_code == 404


def test_cards_link_to_the_alliance_page_and_its_website(client):
    articles, _ = cards(client)
    sage = articles[2]
    name = sage.find(".//h2/a")
    assert name.get("href") == "/en/alliances/sage/"
    assert "Strategic Alliance of Global Educators" in text(name)
    website = sage.find(".//a[@class='external-link']")
    assert website.get("href") == "https://sagesch.org/"
    assert "noopener" in website.get("rel").split()
    assert "(another site)" in text(website)
    sectors = [text(item) for item in sage.iterfind(".//ul[@class='tags']/li")]
    assert sectors == SAGE_SECTORS
    for article in articles:
        assert "noopener" in article.find(".//a[@class='external-link']").get("rel")
        assert client.get(article.find(".//h2/a").get("href")).status_code == 200


def test_sector_filter_appears_only_beyond_a_handful(client, index):
    _, document = cards(client)
    assert document.find(".//select[@name='sector']") is None
    add_alliances(index, FILTER_THRESHOLD - 2)
    _, document = cards(client)
    options = [option.get("value") for option in document.iterfind(".//select/option")]
    assert "digital-education" in options and "teacher-education" in options


def test_sector_filter_selects_alliances(client, index):
    add_alliances(index, 10)
    articles, document = cards(client, "?sector=digital-education")
    assert acronyms(articles) == ["SAGE"]
    assert text(document.find(".//p[@class='result-count']")) == "1 alliance"
    articles, _ = cards(client, "?sector=teacher-education")
    assert len(articles) == 10


@pytest.mark.parametrize("query", ["?sector=zzz", "?sector=", "?sector[]=x", "?sector=%00"])
def test_bad_sector_values_are_ignored(client, index, query):
    add_alliances(index, 10)
    articles, _ = cards(client, query)
    assert len(articles) == 13


def test_alliance_page_has_facts_sectors_and_organization_data(client):
    response = client.get("/en/alliances/sage/")
    document = parse(response.content)
    assert text(document.find(".//h1")) == "Strategic Alliance of Global Educators (SAGE)"
    facts = {
        text(item.find("dt")): text(item.find("dd"))
        for item in document.iterfind(".//dl[@class='facts']/div")
    }
    assert facts == {
        "Founded": "2012",
        "Works in": "Global",
        "Website": "https://sagesch.org/ (another site)",
    }
    sectors = [text(item) for item in document.iterfind(".//ol[@class='sectors']/li")]
    assert sectors == SAGE_SECTORS
    assert meta(document, "og:title") == "Strategic Alliance of Global Educators"
    assert meta(document, "og:image")
    script = next(s for s in document.iter("script") if s.get("type") == "application/ld+json")
    organization = json.loads(script.text)
    assert organization["@type"] == "Organization"
    assert organization["alternateName"] == "SAGE"
    assert organization["foundingDate"] == "2012"
    assert organization["url"] == "https://sagesch.org/"
    assert organization["logo"].startswith("http://testserver/media/")
    logo = document.find(".//img[@class='alliance__logo']")
    assert logo.get("alt") == "SAGE logo"
    areas = [text(a) for a in document.iterfind(".//nav[@class='area-links']//a")]
    assert areas == ["Sustainable leadership", "Climate change and nature education"]


def test_home_page_shows_the_alliances_strip(client):
    document = parse(client.get("/en/").content)
    strip = document.find(".//section[@aria-labelledby='alliances-strip-heading']")
    links = [(a.get("href"), text(a)) for a in strip.iterfind(".//li/a")]
    assert links == [
        ("/en/alliances/galess/", "GALESS"),
        ("/en/alliances/issn/", "ISSN"),
        ("/en/alliances/sage/", "SAGE"),
    ]


def test_alliances_live_only_under_their_index(home, index):
    assert AlliancePage.can_create_at(index)
    assert not AlliancePage.can_create_at(home)
    assert not AlliancePage.can_create_at(
        StandardPage.objects.get(locale__language_code="en", slug="what-we-do")
    )
    assert not AllianceIndexPage.can_create_at(home)


def test_index_queries_do_not_grow_with_alliances(client, index):
    urls = ["/en/alliances/", "/en/alliances/?sector=teacher-education", "/en/"]
    counts = [render_queries(client, url) for url in urls]
    add_alliances(index, 60 - AlliancePage.objects.count())
    assert AlliancePage.objects.live().count() == 60
    assert [render_queries(client, url) for url in urls] == counts
