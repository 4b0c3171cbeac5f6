"""Every public page type carries what browsers, search engines and share cards read."""

import json
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from wagtail.models import Locale

from alliances.models import AllianceIndexPage, AlliancePage
from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from tests.conftest import translate
from tests.factories import (
    AlliancePageFactory,
    ImageFactory,
    MediaItemPageFactory,
    StoryPageFactory,
)
from tests.html import links, meta, parse, text

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StandardPage,
    KeyAreaIndexPage,
    KeyAreaPage,
    StoryIndexPage,
    StoryPage,
    GalleryIndexPage,
    MediaItemPage,
    AllianceIndexPage,
    AlliancePage,
]
FACTORIES = {
    StoryPage: StoryPageFactory,
    MediaItemPage: MediaItemPageFactory,
    AlliancePage: AlliancePageFactory,
}
OPEN_GRAPH_TYPES = {StoryPage: "article", MediaItemPage: "video.other"}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_has_title_description_canonical_and_sharing_tags(client, page_type):
    page = page_type.objects.live().first() or FACTORIES[page_type](image=ImageFactory())
    response = client.get(page.url)
    assert response.status_code == 200
    document = parse(response.content)

    assert (document.get("lang"), document.get("dir")) == ("en", "ltr")
    title = text(document.find(".//title"))
    assert title.startswith(page.title)
    assert title.endswith("| Education Network")

    description = meta(document, "description")
    assert description and description == meta(document, "og:description")
    assert description.startswith(page.meta_description[:50])

    canonical = links(document, "canonical")
    assert [link.get("href") for link in canonical] == [f"http://testserver{page.url}"]
    assert meta(document, "og:url") == f"http://testserver{page.url}"
    assert meta(document, "og:title") == page.title
    assert meta(document, "og:type") == OPEN_GRAPH_TYPES.get(page_type, "website")
    assert meta(document, "og:site_name") == "Education Network"
    assert meta(document, "twitter:card") == "summary_large_image"
    image_url = meta(document, "og:image")
    assert urlparse(image_url).netloc == "testserver"
    assert (meta(document, "og:image:width"), meta(document, "og:image:height")) == ("1200", "630")
    media_path = urlparse(image_url).path.removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(media_path)
    assert meta(document, "twitter:image") == image_url


def test_page_without_an_image_falls_back_to_the_site_sharing_image(client, key_area_index):
    document = parse(client.get(key_area_index.url).content)
    assert key_area_index.meta_image is None
    assert "sharing-image" in meta(document, "og:image")


def test_search_description_overrides_the_summary(client, key_area):
    key_area.search_description = "A description written for search engines."
    key_area.save_revision().publish()
    document = parse(client.get(key_area.url).content)
    assert meta(document, "description") == "A description written for search engines."


def test_hreflang_alternates_and_x_default(client, key_area, arabic):
    document = parse(client.get(key_area.url).content)
    alternates = {link.get("hreflang"): link.get("href") for link in links(document, "alternate")}
    url = f"http://testserver{key_area.url}"
    assert alternates == {
        "en": url,
        "es": "http://testserver/es/areas-clave/liderazgo-sostenible/",
        "fr": "http://testserver/fr/domaines-cles/leadership-durable/",
        "ar": "http://testserver" + key_area.get_translation(arabic).url,
        "x-default": url,
    }
    assert unquote(alternates["ar"]).startswith("http://testserver/ar/المجالات")


def test_open_graph_names_the_locale_with_its_territory_and_each_translation(client, key_area):
    document = parse(client.get(key_area.url).content)
    assert meta(document, "og:locale") == "en_US"
    alternates = [
        element.get("content")
        for element in document.iter("meta")
        if element.get("property") == "og:locale:alternate"
    ]
    assert alternates == ["es_ES", "fr_FR", "ar_EG"]


def test_the_home_page_labels_the_mission_and_describes_the_organisation(client, home):
    document = parse(client.get(home.url).content)
    mission = document.find(".//p[@class='hero__mission']")
    assert text(mission.find("strong")) == "Our mission"
    assert text(mission).endswith(home.mission)
    data = json.loads(
        next(s for s in document.iter("script") if s.get("type") == "application/ld+json").text
    )
    assert data["@type"] == "Organization"
    assert data["name"] == "Education Network"
    assert data["url"] == f"http://testserver{home.url}"
    assert data["description"] == home.mission


def test_language_switcher_lists_every_language_with_native_names(client, key_area):
    document = parse(client.get(key_area.url).content)
    switcher = document.find(".//nav[@class='language-switcher']")
    entries = [(a.get("lang"), a.get("hreflang"), text(a)) for a in switcher.iter("a")]
    assert entries == [
        ("en", "en", "English"),
        ("es", "es", "Español"),
        ("fr", "fr", "Français"),
        ("ar", "ar", "العربية"),
    ]
    current = [a for a in switcher.iter("a") if a.get("aria-current")]
    assert [a.get("lang") for a in current] == ["en"]


def test_language_switcher_leads_to_the_translation_where_one_exists(client, key_area, spanish):
    translation = translate(key_area, spanish)
    translation.title = "Liderazgo sostenible"
    translation.save_revision().publish()

    document = parse(client.get(key_area.url).content)
    spanish_link = document.find(".//nav[@class='language-switcher']//a[@lang='es']")
    assert spanish_link.get("href") == f"http://testserver{translation.url}"
    assert translation.url.startswith("/es/")

    response = client.get(translation.url)
    spanish_page = parse(response.content)
    assert spanish_page.get("lang") == "es"
    assert text(spanish_page.find(".//h1")) == "Liderazgo sostenible"


def test_arabic_pages_are_right_to_left(client, home):
    translate(home, Locale.objects.get(language_code="ar"))
    document = parse(client.get("/ar/").content)

    assert (document.get("lang"), document.get("dir")) == ("ar", "rtl")


def test_search_and_error_pages_carry_language_and_canonical(client):
    for url, status in (("/en/search/?q=care", 200), ("/en/no-such-page/", 404)):
        response = client.get(url)
        assert response.status_code == status
        document = parse(response.content)

        assert (document.get("lang"), document.get("dir")) == ("en", "ltr")
        assert text(document.find(".//title"))
        assert links(document, "canonical")
        assert meta(document, "robots") == "noindex"
