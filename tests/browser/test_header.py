"""The header on phones: a compact bar whose menu opens and closes, with or without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, assert_accessible


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_phone_menu_opens_and_leads_to_a_section(browser, site, javascript):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{site.url}/en/")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= VIEWPORTS["phone"]["height"] * 0.1
    button = page.get_by_text("Menu", exact=True)
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation).to_be_hidden()

    button.click()
    expect(navigation).to_be_visible()
    expect(page.get_by_role("navigation", name="Language")).to_be_visible()
    if javascript:
        assert_accessible(page)
        page.keyboard.press("Escape")
        expect(navigation).to_be_hidden()
        button.click()
    navigation.get_by_role("link", name="Stories").click()
    expect(page).to_have_url(f"{site.url}/en/stories/")
    context.close()


def test_wide_screens_show_the_menu_without_a_button(page, site):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{site.url}/ar/")
    expect(page.locator(".site-nav")).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()
    expect(page.locator(".site-menu__button")).to_be_hidden()


def test_the_language_a_reader_picks_is_where_the_root_takes_them(page, site):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{site.url}/en/")
    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    expect(page).to_have_url(f"{site.url}/fr/")
    page.goto(f"{site.url}/")
    expect(page).to_have_url(f"{site.url}/fr/")
