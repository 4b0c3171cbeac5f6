"""
Nothing half-translated goes public: the completeness gate on publishing a translation,
the moderator's recorded override, slugs from the translated title, scheduled
translations, and the translation paths around the gate (sync, alias, bulk, copy).
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import TranslationSource

from home.models import StandardPage
from tests.html import parse, text
from tests.translating import (
    as_user,
    machine_translated,
    publish_in_editor,
    put_string,
    rain_gardens_story,
    segments,
)
from translation_workflow.gate import PUBLISH_UNFINISHED

pytestmark = pytest.mark.django_db

ARABIC = {
    "Rain gardens that cool a schoolyard": "حدائق المطر تبرّد ساحة المدرسة",
    "The schoolyard used to flood every spring.": "كانت ساحة المدرسة تغرق كل ربيع.",
    "Nairobi": "نيروبي",
}


@pytest.fixture
def story(home):
    return rain_gardens_story()


def translate(client, translation, texts):
    for segment in segments(translation):
        if segment.string.data in texts:
            response = put_string(client, translation, segment, texts[segment.string.data])
            assert response.status_code in (200, 201)


def translate_everything(client, translation, word):
    """A translation for every text: `word` and the text's place on the page."""
    texts = {segment.string.data: f"{word} {segment.order}" for segment in segments(translation)}
    translate(client, translation, texts)


def unfinished_listed(response):
    document = parse(response.content)
    table = document.find(".//table[@class='listing unfinished-segments']")
    return [text(row.find("td")) for row in table.iterfind("./tbody/tr")]


def test_an_untranslated_text_holds_the_translation_back(story):
    translator = as_user("translator-ar")
    arabic_story, translation = machine_translated(translator, story, "ar")
    summary = "The schoolyard used to flood every spring."
    translate(translator, translation, {k: v for k, v in ARABIC.items() if k != summary})
    arabic_index = Client().get(arabic_story.get_parent().url).content

    response = publish_in_editor(translator, arabic_story)
    assert response.status_code == 200
    assert "Publish anyway" not in response.content.decode()
    assert unfinished_listed(response) == [summary]
    assert not Page.objects.get(pk=arabic_story.pk).live
    assert Client().get(arabic_story.get_parent().url).content == arabic_index


def test_a_machine_drafted_text_holds_the_translation_back(story):
    translator = as_user("translator-ar")
    arabic_story, translation = machine_translated(translator, story, "ar")
    translate_everything(translator, translation, "ترجمة")
    summary = segments(translation, "summary")[0]
    put_string(translator, translation, summary, "[ar] The schoolyard used to flood.")

    response = publish_in_editor(translator, arabic_story)
    assert unfinished_listed(response) == ["The schoolyard used to flood every spring."]
    assert "Machine draft: [ar] The schoolyard used to flood." in text(parse(response.content))
    assert not Page.objects.get(pk=arabic_story.pk).live


def test_a_finished_translation_gets_its_address_from_its_arabic_title(story):
    translator = as_user("translator-ar")
    arabic_story, translation = machine_translated(translator, story, "ar")
    translate(
        translator, translation, {s.string.data: f"نص {s.order}" for s in segments(translation)}
    )
    translate(translator, translation, ARABIC)

    response = publish_in_editor(translator, arabic_story)
    assert response.status_code == 302
    arabic_story.refresh_from_db()
    assert arabic_story.live
    assert arabic_story.title == "حدائق المطر تبرّد ساحة المدرسة"
    assert arabic_story.slug == "حدائق-المطر-تبرد-ساحة-المدرسة"
    reader = Client().get(arabic_story.url)
    assert reader.status_code == 200
    assert "[ar]" not in arabic_story.url and "ar-" not in arabic_story.url
    assert text(parse(reader.content).find(".//h1")) == "حدائق المطر تبرّد ساحة المدرسة"

    # Publishing again keeps the address readers already have.
    put_string(translator, translation, segments(translation, "title")[0], "حدائق المطر")
    assert publish_in_editor(translator, arabic_story).status_code == 302
    arabic_story.refresh_from_db()
    assert arabic_story.title == "حدائق المطر"
    assert arabic_story.slug == "حدائق-المطر-تبرد-ساحة-المدرسة"


def test_a_moderator_may_publish_anyway_and_the_history_says_so(story):
    moderator = as_user("moderator")
    spanish_story, translation = machine_translated(moderator, story, "es")
    response = publish_in_editor(moderator, spanish_story)
    assert "Publish anyway" in response.content.decode()
    assert not Page.objects.get(pk=spanish_story.pk).live

    # A translator's forged override is not one.
    translator = as_user("translator-es")
    response = publish_in_editor(translator, spanish_story, **{"publish-unfinished": "on"})
    assert response.status_code == 200
    assert not Page.objects.get(pk=spanish_story.pk).live

    response = publish_in_editor(moderator, spanish_story, **{"publish-unfinished": "on"})
    assert response.status_code == 302
    spanish_story.refresh_from_db()
    assert spanish_story.live
    entry = PageLogEntry.objects.get(page=spanish_story, action=PUBLISH_UNFINISHED)
    assert entry.user.username == "moderator"
    assert "Rain gardens that cool a schoolyard" in entry.data["segments"]
    history = moderator.get(reverse("wagtailadmin_pages:history", args=[spanish_story.pk]))
    assert "Published in Español by a moderator with" in history.content.decode()


