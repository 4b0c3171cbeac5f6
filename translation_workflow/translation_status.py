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
from wagtail_localize.models import Translation

from .access import publishing_locale_ids, works_in_every_language

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


TO_DO = (MISSING, OUT_OF_DATE)


@dataclass
class Cell:
    locale: Locale
    status: str
    url: str
    # Translating or updating changes the database, so those actions are forms, not links.
    needs_post: bool = False

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


def translation_rows(locales, statuses=None):
    """
    (source page, [Cell per locale]) for every page in the source language, in the order
    of the page tree; with `statuses`, only the pages with a cell in one of them.
    """
    source_locale = Locale.get_default()
    pages_by_key = defaultdict(dict)
    sources = []
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        pages_by_key[page.translation_key][page.locale_id] = page
        if page.locale_id == source_locale.pk:
            sources.append(page)
    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__locale=source_locale, target_locale__in=locales, enabled=True
        ).select_related("source")
    }
    rows = []
    for source in sources:
        cells = []
        for locale in locales:
            translation = pages_by_key[source.translation_key].get(locale.pk)
            status = status_of(source, translation)
            synced = translations.get((source.translation_key, locale.pk))
            if status == MISSING:
                url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                cells.append(Cell(locale, status, url, needs_post=True))
                continue
            if status == OUT_OF_DATE and synced is not None:
                url = reverse("update_translation", args=[synced.pk])
                cells.append(Cell(locale, status, url, needs_post=True))
                continue
            url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
            cells.append(Cell(locale, status, url))
        if statuses is None or any(cell.status in statuses for cell in cells):
            rows.append((source, cells))
    return rows


def translator_locales(user):
    """The languages `user` translates into; none for who works in every language."""
    if works_in_every_language(user):
        return []
    publishing = publishing_locale_ids(user)
    return [locale for locale in target_locales() if locale.pk in publishing]


def to_do(locales):
    """
    What a translator of `locales` has to do: (source page, cell) for each page missing
    or out of date in them, newest source first.
    """
    items = [
        (page, cell)
        for page, cells in translation_rows(locales, TO_DO)
        for cell in cells
        if page.live and cell.status in TO_DO
    ]
    return sorted(items, key=lambda item: item[0].last_published_at, reverse=True)
