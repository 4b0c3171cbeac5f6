"""
Members share their stories: the form refuses what it must with a clear message and
keeps nothing; a story reaches moderators only once its sender confirms her address;
nothing of it is public before a moderator publishes it; moderators can take a photo out;
no stored file keeps the place a photo was taken.
"""

import datetime
import io

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from stories.models import StoryIndexPage, StoryPage
from submissions.models import StorySubmission, SubmittedPhoto
from tests.conftest import translate
from tests.factories import PASSWORD
from tests.html import parse
from tests.members import (
    behind_the_chain,
    each_reader_has_her_own_limit,
    form_pages,
    has_location,
    link_in,
    photo,
    stored_images,
    story_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(db, settings, tmp_path):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    return form_pages("en")[0]


def nothing_created():
    return not StorySubmission.objects.exists() and not SubmittedPhoto.objects.exists()


def send(client, share, photos=(), **changes):
    return client.post(share.url, story_data(client, share, photos, **changes))


def sign_in(client, username):
    client.post("/admin/login/", {"username": username, "password": PASSWORD})


def confirm(client, mailoutbox):
    """Open the link in the last e-mail and press its button, as the sender would."""
    url = link_in(mailoutbox[-1], "/confirm/")
    page = client.get(url)
    assert page.status_code == 200
    assert '<form method="post">' in page.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url)


def test_the_form_is_for_one_reader_and_never_cached(client, share):
    first = client.get(share.url)
    assert first.status_code == 200
    assert "private" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert "X-Page-Cache" not in client.get(share.url)
    html = first.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert html.count('type="file"') == 10
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Please confirm that everyone pictured agreed to publication"),
        ({"website": "http://spam.example"}, "the field marked “Leave this empty” was filled"),
        ({"opened": "forged"}, "This form was opened too long ago"),
        ({"title": ""}, "This field is required"),
        ({"text": "x" * 10_001}, "at most 10000 characters"),
        ({"summary": "x" * 301}, "at most 300 characters"),
        ({"date": "2999-01-01"}, "The date cannot be in the future"),
        ({"video_url": "https://video.example/watch?v=1"}, "YouTube or Vimeo"),
        ({"email": "not an address"}, "Enter a valid email address"),
        ({"photos-TOTAL_FORMS": "11"}, "Please submit at most 10 forms"),
    ],
    ids=[
        "no-consent",
        "trap",
        "forged-time",
        "no-title",
        "long-story",
        "long-summary",
        "future",
        "video-host",
        "email",
        "eleven-photos",
    ],
)
def test_a_refused_story_says_why_and_keeps_nothing(client, share, mailoutbox, changes, message):
    response = send(client, share, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="form-errors" role="alert"' in response.content.decode()
    assert nothing_created()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("cut.jpg", photo().read()[:900], "image/jpeg"), "could not be read"),
        (SimpleUploadedFile("page.jpg", b"<html>not a photo</html>"), "Not a valid .jpeg image"),
        (photo("anim.gif", image_format="GIF"), "Send photos as JPEG, PNG or WebP"),
    ],
    ids=["truncated", "not-an-image", "gif"],
)
def test_a_bad_photo_is_a_form_error_and_keeps_nothing(client, share, file, message):
    response = send(client, share, photos=[(file, "Pupils in the garden", "")])
    assert message in response.content.decode()
    assert "Photo 1, Photo:" in response.content.decode()
    assert nothing_created()


def test_a_photo_needs_words_for_who_cannot_see_it(client, share):
    response = send(client, share, photos=[(photo(), "", "")])
    assert "Say in a few words what the photo shows." in response.content.decode()
    assert nothing_created()


def test_a_story_sent_too_fast_is_refused(client, share, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 5
    response = send(client, share)
    assert "That was quicker than a person can fill in this form" in response.content.decode()
    assert nothing_created()


def test_a_story_sent_at_a_persons_pace_is_taken(client, share, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 5
    data = story_data(client, share)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30)):
        response = client.post(share.url, data)
    assert response.status_code == 302
    assert StorySubmission.objects.count() == 1


def test_senders_are_limited_per_address_and_per_e_mail(client, share, settings, mailoutbox):
    settings.STORY_SUBMISSIONS_PER_ADDRESS = 3
    settings.STORY_SUBMISSIONS_PER_EMAIL = 2
    for _number in range(2):
        assert send(client, share).status_code == 302
    refused = send(client, share)
    assert refused.status_code == 429
    assert "Several stories were sent with this e-mail address today" in refused.content.decode()
    assert send(client, share, email="someone.else@example.org").status_code == 302
    refused = send(client, share, email="a.third@example.org")
    assert refused.status_code == 429
    assert "Several stories were sent from your connection" in refused.content.decode()
    assert StorySubmission.objects.count() == 3
    assert len(mailoutbox) == 3
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        assert send(client, share).status_code == 302