def test_a_translation_of_a_scheduled_page_says_it_is_scheduled(story):
    go_live = timezone.now() + datetime.timedelta(days=2)
    story.go_live_at = go_live
    story.save_revision().publish()
    translator = as_user("translator-es")
    spanish_story, translation = machine_translated(translator, story, "es")
    translate(
        translator, translation, {s.string.data: f"Texto {s.order}" for s in segments(translation)}
    )

    response = publish_in_editor(translator, spanish_story)
    assert response.status_code == 302
    messages = [str(m) for m in translator.get(response["Location"]).context["messages"]]
    assert any("is scheduled for" in message for message in messages), messages
    assert not any(message.startswith("Published") for message in messages)
    spanish_story.refresh_from_db()
    assert not spanish_story.live
    assert spanish_story.get_latest_revision().approved_go_live_at is not None


def test_translators_are_offered_only_their_language_and_a_forged_choice_is_refused(story):
    translator = as_user("translator-ar")
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    document = parse(translator.get(url).content)
    offered = [box.get("value") for box in document.iterfind(".//input[@name='locales']")]
    assert offered == [str(Locale.objects.get(language_code="ar").pk)]

    spanish = Locale.objects.get(language_code="es")
    response = translator.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 200
    assert story.get_translation_or_none(spanish) is None


def test_sync_offers_publishing_only_to_who_may_publish_every_language(key_area):
    source = TranslationSource.objects.get(object_id=key_area.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    for username in ("editor", "translator-es"):
        client = as_user(username)
        assert "publish_translations" not in client.get(url).content.decode()
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
        assert client.post(url, {"publish_translations": "on"})["Location"] == "/admin/"
    assert "publish_translations" in as_user("moderator").get(url).content.decode()


def test_syncing_new_english_text_publishes_nothing_untranslated(key_area, spanish):
    spanish_area = key_area.get_translation(spanish)
    before = Client().get(spanish_area.url).content
    key_area.summary = "A sentence nobody has translated."
    key_area.save_revision().publish()
    source = TranslationSource.objects.get(object_id=key_area.translation_key)

    moderator = as_user("moderator")
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = moderator.post(url, {"publish_translations": "on"}, follow=True)
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "was not published in Español" in messages
    assert "A sentence nobody has translated." in messages
    assert Client().get(spanish_area.url).content == before


def test_only_moderators_turn_a_translation_back_into_an_alias(spanish):
    page = StandardPage.objects.get(locale=spanish, slug__isnull=False, depth=3)
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    before = Client().get(page.url).content
    response = as_user("editor").post(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    page.refresh_from_db()
    assert page.alias_of_id is None
    assert Client().get(page.url).content == before


def test_bulk_publishing_an_unfinished_translation_is_refused(story):
    moderator = as_user("moderator")
    spanish_story, _translation = machine_translated(moderator, story, "es")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = moderator.post(f"{url}?id={spanish_story.pk}", {}, follow=True)
    assert response.status_code == 200
    assert "still has texts to translate" in " ".join(str(m) for m in response.context["messages"])
    assert not Page.objects.get(pk=spanish_story.pk).live


def test_translators_do_not_publish_copies(spanish):
    page = StandardPage.objects.get(locale=spanish, depth=3)
    parent = page.get_parent()
    count = Page.objects.count()
    response = as_user("translator-es").post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Copia",
            "new_slug": "copia",
            "new_parent_page": parent.pk,
            "publish_copies": "on",
        },
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Page.objects.count() == count


def test_no_public_address_carries_a_draft_marker(client):
    for page in Page.objects.live().filter(depth__gt=1):
        for marker in ("[es]", "[fr]", "[ar]", "/es-", "/fr-", "/ar-"):
            assert marker not in page.url_path, page.url_path


def test_a_scheduled_translation_goes_live_with_its_source_on_time(story):
    story.go_live_at = timezone.now() + datetime.timedelta(minutes=1)
    story.save_revision().publish()
    translator = as_user("translator-es")
    spanish_story, translation = machine_translated(translator, story, "es")
    translate_everything(translator, translation, "Texto")
    assert publish_in_editor(translator, spanish_story).status_code == 302

    # The minute passes.
    past = timezone.now() - datetime.timedelta(seconds=1)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    assert not Page.objects.get(pk=spanish_story.pk).live
    call_command("publish_scheduled", stdout=io.StringIO())
    spanish_story.refresh_from_db()
    assert spanish_story.live
    assert Client().get(spanish_story.url).status_code == 200
    assert Client().get(story.url).status_code == 200
