"""The shared block library renders what editors compose, privately and accessibly."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Page

from home.models import StandardPage
from page_parts.blocks import BodyBlock, CallToActionBlock, privacy_enhanced
from tests.factories import ImageFactory
from tests.html import parse, resource_hosts, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    document = get_document_model()(title="Annual report 2026")
    document.file.save("annual-report.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048))
    return document


@pytest.fixture
def composed_page(home, report, what_we_do):
    image = ImageFactory(title="Public education")
    page = StandardPage(
        title="Every block",
        slug="every-block",
        body=[
            ("heading", {"text": "A section", "level": "h2"}),
            ("paragraph", '<p>Text with a <a href="https://example.org">link</a>.</p>'),
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "Pupils planting trees"},
                    "caption": "Spring",
                },
            ),
            ("quote", {"quote": "Learning is for everyone.", "attribution": "Ana", "role": ""}),
            (
                "call_to_action",
                {"heading": "Join", "text": "", "link_label": "Read more", "page": what_we_do},
            ),
            (
                "video",
                {
                    "video": "https://www.youtube.com/watch?v=abc123",
                    "title": "Our schools",
                    "transcript": "Hello from our school.",
                },
            ),
            ("key_figures", {"heading": "", "figures": [{"figure": "120", "label": "schools"}]}),
            ("document", {"document": report, "label": "", "description": ""}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def what_we_do(home):
    return StandardPage.objects.get(locale__language_code="en", slug="what-we-do")


def stream(client, page):
    document = parse(client.get(page.url).content)
    return document.find(".//div[@class='stream prose']")


def test_every_block_renders_without_wrappers(client, composed_page):
    body = stream(client, composed_page)
    assert [child.tag for child in body] == [
        "h2",
        "p",
        "figure",
        "figure",
        "aside",
        "figure",
        "details",  # the video's transcript, after its figure: a figcaption ends a figure
        "section",
        "p",
    ]


def test_image_block_uses_its_own_alt_text_and_modern_formats(client, composed_page):
    picture = stream(client, composed_page).find(".//picture")
    assert picture.find("img").get("alt") == "Pupils planting trees"
    assert picture.find("img").get("loading") == "lazy"
    assert picture.find("img").get("width") and picture.find("img").get("height")
    assert [source.get("type") for source in picture.iter("source")] == ["image/webp"]


def test_call_to_action_links_to_the_chosen_page(client, composed_page, what_we_do):
    link = stream(client, composed_page).find(".//aside/a")
    assert (link.get("href"), text(link)) == (what_we_do.url, "Read more")


def test_video_loads_nothing_from_its_host_until_played(client, composed_page):
    video = stream(client, composed_page).find(".//figure[@data-video]")
    play = video.find(".//a[@data-video-play]")
    assert play.get("href") == "https://www.youtube.com/watch?v=abc123"
    assert "Play video: Our schools" in text(play)
    assert resource_hosts(video) <= {""}
    player = video.find(".//template[@data-video-player]")
    assert player is not None
    assert "www.youtube-nocookie.com/embed/abc123" in client.get(composed_page.url).content.decode()
    transcript = stream(client, composed_page).find("./details[@class='video__transcript']")
    assert text(transcript) == "Transcript Hello from our school."


def test_document_block_shows_type_and_size(client, composed_page):
    paragraph = stream(client, composed_page)[-1]
    assert text(paragraph.find("a")) == "Annual report 2026"
    assert "(PDF, 2.0 KB)" in text(paragraph)


def test_privacy_enhanced_players():
    youtube = '<iframe src="https://www.youtube.com/embed/x?feature=oembed"></iframe>'
    assert privacy_enhanced(youtube) == (
        '<iframe src="https://www.youtube-nocookie.com/embed/x?feature=oembed"></iframe>'
    )
    vimeo = '<iframe src="https://player.vimeo.com/video/42?app_id=1"></iframe>'
    assert "player.vimeo.com/video/42?dnt=1&app_id=1" in privacy_enhanced(vimeo)


def test_call_to_action_needs_exactly_one_destination(what_we_do):
    block = CallToActionBlock()
    base = {"heading": "Join", "text": "", "link_label": "Go"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": None, "external_url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({**base, "page": what_we_do.pk, "external_url": "https://x.org"})
        )
    assert block.clean(block.to_python({**base, "page": None, "external_url": "https://x.org"}))


def test_body_block_offers_the_whole_library():
    assert list(BodyBlock().child_blocks) == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "call_to_action",
        "video",
        "key_figures",
        "document",
    ]
    assert isinstance(StandardPage().body, StreamValue)


def page_stream_blocks():
    """(page type, field, block name, block) for each block an editor can add to a page."""
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    yield model.__name__, field.name, name, block


def test_every_block_describes_itself_and_previews_as_on_the_site(admin_client):
    ImageFactory()
    get_document_model().objects.create(title="Annual report", file=ContentFile(b"%PDF", "r.pdf"))
    blocks = list(page_stream_blocks())
    assert len(blocks) > 20
    for where in blocks:
        *_, block = where
        assert str(block.get_description()), where
        assert block.is_previewable, where
        assert block.get_preview_value() not in (None, "", {}), where
        response = admin_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, where
        document = parse(response.content)
        stylesheets = [
            link.get("href") for link in document.iter("link") if link.get("rel") == "stylesheet"
        ]
        assert "/static/css/site.css" in stylesheets, where
        assert document.find(".//main").find(".//*") is not None, where
