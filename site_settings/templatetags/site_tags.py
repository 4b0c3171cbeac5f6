from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Page

from page_parts.blocks import privacy_enhanced
from serving.cache import shared_fragment
from serving.locales import language_home_url, language_of
from site_settings.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site settings in the reader's language, looked up once per request."""
    request = context.get("request")
    if request is None:
        return SiteSettings.resolved()
    return SiteSettings.for_request(request)


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page):
    """
    The sections other apps add to `page`, in order: each app registers a function
    (request, page) -> HTML under `hook_name` in its wagtail_hooks.py ("home_page_sections",
    "key_area_page_sections"), so the page's own app never imports them.
    """
    request = context.get("request")

    def render():
        return "".join(section(request, page) for section in hooks.get_hooks(hook_name))

    # Listings many readers see; kept until the page's language has new content.
    html = shared_fragment(f"sections:{hook_name}:{page.pk}", language_of(page), render)
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content, with its writing direction."""
    page = context.get("page")
    code = language_of(page) if isinstance(page, Page) else translation.get_language()
    info = translation.get_language_info(code)
    return {"code": code, "dir": "rtl" if info["bidi"] else "ltr"}


@register.simple_tag
def foreign_language(code):
    """lang and dir attributes for text in another language than the reader's, if it is."""
    if not code or code == translation.get_language():
        return ""
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


register.simple_tag(language_home_url)
register.filter(privacy_enhanced)
