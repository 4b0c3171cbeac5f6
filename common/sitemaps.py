"""
The sitemap: an index of one sitemap per language, each split into pages of at most
URLS_PER_SITEMAP addresses, every page listed with its translations as hreflang
alternates (and the source language as x-default), so that search engines send readers
to their own language. Each sitemap page costs the same few queries at any size.
"""

import math
from collections import defaultdict

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from common.locales import locales_by_code
from common.models import public

URLS_PER_SITEMAP = 2000


def language_pages(site, language):
    """Every live, public page of `site`'s tree in `language`, in tree order."""
    home = site.root_page.get_translations(inclusive=True).filter(locale__language_code=language)
    return public(Page.objects.live().filter(path__startswith=home.values("path")[:1])).order_by(
        "path"
    )


def request_site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


@require_GET
def sitemap_index(request):
    site = request_site(request)
    sitemaps = []
    for language, _name in settings.LANGUAGES:
        count = language_pages(site, language).count()
        location = request.build_absolute_uri(reverse("language_sitemap", args=[language]))
        for number in range(1, math.ceil(count / URLS_PER_SITEMAP) + 1):
            sitemaps.append(location if number == 1 else f"{location}?p={number}")
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": sitemaps}, content_type="application/xml"
    )


@require_GET
def language_sitemap(request, language):
    if language not in dict(settings.LANGUAGES):
        raise Http404
    try:
        number = int(request.GET.get("p", "1"))
    except ValueError:
        raise Http404 from None
    if number < 1:
        raise Http404
    site = request_site(request)
    start = (number - 1) * URLS_PER_SITEMAP
    pages = list(
        language_pages(site, language).only(
            "id", "url_path", "locale_id", "translation_key", "last_published_at"
        )[start : start + URLS_PER_SITEMAP]
    )
    if not pages and number > 1:
        raise Http404
    codes = {locale.pk: code for code, locale in locales_by_code().items()}
    translations = defaultdict(list)
    others = public(Page.objects.live()).filter(
        translation_key__in=[page.translation_key for page in pages]
    )
    for other in others.only("id", "url_path", "locale_id", "translation_key"):
        translations[other.translation_key].append(other)
    entries = []
    for page in pages:
        alternates = [
            (codes[other.locale_id], full_url(other, request))
            for other in sorted(translations[page.translation_key], key=lambda p: p.locale_id)
        ]
        default = [url for code, url in alternates if code == settings.LANGUAGE_CODE]
        if len(alternates) > 1 and default:
            alternates.append(("x-default", default[0]))
        entries.append(
            {
                "location": full_url(page, request),
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
            }
        )
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


def full_url(page, request):
    return request.build_absolute_uri(page.get_url(request))
