"""
The demo's pages for the public: "Share your story" and "Join the network" (translated
with the rest of the demo), and one story a member sent, confirmed and waiting for a
moderator. Invented for the demo, and marked as such.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from demo.images import draw_landscape
from demo.pages import ensure_index, key_areas_by_slug
from membership.models import JoinPage
from submissions.drafting import draft_story
from submissions.models import ShareStoryPage, StorySubmission, SubmittedPhoto

SHARE = {
    "title": "Share your story",
    "slug": "share-your-story",
    "introduction": (
        "Has your school, class or youth group changed something for the better? Tell "
        "the network. A moderator reads every story before it is published."
    ),
    "thank_you": (
        "Stories from members are how the network learns. Thank you for taking the time "
        "to tell yours."
    ),
}

JOIN = {
    "title": "Join the network",
    "slug": "join",
    "introduction": (
        "Schools, teachers, youth groups, families and organisations working for "
        "sustainability, equity and deeper learning are welcome. Ask to join, or sign up "
        "for our news."
    ),
    "thank_you": "A member of the network team will write to you within two weeks.",
}

WAITING_STORY = {
    "title": "Solar lamps for evening study (demo submission)",
    "summary": (
        "Pupils in Kisumu built solar lamps so that classmates without electricity at "
        "home can study after dark."
    ),
    "text": (
        "Our science club started with one question: why do some of our friends fall "
        "behind in the rainy season? Many homes near the lake have no electricity, and "
        "the evenings are long.\n\n"
        "Over one term, twenty pupils learned to build lamps from small solar panels and "
        "recycled bottles. Every lamp went home with a pupil who needed one."
    ),
    "place_name": "Kisumu",
    "country": "KE",
    "date": datetime.date(2026, 10, 20),
    "name": "Grace Achieng",
    "organisation": "Lakeside Primary School (demo)",
    "role": "Science teacher",
    "email": "grace.achieng@example.org",
}
WAITING_PHOTO_ALT = "Pupils hold up solar lamps made from bottles."


def load_pages(home):
    """The two form pages under the home page, published; existing ones are kept."""
    return [ensure_index(home, ShareStoryPage, SHARE), ensure_index(home, JoinPage, JOIN)]


@transaction.atomic
def load_waiting_story(home):
    """One confirmed submission, its draft story in the moderation workflow."""
    if StorySubmission.objects.filter(email=WAITING_STORY["email"]).exists():
        return
    share_page = ShareStoryPage.objects.child_of(home).get()
    submission = StorySubmission.objects.create(
        share_page=share_page,
        language=share_page.locale.language_code,
        consent_statement=share_page.consent_statement,
        consented_at=timezone.now(),
        **WAITING_STORY,
    )
    submission.key_areas.set([key_areas_by_slug(home)["sustainable-well-being"]])
    buffer = io.BytesIO()
    draw_landscape("solar-lamps", 1200, 800).save(buffer, format="JPEG", quality=85)
    SubmittedPhoto.objects.create(
        submission=submission,
        file=ContentFile(buffer.getvalue(), name="solar-lamps.jpg"),
        alt_text=WAITING_PHOTO_ALT,
        credit=WAITING_STORY["name"],
    )
    draft_story(submission)
