"""Translation for a global audience: wagtail-localize, the report, languages kept apart."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from tests.html import parse, text
from tests.translating import publish_in_editor, put_string, segments, translation_of

pytestmark = pytest.mark.django_db


def test_root_sends_readers_to_their_language(client):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/fr/"
    # The language switcher remembers a reader's choice (site.js) over their browser's.
    client.cookies["django_language"] = "es"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/es/"


def test_pages_set_no_cookie_so_shared_caches_can_keep_them(client):
    for url in ("/es/", "/ar/", "/en/search/?q=garden", "/en/no-such-page/"):
        assert not client.get(url).cookies


def test_a_page_is_translated_through_wagtail_localize_and_published(
    admin_client, client, new_story, spanish
):
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[new_story.pk]),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302
    spanish_story = new_story.get_translation(spanish)
    assert not spanish_story.live
    translation = translation_of(spanish_story)
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    # A machine draft is not a translation: publishing it is refused...
    assert publish_in_editor(admin_client, spanish_story).status_code == 200
    assert not Page.objects.get(pk=spanish_story.pk).live

    # ...until a person has translated every text.
    spanish_texts = {
        "Night classes for parents": "Clases nocturnas para madres y padres",
        "Parents learn to read alongside their children.": "Madres y padres aprenden a leer.",
    }
    for segment in segments(translation):
        if segment.string.data in spanish_texts:
            put_string(admin_client, translation, segment, spanish_texts[segment.string.data])
    response = publish_in_editor(admin_client, spanish_story)
    assert response.status_code == 302

    spanish_story.refresh_from_db()
    assert spanish_story.live
    assert spanish_story.title == "Clases nocturnas para madres y padres"
    assert spanish_story.url == "/es/historias/clases-nocturnas-para-madres-y-padres/"
    document = parse(client.get(spanish_story.url).content)
    assert document.get("lang") == "es"
    assert text(document.find(".//h1")) == spanish_story.title
    areas = [(a.get("href"), text(a)) for a in document.iterfind(".//nav[@class='area-links']//a")]
    assert areas == [("/es/areas-clave/liderazgo-sostenible/", "Liderazgo sostenible")]
    index = parse(client.get("/es/historias/").content)
    assert spanish_story.url in [a.get("href") for a in index.iterfind(".//main//a")]


def test_a_translator_works_only_in_their_own_language(
    client, user, home, django_capture_on_commit_callbacks
):
    client.force_login(user("translator-es"))
    spanish_home = home.get_translation(Locale.objects.get(language_code="es"))
    french_home = home.get_translation(Locale.objects.get(language_code="fr"))

    for page in (home, french_home):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        revisions = page.revisions.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"action": "publish"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert page.revisions.count() == revisions

    url = reverse("wagtailadmin_pages:edit", args=[spanish_home.pk])
    assert client.get(url).status_code == 200
    revisions = spanish_home.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302
    assert spanish_home.revisions.count() == revisions + 1
    spanish_home.refresh_from_db()
    assert spanish_home.live_revision == spanish_home.latest_revision
    assert client.get("/es/").status_code == 200


def action(cell):
    """Where a report cell's button posts to, or its link leads."""
    form = cell.find("form")
    return form.get("action") if form is not None else cell.find("a").get("href")


def report_cells(client, language=""):
    response = client.get(reverse("translation_report"), {"language": language})
    assert response.status_code == 200
    document = parse(response.content)
    table = document.find(".//table[@class='listing translation-report']")
    rows = {}
    for row in table.iterfind("./tbody/tr"):
        title = text(row.find("th"))
        rows[title] = [(cell.get("data-status"), action(cell)) for cell in row.iter("td")]
    headers = [text(th) for th in table.iterfind("./thead//th")]
    return headers, rows


def test_translation_report_shows_the_state_of_every_translation(admin_client, home, new_story):
    headers, rows = report_cells(admin_client)
    assert headers == ["Page", "Español", "Français", "العربية"]
    assert [status for status, _url in rows[home.title]] == ["current"] * 3
    status, url = rows[new_story.title][0]
    assert status == "missing"
    assert url == reverse("wagtail_localize:submit_page_translation", args=[new_story.pk])

    TranslationCreator(None, [Locale.objects.get(language_code="fr")]).create_translations(
        new_story
    )
    headers, rows = report_cells(admin_client, "fr")
    assert len(headers) == 2
    assert rows[new_story.title] == [("in-progress", rows[new_story.title][0][1])]
    assert "/admin/pages/" in rows[new_story.title][0][1]


def test_publishing_the_source_marks_translations_out_of_date_until_updated(
    admin_client, user, key_area, spanish
):
    spanish_area = key_area.get_translation(spanish)
    _, rows = report_cells(admin_client, "es")
    assert rows[key_area.title][0][0] == "current"

    key_area.summary = "A new summary in the source language."
    key_area.save_revision().publish()
    _, rows = report_cells(admin_client, "es")
    status, url = rows[key_area.title][0]
    assert status == "out-of-date"
    assert url == reverse("update_translation", args=[translation_of(spanish_area).pk])

    # Updating brings the new English text to the translator; nothing is published yet.
    response = admin_client.post(url)
    assert response.status_code == 302
    spanish_area.refresh_from_db()
    assert spanish_area.summary != "A new summary in the source language."
    _, rows = report_cells(admin_client, "es")
    assert rows[key_area.title][0][0] == "out-of-date"

    translator = Client()
    translator.force_login(user("translator-es"))
    translation = translation_of(spanish_area)
    put_string(translator, translation, segments(translation, "summary")[0], "Un resumen nuevo.")
    assert publish_in_editor(translator, spanish_area).status_code == 302
    _, rows = report_cells(admin_client, "es")
    assert rows[key_area.title][0][0] == "current"
    spanish_area.refresh_from_db()
    assert spanish_area.summary == "Un resumen nuevo."
    assert spanish_area.title == "Liderazgo sostenible"  # the rest keeps its translation


def test_translators_can_open_the_report(client, user):
    client.force_login(user("translator-ar"))
    _, rows = report_cells(client, "ar")
    assert rows
