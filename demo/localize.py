"""
Publish the demo content in every other language, the way a translator would: through
wagtail-localize's translations, with the text from the translation memories in
`translations/<language>.po` (English source text → translation).

A demo text with no translation yet (after the English demo changed and
`refresh_demo_translations` added it to the memories) is published in English in that
language, as wagtail-localize does for any untranslated text, and `untranslated_texts`
lists it, so that load_demo and the tests can say so.
"""

from functools import cache
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from site_settings.models import SiteSettings
from topics.models import Topic

MEMORIES = Path(__file__).parent / "translations"


def memory_path(language_code):
    return MEMORIES / f"{language_code}.po"


@cache
def memory(language_code):
    """The demo translation memory for a language: {English text: translation}."""
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(memory_path(language_code)).translated_entries()
    }


def demo_texts(home):
    """{English text: where it is used} for every text the demo translates."""
    texts = {}
    for instance in translation_sources(home):
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            where = f"{where_used(instance, home)} {segment.context.path}"
            texts.setdefault(segment.string.data, []).append(where)
    return texts


def where_used(instance, home):
    """A page's path below the home page ("/key-areas/…/"), "topic …" or "site settings"."""
    if isinstance(instance, SiteSettings):
        return "site settings"
    if isinstance(instance, Topic):
        return "topic"
    return instance.url_path.removeprefix(home.url_path.rstrip("/"))


def untranslated_texts(texts, language_code):
    """Of the demo's `texts`, those with no translation in the language's memory."""
    return sorted(texts.keys() - memory(language_code).keys())


def refresh_memory(language_code, texts, directory=MEMORIES):
    """
    Bring a language's memory in line with the demo's texts: keep every translation of a
    text still used, add each new text untranslated, drop the texts no longer used.
    Returns (added, removed) counts.
    """
    po = polib.pofile(memory_path(language_code), wrapwidth=100)
    known = {entry.msgid for entry in po}
    removed = [entry for entry in po if entry.msgid not in texts]
    for entry in removed:
        po.remove(entry)
    added = [text for text in texts if text not in known]
    for text in added:
        po.append(polib.POEntry(msgid=text, msgstr="", comment="\n".join(texts[text])))
    po.save(str(Path(directory) / f"{language_code}.po"))
    memory.cache_clear()
    return len(added), len(removed)


def translation_sources(home):
    """
    What the demo translates: every live page from `home` down (not the member's story
    waiting for moderation), the topics, the site settings.
    """
    return [
        *Topic.objects.filter(locale=home.locale),
        *home.get_descendants(inclusive=True).live().specific(),
        SiteSettings.objects.get(locale=home.locale),
    ]


@transaction.atomic
def publish_translations(instance, locales):
    """Translate `instance` into `locales` from the memories and publish the translations."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in locales:
        known = memory(locale.language_code)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        for segment in segments:
            if segment.string.data not in known:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": known[segment.string.data]},
            )
        if isinstance(instance, DraftStateMixin):
            # wagtail-localize publishes when the outermost transaction commits, from a copy
            # of the page taken before that; publishing the saved revision now keeps the
            # page tree (which later translations add to) as it is in the database.
            translation.save_target(publish=False)
            instance.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
