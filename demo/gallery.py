"""
Demo media for `manage.py load_demo`: three videos, three photo albums and two sets of
reports, all made here without the network. The videos are Blender Foundation open
movies standing in for the network's own films; their players are stored in Wagtail's
embed cache, so nothing is fetched from YouTube until a reader presses play.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from demo.images import demo_image, draw_landscape
from demo.pages import ensure_index, key_areas_by_slug
from gallery.models import AlbumDocument, AlbumPhoto, GalleryIndexPage, Licence, MediaItemPage

INDEX = {
    "title": "Media gallery",
    "slug": "gallery",
    "introduction": (
        "Films, photos and reports from schools and partners around the network. "
        "Watch, download and share them."
    ),
}

CREDIT = "Demo media: Blender Foundation open movie (CC BY)"

VIDEOS = [
    {
        "title": "Why we learn outdoors",
        "slug": "why-we-learn-outdoors",
        "youtube_id": "aqz-KE-bpKQ",
        "duration": datetime.timedelta(minutes=10, seconds=34),
        "date": datetime.date(2026, 10, 2),
        "areas": ["climate-change-and-nature-education", "sustainable-well-being"],
        "description": (
            "A placeholder film for the demo: imagine teachers and pupils explaining why "
            "a day a week outside changed how their school learns."
        ),
        "transcript": (
            "This demo video is an open movie without dialogue. A real network film would "
            "have its words here, so that every reader can follow it."
        ),
    },
    {
        "title": "Student voices on leadership",
        "slug": "student-voices-on-leadership",
        "youtube_id": "eRsGyueVLvQ",
        "duration": datetime.timedelta(minutes=14, seconds=48),
        "date": datetime.date(2026, 7, 15),
        "areas": ["sustainable-leadership"],
        "description": (
            "A placeholder film for the demo, standing in for a conversation with student "
            "councils from three continents."
        ),
        "transcript": "This demo video is an open movie. A real film's transcript goes here.",
    },
    {
        "title": "Digital citizenship in the classroom",
        "slug": "digital-citizenship-in-the-classroom",
        "youtube_id": "R6MlUcmOul8",
        "duration": datetime.timedelta(minutes=12, seconds=14),
        "date": datetime.date(2026, 4, 9),
        "areas": ["global-digital-citizenship"],
        "description": (
            "A placeholder film for the demo, standing in for a lesson on kindness and "
            "safety online filmed in a partner school."
        ),
        "transcript": "This demo video is an open movie. A real film's transcript goes here.",
    },
]

ALBUMS = [
    {
        "title": "Planting day at the school garden",
        "slug": "planting-day",
        "date": datetime.date(2026, 9, 20),
        "areas": ["climate-change-and-nature-education"],
        "description": "Families, pupils and teachers plant the autumn beds together.",
        "photos": [
            "Pupils carry seedlings to the raised beds",
            "A grandmother shows how deep to plant",
            "Watering the new beds",
            "The finished garden at sunset",
        ],
    },
    {
        "title": "Network summit in pictures",
        "slug": "network-summit",
        "date": datetime.date(2026, 6, 12),
        "areas": ["sustainable-leadership", "sustainability-and-human-rights"],
        "description": "Two days of workshops, talks and friendships at the annual summit.",
        "photos": [
            "Opening circle on the first morning",
            "Students lead a workshop on climate action",
            "Partners from twelve countries",
            "Closing celebration",
            "Ideas wall at the end of the summit",
        ],
    },
    {
        "title": "Mangrove replanting on the coast",
        "slug": "mangrove-replanting",
        "date": datetime.date(2026, 5, 23),
        "areas": ["climate-change-and-nature-education"],
        "description": "Students and fishing families replant mangroves at low tide.",
        "photos": [
            "Seedlings in the school nursery",
            "Planting at low tide",
            "Counting crabs among the roots",
        ],
    },
]

DOCUMENT_SETS = [
    {
        "title": "Annual report 2025",
        "slug": "annual-report-2025",
        "date": datetime.date(2026, 3, 1),
        "areas": ["sustainable-leadership", "breaking-the-cycle-of-poverty"],
        "description": "What the network did in 2025, with its accounts.",
        "documents": [
            ("Annual report 2025", "The year in stories and figures."),
            ("Financial statements 2025", "Audited accounts."),
        ],
    },
    {
        "title": "Shared policy framework",
        "slug": "shared-policy-framework",
        "date": datetime.date(2025, 11, 5),
        "areas": ["sustainability-and-human-rights"],
        "description": (
            "The principles the network's partners advance together with policymakers, "
            "locally and nationally."
        ),
        "documents": [("Shared policy framework", "The full framework.")],
    },
]


def store_demo_player(url):
    """Put in Wagtail's embed cache what YouTube's oEmbed endpoint would answer for `url`."""
    video_id = url.rsplit("=", 1)[-1]
    Embed.objects.update_or_create(
        hash=get_embed_hash(url, None, None),
        defaults={
            "url": url,
            "max_width": None,
            "type": "video",
            "title": "Demo video",
            "author_name": "Blender Foundation",
            "provider_name": "YouTube",
            "thumbnail_url": "",
            "width": 560,
            "height": 315,
            "last_updated": timezone.now(),
            "html": (
                f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{video_id}" '
                'title="Demo video" allow="autoplay; fullscreen; picture-in-picture" '
                "allowfullscreen></iframe>"
            ),
        },
    )


def demo_report(title, description):
    """A one-page PDF report, drawn with Pillow."""
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1240, 220), fill="#14513a")
    draw.text((80, 110), title, fill="white", anchor="lm", font_size=64)
    draw.text((80, 320), description, fill="#1d2a2f", font_size=36)
    draw.text((80, 400), "Demo document generated for Network Site.", fill="#4a5a60", font_size=28)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(buffer.getvalue()))
    return document


def load(home):
    """Add the gallery and its demo media under `home`, keeping what exists."""
    index = ensure_index(home, GalleryIndexPage, INDEX)
    areas = key_areas_by_slug(home)

    def add(data, **fields):
        if index.get_children().filter(slug=data["slug"]).exists():
            return
        item = MediaItemPage(
            title=data["title"],
            slug=data["slug"],
            date=data["date"],
            description=data["description"],
            image=demo_image(
                f"{data['title']} (thumbnail)",
                draw_landscape(data["slug"], 1280, 720),
                f"An illustration for '{data['title']}'.",
            ),
            **fields,
        )
        item.key_areas = [areas[slug] for slug in data["areas"]]
        index.add_child(instance=item)
        item.save_revision().publish()

    for data in VIDEOS:
        url = f"https://www.youtube.com/watch?v={data['youtube_id']}"
        store_demo_player(url)
        add(
            data,
            media_type=MediaItemPage.MediaType.VIDEO,
            video_url=url,
            duration=data["duration"],
            transcript=data["transcript"],
            credit=CREDIT,
            licence=Licence.CC_BY,
        )
    for data in ALBUMS:
        photos = [
            AlbumPhoto(
                image=demo_image(caption, draw_landscape(caption), caption),
                alt_text=caption,
                caption=caption,
                credit="Demo illustration",
            )
            for caption in data["photos"]
        ]
        add(
            data,
            media_type=MediaItemPage.MediaType.ALBUM,
            album_photos=photos,
            licence=Licence.CC_BY,
        )
    for data in DOCUMENT_SETS:
        documents = [
            AlbumDocument(document=demo_report(title, text), description=text)
            for title, text in data["documents"]
        ]
        add(data, media_type=MediaItemPage.MediaType.DOCUMENTS, album_documents=documents)
    return index
