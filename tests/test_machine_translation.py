"""
Machine translation never passes for a person's. With DeepL configured (its stand-in at
the HTTP boundary, tests/deepl.py), what DeepL drafts is recorded as machine-made, the
publishing gate refuses it until a translator of its language confirms or rewrites it,
and the page's history says which texts a machine made and who confirmed them.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringTranslation

from stories.models import StoryIndexPage
from tests.html import parse, text
from tests.translating import (
    as_user,
    edit_url,
    machine_translated,
    publish_in_editor,
    put_string,
    rain_gardens_story,
    segments,
    translation_of,
)
from translation_workflow.gate import PUBLISH_UNFINISHED
from translation_workflow.provenance import CONFIRMED_MACHINE_TEXTS, MACHINE_TRANSLATED

pytestmark = pytest.mark.django_db

TITLE = "Rain gardens that cool a schoolyard"
DEEPL_TITLE = "lluvia jardines que cool un patio"


@pytest.fixture
def story(home):
    return rain_gardens_story()


def made(translation):
    """Its texts as wagtail-localize records them (the slug aside: it follows the title)."""
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    ).exclude(context__path="slug")


def machine_texts_panel(client, page):
    """The machine translations the translation editor asks its translator to confirm."""
    document = parse(client.get(edit_url(page)).content)
    return [
        text(item.findall(".//dd")[1])
        for item in document.iterfind(".//section[@class='nice-padding machine-texts']//li")
    ]


def spanish_public():
    """What a reader of the Spanish stories index gets, byte for byte."""
    index = StoryIndexPage.objects.get(locale__language_code="es")
    response = Client().get(index.url)
    return response.status_code, response.content


def confirm(client, translation, **data):
    return client.post(reverse("confirm_machine_translation", args=[translation.pk]), data)


def history(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .exclude(action__startswith="wagtail.")
        .order_by("pk")
        .values_list("action", "user__username", "data")
    )


def test_deepl_text_goes_live_only_once_a_translator_of_its_language_confirms_it(story, deepl):
    translator = as_user("translator-es")
    spanish_story, translation = machine_translated(translator, story, "es")
    assert [request["target_lang"] for request in deepl.requests] == ["ES"]
    sources = [
        segment.string.data for segment in segments(translation) if segment.context.path != "slug"
    ]
    assert {(text.translation_type, text.tool_name) for text in made(translation)} == {
        ("machine", "DeepL")
    }
    public_before = spanish_public()

    # Publishing is refused with every machine text listed, and readers see nothing.
    response = publish_in_editor(translator, spanish_story)
    assert response.status_code == 200
    document = parse(response.content)
    rows = document.findall(".//table[@class='listing unfinished-segments']/tbody/tr")
    assert [text(row.find("td")) for row in rows] == sources
    assert f"Machine translation by DeepL, not yet confirmed: {DEEPL_TITLE}" in text(document)
    assert "Publish anyway" not in response.content.decode()
    assert not Page.objects.get(pk=spanish_story.pk).live
    assert spanish_public() == public_before

    # The editor lists them; she confirms one, then all the others at once.
    assert machine_texts_panel(translator, spanish_story)[0] == DEEPL_TITLE
    assert len(machine_texts_panel(translator, spanish_story)) == len(sources)
    title = segments(translation, "title")[0]
    response = confirm(translator, translation, segment=title.pk)
    assert response.status_code == 302
    assert response["Location"] == edit_url(spanish_story)
    assert len(machine_texts_panel(translator, spanish_story)) == len(sources) - 1
    assert confirm(translator, translation, all="on").status_code == 302
    assert machine_texts_panel(translator, spanish_story) == []
    confirmed = made(translation)
    assert {(text.translation_type, text.tool_name) for text in confirmed} == {("manual", "DeepL")}
    assert {text.last_translated_by.username for text in confirmed} == {"translator-es"}

    response = publish_in_editor(translator, spanish_story)
    assert response.status_code == 302
    live = Page.objects.get(pk=spanish_story.pk)
    assert live.live
    assert DEEPL_TITLE in Client().get(live.url).content.decode()

    # The page's history says what DeepL made and who confirmed it.
    assert history(spanish_story) == [
        (
            MACHINE_TRANSLATED,
            "translator-es",
            {"locale": "Español", "tool": "DeepL", "segments": sources},
        ),
        (
            CONFIRMED_MACHINE_TEXTS,
            "translator-es",
            {"locale": "Español", "tools": ["DeepL"], "segments": [TITLE]},
        ),
        (
            CONFIRMED_MACHINE_TEXTS,
            "translator-es",
            {"locale": "Español", "tools": ["DeepL"], "segments": sources[1:]},
        ),
    ]
    shown = as_user("moderator").get(reverse("wagtailadmin_pages:history", args=[live.pk]))
    shown = text(parse(shown.content))
    assert f"DeepL drafted {len(sources)} texts in Español" in shown
    assert f"Confirmed 1 machine translation (DeepL) in Español: {TITLE}" in shown


def test_a_machine_text_a_translator_rewrites_is_hers(story, deepl):
    translator = as_user("translator-es")
    spanish_story, translation = machine_translated(translator, story, "es")
    title = segments(translation, "title")[0]
    assert put_string(translator, translation, title, "Jardines de lluvia").status_code == 200
    panel = machine_texts_panel(translator, spanish_story)
    assert DEEPL_TITLE not in panel
    assert len(panel) == len(made(translation)) - 1
    rewritten = made(translation).get(translation_of=title.string)
    assert (rewritten.translation_type, rewritten.last_translated_by.username) == (
        "manual",
        "translator-es",
    )


def test_a_moderator_may_publish_machine_text_and_the_history_says_so(story, deepl):
    spanish_story, translation = machine_translated(as_user("translator-es"), story, "es")
    moderator = as_user("moderator")
    response = publish_in_editor(moderator, spanish_story)
    assert "Publish anyway" in response.content.decode()
    response = publish_in_editor(moderator, spanish_story, **{"publish-unfinished": "on"})
    assert response.status_code == 302
    assert Page.objects.get(pk=spanish_story.pk).live
    entry = PageLogEntry.objects.get(page=spanish_story, action=PUBLISH_UNFINISHED)
    assert entry.user.username == "moderator"
    assert entry.data["segments"] == []
    assert TITLE in entry.data["machine_segments"]
    # Nobody confirmed anything: the texts are still recorded as DeepL's.
    assert set(made(translation).values_list("translation_type", flat=True)) == {"machine"}


def test_only_who_works_in_the_language_confirms_it(story, deepl):
    spanish_story, translation = machine_translated(as_user("translator-es"), story, "es")
    public_before = spanish_public()
    # The admin answers a refusal by sending her back to her dashboard.
    for refused in (
        confirm(as_user("translator-fr"), translation, all="on"),
        as_user("translator-ar").post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk])
        ),
        publish_in_editor(as_user("translator-fr"), spanish_story),
    ):
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert set(made(translation).values_list("translation_type", flat=True)) == {"machine"}
    assert spanish_public() == public_before
    assert len(deepl.requests) == 1


def test_deepl_refusing_is_a_message_and_changes_nothing(story, deepl):
    deepl.quota = 0
    translator = as_user("translator-es")
    locale = Locale.objects.get(language_code="es")
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    translator.post(url, {"locales": [locale.pk]})
    spanish_story = story.get_translation(locale)
    translation = translation_of(spanish_story)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = translator.post(url, {"next": edit_url(spanish_story)}, follow=True)
    assert response.status_code == 200
    assert "The machine translator could not translate this just now" in (response.content.decode())
    assert not made(translation).exists()
    assert history(spanish_story) == []


def test_the_offline_stand_ins_drafts_are_rewritten_not_confirmed(story):
    translator = as_user("translator-es")
    spanish_story, translation = machine_translated(translator, story, "es")
    assert made(translation).first().data.startswith("[es] ")
    assert machine_texts_panel(translator, spanish_story) == []
    response = confirm(translator, translation, all="on")
    assert response.status_code == 302
    assert set(made(translation).values_list("translation_type", flat=True)) == {"machine"}
    assert publish_in_editor(translator, spanish_story).status_code == 200
    assert not Page.objects.get(pk=spanish_story.pk).live
