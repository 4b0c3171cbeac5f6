"""
Stories on other apps' pages: the home page's latest stories and a key area's stories.
Registered as page sections in wagtail_hooks.py, so those pages never import this app.
"""

from django.template.loader import render_to_string

from stories.models import StoryIndexPage, StoryPage


def live_stories():
    return (
        StoryPage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-first_published_at")
    )


def key_area_stories(request, key_area, count=6):
    index = StoryIndexPage.objects.live().filter(locale_id=key_area.locale_id).first()
    stories = live_stories().filter(
        locale_id=key_area.locale_id, key_areas__translation_key=key_area.translation_key
    )
    context = {"key_area": key_area, "stories": stories.distinct()[:count], "index": index}
    return render_to_string("stories/includes/key_area_stories.html", context, request=request)


def latest_stories(request, home, count=3):
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
    context = {"index": index, "stories": stories}
    return render_to_string("stories/includes/latest_stories.html", context, request=request)
