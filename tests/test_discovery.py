"""Search engines and readers find live pages, and only live pages."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from tests.conftest import translate

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemaps(client):
    """The sitemaps the index at /sitemap.xml lists, as paths."""
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    return [loc.text.removeprefix("http://testserver") for loc in index.iter(f"{SITEMAP}loc")]


def sitemap_entries(client):
    """Every address in the sitemaps, with its hreflang alternates."""
    entries = {}
    for path in sitemaps(client):
        for url in xml(client, path).iter(f"{SITEMAP}url"):
            links = url.iter(f"{XHTML}link")
            entries[url.findtext(f"{SITEMAP}loc")] = {
                link.get("hreflang"): link.get("href") for link in links
            }
    return entries


def test_the_sitemap_is_an_index_of_a_sitemap_per_language(client, home):
    assert sitemaps(client) == [f"/sitemap-{code}.xml" for code in ("en", "es", "fr", "ar")]
    spanish = {loc.text for loc in xml(client, "/sitemap-es.xml").iter(f"{SITEMAP}loc")}
    assert spanish and all(loc.startswith("http://testserver/es/") for loc in spanish)


def test_a_long_sitemap_is_split_into_pages(client, home, monkeypatch):
    monkeypatch.setattr("sharing.sitemaps.URLS_PER_SITEMAP", 3)
    # Eight pages in each language: three sitemap pages of at most three addresses.
    english = [path for path in sitemaps(client) if path.startswith("/sitemap-en")]
    assert english == ["/sitemap-en.xml", "/sitemap-en.xml?p=2", "/sitemap-en.xml?p=3"]
    counts = [len(list(xml(client, path).iter(f"{SITEMAP}url"))) for path in english]
    assert counts == [3, 3, 2]
    assert client.get("/sitemap-en.xml?p=4").status_code == 404
    assert client.get("/sitemap-en.xml?p=x").status_code == 404
    assert client.get("/sitemap-de.xml").status_code == 404


def test_sitemap_lists_every_live_page_and_no_draft(client, home):
    draft = StandardPage(title="Unfinished", slug="unfinished", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    private = StandardPage(title="Members only", slug="members-only")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    locations = set(sitemap_entries(client))
    expected = {
        f"http://testserver{page.url}" for page in Page.objects.live().public().filter(depth__gt=1)
    }
    assert locations == expected
    # In each of four languages: home, what we do, the key-area index and two key
    # areas, the stories, gallery and alliances indexes.
    assert len(expected) == 4 * 8
    assert "http://testserver/en/unfinished/" not in locations
    assert "http://testserver/en/members-only/" not in locations


def test_sitemap_lists_translations_with_alternates(client, key_area):
    entries = sitemap_entries(client)
    alternates = {
        page.locale.language_code: f"http://testserver{page.url}"
        for page in key_area.get_translations(inclusive=True)
    }
    alternates["x-default"] = alternates["en"]
    assert len(alternates) == 5
    for language in ("en", "es", "fr", "ar"):
        assert entries[alternates[language]] == alternates


def test_sitemap_leaves_out_an_unpublished_translation(client, key_area, spanish):
    spanish_area = key_area.get_translation(spanish)
    spanish_area.unpublish()
    entries = sitemap_entries(client)
    assert f"http://testserver{spanish_area.url}" not in entries
    assert "es" not in entries[f"http://testserver{key_area.url}"]


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def search(client, query, language="en"):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response


def test_search_finds_a_key_area_by_a_word_in_its_body(client, key_area):
    key_area.body = [("paragraph", "<p>Students map the rivers near their school.</p>")]
    key_area.save_revision().publish()
    response = search(client, "rivers")
    assert [page.pk for page in response.context["results"]] == [key_area.pk]


def test_search_finds_nothing_from_another_language(client, key_area, spanish):
    translation = translate(key_area, spanish)
    translation.summary = "Liderazgo que cuida a las personas y al planeta: mariposas."
    translation.save_revision().publish()

    assert search(client, "mariposas", "en").context["results"].paginator.count == 0
    spanish_results = search(client, "mariposas", "es").context["results"]
    assert [page.pk for page in spanish_results] == [translation.pk]


def test_search_never_shows_unpublished_pages(client, key_area):
    assert key_area.pk in [page.pk for page in search(client, "leadership").context["results"]]
    key_area.unpublish()
    assert key_area.pk not in [page.pk for page in search(client, "leadership").context["results"]]


def test_empty_search_shows_the_form_without_results(client):
    response = search(client, "")
    assert 'name="q"' in response.content.decode()
    assert response.context["results"].paginator.count == 0
    assert 'class="search-count"' not in response.content.decode()


def test_search_with_no_match_says_so(client):
    response = search(client, "zzzzqqq")
    assert response.context["results"].paginator.count == 0
    assert "Nothing matched your search" in response.content.decode()
