from django.utils.translation import gettext_lazy as _

from page_parts.listings import Listing
from serving.cache import shared_fragment


class ListingFilters:
    """
    Filters for a listing of pages (stories, media), read from plain GET parameters so
    that a filtered list works without JavaScript and can be shared. Every listing can
    be filtered by key area and year; subclasses add their own filters. A value that is
    not one of the options on offer is ignored, so old or mistyped links still show
    the listing.
    """

    labels = {"area": _("Key area"), "year": _("Year")}
    order = ["area", "year"]

    def __init__(self, params, pages, locale):
        # The options change only with the listing's content, so they are computed once
        # per change to that language's content.
        options = shared_fragment(
            f"filters:{type(self).__name__}",
            locale.language_code,
            lambda: self.compute_options(pages, locale),
        )
        self.__dict__.update(options)
        self.pages = pages
        self.language = locale.language_code
        self.values = {
            name: params[name]
            for name, choices in self.options.items()
            if params.get(name) in dict(choices)
        }

    def compute_options(self, pages, locale):
        """The options on offer and what the subclasses need to apply them."""
        # The key areas are whatever the listed pages' `key_areas` field points to.
        key_area_model = pages.model._meta.get_field("key_areas").related_model
        areas = key_area_model.objects.live().filter(locale=locale).order_by("path")
        self.area_keys = {area.slug: area.translation_key for area in areas}
        options = {
            "area": [(area.slug, area.title) for area in areas],
            "year": [(str(day.year), str(day.year)) for day in pages.dates("date", "year", "DESC")],
            **self.extra_options(pages),
        }
        self.options = {name: options[name] for name in self.order}
        return dict(vars(self))

    def extra_options(self, pages):
        """Options of the subclass's own filters, by name."""
        return {}

    @property
    def active(self):
        return bool(self.values)

    def fields(self):
        """What a template needs to draw each select that has options."""
        return [
            {
                "name": name,
                "label": self.labels[name],
                "options": choices,
                "value": self.values.get(name, ""),
            }
            for name, choices in self.options.items()
            if choices
        ]

    def listing(self, name):
        """The pages these filters leave, as a Listing kept per choice of filters."""
        chosen = "&".join(f"{field}={value}" for field, value in sorted(self.values.items()))
        return Listing(f"{name}?{chosen}", self.language, self.apply(self.pages))

    def apply(self, pages):
        if "area" in self.values:
            key = self.area_keys[self.values["area"]]
            pages = pages.filter(pk__in=self.related(pages, key_areas__translation_key=key))
        if "year" in self.values:
            pages = pages.filter(date__year=int(self.values["year"]))
        return self.apply_extra(pages)

    @staticmethod
    def related(pages, **lookup):
        """
        The ids of pages matching a lookup across a many-to-many field, as a subquery: no
        join, so no duplicates to remove from (and no DISTINCT over) the listing.
        """
        return pages.model.objects.filter(**lookup).values("pk")

    def apply_extra(self, pages):
        return pages
