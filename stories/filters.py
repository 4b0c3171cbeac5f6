from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.filters import ListingFilters


class StoryFilters(ListingFilters):
    labels = {**ListingFilters.labels, "place": _("Country"), "tag": _("Topic")}
    order = ["area", "place", "year", "tag"]

    def extra_options(self, stories):
        codes = stories.exclude(country="").order_by().values_list("country", flat=True)
        tags = (
            stories.model.tags.through.objects.filter(content_object__in=stories)
            .order_by("tag__name")
            .values_list("tag__slug", "tag__name")
            .distinct()
        )
        return {
            "place": sorted(
                ((code, countries.name(code)) for code in codes.distinct()),
                key=lambda option: option[1],
            ),
            "tag": list(tags),
        }

    def apply_extra(self, stories):
        if "place" in self.values:
            stories = stories.filter(country=self.values["place"])
        if "tag" in self.values:
            stories = stories.filter(tags__slug=self.values["tag"])
        return stories
