from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from . import sections

hooks.register("home_page_sections", sections.gallery_highlights, order=20)
hooks.register("key_area_page_sections", sections.key_area_media, order=20)


@hooks.register("insert_editor_js")
def media_item_form_js():
    return format_html('<script src="{}" defer></script>', static("gallery/media-item-form.js"))
