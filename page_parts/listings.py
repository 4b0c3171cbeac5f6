"""
Listings of pages (the stories of an index, a key area's media) in the order readers see
them. Which pages a listing holds, and in what order, is worked out once per change to
its language's content (see serving.cache); each request then fetches only the pages it
shows, so showing a page of a listing costs the same with ten pages or with thousands.
"""

from copy import copy

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from serving.cache import shared_fragment
from serving.locales import active_locale


class Listing:
    """The pages of a queryset, in its order (at `most` of them), for a paginator or a slice."""

    def __init__(self, name, language, pages, most=None):
        self.pages = pages
        self.ids = shared_fragment(
            f"listing:{name}",
            language,
            lambda: list(pages.prefetch_related(None).values_list("pk", flat=True)[:most]),
        )

    def without(self, page):
        """The listing less `page` (a featured story, shown apart)."""
        listing = copy(self)
        shown_apart = page.pk
        listing.ids = [pk for pk in self.ids if pk != shown_apart]
        return listing

    def first(self):
        return self[:1][0] if self.ids else None

    def count(self):
        return len(self.ids)

    def __getitem__(self, window):
        shown = self.ids[window]
        found = self.pages.in_bulk(shown) if shown else {}
        return [found[pk] for pk in shown if pk in found]


def public(pages):
    """
    `pages` without those under a view restriction, decided by the database in the same
    query (Wagtail's `public()` first loads every restriction of the site).
    """
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))


def few_of_a_kind(pages):
    """
    `pages`, of a type there are few of (key areas, alliances), found by starting from that
    type's own table: SQLite would otherwise walk every page of the tree, each of thousands
    of stories, to find them.
    """
    return pages.filter(pk__in=pages.model.objects.values("pk"))


def newest_first(pages):
    """Live, public `pages` with their main images, newest first, as listings show them."""
    return (
        public(pages.live())
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-date", "-first_published_at")
    )


def in_key_area(pages, key_area):
    """The `pages` that belong to `key_area`, in the key area's language."""
    return pages.filter(
        locale_id=key_area.locale_id, key_areas__translation_key=key_area.translation_key
    ).distinct()


def key_area_pages_of(page):
    """The live key-area pages in the page's language that list `page` (by its key areas)."""
    key_area_model = page._meta.get_field("key_areas").related_model
    return key_area_model.objects.live().filter(
        locale_id=page.locale_id,
        translation_key__in=[area.translation_key for area in page.key_areas.all()],
    )


def localized_pages(pages):
    """Each page in the reader's language where it has a live translation, in one query."""
    pages = list(pages)
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            locale=active_locale(),
            translation_key__in=[page.translation_key for page in pages],
        )
        .select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def localized_key_areas(page):
    """
    The page's key areas in the reader's language where translated, kept until the
    language's content changes.
    """
    return shared_fragment(
        f"key-areas:{page.pk}",
        translation.get_language(),
        lambda: localized_pages(page.key_areas.order_by("path")),
    )
