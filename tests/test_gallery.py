"""The media gallery: videos, photo albums and documents people watch, download and share."""

import datetime
import io
import json
import os

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from gallery.models import AlbumDocument, AlbumPhoto, GalleryIndexPage, MediaItemPage
from home.models import KeyAreaPage
from tests.admin import page_edit_data
from tests.conftest import module_content
from tests.factories import DocumentFactory, ImageFactory, MediaItemPageFactory
from tests.html import meta, parse, resource_hosts, text
from tests.queries import render_queries

LEADERSHIP = "sustainable-leadership"
CLIMATE = "climate-change-and-nature-education"
VIDEO, ALBUM, DOCUMENTS = MediaItemPage.MediaType

ITEMS = [
    # title, slug, type, date, key areas
    ("Why we learn outdoors", "why-we-learn-outdoors", VIDEO, "2026-10-02", [CLIMATE]),
    ("Planting day at the school garden", "planting-day", ALBUM, "2026-09-20", [CLIMATE]),
    (
        "Student voices on leadership",
        "student-voices-on-leadership",
        VIDEO,
        "2026-06-10",
        [LEADERSHIP],
    ),
    ("Network summit in pictures", "network-summit", ALBUM, "2026-04-15", [LEADERSHIP]),
    ("Mangrove replanting on the coast", "mangrove-replanting", ALBUM, "2026-03-08", [CLIMATE]),
    ("Digital citizenship in the classroom", "digital-citizenship", VIDEO, "2026-02-10", []),
    ("Annual report 2025", "annual-report-2025", DOCUMENTS, "2026-01-15", [LEADERSHIP]),
    ("Shared policy framework", "policy-framework", DOCUMENTS, "2025-11-01", []),
]
VIDEOS = [title for title, _slug, kind, _date, _areas in ITEMS if kind == VIDEO]
YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def media(kind, title):
    """What an item of `kind` needs: a video address, photos or documents."""
    if kind == VIDEO:
        return {
            "video_url": YOUTUBE,
            "duration": datetime.timedelta(seconds=634),
            "transcript": "Teachers explain why lessons move outside.",
        }
    if kind == ALBUM:
        photo = {
            "alt_text": "Pupils carry seedlings to the garden",
            "decorative": False,
            "caption": "Pupils carry seedlings",
            "credit": "Ana Ruiz",
        }
        return {"album_photos": [AlbumPhoto(**photo, image=ImageFactory()) for _ in range(4)]}
    pdf = b"%PDF-1.4\n" + b"0" * 2048
    documents = [
        DocumentFactory(title=title, file__data=pdf, file__filename=f"{number}.pdf")
        for number in range(2)
    ]
    return {"album_documents": [AlbumDocument(document=document) for document in documents]}


def make_items():
    for title, slug, kind, date, areas in ITEMS:
        MediaItemPageFactory(
            title=title,
            slug=slug,
            media_type=kind,
            date=datetime.date.fromisoformat(date),
            key_areas=list(KeyAreaPage.objects.filter(locale__language_code="en", slug__in=areas)),
            **media(kind, title),
        )


items = module_content(make_items)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("items")]


@pytest.fixture
def index(home):
    return GalleryIndexPage.objects.child_of(home).get()


def listed(client, query=""):
    response = client.get(f"/en/gallery/{query}")
    assert response.status_code == 200
    document = parse(response.content)
    cards = document.findall(".//article[@class='card media-card']")
    return [text(card.find(".//h3/a")) for card in cards], document


def test_index_lists_every_item_newest_first_with_type_badges(client):
    titles, document = listed(client)
    assert titles == [
        "Why we learn outdoors",
        "Planting day at the school garden",
        "Student voices on leadership",
        "Network summit in pictures",
        "Mangrove replanting on the coast",
        "Digital citizenship in the classroom",
        "Annual report 2025",
        "Shared policy framework",
    ]
    badges = [
        text(badge)
        for badge in document.iterfind(".//article//p[@class]")
        if "badge" in badge.get("class")
    ]
    assert badges.count("Video") == 3
    assert badges.count("Photo album") == 3
    assert badges.count("Documents") == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=video", set(VIDEOS)),
        ("?type=documents", {"Annual report 2025", "Shared policy framework"}),
        (
            "?area=sustainable-leadership",
            {"Student voices on leadership", "Network summit in pictures", "Annual report 2025"},
        ),
        (
            "?type=album&area=climate-change-and-nature-education",
            {"Planting day at the school garden", "Mangrove replanting on the coast"},
        ),
        ("?type=documents&year=2025", {"Shared policy framework"}),
        ("?type=video&area=sustainable-leadership&year=2026", {"Student voices on leadership"}),
        ("?type=album&year=2025", set()),
    ],
)
def test_filters_select_the_right_items(client, query, expected):
    titles, document = listed(client, query)
    assert set(titles) == expected and len(titles) == len(expected)
    assert text(document.find(".//p[@class='result-count']")).startswith(str(len(expected)))
    if not expected:
        assert "Nothing in the gallery matches these filters." in text(document)


