from wagtail import hooks

from . import sections

hooks.register("home_page_sections", sections.latest_stories, order=10)
hooks.register("key_area_page_sections", sections.key_area_stories, order=10)
