"""A reader watches a video and looks through a photo album."""

from playwright.sync_api import expect

from tests.browser.test_reader import assert_accessible


def test_lightbox_opens_moves_with_arrows_and_closes_with_escape(page, site):
    page.goto(f"{site.url}/en/gallery/planting-day/")
    second = page.locator("[data-lightbox-item]").nth(1)
    second.click()
    dialog = page.get_by_role("dialog", name="Photo viewer")
    expect(dialog).to_be_visible()
    expect(dialog.locator("[data-lightbox-position]")).to_have_text("Photo 2 of 4")
    expect(dialog.locator("img")).to_have_attribute("alt", "A grandmother shows how deep to plant")
    assert_accessible(page)

    page.keyboard.press("ArrowRight")
    expect(dialog.locator("[data-lightbox-position]")).to_have_text("Photo 3 of 4")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator("[data-lightbox-position]")).to_have_text("Photo 4 of 4")
    dialog.get_by_role("button", name="Next photo").click()
    expect(dialog.locator("[data-lightbox-position]")).to_have_text("Photo 1 of 4")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(second).to_be_focused()


def test_gallery_index_is_accessible_and_filters(page, site):
    page.goto(f"{site.url}/en/gallery/")
    assert_accessible(page)
    page.get_by_label("Type").select_option(label="Documents")
    page.get_by_role("button", name="Show media").click()
    expect(page).to_have_url(f"{site.url}/en/gallery/?type=documents")
    expect(page.get_by_role("status")).to_have_text("2 items")
