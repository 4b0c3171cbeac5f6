"""
Listings of pages (the stories of an index, a key area's media) in the order readers see
them. Which pages a listing holds, and in what order, is worked out once per change to
its language's content (see common.cache); each request then fetches only the pages it
shows, so showing a page of a listing costs the same with ten pages or with thousands.
"""

from copy import copy

from .cache import shared_fragment


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
