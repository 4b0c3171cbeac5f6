"""The accessibility audit of every page type, and the Content Security Policy at work."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import AXE_RULES, assert_accessible
from tests.pages import SEARCH_WORDS, audited_urls


@pytest.mark.parametrize("language", SEARCH_WORDS)
def test_every_page_type_passes_the_accessibility_audit(page, site, language):
    for url in audited_urls(language):
        response = page.goto(f"{site.url}{url}")
        assert response.status == 200, url
        assert_accessible(page)
    expect(page.locator(".search-result").first).to_be_visible()

    response = page.goto(f"{site.url}/{language}/no-such-page/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)


def test_the_accessibility_audit_finds_real_violations(page):
    page.set_content(
        '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>'
    )
    assert Axe().run(page, options=AXE_RULES).violations_count > 0


def test_the_policy_blocks_inline_scripts_and_says_so(page, site, policy_violations):
    page.goto(f"{site.url}/en/")
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.injected = true'}))"
    )
    assert page.evaluate("window.injected") is None
    assert policy_violations
