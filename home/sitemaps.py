from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.templatetags.site_tags import page_full_url


class PageSitemap(Sitemap):
    """
    Every live, public page in every language's tree, each listing its translations
    as hreflang alternates.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for home in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of(home, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={page.translation_key for page in pages})
            .select_related("locale")
            .defer_streamfields()
        ):
            translations[translation.translation_key].append(translation)

        urls = []
        for item in pages:
            alternates = [
                {"lang_code": other.locale.language_code, "location": self.location(other)}
                for other in translations[item.translation_key]
            ]
            default = [alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE]
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default[0]["location"]})
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def location(self, page):
        return page_full_url(page, self.request)
