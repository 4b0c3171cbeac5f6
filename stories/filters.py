from django.utils.translation import gettext_lazy as _
from django_countries import countries

from home.models import KeyAreaPage


class StoryFilters:
    """
    The story index's filters, read from plain GET parameters so that a filtered list
    works without JavaScript and can be shared. A value that is not one of the
    options on offer is ignored, so old or mistyped links still show stories.
    """

    def __init__(self, params, stories, locale):
        areas = KeyAreaPage.objects.live().filter(locale=locale).order_by("path")
        self.area_keys = {area.slug: area.translation_key for area in areas}
        self.options = {
            "area": [(area.slug, area.title) for area in areas],
            "place": sorted(
                (
                    (code, countries.name(code))
                    for code in stories.exclude(country="")
                    .order_by()
                    .values_list("country", flat=True)
                    .distinct()
                ),
                key=lambda option: option[1],
            ),
            "year": [
                (str(date.year), str(date.year)) for date in stories.dates("date", "year", "DESC")
            ],
            "tag": list(
                stories.model.tags.through.objects.filter(content_object__in=stories)
                .order_by("tag__name")
                .values_list("tag__slug", "tag__name")
                .distinct()
            ),
        }
        self.values = {
            name: params[name]
            for name, options in self.options.items()
            if params.get(name) in dict(options)
        }

    labels = {
        "area": _("Key area"),
        "place": _("Country"),
        "year": _("Year"),
        "tag": _("Topic"),
    }

    @property
    def active(self):
        return bool(self.values)

    def fields(self):
        """What the template needs to draw each select."""
        return [
            {
                "name": name,
                "label": self.labels[name],
                "options": options,
                "value": self.values.get(name, ""),
            }
            for name, options in self.options.items()
            if options
        ]

    def apply(self, stories):
        if "area" in self.values:
            key = self.area_keys[self.values["area"]]
            stories = stories.filter(key_areas__translation_key=key)
        if "place" in self.values:
            stories = stories.filter(country=self.values["place"])
        if "year" in self.values:
            stories = stories.filter(date__year=int(self.values["year"]))
        if "tag" in self.values:
            stories = stories.filter(tags__slug=self.values["tag"])
        return stories.distinct()
