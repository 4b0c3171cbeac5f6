"""The accessibility audit of every page type, and the Content Security Policy at work."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from alliances.models import AllianceIndexPage, AlliancePage
from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from stories.models import StoryIndexPage, StoryPage
from tests.browser.conftest import AXE_RULES, assert_accessible, in_language

# One page of each type, by its English slug, and the search word that finds something.
PAGE_TYPES = [
    (HomePage, "home"),
    (KeyAreaIndexPage, "key-areas"),
    (KeyAreaPage, "global-digital-citizenship"),
    (StandardPage, "what-we-do"),
    (StoryIndexPage, "stories"),
    (StoryPage, "school-garden-fresno"),
    (GalleryIndexPage, "gallery"),
    (MediaItemPage, "why-we-learn-outdoors"),
    (MediaItemPage, "planting-day"),
    (MediaItemPage, "annual-report-2025"),
    (AllianceIndexPage, "alliances"),
    (AlliancePage, "sage"),
]
SEARCH_WORDS = {"en": "garden", "ar": "حديقة"}


@pytest.mark.parametrize("language", SEARCH_WORDS)
def test_every_page_type_passes_the_accessibility_audit(page, site, language):
    urls = [in_language(model, slug, language).url for model, slug in PAGE_TYPES]
    area = in_language(KeyAreaPage, "sustainable-leadership", language)
    urls += [
        f"{urls[4]}?area={area.slug}",  # the stories, filtered
        f"/{language}/search/?q={SEARCH_WORDS[language]}",
    ]
    for url in urls:
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