def test_one_readers_stories_never_close_the_form_to_another(client, share, settings, mailoutbox):
    settings.TRUSTED_PROXY_COUNT = 2

    def from_reader(reader, number):
        data = story_data(client, share, email=f"sender-{number}@example.org")
        return client.post(share.url, data, **behind_the_chain(reader))

    refusal = "Several stories were sent from your connection"
    each_reader_has_her_own_limit(from_reader, settings.STORY_SUBMISSIONS_PER_ADDRESS, refusal)
    assert StorySubmission.objects.count() == settings.STORY_SUBMISSIONS_PER_ADDRESS + 1


def test_an_unconfirmed_story_never_reaches_moderators(client, share, mailoutbox):
    response = send(client, share, photos=[(photo(), "Pupils dig a rain garden", "")])
    assert response.status_code == 302
    assert response["Location"] == f"{share.url}sent/"
    sent = client.get(response["Location"]).content.decode()
    assert "Check your e-mail" in sent
    submission = StorySubmission.objects.get()
    assert submission.confirmed_at is None and submission.story is None
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]
    assert mailoutbox[0].subject == "Please confirm your story “Rain gardens at Escuela Verde”"
    assert not StoryPage.objects.filter(title=submission.title).exists()
    assert not get_image_model().objects.filter(title="Pupils dig a rain garden").exists()
    assert not WorkflowState.objects.exists()
    sign_in(client, "moderator")
    assert "Rain gardens" not in client.get("/admin/").content.decode()
    listing = client.get("/admin/submitted-stories/").content.decode()
    assert "Rain gardens" not in listing
    inspect = client.get(f"/admin/submitted-stories/inspect/{submission.pk}/", follow=True)
    assert inspect.status_code == 404


def test_a_confirmed_story_is_a_draft_in_moderation_in_the_senders_language(
    client, share, mailoutbox, arabic
):
    arabic_share = form_pages("ar")[0]
    photos = [
        (photo("lead.jpg", with_location=True), "Pupils dig a rain garden", "Luis Mora"),
        (photo("second.png", image_format="PNG"), "The garden after the rain", ""),
    ]
    send(client, arabic_share, photos=photos, title="حدائق المطر")
    assert mailoutbox[0].subject == "يرجى تأكيد قصتك “حدائق المطر”"
    confirmed = confirm(client, mailoutbox)
    assert "أصبحت «حدائق المطر» لدى المشرفين الآن" in confirmed.content.decode()

    submission = StorySubmission.objects.get()
    story = submission.story
    assert story.locale == arabic
    assert story.get_parent().specific_class is StoryIndexPage
    assert story.get_parent().locale == arabic
    assert not story.live
    assert story.author_names() == ["Ana Ruiz"]
    assert story.image.description == "Pupils dig a rain garden"
    assert story.image_credit == "Luis Mora"
    assert [block.block_type for block in story.body] == ["paragraph", "image"]
    assert "<p>It started with a flooded playground.</p>" in story.body[0].value.source
    assert [area.locale for area in story.key_areas.all()] == [arabic]
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    to_moderator = [message for message in mailoutbox if "moderator@example.org" in message.to]
    assert to_moderator, [message.to for message in mailoutbox]
    acknowledgement = [message for message in mailoutbox if message.to == ["ana@example.org"]][-1]
    assert acknowledgement.subject == "تلقّينا قصتك “حدائق المطر”"

    assert client.post(link_in(mailoutbox[0], "/confirm/")).status_code == 200
    assert StoryPage.objects.filter(title="حدائق المطر").count() == 1


def test_nothing_of_a_story_is_public_before_a_moderator_publishes_it(client, share, mailoutbox):
    send(client, share, photos=[(photo(), "Pupils dig a rain garden", "")])
    confirm(client, mailoutbox)
    story = StorySubmission.objects.get().story
    rendition = story.image.get_rendition("fill-400x250")
    index = StoryIndexPage.objects.get(locale=story.locale)
    assert client.get(story.url).status_code == 404
    for url in [index.url, f"{index.url}feed/", "/en/", "/en/search/?q=rain", "/sitemap-en.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Rain gardens" not in response.content.decode(), url
    assert client.get(f"/media/{story.image.file.name}").status_code == 404
    assert client.get(rendition.url).status_code == 200  # a rendition's address is unguessable


def publish(client, story):
    """A moderator approves and publishes the story through the admin."""
    sign_in(client, "moderator")
    task_state = story.current_workflow_state.current_task_state
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302), response.content[:500]
    client.logout()


