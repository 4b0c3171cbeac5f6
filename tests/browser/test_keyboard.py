"""A reader with a keyboard alone: every control is reached with Tab and shows where focus is."""

from playwright.sync_api import expect


def tab_to(page, target, presses=80):
    """Press Tab until `target` has focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            assert_focus_is_visible(target)
            return
    raise AssertionError(f"Tab never reached {target}")


def assert_focus_is_visible(element):
    outline, width, shadow = element.evaluate(
        "element => { const style = getComputedStyle(element);"
        " return [style.outlineStyle, style.outlineWidth, style.boxShadow]; }"
    )
    assert (outline != "none" and width != "0px") or shadow != "none", "no focus indicator"


def test_skip_link_navigation_and_language_switcher(page, site):
    page.goto(f"{site.url}/en/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert_focus_is_visible(skip_link)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.goto(f"{site.url}/en/")
    stories = page.get_by_role("navigation", name="Main").get_by_role("link", name="Stories")
    tab_to(page, stories)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/en/stories/")

    spanish = page.get_by_role("navigation", name="Language").get_by_role("link", name="Español")
    tab_to(page, spanish)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/es/historias/")


def test_filters_work_from_the_keyboard(page, site):
    page.goto(f"{site.url}/en/stories/")
    tab_to(page, page.get_by_label("Country"))
    page.keyboard.press("ArrowDown")  # the first country after "All"
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Show stories"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/en/stories/?place=CO")
    expect(page.get_by_role("status")).to_have_text("1 story")


def test_the_lightbox_works_from_the_keyboard(page, site):
    page.goto(f"{site.url}/en/gallery/planting-day/")
    first = page.locator("[data-lightbox-item]").first
    tab_to(page, first)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Photo viewer")
    position = dialog.locator("[data-lightbox-position]")
    expect(position).to_have_text("Photo 1 of 4")
    page.keyboard.press("ArrowRight")
    expect(position).to_have_text("Photo 2 of 4")
    tab_to(page, dialog.get_by_role("button", name="Next photo"), presses=5)
    page.keyboard.press("Enter")
    expect(position).to_have_text("Photo 3 of 4")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_focused()
