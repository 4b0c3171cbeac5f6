"""A reader finds a story by key area and shares it."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader import assert_accessible

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_reader_filters_stories_and_copies_a_link(page, site, requested_hosts, viewport):
    page.set_viewport_size(viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    page.goto(f"{site.url}/en/stories/")
    assert_accessible(page)

    page.get_by_label("Key area").select_option(label="Sustainable Leadership")
    page.get_by_role("button", name="Show stories").click()
    expect(page).to_have_url(f"{site.url}/en/stories/?area=sustainable-leadership")
    expect(page.get_by_role("status")).to_have_text("3 stories")
    assert_accessible(page)

    page.get_by_role("link", name="Students who redesigned their own timetable").click()
    expect(page.locator("h1")).to_have_text("Students who redesigned their own timetable")
    assert_accessible(page)

    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-share-status]")).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert copied == canonical == f"{site.url}/en/stories/student-timetable-georgia/"
    assert requested_hosts == {site.url.removeprefix("http://")}


def test_filters_work_from_the_keyboard(page, site):
    page.goto(f"{site.url}/en/stories/")
    page.get_by_label("Country").focus()
    page.keyboard.press("ArrowDown")  # the first country after "All"
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Show stories").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/en/stories/?place=CO")
    expect(page.get_by_role("status")).to_have_text("1 story")