def test_publishing_the_story_tells_its_sender_in_her_language(client, share, mailoutbox):
    arabic_share = form_pages("ar")[0]
    send(client, arabic_share, photos=[(photo(), "Pupils dig a rain garden", "")])
    confirm(client, mailoutbox)
    story = StorySubmission.objects.get().story
    mailoutbox.clear()
    publish(client, story)
    story.refresh_from_db()
    assert story.live
    notices = [message for message in mailoutbox if message.to == ["ana@example.org"]]
    assert len(notices) == 1
    assert notices[0].subject == "نُشرت قصتك “Rain gardens at Escuela Verde”"
    assert story.url in notices[0].body
    public = client.get(story.url).content.decode()
    assert "Ana Ruiz" in public
    story.save_revision().publish()
    assert len([message for message in mailoutbox if message.to == ["ana@example.org"]]) == 1


def test_moderators_see_the_consent_and_remove_a_photo_and_the_public_sees_it_gone(
    client, share, mailoutbox, spanish
):
    photos = [
        (photo("one.jpg"), "Pupils dig a rain garden", "Luis Mora"),
        (photo("two.jpg", colour="#884422"), "Close-up of a pupil at the tap", ""),
        (photo("three.jpg", colour="#224488"), "The garden after the rain", ""),
    ]
    send(client, share, photos=photos)
    confirm(client, mailoutbox)
    submission = StorySubmission.objects.get()
    publish(client, submission.story)
    in_spanish = translate(submission.story, spanish)
    assert "Close-up of a pupil" in client.get(in_spanish.url).content.decode()

    sign_in(client, "moderator")
    inspect = client.get(f"/admin/submitted-stories/inspect/{submission.pk}/").content.decode()
    assert submission.consent_statement in inspect
    assert "Confirmed by Ana Ruiz on" in inspect
    assert inspect.count("Remove this photo") == 3
    face = submission.photos.get(alt_text="Close-up of a pupil at the tap")
    face_image, face_file = face.image, face.image.file.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/admin/submitted-stories/photos/{face.pk}/remove/")
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=face_image.pk).exists()
    assert not default_storage.exists(face_file)
    client.logout()

    story = StoryPage.objects.get(pk=submission.story_id)
    assert story.live and story.title == "Rain gardens at Escuela Verde"
    for page in (story, in_spanish):
        public = client.get(page.url).content.decode()
        assert "Close-up of a pupil" not in public, page.url
        assert "The garden after the rain" in public and "Pupils dig a rain garden" in public

    # Taking out the photo that leads the story puts the next one in its place.
    sign_in(client, "moderator")
    lead = submission.photos.get(alt_text="Pupils dig a rain garden")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/admin/submitted-stories/photos/{lead.pk}/remove/")
    client.logout()
    for page in (story, in_spanish):
        hero = parse(client.get(page.url).content).find(".//figure[@class='story__hero']//img")
        assert hero.get("alt") == "The garden after the rain", page.url
        assert "Pupils dig a rain garden" not in client.get(page.url).content.decode()


def refuse_removals(client, photo):
    """An editor and a translator each try to remove `photo`; it stays, image and all."""
    for username in ("editor", "translator-es"):
        sign_in(client, username)
        response = client.post(f"/admin/submitted-stories/photos/{photo.pk}/remove/")
        assert response.status_code in (302, 403)
        client.logout()
    assert SubmittedPhoto.objects.filter(pk=photo.pk, image__isnull=False).exists()


