"""
Which URLs show a piece of content, and purging them from the page cache and from the
HTTP cache in front of the site (Wagtail's front-end cache invalidation).

A page is shown at its own address, on its translations (their language switchers link
it), on its ancestors (indexes and the home page list their children and grandchildren),
on the key-area pages it belongs to, in its language's feed, search and sitemap, and, for
a story, on the stories that list it among their earlier stories. What the menus link, and
the key areas every listing filters by, show on every page of a language: publishing one
of those purges the whole language.
"""

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, ReferenceIndex

from serving import cache as page_cache
from site_settings.models import SiteSettings


@dataclass
class Purge:
    paths: set = field(default_factory=set)
    languages: set = field(default_factory=set)
    content_languages: set = field(default_factory=set)

    def __or__(self, other):
        return Purge(
            self.paths | other.paths,
            self.languages | other.languages,
            self.content_languages | other.content_languages,
        )

    def __bool__(self):
        return bool(self.paths or self.languages or self.content_languages)


def path_of(page):
    url = page.get_url()
    return urlsplit(url).path if url else None


def language_paths(language):
    """What every change in `language` may alter: its search, its sitemap and the index."""
    with translation.override(language):
        search = reverse("search")
    return {search, reverse("sitemap"), reverse("language_sitemap", args=[language])}


def urls_showing(page):
    """The URLs that show `page` (specific), as the database has it now."""
    if not page.live:
        return Purge()
    language = page.locale.language_code
    purge = Purge(paths=language_paths(language), content_languages={language})
    shown = [
        page,
        *page.get_translations().live(),
        *page.get_ancestors().live().filter(depth__gt=1),
    ]
    if hasattr(page, "listed_on"):
        shown.extend(page.listed_on())
    for shown_page in shown:
        path = path_of(shown_page)
        if path:
            # Wagtail's own hook for a page's other addresses, such as a feed.
            purge.paths |= {
                path + sub_path.lstrip("/")
                for sub_path in shown_page.specific_deferred.get_cached_paths()
            }
    if shown_site_wide(page):
        purge.languages |= languages_showing(page)
    return purge


def shown_site_wide(page):
    # Key areas, for one, appear in every listing's filters and on every page in them.
    if getattr(page, "shown_site_wide", False):
        return True
    return page.translation_key in SiteSettings.menu_translation_keys()


def languages_showing(page):
    """Its own language, and those without a live translation of it, which may show it."""
    translated = set(page.get_translations().live().values_list("locale__language_code", flat=True))
    return {code for code, _name in settings.LANGUAGES} - translated | {page.locale.language_code}


# Past this many pages, their languages are purged whole rather than page by page.
MANY_PAGES = 100


def urls_showing_each(pages, showing=urls_showing):
    """
    The URLs showing any of `pages` (a queryset), each found by `showing`; past
    MANY_PAGES, their languages whole.
    """
    if pages.count() > MANY_PAGES:
        languages = pages.values_list("locale__language_code", flat=True).distinct()
        return Purge(languages=set(languages))
    purge = Purge()
    for page in pages.specific():
        purge = purge | showing(page)
    return purge


def own_address(page):
    """Only the page's own address (with every query string on it)."""
    return Purge(paths={path_of(page)})


def urls_showing_subtree(page):
    """The URLs showing `page` and every page below it (for moves and deletions)."""
    return urls_showing(page) | urls_showing_each(page.get_descendants().live())


def every_language():
    return {code for code, _name in settings.LANGUAGES}


def purge(what):
    """Forget `what` in the page cache and in the HTTP cache in front of the site."""
    if not what:
        return

    def forget():
        # The page cache files pages under their paths as Django reads them, decoded.
        paths = [unquote(path) for path in what.paths]
        page_cache.forget(paths, what.languages, what.content_languages)

    # Now, and again once the change is committed: a page rendered in between, from what
    # the database held before, is not kept.
    forget()
    transaction.on_commit(forget)
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # A trailing * asks for every address under a language's root (see deploy/varnish).
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    purge_urls_from_cache(
        sorted(f"{base}{path}" for path in what.paths)
        + sorted(f"{base}/{language}/*" for language in what.languages)
    )


def pages_using(obj):
    """The live pages that show `obj` (an image, a document), by Wagtail's reference index."""
    references = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.live().filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )
