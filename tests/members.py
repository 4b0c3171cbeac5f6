"""What the tests of the public's forms share: the pages, photos, and filling the forms in."""

import io
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from home.models import HomePage, KeyAreaPage
from membership.models import JoinPage
from submissions.models import ShareStoryPage

GPS = 0x8825
OPENED = re.compile(r'name="opened" value="([^"]+)"')


def form_pages(language="en"):
    """The "Share your story" and "Join the network" pages under a language's home page."""
    home = HomePage.objects.get(locale__language_code=language)
    share = ShareStoryPage(title="Share your story", slug="share", locale=home.locale)
    join = JoinPage(title="Join the network", slug="join", locale=home.locale)
    for page in (share, join):
        home.add_child(instance=page)
        page.save_revision().publish()
    return share, join


def photo(name="photo.jpg", colour="#2e7d4f", with_location=False, image_format="JPEG"):
    """A real photo, with the place it was taken in its EXIF data if asked."""
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if with_location:
        exif[GPS] = {1: "N", 2: (4.0, 35.0, 53.0), 3: "W", 4: (74.0, 4.0, 33.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(buffer, image_format, exif=exif.tobytes())
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def has_location(path):
    with Image.open(path) as image:
        return bool(image.getexif().get_ifd(GPS))


def stored_images(media_root):
    suffixes = {".jpg", ".jpeg", ".png", ".webp", ".avif"}
    return [path for path in Path(media_root).rglob("*") if path.suffix.lower() in suffixes]


def opened_token(client, url):
    """The signed time of opening from a fresh copy of the form at `url`."""
    return OPENED.search(client.get(url).content.decode()).group(1)


def management_form(total=10):
    return {
        "photos-TOTAL_FORMS": str(total),
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "10",
    }


def story_data(client, page, photos=(), **changes):
    """The story form as a teacher fills it in, with `photos` as (file, alt text, credit)."""
    area = KeyAreaPage.objects.filter(locale_id=page.locale_id).first()
    data = {
        "title": "Rain gardens at Escuela Verde",
        "summary": "Pupils dug rain gardens that keep the playground from flooding.",
        "text": "It started with a flooded playground.\n\nNow the rain feeds the garden.",
        "place_name": "Quito",
        "country": "EC",
        "date": "2026-10-01",
        "key_areas": [area.pk],
        "video_url": "",
        "name": "Ana Ruiz",
        "organisation": "Escuela Verde",
        "role": "Teacher",
        "email": "ana@example.org",
        "consent": "on",
        "website": "",
        "opened": opened_token(client, page.url),
        **management_form(),
    }
    for number, (file, alt_text, credit) in enumerate(photos):
        data[f"photos-{number}-photo"] = file
        data[f"photos-{number}-alt_text"] = alt_text
        data[f"photos-{number}-credit"] = credit
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def join_data(client, page, **changes):
    area = KeyAreaPage.objects.filter(locale_id=page.locale_id).first()
    data = {
        "name": "Kofi Mensah",
        "email": "kofi@example.org",
        "organisation": "Green Schools Ghana",
        "country": "GH",
        "wants": ["join", "news"],
        "interests": [area.pk],
        "preferred_language": "fr",
        "consent": "on",
        "website": "",
        "opened": opened_token(client, page.url),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def behind_the_chain(reader):
    """What gunicorn sees of a request from `reader` through the TLS terminator and Varnish."""
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"{reader}, 127.0.0.1"}


def each_reader_has_her_own_limit(send_from, limit, refusal):
    """
    `limit` sendings from one reader behind the chain go through and the next is refused
    with `refusal`, while another reader is still let through. `send_from(reader, number)`
    sends the form's `number`th copy.
    """
    for number in range(limit):
        assert send_from("203.0.113.9", number).status_code == 302
    refused = send_from("203.0.113.9", limit)
    assert refused.status_code == 429
    assert refusal in refused.content.decode()
    assert send_from("198.51.100.4", limit + 1).status_code == 302


def link_in(message, path_part):
    """The address in an e-mail whose path contains `path_part`, without scheme and host."""
    for url in re.findall(r"https?://\S+", message.body):
        if path_part in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no {path_part} link in: {message.body}")
