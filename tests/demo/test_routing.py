"""
Pages are found by their address in one query (serving.routing), and found exactly as
Wagtail's own routing finds them: the same page, type, sub-address view and arguments,
or the same "no such page", for every page of the demo in every language.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, Site

from serving.routing import WAGTAIL_ROUTES, route_in_one_query
from serving.sites import site_for
from stories.models import StoryIndexPage, StoryPage
from tests.conftest import publish_english_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SUB_ADDRESSES = ["", "feed/", "sent/", "confirm/abc/", "no-such-page/", "a/b/c/"]


def described(route):
    """A route as something to compare: page, type, and the sub-address view's name."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:
        view, view_args, view_kwargs = args
        args = (view.__name__, view_args, view_kwargs)
    return (page.pk, type(page).__name__, args, kwargs)


def both_routes(language, path):
    with translation.override(language):
        ours = route_in_one_query(RequestFactory().get(f"/{language}/{path}"), path)
        wagtails = Page.route_for_request(RequestFactory().get(f"/{language}/{path}"), path)
    return ours, wagtails


def addresses():
    """Each page's path below its language's home, with sub-addresses, by language."""
    for page in Page.objects.filter(depth__gt=1).select_related("locale"):
        home = page.get_ancestors(inclusive=True).get(depth=2)
        below = page.url_path.removeprefix(home.url_path)
        for sub_address in SUB_ADDRESSES:
            yield page.locale.language_code, below + sub_address


def test_every_address_routes_as_wagtail_routes_it():
    compared = 0
    for language, path in addresses():
        ours, wagtails = both_routes(language, path)
        assert ours is not WAGTAIL_ROUTES, (language, path)
        assert described(ours) == described(wagtails), (language, path)
        compared += 1
    assert compared > 500


def test_a_page_that_answers_its_own_sub_addresses_answers_them_before_its_children(client):
    story = publish_english_story(
        "sustainable-leadership", title="Feed", slug="feed", summary="A story called Feed."
    )
    index = StoryIndexPage.objects.get(locale__language_code="en")
    assert story.get_parent().pk == index.pk
    ours, wagtails = both_routes("en", "stories/feed/")
    assert (
        described(ours) == described(wagtails) == (index.pk, "StoryIndexPage", ("feed", (), {}), {})
    )
    response = client.get("/en/stories/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_live_page_under_a_draft_is_found_and_a_draft_is_not(client):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage.objects.child_of(index).live().first()
    index.unpublish()
    for path, expected in (("stories/", None), (f"stories/{story.slug}/", story.pk)):
        ours, wagtails = both_routes("en", path)
        assert described(ours) == described(wagtails)
        assert (ours[0].pk if ours else None) == expected
    assert client.get("/en/stories/").status_code == 404
    assert client.get(f"/en/stories/{story.slug}/").status_code == 200


def test_a_language_without_a_live_home_is_left_to_wagtail():
    Page.objects.get(depth=2, locale__language_code="fr").unpublish()
    ours, wagtails = both_routes("fr", "stories/")
    assert ours is WAGTAIL_ROUTES
    assert wagtails is not None


def test_a_story_is_found_in_two_queries_after_the_site():
    story = StoryPage.objects.live().filter(locale__language_code="ar").first()
    path = story.url_path.removeprefix(story.get_ancestors().get(depth=2).url_path)
    request = RequestFactory().get(f"/ar/{path}")
    with translation.override("ar"):
        route_in_one_query(request, path)  # the site, now remembered by the request
        with CaptureQueriesContext(connection) as queries:
            page, _args, _kwargs = route_in_one_query(request, path)
    assert page == story and type(page) is StoryPage
    assert len(queries) == 2, [query["sql"] for query in queries]


def test_the_site_is_remembered_until_a_site_changes(client):
    story = StoryPage.objects.live().filter(locale__language_code="en").first()

    def visit(number):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(story.url, {"visit": number})
        asked_for_sites = any('FROM "wagtailcore_site"' in query["sql"] for query in queries)
        return response.status_code, asked_for_sites

    assert visit(1) == (200, True)
    assert visit(2) == (200, False)
    # The only site now serves another host: this one has none, from the very next request.
    site = Site.objects.get()
    site.hostname, site.is_default_site = "elsewhere.example", False
    site.save()
    assert visit(3) == (404, True)
    site.hostname, site.is_default_site = "localhost", True
    site.save()
    assert visit(4) == (200, True)
    assert visit(5) == (200, False)


HOSTS = ["localhost", "localhost:8000", "other.example", "unknown.example"]


@pytest.mark.parametrize("host", HOSTS)
def test_the_remembered_site_is_the_one_wagtail_finds_and_wagtail_reuses_it(host, settings):
    settings.ALLOWED_HOSTS = ["*"]
    home = Page.objects.get(depth=2, locale__language_code="en")
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    for visit in range(2):  # looked up, then remembered
        ours = site_for(RequestFactory().get("/en/", HTTP_HOST=host))
        wagtails = Site.find_for_request(RequestFactory().get("/en/", HTTP_HOST=host))
        assert ours == wagtails, (visit, ours, wagtails)
    request = RequestFactory().get("/en/", HTTP_HOST=host)
    site = site_for(request)
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) == site
    assert len(queries) == 0
