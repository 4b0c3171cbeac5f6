"""
Finding the page a public address names. Wagtail walks the tree from the site's root,
asking the database for each level's page and again for its specific type, then for the
home page in the reader's language: seven queries for a story. Here the site comes from
the cache (serving/sites.py), the pages along the path are found in one query by their
slugs and `url_path`, and only the page served is fetched as its specific type; Wagtail's
own route then runs on that page, so it answers exactly as Wagtail would. Wherever a page
on the way routes addresses itself (a feed, a form's "sent" page), or anything is
unusual, Wagtail routes from there as it always does.
"""

from django.http import Http404, HttpResponse
from django.utils import translation
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from .sites import site_for

WAGTAIL_ROUTES = object()


def serve_page(request, path):
    """
    Wagtail's page view for the route found here: the same `before_serve_page` and
    `on_serve_page` hooks around `page.serve` as `wagtail.views.serve`, which routes on
    its own and offers no way to be handed a route.
    """
    route = route_in_one_query(request, path)
    if route is WAGTAIL_ROUTES:
        return wagtail_views.serve(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    serve = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    for before_serve in hooks.get_hooks("before_serve_page"):
        result = before_serve(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return serve(page, request, args, kwargs)


def route_in_one_query(request, path):
    """
    Wagtail's route (page, args, kwargs) for `path`, None where there is no such page,
    or WAGTAIL_ROUTES where Wagtail should find it on its own.
    """
    site = site_for(request)
    if site is None:
        return WAGTAIL_ROUTES
    language = get_supported_content_language_variant(translation.get_language())
    home_paths = [
        root.root_path
        for root in Site.get_site_root_paths()
        if root.site_id == site.pk and root.language_code == language
    ]
    if not home_paths:
        return WAGTAIL_ROUTES
    components = [component for component in path.split("/") if component]
    url_paths = [home_paths[0]]
    for component in components:
        url_paths.append(f"{url_paths[-1]}{component}/")
    # By slug too: the slug is indexed, the `url_path` is not.
    slugs = [url_path.rstrip("/").rsplit("/", 1)[-1] for url_path in url_paths]
    along_the_path = Page.objects.filter(slug__in=slugs, url_path__in=url_paths)
    pages = {page.url_path: page for page in along_the_path}
    page = pages.get(url_paths[0])
    if page is None or not page.live:
        # Wagtail serves the site's own root page where the reader's language has none.
        return WAGTAIL_ROUTES
    for depth in range(len(components)):
        remaining = components[depth:]
        if routes_itself(page, remaining):
            break
        child = pages.get(url_paths[depth + 1])
        if child is None or child.depth != page.depth + 1 or not child.path.startswith(page.path):
            return None
        page = child
    else:
        remaining = []
    try:
        return page.specific.route(request, remaining)
    except Http404:
        return None


def routes_itself(page, components):
    """Whether `page` would answer `components` itself rather than pass them to a child."""
    route = (page.specific_class or Page).route
    if route is Page.route:
        return False
    if route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page.specific_class.get_resolver().resolve("/" + "/".join(components) + "/")
        except Http404:
            return False
    return True
