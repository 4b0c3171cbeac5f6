"""
Stories on other apps' pages: the home page's latest stories and a key area's stories.
Registered as page sections in wagtail_hooks.py, so those pages never import this app.
"""

from django.template.loader import render_to_string

from page_parts.listings import in_key_area, newest_first
from stories.models import StoryIndexPage, StoryPage


def key_area_stories(request, key_area, count=6):
    index = StoryIndexPage.objects.live().filter(locale_id=key_area.locale_id).first()
    stories = in_key_area(newest_first(StoryPage.objects), key_area)[:count]
    context = {"key_area": key_area, "stories": stories, "index": index}
    return render_to_string("stories/includes/key_area_stories.html", context, request=request)


def latest_stories(request, home, count=3):
    """The featured story and the newest others from the story index under `home`."""
    index = StoryIndexPage.objects.child_of(home).live().select_related("featured_story").first()
    stories = []
    if index is not None:
        newest = newest_first(StoryPage.objects.child_of(index))
        featured = index.featured_story if index.featured_story_live() else None
        if featured is not None:
            newest = newest.exclude(pk=featured.pk)
            stories = [featured, *newest[: count - 1]]
        else:
            stories = list(newest[:count])
    context = {"index": index, "stories": stories}
    return render_to_string("stories/includes/latest_stories.html", context, request=request)
