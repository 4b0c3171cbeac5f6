from django.utils.translation import gettext_lazy as _

from page_parts.filters import ListingFilters


class MediaFilters(ListingFilters):
    labels = {**ListingFilters.labels, "type": _("Type")}
    order = ["type", "area", "year"]

    def extra_options(self, items):
        present = set(items.order_by().values_list("media_type", flat=True).distinct())
        return {
            "type": [
                (value, label) for value, label in items.model.MediaType.choices if value in present
            ]
        }

    def apply_extra(self, items):
        if "type" in self.values:
            items = items.filter(media_type=self.values["type"])
        return items
