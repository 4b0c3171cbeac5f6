"""
A reader on a phone and on a desktop, in English and in Arabic: from the home page to a
story they share, then to the gallery's videos and photos. The interface's words come from
the catalogs and the pages' titles from the database, so one journey runs in any language.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import KeyAreaPage
from stories.models import StoryIndexPage, StoryPage
from tests.browser.conftest import VIEWPORTS, assert_accessible
from tests.pages import in_language

PLAYER_HOST = "www.youtube-nocookie.com"


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_reader_journey(page, site, policy_violations, viewport, language):
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    # The video host is outside our reach: its player is answered here, at the boundary.
    page.route(f"https://{PLAYER_HOST}/**", lambda route: route.fulfill(body="<p>Player</p>"))
    page.set_viewport_size(viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    stories = in_language(StoryIndexPage, "stories", language)
    area = in_language(KeyAreaPage, "sustainable-leadership", language)
    story = in_language(StoryPage, "student-timetable-georgia", language)
    gallery = in_language(GalleryIndexPage, "gallery", language)
    video = in_language(MediaItemPage, "why-we-learn-outdoors", language)
    album = in_language(MediaItemPage, "planting-day", language)
    _ = translated(language)

    page.goto(f"{site.url}/{language}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert_mirrored(page, language)
    assert_accessible(page)

    go_to_section(page, _, stories.title)
    page.get_by_label(_("Key area")).select_option(label=area.title)
    page.get_by_role("button", name=_("Show stories")).click()
    with translation.override(language):
        three_stories = ngettext("%(counter)s story", "%(counter)s stories", 3) % {"counter": 3}
    expect(page.get_by_role("status")).to_have_text(three_stories)
    assert_accessible(page)

    page.get_by_role("link", name=story.title).click()
    expect(page.locator("h1")).to_have_text(story.title)
    assert_accessible(page)
    page.get_by_role("button", name=_("Copy link")).click()
    expect(page.locator("[data-share-status]")).to_have_text(_("Link copied"))
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert canonical == f"{site.url}{story.url}"

    go_to_section(page, _, gallery.title)
    page.get_by_role("link", name=video.title).click()
    expect(page.locator("h1")).to_have_text(video.title)
    expect(page.locator("iframe")).to_have_count(0)
    assert_accessible(page)
    assert set(hosts) == {site.url.removeprefix("http://")}, "a request left the site"
    page.get_by_role("link", name=_("Play video: %(title)s") % {"title": video.title}).click()
    expect(page.locator(".video__frame iframe")).to_have_attribute(
        "src", f"https://{PLAYER_HOST}/embed/aqz-KE-bpKQ?autoplay=1"
    )
    expect(page.frame_locator(".video__frame iframe").get_by_text("Player")).to_be_visible()

    page.goto(f"{site.url}{album.url}")
    photos = page.locator("[data-lightbox-item]")
    photos.nth(1).click()
    dialog = page.get_by_role("dialog", name=_("Photo viewer"))
    position = dialog.locator("[data-lightbox-position]")
    expect(position).to_have_text(photo_of(_, 2, 4))
    assert_accessible(page)
    forward = "ArrowLeft" if language == "ar" else "ArrowRight"
    page.keyboard.press(forward)
    expect(position).to_have_text(photo_of(_, 3, 4))
    expect(dialog.locator("img")).to_have_attribute("alt", album.album_photos.all()[2].alt_text)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(photos.nth(1)).to_be_focused()

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"
    assert set(hosts) == {site.url.removeprefix("http://"), PLAYER_HOST}
    assert hosts.count(PLAYER_HOST) == 1  # the player the reader asked for, nothing else
    assert policy_violations == []


def translated(language):
    """gettext in `language`, for the interface's words."""

    def _(message):
        with translation.override(language):
            return gettext(message)

    return _


def photo_of(_, n, total):
    return _("Photo {n} of {total}").replace("{n}", str(n)).replace("{total}", str(total))


def go_to_section(page, _, title):
    """Follow the main menu's link to `title`, opening the menu first on phones."""
    if page.viewport_size["width"] < VIEWPORTS["desktop"]["width"]:
        page.get_by_text(_("Menu"), exact=True).click()
    page.get_by_role("navigation", name=_("Main")).get_by_role("link", name=title).click()


def assert_mirrored(page, language):
    """
    The header reads from the start edge: in Arabic the logo is right of the name, or on
    phones (where the logo stands for the name) right of the menu button.
    """
    logo = page.locator(".site-header__logo").bounding_box()
    phone = page.viewport_size["width"] < VIEWPORTS["desktop"]["width"]
    name = page.locator(".site-menu__button" if phone else ".site-header__name").bounding_box()
    if language == "ar":
        assert logo["x"] > name["x"] + name["width"] - 1
    else:
        assert logo["x"] + logo["width"] < name["x"] + 1


def test_card_grids_fill_their_rows(page, site):
    """Six key areas at desktop width: two rows of three, not four and an orphaned two."""
    page.set_viewport_size(VIEWPORTS["desktop"])
    for url in ("/en/key-areas/", "/en/"):
        page.goto(f"{site.url}{url}")
        tops = page.locator(".key-areas > li").evaluate_all(
            "cards => cards.map(card => Math.round(card.getBoundingClientRect().top))"
        )
        rows = [tops.count(top) for top in sorted(set(tops))]
        assert len(tops) == 6 and rows == [3, 3], (url, rows)
