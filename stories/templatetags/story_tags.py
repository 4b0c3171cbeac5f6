"""Stories shown elsewhere on the site: on key-area pages and on the home page."""

from django import template

from stories.models import StoryIndexPage, StoryPage

register = template.Library()


def live_stories():
    return (
        StoryPage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-first_published_at")
    )


@register.inclusion_tag("stories/includes/key_area_stories.html", takes_context=True)
def key_area_stories(context, key_area, count=6):
    index = StoryIndexPage.objects.live().filter(locale_id=key_area.locale_id).first()
    stories = live_stories().filter(
        locale_id=key_area.locale_id, key_areas__translation_key=key_area.translation_key
    )
    return {
        "request": context["request"],
        "key_area": key_area,
        "stories": stories.distinct()[:count],
        "index": index,
    }


@register.inclusion_tag("stories/includes/latest_stories.html", takes_context=True)
def latest_stories(context, home, count=3):
    """The featured story and the newest others from the story index under `home`."""
    index = StoryIndexPage.objects.child_of(home).live().select_related("featured_story").first()
    stories = []
    if index is not None:
        newest = live_stories().child_of(index)
        featured = index.featured_story if index.featured_story_live() else None
        if featured is not None:
            newest = newest.exclude(pk=featured.pk)
            stories = [featured, *newest[: count - 1]]
        else:
            stories = list(newest[:count])
    return {"request": context["request"], "index": index, "stories": stories}
