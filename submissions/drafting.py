"""
A confirmed submission becomes a draft story, in the sender's language under that
language's stories index, with the sender as its author, its photos in the image library
and the story submitted to the moderation workflow. Moderators may later take a photo
out of the story, and out of the library, without touching the rest.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection

from stories.models import StoryIndexPage, StoryPage

from .models import StorySubmission

COLLECTION_NAME = "Members' photos"


def stories_index(locale_id):
    return StoryIndexPage.objects.filter(locale_id=locale_id).first()


def paragraphs(text):
    """The sender's plain text as HTML paragraphs, one per blank-line-separated part."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(part)}</p>".replace("\n", "<br/>") for part in parts if part)


def members_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def library_image(photo, submission, collection):
    image = get_image_model()(
        title=photo.alt_text or submission.title,
        description=photo.alt_text,
        collection=collection,
        file=ContentFile(photo.file.read(), name=photo.file.name.rsplit("/", 1)[-1]),
    )
    image.save()
    photo.file.close()
    photo.file.delete(save=False)
    photo.image = image
    photo.save(update_fields=["file", "image"])
    return image


def image_block(photo):
    return (
        "image",
        {
            "image": {"image": photo.image, "alt_text": photo.alt_text, "decorative": False},
            "caption": "",
            "credit": photo.credit,
        },
    )


def draft_story(submission):
    """Make the submission's draft story and submit it for moderation (once)."""
    with transaction.atomic():
        submission = StorySubmission.objects.select_for_update().get(pk=submission.pk)
        if submission.confirmed_at is not None:
            return submission
        index = stories_index(submission.share_page.locale_id)
        collection = members_collection()
        photos = list(submission.photos.all())
        for photo in photos:
            library_image(photo, submission, collection)
        body = [("paragraph", paragraphs(submission.text))]
        body += [image_block(photo) for photo in photos[1:]]
        if submission.video_url:
            body.append(
                (
                    "video",
                    {"video": submission.video_url, "title": submission.title, "transcript": ""},
                )
            )
        lead = photos[0] if photos else None
        story = StoryPage(
            title=submission.title,
            slug=find_available_slug(
                index, slugify(submission.title, allow_unicode=True) or "story"
            ),
            locale=index.locale,
            summary=submission.summary,
            date=submission.date,
            place_name=submission.place_name,
            country=submission.country,
            image=lead.image if lead else None,
            image_alt_text=lead.alt_text if lead else "",
            image_credit=(lead.credit or submission.name) if lead else "",
            authors=[("name", submission.name)],
            body=body,
            live=False,
        )
        story.key_areas = list(submission.key_areas.filter(locale_id=index.locale_id))
        index.add_child(instance=story)
        story.save_revision(log_action=True)
        workflow = story.get_workflow()
        if workflow is not None:
            workflow.start(story, None)
        submission.confirmed_at = timezone.now()
        submission.story = story
        submission.save(update_fields=["confirmed_at", "story"])
    return submission


def image_id_of(block):
    """The id of an image block's image (None once the image left the library)."""
    image = block.value["image"]
    return image.pk if image else None


def without_image(page, image_id, replacement):
    """
    `page`'s latest draft without the image: out of its body, and if it led the story,
    replaced there by `replacement` (a photo, taken out of the body) or by nothing.
    """
    draft = page.get_latest_revision_as_object()
    leaving = {image_id}
    if draft.image_id == image_id:
        draft.image = replacement.image if replacement else None
        draft.image_alt_text = replacement.alt_text if replacement else ""
        draft.image_credit = replacement.credit if replacement else ""
        if replacement:
            leaving.add(replacement.image_id)
    draft.body = [
        (block.block_type, block.value)
        for block in draft.body
        if not (block.block_type == "image" and image_id_of(block) in leaving)
    ]
    return draft


@transaction.atomic
def remove_photo(photo, user):
    """
    Take the photo out of the story and each of its translations (published again at
    once where they are live), then out of the image library, files and all.
    """
    submission = photo.submission
    others = [other for other in submission.photos.exclude(pk=photo.pk) if other.image_id]
    if submission.story and photo.image_id:
        for page in submission.story.get_translations(inclusive=True).specific():
            leading = page.image_id == photo.image_id
            draft = without_image(page, photo.image_id, others[0] if leading and others else None)
            revision = draft.save_revision(user=user, log_action=True)
            if page.live:
                revision.publish(user=user)
    if photo.image:
        photo.image.delete()
    photo.file.delete(save=False)
    photo.delete()
