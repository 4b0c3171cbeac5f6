"""
Publish the demo content in every other language, the way a translator would: through
wagtail-localize's translations, with the text from the translation memories in
`translations/<language>.po` (English source text → translation).
"""

from functools import cache
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from common.models import SiteSettings

MEMORIES = Path(__file__).parent / "translations"


class MissingTranslation(Exception):
    pass


@cache
def memory(language_code):
    """The demo translation memory for a language: {English text: translation}."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(MEMORIES / f"{language_code}.po")}


def translation_sources(home):
    """What the demo translates: every page from `home` down, and the site settings."""
    return [
        *home.get_descendants(inclusive=True).specific(),
        SiteSettings.objects.get(locale=home.locale),
    ]


@transaction.atomic
def publish_translations(instance, locales):
    """Translate `instance` into `locales` from the memories and publish the translations."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in locales:
        known = memory(locale.language_code)
        missing = sorted({segment.string.data for segment in segments} - known.keys())
        if missing:
            raise MissingTranslation(f"{MEMORIES / locale.language_code}.po lacks: {missing}")
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        for segment in segments:
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
