from wagtail import hooks

from . import sections

hooks.register("home_page_sections", sections.gallery_highlights, order=20)
hooks.register("key_area_page_sections", sections.key_area_media, order=20)
