"""
Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.
Playwright cannot download its own browser here; `make test` installs Chromium.
"""

import os
import shutil
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.live_requests import wait_until_idle
from tests.snapshots import restore

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


# WCAG 2.1 A and AA, and axe's best practices (heading order, unique landmarks...).
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def assert_accessible(page):
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium")
    if executable is None:
        message = "Chromium is not installed: `make test` installs it (apt package chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture
def site(live_server, demo_snapshot):
    """
    The demo site, served by a live server. A live server's database is emptied after
    each test, so the demo snapshot is put back first.
    """
    wait_until_idle()
    restore(demo_snapshot)
    yield live_server
    wait_until_idle()


@pytest.fixture
def requested_hosts(page):
    """Every host the browser asks for anything while the test runs."""
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    return hosts


@pytest.fixture
def policy_violations(page):
    """Messages the browser logs when the Content Security Policy blocks something."""
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    return violations


def blocked(violations):
    """The violations an enforced policy blocked (the admin's report-only one blocks nothing)."""
    return [message for message in violations if "report-only" not in message]


def log_in(page, site, username, password):
    page.goto(f"{site.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{site.url}/admin/")


def log_out(page):
    page.context.clear_cookies()
