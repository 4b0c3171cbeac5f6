"""Bad input never gives a server error, and pages never load anything from other hosts."""

import pytest
from django.views.defaults import server_error

from home.models import KeyAreaPage
from tests.factories import ImageFactory, KeyAreaPageFactory
from tests.html import parse, resource_hosts, text
from tests.queries import render_queries

pytestmark = pytest.mark.django_db

BAD_QUERY_STRINGS = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=9999",
    "page=1e9",
    "q=" + "x" * 10_000,
    "q=%00",
    "q=%ff%fe",
    "q=' OR 1=1 --",
    'q="',
    'q=a "b',
    'q=xx"',
    'q="""',
    'q="a b" c*',
    "q=^a:b+c",
    "q=NEAR(a b) AND -",
    "utm_source=newsletter&unknown=1&page[]=2",
    "q=&q=two",
]


@pytest.mark.parametrize(
    "path",
    [
        "/en/no-such-page/",
        "/en/key-areas/no-such-area/",
        "/xx/",
        "/en/%00/",
        "/en/" + "a" * 2000 + "/",
        "/en/search/extra/",
        "/static/../config/settings.py",
    ],
)
def test_nonexistent_paths_answer_not_found(client, path):
    response = client.get(path)
    assert response.status_code in (301, 302, 404)


def test_not_found_page_is_branded_and_helpful(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert 'action="/en/search/"' in content
    assert "Education Network" in content


def test_resource_check_sees_third_party_resources():
    document = parse(
        "<!DOCTYPE html><html lang=en><head><title>t</title>"
        '<link rel="stylesheet" href="https://fonts.example.com/a.css"></head>'
        '<body><img src="/ok.png" alt="" srcset="/a.png 1x, https://cdn.example.com/b.png 2x">'
        '<template><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></template>'
        "</body></html>"
    )
    assert resource_hosts(document) == {"", "fonts.example.com", "cdn.example.com"}


def test_home_page_queries_do_not_grow_with_key_areas(client, key_area_index):
    add_key_areas(key_area_index, 2)
    before = render_queries(client, "/en/")
    add_key_areas(key_area_index, 24)
    assert KeyAreaPage.objects.live().filter(locale=key_area_index.locale).count() == 28
    assert render_queries(client, "/en/") == before


def add_key_areas(index, count):
    for _number in range(count):
        KeyAreaPageFactory(
            parent=index, summary="Another key area about school life.", image=ImageFactory()
        )


@pytest.mark.parametrize("url", ["/en/key-areas/", "/en/what-we-do/"])
def test_other_pages_queries_do_not_grow_with_key_areas(client, key_area_index, url):
    add_key_areas(key_area_index, 2)
    before = render_queries(client, url)
    add_key_areas(key_area_index, 10)
    assert render_queries(client, url) == before


def test_search_queries_do_not_grow_with_results(client, key_area_index):
    """
    Search results load each page type's fields in one query, so their count depends on
    the mix of types on the results page, never on how many pages match.
    """
    add_key_areas(key_area_index, 2)
    before = render_queries(client, "/en/search/?q=school")
    add_key_areas(key_area_index, 25)
    assert render_queries(client, "/en/search/?q=school") <= before


def test_server_error_page_is_branded_and_self_contained(rf):
    response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    document = parse(response.content)
    assert text(document.find(".//h1")) == "Something went wrong"
    assert resource_hosts(document) <= {""}


def test_public_pages_send_a_strict_content_security_policy(client, admin_client):
    for url in ("/en/", "/en/stories/", "/en/no-such-page/", "/en/search/?q=x"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self';" in policy
        assert "style-src 'self';" in policy
        assert "frame-ancestors 'none'" in policy
        assert "'unsafe-inline'" not in policy
    assert "Permissions-Policy" in client.get("/en/")


def test_the_admin_has_a_policy_of_its_own_and_the_strict_one_reported(admin_client):
    response = admin_client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "https://" not in policy.split("frame-src")[0]  # scripts and images: this host
    strict = response["Content-Security-Policy-Report-Only"]
    assert "script-src 'self';" in strict
    assert "style-src 'self';" in strict


def test_pages_switch_off_browser_features_they_do_not_use(client):
    policy = client.get("/en/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"):
        assert feature in policy
    assert 'fullscreen=(self "https://www.youtube-nocookie.com"' in policy


def test_previews_keep_the_policy_but_let_the_admin_frame_them(key_area):
    """Wagtail renders a preview through the middleware, for the admin to show in a frame."""
    policy = key_area.make_preview_request()["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "frame-ancestors 'self'" in policy


BAD_FORM_POSTS = [
    {},
    {"photos-TOTAL_FORMS": "abc", "photos-INITIAL_FORMS": "-1"},
    {"photos-TOTAL_FORMS": "99999999999999999999", "photos-MAX_NUM_FORMS": "x"},
    {"key_areas": ["abc", "-1", "99999999"], "interests": ["x"], "country": "ZZ"},
    {"date": "2026-02-30", "email": "a@" + "b" * 300, "wants": ["everything"]},
    {"title": "\x00" * 50, "text": "%ff%fe", "opened": "a:b:c", "consent": "maybe"},
    {"preferred_language": "xx", "video_url": "javascript:alert(1)", "photos-0-photo": "text"},
    {"opened": "x" * 10_000, "website": ["a", "b"]},
]


@pytest.mark.parametrize("data", BAD_FORM_POSTS)
def test_the_public_forms_answer_any_post_without_a_server_error(client, settings, data):
    from tests.members import form_pages

    settings.PUBLIC_FORM_MIN_SECONDS = 0
    for form_page in form_pages("en"):
        for url in (form_page.url, f"{form_page.url}confirm/abc/", f"{form_page.url}x/y/"):
            response = client.post(url, data)
            assert response.status_code in (200, 404, 405), (url, data)
        refused = client.post(form_page.url, data).content.decode()
        assert "Please correct the following" in refused, form_page