def test_only_moderators_remove_photos_and_editors_read_submissions(
    client, share, mailoutbox, spanish
):
    send(client, share, photos=[(photo(), "Pupils dig a rain garden", "")])
    confirm(client, mailoutbox)
    submission = StorySubmission.objects.get()
    sign_in(client, "editor")
    listing = client.get("/admin/submitted-stories/")
    assert listing.status_code == 200
    assert "Rain gardens" in listing.content.decode()
    assert "Waiting for moderation" in listing.content.decode()
    dashboard = client.get("/admin/").content.decode()
    assert "Stories sent by members" in dashboard and "Rain gardens" in dashboard
    inspect = client.get(f"/admin/submitted-stories/inspect/{submission.pk}/").content.decode()
    assert submission.consent_statement in inspect
    assert "Remove this photo" not in inspect
    client.logout()
    sign_in(client, "translator-es")
    assert client.get("/admin/submitted-stories/").status_code in (302, 403)
    client.logout()
    refuse_removals(client, submission.photos.get())

    # Published in two languages: a refused removal leaves both exactly as they were.
    publish(client, submission.story)
    pages = [submission.story, translate(submission.story, spanish)]
    before = {page.url: client.get(page.url).content for page in pages}
    assert all(b"Pupils dig a rain garden" in content for content in before.values())
    refuse_removals(client, submission.photos.get())
    cache.clear()
    assert {page.url: client.get(page.url).content for page in pages} == before


def test_no_stored_file_keeps_where_a_photo_was_taken(client, share, mailoutbox, settings):
    located = photo("located.jpg", with_location=True)
    assert has_location(located)
    located.seek(0)
    send(client, share, photos=[(located, "Pupils dig a rain garden", "")])
    waiting = stored_images(settings.MEDIA_ROOT)
    assert len(waiting) == 1 and "submissions/" in str(waiting[0])
    assert not has_location(waiting[0])
    confirm(client, mailoutbox)
    story = StorySubmission.objects.get().story
    story.image.get_rendition("fill-400x250")
    stored = stored_images(settings.MEDIA_ROOT)
    assert len(stored) == 2  # the original in the library and a rendition
    assert not any(has_location(path) for path in stored)


def test_unconfirmed_stories_are_deleted_after_the_retention_period(
    client, share, settings, mailoutbox
):
    settings.UNCONFIRMED_RETENTION_DAYS = 7
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=8)):
        send(client, share, photos=[(photo(), "Old and unconfirmed", "")], email="old@example.org")
        send(client, share, email="confirmed@example.org")
        confirm(client, mailoutbox)
    send(client, share, email="recent@example.org")
    files_before = stored_images(settings.MEDIA_ROOT)
    call_command("expire_story_submissions", stdout=io.StringIO())
    assert sorted(StorySubmission.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "recent@example.org",
    ]
    assert len(stored_images(settings.MEDIA_ROOT)) == len(files_before) - 1
    assert Page.objects.filter(title="Rain gardens at Escuela Verde").count() == 1


def test_a_members_story_is_translated_like_any_other(client, share, mailoutbox, english):
    arabic_share = form_pages("ar")[0]
    send(client, arabic_share, title="حدائق المطر")
    confirm(client, mailoutbox)
    story = StorySubmission.objects.get().story
    publish(client, story)
    sign_in(client, "moderator")
    editor = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Sent by Ana Ruiz: consent and photos" in editor
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    in_english = StoryPage.objects.get(pk=story.pk).get_translation(english)
    assert not in_english.live
    assert in_english.get_parent().locale == english
    client.logout()
    assert client.get(in_english.get_url()).status_code == 404


def test_the_e_mails_are_plain_text_with_nothing_escaped(client, share, mailoutbox):
    send(client, share, name="Ana & Luis", title='Rain "gardens" & more')
    message = mailoutbox[0]
    assert message.subject == 'Please confirm your story “Rain "gardens" & more”'
    assert message.body.startswith("Hello Ana & Luis,\n\nThank you for sharing")
    assert "&amp;" not in message.body and "&quot;" not in message.body


def test_a_photo_comes_out_even_when_another_left_the_library_first(client, share, mailoutbox):
    photos = [
        (photo("one.jpg"), "Pupils dig a rain garden", ""),
        (photo("two.jpg", colour="#884422"), "Close-up of a pupil at the tap", ""),
        (photo("three.jpg", colour="#224488"), "The garden after the rain", ""),
    ]
    send(client, share, photos=photos)
    confirm(client, mailoutbox)
    submission = StorySubmission.objects.get()
    submission.photos.get(alt_text="The garden after the rain").image.delete()
    sign_in(client, "moderator")
    face = submission.photos.get(alt_text="Close-up of a pupil at the tap")
    response = client.post(f"/admin/submitted-stories/photos/{face.pk}/remove/")
    assert response.status_code == 302
    draft = StoryPage.objects.get(pk=submission.story_id).get_latest_revision_as_object()
    assert [block.value["image"] for block in draft.body if block.block_type == "image"] == [None]
