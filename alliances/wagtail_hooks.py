from wagtail import hooks

from . import sections

hooks.register("home_page_sections", sections.alliances_strip, order=30)
