"""Site settings: edited in the admin, one set per language, falling back to the source."""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from home.models import StandardPage
from site_settings.models import SiteSettings
from tests.admin import edit_form_data
from tests.html import parse, text
from tests.translating import (
    current_translation,
    publish_in_editor,
    put_string,
    segments,
    translation_of,
)

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
    assert text(document.find(".//span[@class='site-header__name']")) == ("Red de Educación")


def test_site_settings_are_in_the_settings_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("wagtailsnippets_common_sitesettings:list") in response.content.decode()


def test_an_editors_change_waits_for_a_moderator(client, user, english_settings):
    editor = Client()
    editor.force_login(user("editor"))
    url = reverse("wagtailsnippets_common_sitesettings:edit", args=[english_settings.pk])
    data = edit_form_data(
        editor.get(url), english_settings, tagline="Schools changing the world together."
    )
    data["action-publish"] = "action-publish"  # not an editor's to press
    assert editor.post(url, data).status_code == 302
    data.pop("action-publish")
    data["action-submit"] = "action-submit"
    assert editor.post(url, data).status_code == 302
    english_settings.refresh_from_db()
    assert english_settings.workflow_in_progress
    assert "Schools changing the world together." not in client.get("/en/").content.decode()

    moderator = Client()
    moderator.force_login(user("moderator"))
    task_state = english_settings.current_workflow_task_state
    response = moderator.post(
        reverse(
            "wagtailsnippets_common_sitesettings:workflow_action",
            args=[english_settings.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    assert "Schools changing the world together." in client.get("/en/").content.decode()
    assert "Schools changing the world together." not in client.get("/es/").content.decode()


def test_the_spanish_translator_publishes_the_spanish_footer_only(client, user, spanish):
    translator = Client()
    translator.force_login(user("translator-es"))
    listing = translator.get(reverse("wagtailsnippets_common_sitesettings:list"))
    assert [str(item) for item in listing.context["object_list"]] == [
        str(SiteSettings.objects.get(locale=spanish))
    ]
    pages = {language: client.get(f"/{language}/").content for language in ("en", "fr")}
    for language in ("en", "fr"):
        other = SiteSettings.objects.get(locale__language_code=language)
        url = reverse("wagtailsnippets_common_sitesettings:edit", args=[other.pk])
        assert translator.get(url)["Location"] == "/admin/"
        response = translator.post(url, {"action": "publish"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        unpublish = reverse("wagtailsnippets_common_sitesettings:unpublish", args=[other.pk])
        assert translator.post(unpublish)["Location"] == "/admin/"
        assert SiteSettings.objects.get(pk=other.pk).live

    spanish_settings = SiteSettings.objects.get(locale=spanish)
    translation = translation_of(spanish_settings)
    footer = segments(translation, "footer_text")[0]
    put_string(translator, translation, footer, "Sitio de demostración de la red.")
    assert publish_in_editor(translator, spanish_settings).status_code == 302
    assert "Sitio de demostración de la red." in client.get("/es/").content.decode()
    assert {language: client.get(f"/{language}/").content for language in ("en", "fr")} == pages


def test_a_language_gets_only_one_set_of_settings(admin_client, english):
    url = reverse("wagtailsnippets_common_sitesettings:add") + "?locale=en"
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


def test_a_translator_cannot_touch_another_languages_translation(user):
    translator = Client()
    translator.force_login(user("translator-es"))
    french_settings = SiteSettings.objects.get(locale__language_code="fr")
    translation = translation_of(french_settings)
    footer = segments(translation, "footer_text")[0]
    before = current_translation(translation, footer)
    response = put_string(translator, translation, footer, "Écrit par quelqu'un d'autre.")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert current_translation(translation, footer) == before


def test_the_database_holds_one_set_of_settings_per_language(english):
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSettings.objects.create(locale=english, organisation_name="A second set")
