"""Six stories for the tests that read stories: two key areas, four countries, two years."""

import datetime

from home.models import KeyAreaPage
from tests.factories import ImageFactory, StoryPageFactory, topic

LEADERSHIP = "sustainable-leadership"
CLIMATE = "climate-change-and-nature-education"

MEDELLIN = "Young peacebuilders on the hillsides of Medellín"
FRESNO = "A school garden that feeds a neighbourhood"
GEORGIA = "Students who redesigned their own timetable"
CEBU = "Replanting the mangroves that protect a coast"
NEW_HAMPSHIRE = "Learning that moves at the pace of each student"
OAXACA = "Teaching in the language children dream in"

STORIES = [
    # title, slug, date, place, country, key areas, topics
    (
        MEDELLIN,
        "peacebuilders-medellin",
        "2026-10-02",
        "Medellín",
        "CO",
        [LEADERSHIP],
        ["student voice"],
    ),
    (
        FRESNO,
        "school-garden-fresno",
        "2026-09-14",
        "Fresno",
        "US",
        [CLIMATE],
        ["school gardens", "food"],
    ),
    (
        GEORGIA,
        "student-timetable-georgia",
        "2026-05-20",
        "Atlanta",
        "US",
        [LEADERSHIP],
        ["student voice"],
    ),
    (CEBU, "mangroves-cebu", "2026-03-08", "Cebu", "PH", [CLIMATE], ["mangroves"]),
    (
        NEW_HAMPSHIRE,
        "competency-learning-new-hampshire",
        "2025-11-03",
        "Concord",
        "US",
        [LEADERSHIP],
        [],
    ),
    (OAXACA, "mother-tongue-oaxaca", "2025-06-12", "Oaxaca", "MX", [CLIMATE], ["inclusion"]),
]


def area(slug):
    return KeyAreaPage.objects.get(locale__language_code="en", slug=slug)


def make_stories():
    """The six stories, published, each with a photo, by slug."""
    made = {}
    for title, slug, date, place, country, areas, topics in STORIES:
        story = StoryPageFactory(
            title=title,
            slug=slug,
            date=datetime.date.fromisoformat(date),
            place_name=place,
            country=country,
            image=ImageFactory(title=title),
            image_alt_text=f"A photo of {title.lower()}",
            key_areas=[area(key) for key in areas],
        )
        story.topics = [topic(name) for name in topics]
        story.save_revision().publish()
        made[slug] = story
    return made
