"""
The reference deployment: a real Varnish (Debian's, with deploy/varnish.vcl) in front of
the site. Publishing purges exactly the addresses that show the change, and while the
site is down Varnish keeps serving what it has.
"""

import http.cookiejar
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page

from home.models import HomePage, KeyAreaPage
from membership.models import JoinRequest
from stories.models import StoryIndexPage, StoryPage
from tests.members import form_pages
from tests.network import Door, free_port, wait_until
from tests.snapshots import restore

pytestmark = pytest.mark.django_db(transaction=True)

VCL = settings.BASE_DIR / "deploy" / "varnish.vcl"


class Varnish:
    def __init__(self, directory, backend_port):
        self.directory = directory
        self.port = free_port()
        vcl = directory / "site.vcl"
        vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
        command = [
            "varnishd",
            *("-F", "-j", "none", "-n", str(directory / "work")),
            *("-a", f"127.0.0.1:{self.port}", "-f", str(vcl), "-s", "malloc,64m"),
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        wait_until(lambda: self.healthy(), "Varnish did not find the site healthy")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, scheme="https"):
        """(status, X-Cache, body) of a GET through Varnish, as the TLS terminator sends it."""
        request = urllib.request.Request(self.url(path), headers={"X-Forwarded-Proto": scheme})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers["X-Cache"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("X-Cache"), error.read()

    def admin(self, *command):
        directory = str(self.directory / "work")
        result = subprocess.run(
            ["varnishadm", "-n", directory, *command], capture_output=True, text=True
        )
        return result.stdout

    def healthy(self):
        return "healthy" in self.admin("backend.list").lower().replace("sick", "")

    def sick(self):
        return "sick" in self.admin("backend.list").lower()

    def purged_urls(self):
        """Every address the site asked Varnish to purge, from Varnish's own log."""
        log = subprocess.run(
            [
                *("varnishlog", "-n", str(self.directory / "work"), "-d"),
                *("-g", "request", "-q", 'ReqMethod eq "PURGE"', "-i", "ReqURL"),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        return {line.split()[-1] for line in log.splitlines() if "ReqURL" in line}

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture
def varnish(live_server, django_db_setup, tmp_path):
    if shutil.which("varnishd") is None:
        message = "Varnish is not installed: `make test` installs it (apt package varnish)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    restore(django_db_setup.frame)
    host, port = live_server.url.removeprefix("http://").split(":")
    # The site as Varnish reaches it: a door in front of the live server we can shut.
    origin = Door((host, int(port)))
    cache = Varnish(tmp_path, origin.port)
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    purge_here = {"varnish": {"BACKEND": backend, "LOCATION": cache.url("")}}
    with override_settings(WAGTAILFRONTENDCACHE=purge_here, WAGTAILADMIN_BASE_URL=live_server.url):
        cache.origin = origin
        yield cache
    cache.stop()
    origin.shut()


def test_publishing_purges_exactly_the_addresses_that_show_the_story(varnish):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    area = KeyAreaPage.objects.filter(locale__language_code="en").first()
    home = HomePage.objects.get(locale__language_code="en")
    unrelated = Page.objects.get(locale__language_code="en", slug="alliances").url
    for path in (index.url, area.url, home.url, unrelated):
        assert varnish.get(path)[:2] == (200, "MISS")
        assert varnish.get(path)[:2] == (200, "HIT")

    story = StoryPage(title="A rain garden in Lagos", slug="rain-garden-lagos", summary="Dug.")
    story.body = [("paragraph", "<p>They dug a rain garden.</p>")]
    story.live = False
    index.add_child(instance=story)
    story.key_areas.add(area)
    story.save_revision().publish()

    assert varnish.purged_urls() == {
        "/en/stories/rain-garden-lagos/",
        "/en/stories/",
        "/en/stories/feed/",
        area.url,
        "/en/",
        "/en/search/",
        "/sitemap.xml",
        "/sitemap-en.xml",
    }
    for path in (index.url, area.url, home.url):
        status, state, body = varnish.get(path)
        assert (status, state) == (200, "MISS"), path
        assert "A rain garden in Lagos" in body.decode(), path
        assert varnish.get(path)[:2] == (200, "HIT"), path
    assert varnish.get(unrelated)[:2] == (200, "HIT")


def test_plain_http_is_never_cached(varnish):
    path = "/en/what-we-do/"
    assert [varnish.get(path)[1] for _ in range(2)] == ["MISS", "HIT"]
    # Only the site answers a request that did not come over HTTPS (it redirects it).
    assert [varnish.get(path, scheme="http")[1] for _ in range(2)] == ["MISS", "MISS"]


def test_while_the_site_is_down_varnish_serves_what_it_has(varnish, monkeypatch):
    # Pages go stale after a second, so that what Varnish serves next is past its time.
    monkeypatch.setattr(
        "caching.middleware.PUBLIC_CACHE_CONTROL",
        "public, max-age=0, s-maxage=1, stale-while-revalidate=1, stale-if-error=604800",
    )
    status, _state, page = varnish.get("/en/what-we-do/")
    assert status == 200
    time.sleep(2)
    varnish.origin.shut()
    wait_until(varnish.sick, "Varnish did not notice the site was down")
    assert varnish.get("/en/key-areas/")[0] == 503
    status, state, stale = varnish.get("/en/what-we-do/")
    assert (status, state) == (200, "HIT")
    assert stale == page


def test_the_public_forms_pass_through_varnish_uncached_and_work(varnish, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    share, join = form_pages("en")
    for page in (share, join):
        assert [varnish.get(page.url)[1] for _ in range(3)] == ["MISS"] * 3
    cookies = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    browser.addheaders = [("X-Forwarded-Proto", "https")]
    with browser.open(varnish.url(join.url), timeout=10) as response:
        html = response.read().decode()
        assert "no-store" in response.headers["Cache-Control"]
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|opened)" value="([^"]+)"', html))
    # The same form open in a second tab: the first still sends.
    with browser.open(varnish.url(join.url), timeout=10) as response:
        assert "no-store" in response.headers["Cache-Control"]
    area = KeyAreaPage.objects.filter(locale__language_code="en").first()
    data = {
        **fields,
        "name": "Kofi Mensah",
        "email": "kofi@example.org",
        "country": "GH",
        "wants": "news",
        "interests": area.pk,
        "preferred_language": "en",
        "consent": "on",
    }
    request = urllib.request.Request(
        varnish.url(join.url),
        data=urllib.parse.urlencode(data).encode(),
        headers={"Referer": varnish.url(join.url)},
    )
    with browser.open(request, timeout=10) as response:
        assert response.url.endswith(f"{join.url}sent/")
    assert JoinRequest.objects.get().email == "kofi@example.org"
