"""Media shown elsewhere on the site: on key-area pages and on the home page."""

from django import template

from gallery.models import GalleryIndexPage, MediaItemPage

register = template.Library()


def live_items():
    return (
        MediaItemPage.objects.live()
        .public()
        .select_related("thumbnail")
        .prefetch_related("thumbnail__renditions")
        .order_by("-date", "-first_published_at")
    )


@register.inclusion_tag("gallery/includes/key_area_media.html", takes_context=True)
def key_area_media(context, key_area, count=6):
    index = GalleryIndexPage.objects.live().filter(locale_id=key_area.locale_id).first()
    items = live_items().filter(
        locale_id=key_area.locale_id, key_areas__translation_key=key_area.translation_key
    )
    return {
        "request": context["request"],
        "key_area": key_area,
        "items": items.distinct()[:count],
        "index": index,
    }


@register.inclusion_tag("gallery/includes/gallery_highlights.html", takes_context=True)
def gallery_highlights(context, home, count=4):
    index = GalleryIndexPage.objects.child_of(home).live().first()
    items = live_items().child_of(index)[:count] if index else []
    return {"request": context["request"], "index": index, "items": items}
