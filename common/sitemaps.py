from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from common.templatetags.site_tags import page_full_url


def sitemap_pages(site):
    """Every live, public page in every language's tree of `site`, in tree order."""
    trees = Page.objects.none()
    for home in site.root_page.get_translations(inclusive=True):
        trees |= Page.objects.descendant_of(home, inclusive=True)
    return trees.live().public().order_by("path").select_related("locale").defer_streamfields()


@require_GET
def sitemap(request):
    """
    The sitemap: each page with its translations as hreflang alternates (and the source
    language as x-default), so that search engines send readers to their own language.
    """
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    pages = list(sitemap_pages(site))
    translations = defaultdict(list)
    for page in pages:
        translations[page.translation_key].append(page)
    entries = []
    for page in pages:
        alternates = [
            (other.locale.language_code, page_full_url(other, request))
            for other in translations[page.translation_key]
        ]
        default = [url for code, url in alternates if code == settings.LANGUAGE_CODE]
        if len(alternates) > 1 and default:
            alternates.append(("x-default", default[0]))
        entries.append(
            {
                "location": page_full_url(page, request),
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
            }
        )
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )
