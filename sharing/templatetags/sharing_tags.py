"""What a page says about itself to search engines and when shared: its canonical and
language addresses, Open Graph and structured data, and the share bar."""

import functools
import json
from urllib.parse import quote

import babel
from babel.core import get_global
from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from page_parts.listings import public
from serving.locales import language_home_url, language_of

register = template.Library()

# What must not appear as such inside <script>: the same escapes as Django's json_script.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def page_full_url(page, request):
    """The page's address on the host the reader asked for (ALLOWED_HOSTS vouches for it)."""
    return request.build_absolute_uri(page.get_url(request))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """
    One entry per site language: where the reader lands on switching to it (the
    page's translation, else that language's home) and whether the page itself
    exists in that language (only those get an hreflang alternate).
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            language_of(translated): translated
            for translated in public(page.get_translations(inclusive=True).live())
        }
    versions = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated:
            url = page_full_url(translated, request)
        elif isinstance(page, Page):
            url = request.build_absolute_uri(language_home_url(code))
        else:
            url = request.build_absolute_uri(translate_url(request.get_full_path(), code))
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_default": code == settings.LANGUAGE_CODE,
                "is_alternate": bool(translated) or not isinstance(page, Page),
            }
        )
    return versions


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        return page_full_url(page, request)
    return request.build_absolute_uri(request.path)


@register.filter
@functools.cache
def open_graph_locale(language_code):
    """A language as Open Graph names locales, with its likeliest territory: 'es' -> 'es_ES'."""
    likely = babel.Locale.parse(get_global("likely_subtags").get(language_code, language_code))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


@register.filter
def json_ld(data):
    """Structured data for search engines, escaped as Django's json_script escapes it."""
    content = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(content.translate(JSON_SCRIPT_ESCAPES)),
    )


SHARE_TARGETS = [
    ("email", _("Email"), "mailto:?subject={title}&body={url}"),
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("x", "X", "https://x.com/intent/post?url={url}&text={title}"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ("whatsapp", "WhatsApp", "https://wa.me/?text={title}%20{url}"),
]


@register.inclusion_tag("includes/share_bar.html")
def share_bar(url, title):
    """Plain share links (no scripts from the networks), a copy button and the share sheet."""
    quoted = {"url": quote(url, safe=""), "title": quote(str(title), safe="")}
    links = [
        {"network": network, "label": label, "href": pattern.format(**quoted)}
        for network, label, pattern in SHARE_TARGETS
    ]
    return {"url": url, "title": title, "links": links}
