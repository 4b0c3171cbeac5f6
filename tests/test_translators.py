"""
Translators' own tools: the dashboard's to-do list, the report's filters, e-mail when
there is work, and bringing one language up to date with what changed.
"""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.conftest import publish_english_story
from tests.html import parse, text
from tests.translating import (
    current_translation,
    publish_in_editor,
    put_string,
    segments,
    translation_of,
)
from translation_workflow.models import TranslationEmails

pytestmark = pytest.mark.django_db

NAMES = {"es": "Español", "fr": "Français", "ar": "العربية"}
NEW_SUMMARY = "Growing leaders who make decisions for the long term."


def dashboard_items(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = parse(response.content).find(".//*[@id='translations-to-do-section']")
    if panel is None:
        return None
    return [
        (
            text(row.find("th")),
            text(row.findall("td")[0]),
            row.get("data-status"),
            row.find(".//form").get("action"),
        )
        for row in panel.iterfind(".//tbody/tr")
    ]


def press(client, action, locale):
    """A to-do item's button: a form that posts the item's language."""
    return client.post(action, {"locales": [locale.pk]})


def republish(page, **fields):
    """Change and publish a page as the admin's editor does, from its stored state."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_a_translators_dashboard_lists_her_work_until_she_publishes(
    client, user, new_story, key_area, language, django_capture_on_commit_callbacks
):
    republish(key_area, summary=NEW_SUMMARY)
    locale = Locale.objects.get(language_code=language)
    client.force_login(user(f"translator-{language}"))

    items = dashboard_items(client)
    translation = translation_of(key_area.get_translation(locale))
    assert items == [
        (
            key_area.title,
            NAMES[language],
            "out-of-date",
            reverse("update_translation", args=[translation.pk]),
        ),
        (
            new_story.title,
            NAMES[language],
            "missing",
            reverse("wagtail_localize:submit_page_translation", args=[new_story.pk]),
        ),
    ]

    # Translate: the button starts the translation and opens it in the editor.
    response = press(client, items[1][3], locale)
    story = new_story.get_translation(locale)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    translation = translation_of(story)
    for segment in segments(translation):
        if segment.context.path != "slug":
            put_string(client, translation, segment, f"{segment.string.data} ({language})")
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_in_editor(client, story).status_code == 302
    assert [item[0] for item in dashboard_items(client)] == [key_area.title]
    story.refresh_from_db()
    assert client.get(story.url).status_code == 200

    # Update: the button brings the new source text and opens the editor.
    response = press(client, items[0][3], locale)
    area = key_area.get_translation(locale)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[area.pk])
    translation = translation_of(area)
    put_string(client, translation, segments(translation, "summary")[0], f"({language})")
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_in_editor(client, area).status_code == 302
    assert dashboard_items(client) == []
    assert "(" + language + ")" in client.get(area.url).content.decode()


def test_editors_have_no_translation_panel(client, user, new_story):
    client.force_login(user("editor"))
    assert dashboard_items(client) is None


def report_statuses(client, **query):
    response = client.get(reverse("translation_report"), query)
    document = parse(response.content)
    table = document.find(".//table[@class='listing translation-report']")
    headers = [text(th) for th in table.iterfind("./thead//th")][1:]
    rows = {
        text(row.find("th")): [cell.get("data-status") for cell in row.iter("td")]
        for row in table.iterfind("./tbody/tr")
        if row.find("th") is not None
    }
    return headers, rows


def test_the_report_starts_in_the_translators_language_and_filters_by_status(
    client, user, home, new_story
):
    client.force_login(user("translator-ar"))
    headers, rows = report_statuses(client)
    assert headers == ["العربية"]
    assert rows[home.title] == ["current"]
    assert rows[new_story.title] == ["missing"]

    headers, rows = report_statuses(client, status="missing")
    assert rows == {new_story.title: ["missing"]}
    headers, rows = report_statuses(client, language="", status="missing")
    assert headers == ["Español", "Français", "العربية"]
    assert rows == {new_story.title: ["missing", "missing", "missing"]}

    # Each state is told in words, not by colour alone.
    document = parse(client.get(reverse("translation_report")).content)
    labels = {text(label) for label in document.iterfind(".//td/span")}
    assert labels == {"Missing", "Published and current"}


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_publishing_a_translated_page_tells_each_languages_translators_once(
    key_area, new_story, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(key_area, summary=NEW_SUMMARY)
    assert recipients() == [
        "translator-ar@example.org",
        "translator-es@example.org",
        "translator-fr@example.org",
    ]
    assert all(key_area.title in message.subject for message in mail.outbox)
    assert "out of date" in mail.outbox[0].body

    # A new page is news too; publishing it again before anyone translated it is not.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_english_story(
            "sustainable-leadership", title="Story", slug="story", summary="What happened."
        )
    assert len(recipients()) == 3
    assert "new" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(story, summary="Later.")
    assert mail.outbox == []


def test_translations_published_in_a_language_tell_nobody(
    key_area, spanish, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(key_area.get_translation(spanish), summary="Otro resumen.")
    assert mail.outbox == []


def test_a_translator_hears_in_her_admin_language(
    key_area, user, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(user("translator-es"))
    profile.preferred_language = "es"
    profile.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(key_area, summary=NEW_SUMMARY)
    spanish = next(m for m in mail.outbox if m.to == ["translator-es@example.org"])
    assert spanish.subject.startswith("Para traducir")


def test_updating_one_language_leaves_the_others_and_shows_what_changed(
    client, user, key_area, spanish, arabic
):
    translation = translation_of(key_area.get_translation(arabic))
    old_summary = key_area.summary
    previous = current_translation(translation, segments(translation, "summary")[0])
    others = {
        locale: (page.revisions.count(), page.summary)
        for locale in Locale.objects.exclude(pk__in=[key_area.locale_id, arabic.pk])
        for page in [key_area.get_translation(locale)]
    }
    republish(key_area, summary=old_summary.replace(" is about.", " means for schools."))

    client.force_login(user("translator-ar"))
    response = client.post(reverse("update_translation", args=[translation.pk]))
    arabic_area = key_area.get_translation(arabic)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[arabic_area.pk])
    for locale, (revisions, summary) in others.items():
        page = key_area.get_translation(locale)
        assert (page.revisions.count(), page.summary) == (revisions, summary)

    document = parse(client.get(response["Location"]).content)
    changed = document.find(".//section[@class='nice-padding changed-texts']")
    values = changed.findall(".//dd")
    assert text(values[0]) == old_summary
    assert [text(word) for word in values[1].iterfind("del")] == ["is about."]
    assert [text(word) for word in values[1].iterfind("ins")] == ["means for schools."]
    assert text(values[2]) == previous
    assert values[2].get("dir") == "rtl"

    # A translator of another language may not update this one.
    client.force_login(user("translator-es"))
    response = client.post(reverse("update_translation", args=[translation.pk]))
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def choose_emails(translator, frequency):
    TranslationEmails.objects.update_or_create(user=translator, defaults={"frequency": frequency})


def test_translators_choose_how_they_hear_of_their_work(
    user, key_area, new_story, django_capture_on_commit_callbacks
):
    choose_emails(user("translator-es"), TranslationEmails.Frequency.DAILY)
    choose_emails(user("translator-fr"), TranslationEmails.Frequency.NEVER)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        republish(key_area, summary=NEW_SUMMARY)
    assert recipients() == ["translator-ar@example.org"]

    # The daily summary: her to-do list, once, and nothing for who chose otherwise.
    mail.outbox.clear()
    output = io.StringIO()
    call_command("send_translation_digests", stdout=output)
    assert "1 translation summaries sent." in output.getvalue()
    assert recipients() == ["translator-es@example.org"]
    digest = mail.outbox[0]
    assert digest.subject == "2 translations to do"
    assert f"- {key_area.title} (Español): Out of date" in digest.body
    assert f"- {new_story.title} (Español): Missing" in digest.body


def test_a_translator_sets_her_preference_in_her_account(client, user):
    translator = user("translator-ar")
    client.force_login(translator)
    account = parse(client.get(reverse("wagtailadmin_account")).content)
    choices = account.findall(".//input[@name='translation_emails-frequency']")
    assert [choice.get("value") for choice in choices] == ["each-change", "daily", "never"]
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Layla",
            "name_email-last_name": "Haddad",
            "name_email-email": "translator-ar@example.org",
            "locale-preferred_language": "ar",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "translation_emails-frequency": "daily",
        },
    )
    assert response.status_code == 302
    assert translator.translation_emails.frequency == "daily"

    client.force_login(user("editor"))
    account = parse(client.get(reverse("wagtailadmin_account")).content)
    assert account.find(".//input[@name='translation_emails-frequency']") is None
