"""A reader on a phone and on a desktop: the home page, keyboard use and accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from alliances.models import AllianceIndexPage, AlliancePage
from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from stories.models import StoryIndexPage, StoryPage

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_reader_goes_from_home_to_a_key_area(
    page, site, requested_hosts, policy_violations, viewport
):
    page.set_viewport_size(viewport)
    page.goto(f"{site.url}/")
    assert page.url == f"{site.url}/en/"
    expect(page.locator("h1")).to_have_text("Partnerships for Sustainability Education")
    expect(page.locator(".key-area-card")).to_have_count(6)
    assert_accessible(page)

    page.get_by_role("link", name="Global Digital Citizenship").click()
    expect(page.locator("h1")).to_have_text("Global Digital Citizenship")
    assert_accessible(page)

    page.get_by_role("link", name="What we do").first.click()
    expect(page.locator("h1")).to_have_text("What we do")
    assert_accessible(page)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"
    assert requested_hosts == {site.url.removeprefix("http://")}
    assert policy_violations == []


def test_keyboard_reader_skips_to_the_content(page, site):
    page.goto(f"{site.url}/en/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


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
    locale = Locale.objects.get(language_code=language)
    urls = [
        model.objects.get(locale__language_code="en", slug=slug).get_translation(locale).url
        for model, slug in PAGE_TYPES
    ]
    area = KeyAreaPage.objects.get(locale__language_code="en", slug="sustainable-leadership")
    urls += [
        f"{urls[4]}?area={area.get_translation(locale).slug}",  # the stories, filtered
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


def test_the_accessibility_audit_finds_real_violations(page, site):
    page.goto(f"{site.url}/en/")
    page.set_content('<html><body><img src="/static/images/favicon.svg"></body></html>')
    assert Axe().run(page, options=WCAG_AA).violations_count > 0


def test_the_policy_blocks_inline_scripts_and_says_so(page, site, policy_violations):
    page.goto(f"{site.url}/en/")
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.injected = true'}))"
    )
    assert page.evaluate("window.injected") is None
    assert policy_violations
