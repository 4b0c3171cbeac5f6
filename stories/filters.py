from django.utils.translation import gettext_lazy as _
from django_countries import countries

from page_parts.filters import ListingFilters
from topics.models import Topic, in_reader_language


class StoryFilters(ListingFilters):
    labels = {**ListingFilters.labels, "place": _("Country"), "topic": _("Topic")}
    order = ["area", "place", "year", "topic"]

    def extra_options(self, stories):
        codes = stories.exclude(country="").order_by().values_list("country", flat=True)
        topics = in_reader_language(Topic.objects.filter(stories__in=stories).distinct())
        self.topic_keys = {topic.slug: topic.translation_key for topic in topics}
        return {
            "place": sorted(
                ((code, countries.name(code)) for code in codes.distinct()),
                key=lambda option: option[1],
            ),
            "topic": [(topic.slug, topic.name) for topic in topics],
        }

    def apply_extra(self, stories):
        if "place" in self.values:
            stories = stories.filter(country=self.values["place"])
        if "topic" in self.values:
            key = self.topic_keys[self.values["topic"]]
            stories = stories.filter(pk__in=self.related(stories, topics__translation_key=key))
        return stories