@pytest.mark.parametrize(
    "query",
    [
        "?page=0",
        "?page=-1",
        "?page=9999",
        "?page=abc",
        "?type=podcast",
        "?area=nope",
        "?year=x",
        "?type[]=video",
        "?type=%00",
    ],
)
def test_bad_values_never_fail(client, query):
    titles, _ = listed(client, query)
    assert len(titles) == 8


def test_pagination_keeps_the_filters(client, index):
    add_items(index, 20)
    titles, document = listed(client, "?type=video")
    assert len(titles) == 12
    assert document.find(".//a[@rel='next']").get("href") == "?type=video&page=2"
    titles, _ = listed(client, "?type=video&page=2")
    assert len(titles) == 11


def test_video_loads_nothing_from_its_host_before_the_click(client):
    response = client.get("/en/gallery/why-we-learn-outdoors/")
    document = parse(response.content)
    video = document.find(".//figure[@data-video]")
    assert resource_hosts(document) <= {""}
    play = video.find(".//a[@data-video-play]")
    assert play.get("href") == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    player = video.find(".//template[@data-video-player]")
    iframe = player.find(".//iframe")
    assert iframe.get("src").startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    assert iframe.get("title")
    assert video.find(".//img") is not None  # the thumbnail stands in for the player
    transcript = document.find(".//details[@class='video__transcript']/summary")
    assert "Transcript" in text(transcript)


def test_video_page_metadata(client):
    document = parse(client.get("/en/gallery/why-we-learn-outdoors/").content)
    assert meta(document, "og:type") == "video.other"
    assert meta(document, "og:video") == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert meta(document, "og:image").startswith("http://testserver/media/")
    data = json.loads(
        next(s for s in document.iter("script") if s.get("type") == "application/ld+json").text
    )
    assert data["@type"] == "VideoObject"
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?feature=oembed"
    assert data["duration"] == "PT634S"
    assert data["thumbnailUrl"] == meta(document, "og:image")
    assert data["uploadDate"] == "2026-10-02"


def test_album_shows_photos_as_links_for_the_lightbox(client):
    document = parse(client.get("/en/gallery/planting-day/").content)
    links = document.findall(".//ul[@class='album']//a[@data-lightbox-item]")
    assert len(links) == 4
    for link in links:
        assert link.get("href").startswith("/media/images/")
        image = link.find(".//img")
        assert image.get("alt") == link.get("data-alt") != ""
    captions = [text(caption) for caption in document.iterfind(".//ul[@class='album']//figcaption")]
    assert captions[0] == "Pupils carry seedlings Ana Ruiz"
    dialog = document.find(".//dialog[@data-lightbox-dialog]")
    assert dialog.get("data-position-template") == "Photo {n} of {total}"
    data = json.loads(
        next(s for s in document.iter("script") if s.get("type") == "application/ld+json").text
    )
    assert data["@type"] == "ImageGallery"
    assert len(data["image"]) == 4


