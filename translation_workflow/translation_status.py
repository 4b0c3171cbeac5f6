"""
Which pages are translated into which language, and which translations have fallen
behind their source. wagtail-localize records translations but shows no such overview.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

MISSING = "missing"
IN_PROGRESS = "in-progress"
OUT_OF_DATE = "out-of-date"
CURRENT = "current"

STATUS_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUT_OF_DATE: _("Out of date"),
    CURRENT: _("Published and current"),
}
ACTION_LABELS = {
    MISSING: _("Translate"),
    IN_PROGRESS: _("Continue"),
    OUT_OF_DATE: _("Update"),
    CURRENT: _("Edit"),
}


@dataclass
class Cell:
    locale: Locale
    status: str
    url: str

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def action(self):
        return ACTION_LABELS[self.status]


def status_of(source, translation):
    if translation is None:
        return MISSING
    if not translation.live or translation.has_unpublished_changes:
        return IN_PROGRESS
    if (
        source.last_published_at
        and translation.last_published_at
        and source.last_published_at > translation.last_published_at
    ):
        return OUT_OF_DATE
    return CURRENT


def target_locales(language=None):
    order = [code for code, _name in settings.LANGUAGES]
    locales = Locale.objects.exclude(pk=Locale.get_default().pk)
    if language:
        locales = locales.filter(language_code=language)
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def translation_rows(locales):
    """(source page, [Cell per locale]) for every page in the source language."""
    source_locale = Locale.get_default()
    pages_by_key = defaultdict(dict)
    sources = []
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        pages_by_key[page.translation_key][page.locale_id] = page
        if page.locale_id == source_locale.pk:
            sources.append(page)
    translation_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=source_locale)
    }
    rows = []
    for source in sources:
        cells = []
        for locale in locales:
            translation = pages_by_key[source.translation_key].get(locale.pk)
            status = status_of(source, translation)
            if status == MISSING:
                url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                url += f"?select_locale={locale.language_code}"
            elif status == OUT_OF_DATE and source.translation_key in translation_sources:
                url = reverse(
                    "wagtail_localize:update_translations",
                    args=[translation_sources[source.translation_key].pk],
                )
            else:
                url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
            cells.append(Cell(locale, status, url))
        rows.append((source, cells))
    return rows
