"""
Wagtail's content checks run in the editor's preview: a page with a problem lists it in
the Checks panel, and a clean page reports none.
"""

import re

from playwright.sync_api import expect

from home.models import HomePage, StandardPage
from tests.browser.conftest import log_in


def open_checks(page, site, wagtail_page):
    page.goto(f"{site.url}/admin/pages/{wagtail_page.pk}/edit/")
    page.get_by_role("button", name=re.compile("^Checks|Toggle checks")).click()
    return page.locator("[data-checks-panel]")


def test_the_checks_panel_lists_a_skipped_heading_and_a_clean_page_has_none(page, site):
    home = HomePage.objects.get(locale__language_code="en")
    skipped = StandardPage(
        title="Skipped heading",
        slug="skipped-heading",
        introduction="A page whose first heading skips a level.",
        body=[
            ("heading", {"text": "A sub-heading with no section above it", "level": "h3"}),
            ("paragraph", "<p>Some words under it.</p>"),
        ],
    )
    home.add_child(instance=skipped)
    skipped.save_revision().publish()
    clean = StandardPage.objects.get(locale__language_code="en", slug="what-we-do")

    log_in(page, site, "editor", "demo-editor")
    issues = open_checks(page, site, skipped)
    count = page.locator("[data-content-checker-count]")
    expect(count).to_have_text("1", timeout=15000)
    expect(issues).to_contain_text(re.compile("heading", re.IGNORECASE))

    open_checks(page, site, clean)
    # The content metrics' word count, once the preview is read (Wagtail 8.1 renames it).
    words = page.locator("[data-content-word-count], [data-metric-value='word-count']")
    expect(words).not_to_have_text("-", timeout=15000)
    expect(page.locator("[data-content-checker-count]")).to_have_text("0")


def test_editors_get_the_userbar_on_the_live_site_within_its_policy(page, site, policy_violations):
    log_in(page, site, "editor", "demo-editor")
    page.goto(f"{site.url}/en/")
    page.locator("wagtail-userbar").get_by_role("button", name="View Wagtail quick actions").click()
    expect(page.get_by_role("menuitem", name=re.compile("Edit this page"))).to_be_visible()
    assert policy_violations == []