def test_documents_are_listed_with_type_size_and_download_link(client):
    document = parse(client.get("/en/gallery/annual-report-2025/").content)
    items = document.findall(".//ul[@class='documents']/li")
    assert len(items) == 2
    link = items[0].find(".//a")
    assert text(link) == "Annual report 2025"
    assert link.get("download") is not None
    assert "(PDF," in text(items[0]) and "KB)" in text(items[0])
    download = client.get(link.get("href"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    data = json.loads(
        next(s for s in document.iter("script") if s.get("type") == "application/ld+json").text
    )
    assert [part["@type"] for part in data["hasPart"]] == ["DigitalDocument", "DigitalDocument"]


def test_items_have_permalinks_and_share_bars(client):
    document = parse(client.get("/en/gallery/network-summit/").content)
    canonical = "http://testserver/en/gallery/network-summit/"
    assert document.find(".//button[@data-copy-link]").get("data-copy-link") == canonical
    facebook = document.find(".//a[@class='share-bar__link share-bar__link--facebook']")
    assert facebook.get("href").endswith(
        "u=http%3A%2F%2Ftestserver%2Fen%2Fgallery%2Fnetwork-summit%2F"
    )


def test_each_type_requires_its_media():
    item = MediaItemPage(
        title="Empty", description="Nothing yet.", media_type=MediaItemPage.MediaType.VIDEO
    )
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "image" in error.value.message_dict
    item.image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "video_url" in error.value.message_dict


@pytest.mark.parametrize(
    ("slug", "relation", "message"),
    [
        ("planting-day", "album_photos", "Add at least one photo to the album."),
        ("annual-report-2025", "album_documents", "Add at least one document."),
    ],
)
def test_an_album_keeps_a_photo_and_a_set_a_document(admin_client, slug, relation, message):
    item = MediaItemPage.objects.get(locale__language_code="en", slug=slug)
    count = getattr(item, relation).count()
    data = page_edit_data(admin_client, item, **{"action-publish": "1"})
    for number in range(count):
        data[f"{relation}-{number}-DELETE"] = "1"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert getattr(item, relation).count() == count
    assert admin_client.get(item.url).status_code == 200


def test_hidden_items_never_appear(client, index):
    draft = MediaItemPage.objects.get(locale__language_code="en", slug="planting-day")
    draft.unpublish()
    private = MediaItemPage.objects.get(
        locale__language_code="en", slug="student-voices-on-leadership"
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden = {draft.title, private.title}

    titles, _ = listed(client)
    assert not hidden & set(titles)
    for url in (
        "/en/key-areas/climate-change-and-nature-education/",
        "/en/key-areas/sustainable-leadership/",
        "/en/",
    ):
        document = parse(client.get(url).content)
        assert not hidden & {text(link) for link in document.iterfind(".//article//h3/a")}
    for word in ("Planting", "leadership"):
        results = client.get("/en/search/", {"q": word}).context["results"]
        assert not hidden & {page.title for page in results}
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/gallery/planting-day/" not in sitemap
    assert "/en/gallery/student-voices-on-leadership/" not in sitemap


def test_key_area_pages_and_home_show_media(client):
    area = parse(client.get("/en/key-areas/climate-change-and-nature-education/").content)
    section = area.find(".//section[@aria-labelledby='key-area-media']")
    assert [text(a) for a in section.iterfind(".//h3/a")] == [
        "Why we learn outdoors",
        "Planting day at the school garden",
        "Mangrove replanting on the coast",
    ]
    home = parse(client.get("/en/").content)
    section = home.find(".//section[@aria-labelledby='gallery-highlights']")
    assert len(section.findall(".//h3/a")) == 3


def add_items(index, count):
    thumbnail = ImageFactory()
    start = MediaItemPage.objects.count()
    for number in range(start, start + count):
        index.add_child(
            instance=MediaItemPage(
                title=f"Video {number}",
                description="Another video.",
                image=thumbnail,
                video_url=YOUTUBE,
                live=True,
            )
        )


def test_query_counts_do_not_grow_with_items(client, index):
    urls = ["/en/gallery/", "/en/gallery/?type=video&page=2", "/en/gallery/why-we-learn-outdoors/"]
    counts = [render_queries(client, url) for url in urls]
    add_items(index, 142)
    assert MediaItemPage.objects.live().filter(locale=index.locale).count() == 150
    assert [render_queries(client, url) for url in urls] == counts


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_oversized_image_is_refused_with_a_form_error(admin_client):
    noise = PILImage.frombytes("RGB", (2400, 2400), os.urandom(2400 * 2400 * 3))
    content = png(noise)
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload_image(admin_client, "huge.png", content)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.filter(title="huge.png").exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("side", "message"),
    [
        (10_000, "This image is too large: 10000 × 10000 pixels, where at most 20 million"),
        (15_000, "This file has too many pixels"),
    ],
)
def test_a_decompression_bomb_is_refused_with_a_form_error(admin_client, side, message):
    """100 million pixels passes Pillow's own guard with a warning; 225 million trips it."""
    content = png(PILImage.new("1", (side, side)))
    assert len(content) < 1024 * 1024  # small on disk, huge once decoded
    response = upload_image(admin_client, "bomb.png", content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.filter(title="bomb.png").exists()


def test_a_normal_image_is_accepted(admin_client):
    response = upload_image(admin_client, "fine.png", png(PILImage.new("RGB", (800, 600), "green")))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="fine.png").exists()


@pytest.mark.parametrize("name", ["script.exe", "page.html", "image.svg", "macro.docm"])
def test_a_disallowed_document_type_is_refused(admin_client, name):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, b"content"), "collection": 1},
    )
    assert response.status_code == 200
    assert "is not allowed. Allowed extensions are: csv, docx" in response.content.decode()
    assert not get_document_model().objects.filter(title=name).exists()


def test_a_pdf_document_is_accepted(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Report",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n"),
            "collection": 1,
        },
    )
    assert response.status_code == 302


@pytest.mark.parametrize("slug", ["planting-day", "annual-report-2025"])
def test_album_and_document_set_queries_do_not_grow_with_their_items(client, slug):
    item = MediaItemPage.objects.get(locale__language_code="en", slug=slug)
    before = render_queries(client, item.url)
    more = media(item.media_type, item.title)
    for relation, items in more.items():
        getattr(item, relation).add(*items)
    item.save_revision().publish()
    assert getattr(item, relation).count() > 2
    assert render_queries(client, item.url) == before
