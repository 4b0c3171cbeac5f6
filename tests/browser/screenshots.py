"""
The README's screenshots, taken from the demo content: `make screenshots`. Not part of the
suite (the file name keeps pytest from collecting it unless it is named).
"""

from pathlib import Path

import pytest

from tests.browser.conftest import VIEWPORTS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = {
    "home": "/en/",
    "story": "/en/stories/school-garden-fresno/",
    "gallery": "/en/gallery/",
    "arabic": "/ar/",
}
# The phone header's menu, opened.
MENUS = {"menu": "/en/stories/", "arabic-menu": "/ar/"}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORTS.keys())
def test_screenshots(page, site, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        page.goto(f"{site.url}{path}")
        page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.jpg", type="jpeg", quality=75)
    if viewport == "phone":
        for name, path in MENUS.items():
            page.goto(f"{site.url}{path}")
            page.locator(".site-menu__button").click()
            page.screenshot(path=SCREENSHOTS / f"{name}-phone.jpg", type="jpeg", quality=75)
