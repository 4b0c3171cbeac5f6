"""
The sitemap: an index of one sitemap per language, each split into pages of at most
URLS_PER_SITEMAP addresses, every page listed with its translations as hreflang
alternates (and the source language as x-default), so that search engines send readers
to their own language. Each sitemap page costs the same few queries at any size.
"""

import math
from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from page_parts.listings import public
from serving.locales import locales_by_code

URLS_PER_SITEMAP = 500


def language_homes(site):
    """The path of `site`'s home page in each language it has one, by language code."""
    homes = site.root_page.get_translations(inclusive=True)
    return dict(homes.values_list("locale__language_code", "path"))


def live_pages(home_paths):
    """Every live, public page under the homes at `home_paths`."""
    if not home_paths:
        return Page.objects.none()
    trees = Q()
    for path in home_paths:
        trees |= Q(path__startswith=path)
    return public(Page.objects.live().filter(trees))


def request_site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


@require_GET
def sitemap_index(request):
    homes = language_homes(request_site(request))
    per_language = live_pages(homes.values()).order_by().values("locale__language_code")
    counts = dict(
        per_language.annotate(count=Count("pk")).values_list("locale__language_code", "count")
    )
    sitemaps = []
    for language, _name in settings.LANGUAGES:
        count = counts.get(language, 0)
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
    fields = ("url_path", "locale_id", "translation_key")
    home = language_homes(site).get(language)
    pages = list(
        live_pages([home] if home else [])
        .order_by("path")
        .values_list(*fields, "last_published_at")[start : start + URLS_PER_SITEMAP]
    )
    if not pages and number > 1:
        raise Http404
    url = address_builder(site, request)
    translations = defaultdict(list)
    others = public(Page.objects.live()).filter(translation_key__in=[page[2] for page in pages])
    for url_path, locale_id, key in others.order_by("locale_id").values_list(*fields):
        address = url(url_path, locale_id)
        if address:
            translations[key].append((locale_id, address))
    codes = {locale.pk: code for code, locale in locales_by_code().items()}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    # Written out directly: thousands of entries cost a template far more than the rest.
    for url_path, locale_id, key, last_published_at in pages:
        alternates = [(codes[other], address) for other, address in translations[key]]
        default = [address for code, address in alternates if code == settings.LANGUAGE_CODE]
        if len(alternates) > 1 and default:
            alternates.append(("x-default", default[0]))
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(address)}/>'
            for code, address in (alternates if len(alternates) > 1 else [])
        )
        lastmod = f"<lastmod>{last_published_at:%Y-%m-%d}</lastmod>" if last_published_at else ""
        lines.append(f"<url><loc>{escape(url(url_path, locale_id))}</loc>{lastmod}{links}</url>")
    lines.append("</urlset>\n")
    return HttpResponse("\n".join(lines), content_type="application/xml")


def address_builder(site, request):
    """
    A function (url_path, locale id) -> the page's absolute address on the host the
    reader asked for, as Wagtail's `get_url` makes it, without its work for each page
    (thousands of times per sitemap).
    """
    origin = request.build_absolute_uri("/").removesuffix("/")
    locales = {code: locale.pk for code, locale in locales_by_code().items()}
    roots = {}
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code in locales:
            with translation.override(root.language_code):
                prefix = reverse("wagtail_serve", args=[""])
            roots[locales[root.language_code]] = (root.root_path, prefix)

    def address(url_path, locale_id):
        root_path, prefix = roots.get(locale_id, (None, None))
        if root_path is None or not url_path.startswith(root_path):
            return None
        return origin + prefix + iri_to_uri(url_path[len(root_path) :])

    return address
