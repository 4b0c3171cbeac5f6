"""Site settings: edited in the admin, one set per language, falling back to the source."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from home.models import SiteSettings, StandardPage
from tests.admin import edit_form_data
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_settings(english):
    return SiteSettings.objects.get(locale=english)


def test_settings_follow_the_readers_language(english_settings, spanish):
    spanish_settings = SiteSettings.objects.get(locale=spanish)
    with translation.override("es"):
        assert SiteSettings.for_active_language() == spanish_settings
    with translation.override("en"):
        assert SiteSettings.for_active_language() == english_settings


def test_settings_fall_back_to_the_source_language(english_settings):
    SiteSettings.objects.filter(locale__language_code="fr").delete()
    with translation.override("fr"):
        assert SiteSettings.for_active_language() == english_settings


def test_header_shows_the_translated_organisation_name(client):
    document = parse(client.get("/es/search/").content)
    assert text(document.find(".//span[@class='site-header__name']")) == (
        "Alianzas para la Educación en Sostenibilidad"
    )


def test_site_settings_are_in_the_settings_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("wagtailsnippets_home_sitesettings:list") in response.content.decode()


def test_editing_settings_in_the_admin_changes_the_footer(admin_client, client, english_settings):
    url = reverse("wagtailsnippets_home_sitesettings:edit", args=[english_settings.pk])
    data = edit_form_data(
        admin_client.get(url), english_settings, tagline="Schools changing the world together."
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert "Schools changing the world together." in client.get("/en/").content.decode()


def test_a_language_gets_only_one_set_of_settings(admin_client, english):
    url = reverse("wagtailsnippets_home_sitesettings:add") + "?locale=en"
    data = edit_form_data(admin_client.get(url), SiteSettings(), organisation_name="A second set")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "This language already has site settings" in response.content.decode()
    assert SiteSettings.objects.filter(locale=english).count() == 1
    assert Locale.objects.filter(language_code="en").exists()


def test_text_left_in_the_source_language_says_so(client, arabic):
    """Here the Arabic settings and the Arabic 'What we do' are missing: English stands in."""
    SiteSettings.objects.filter(locale=arabic).delete()
    StandardPage.objects.get(locale=arabic, depth=3).unpublish()
    page = parse(client.get("/ar/search/").content)
    link = page.find(".//nav[@class='site-nav']//a[@href='/en/what-we-do/']")
    assert (link.get("lang"), link.get("dir")) == ("en", "ltr")
    name = page.find(".//span[@class='site-header__name']")
    assert (name.get("lang"), name.get("dir")) == ("en", "ltr")

    english = parse(client.get("/en/search/").content)
    link = english.find(".//nav[@class='site-nav']//a[@href='/en/what-we-do/']")
    assert link.get("lang") is None
