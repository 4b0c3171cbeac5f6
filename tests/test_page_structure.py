"""Every listing reads in order: headings never skip a level, the first image comes first."""

import pytest

from tests.factories import ImageFactory, MediaItemPageFactory, StoryPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def headings(document):
    return [int(element.tag[1]) for element in document.iter() if element.tag in HEADINGS]


def images(document):
    return list(document.find(".//main").iter("img"))


@pytest.fixture
def listings(key_area_index):
    for area in key_area_index.get_children().specific():
        area.image, area.image_alt_text = ImageFactory(), f"A photo for {area.title}"
        area.save_revision().publish()
    for number in range(3):
        StoryPageFactory(image=ImageFactory(), image_alt_text=f"Photo {number}")
        MediaItemPageFactory()
    return [key_area_index.url, "/en/stories/", "/en/stories/?year=2026", "/en/gallery/"]


def test_headings_never_skip_a_level(client, listings):
    for url in listings:
        levels = headings(parse(client.get(url).content))
        assert levels[0] == 1, url
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert skips == [], (url, levels)


def test_the_first_image_loads_first_and_the_rest_lazily(client, listings):
    for url in listings:
        first, *rest = images(parse(client.get(url).content))
        assert (first.get("fetchpriority"), first.get("loading")) == ("high", None), url
        assert {image.get("loading") for image in rest} == {"lazy"}, url
