"""
Media on other apps' pages: the home page's gallery highlights and a key area's media.
Registered as page sections in wagtail_hooks.py, so those pages never import this app.
"""

from django.template.loader import render_to_string

from gallery.models import GalleryIndexPage, MediaItemPage
from page_parts.listings import in_key_area, newest_first


def key_area_media(request, key_area, count=6):
    index = GalleryIndexPage.objects.live().filter(locale_id=key_area.locale_id).first()
    items = in_key_area(newest_first(MediaItemPage.objects), key_area)[:count]
    context = {"key_area": key_area, "items": items, "index": index}
    return render_to_string("gallery/includes/key_area_media.html", context, request=request)


def gallery_highlights(request, home, count=3):
    index = GalleryIndexPage.objects.child_of(home).live().first()
    items = newest_first(MediaItemPage.objects.child_of(index))[:count] if index else []
    context = {"index": index, "items": items}
    return render_to_string("gallery/includes/gallery_highlights.html", context, request=request)
