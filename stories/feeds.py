from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from wagtail.images.models import Filter

from page_parts.listings import Listing
from topics.models import in_reader_language

# Made once: Wagtail parses a filter's spec again for each filter made.
ITEM_IMAGE = Filter(spec="fill-1200x630|format-jpeg")


class StoryFeed(Feed):
    """The newest stories of one language's story index, as RSS 2.0."""

    feed_type = Rss201rev2Feed
    size = 20

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.introduction or self.index.title

    def items(self):
        stories = Listing(
            f"feed:{self.index.pk}",
            self.language,
            self.index.live_stories().prefetch_related("topics"),
            most=self.size,
        )[: self.size]
        # Every story's topics in the reader's language, translated in one query.
        topics = {topic for story in stories for topic in story.topics.all()}
        self.topic_names = {
            topic.translation_key: topic.name for topic in in_reader_language(topics)
        }
        return stories

    def item_title(self, story):
        return story.title

    def item_link(self, story):
        return story.get_url(self.request)

    def item_description(self, story):
        summary = f"<p>{escape(story.summary)}</p>"
        if story.image is None:
            return summary
        # Unlike `get_rendition`, this writes back to the cache none of the renditions the
        # listing prefetched.
        (rendition,) = story.image.get_renditions(ITEM_IMAGE).values()
        image_url = self.request.build_absolute_uri(rendition.url)
        alt = escape(story.get_main_image_alt())
        return (
            f'<p><img src="{image_url}" alt="{alt}" width="{rendition.width}" '
            f'height="{rendition.height}"></p>{summary}'
        )

    def item_pubdate(self, story):
        return timezone.make_aware(datetime.combine(story.date, time(12)))

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story):
        return story.byline() or None

    def item_categories(self, story):
        return sorted(
            {self.topic_names[topic.translation_key] for topic in story.topics.all()},
            key=str.casefold,
        )
