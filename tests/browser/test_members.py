"""
A teacher shares her school's story, in English and in Arabic: three photos (one still
carrying the place it was taken), a confirmation by e-mail, a moderator who takes one
photo out and publishes, and the e-mails she receives in her language. A person joins
the network with a double opt-in and unsubscribes. Neither form asks another host for
anything, and both pass axe, errors included.
"""

import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from membership.models import JoinPage, JoinRequest
from stories.models import StoryPage
from submissions.models import ShareStoryPage, StorySubmission
from tests.browser.conftest import assert_accessible, blocked, log_in, log_out
from tests.browser.test_journeys import translated
from tests.members import GPS, has_location, link_in
from tests.pages import in_language

TITLES = {"en": "Rain gardens at Escuela Verde", "ar": "حدائق المطر في المدرسة الخضراء"}


@pytest.fixture
def quick_forms(settings):
    """The journeys fill forms in as fast as a browser can; the minimum time has its own tests."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0


def write_photo(path, colour, with_location=False):
    exif = Image.Exif()
    if with_location:
        exif[GPS] = {1: "N", 2: (4.0, 35.0, 53.0), 3: "W", 4: (74.0, 4.0, 33.0)}
    Image.new("RGB", (1600, 1000), colour).save(path, "JPEG", exif=exif.tobytes())
    return path


def stored_since(started):
    """Every image file written to the media folder since `started`."""
    suffixes = {".jpg", ".jpeg", ".png", ".webp", ".avif"}
    return [
        path
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.suffix.lower() in suffixes and path.stat().st_mtime >= started
    ]


def in_her_language(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.mark.usefixtures("quick_forms")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_teacher_shares_a_story_and_a_moderator_publishes_it(
    page, site, mailoutbox, requested_hosts, policy_violations, tmp_path, language
):
    started = time.time() - 1
    _ = translated(language)
    title = TITLES[language]
    share = in_language(ShareStoryPage, "share-your-story", language)
    photos = [
        (write_photo(tmp_path / "garden.jpg", "#2e7d4f", with_location=True), "garden"),
        (write_photo(tmp_path / "faces.jpg", "#884422"), "faces"),
        (write_photo(tmp_path / "after.jpg", "#224488"), "after"),
    ]
    assert has_location(photos[0][0])

    page.goto(f"{site.url}/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=share.title).click()
    expect(page.locator("h1")).to_have_text(share.title)
    assert_accessible(page)

    page.get_by_role("button", name=_("Send my story")).click()
    expect(page.get_by_role("alert")).to_contain_text(_("Please correct the following"))
    assert_accessible(page)
    assert not StorySubmission.objects.filter(email="ana@example.org").exists()

    page.get_by_label(_("Title of your story")).fill(title)
    page.get_by_label(_("Summary")).fill("Pupils dug rain gardens that keep the playground dry.")
    page.get_by_label(_("Your story"), exact=True).fill(
        "It started with a flood.\n\nNow the rain feeds us."
    )
    page.get_by_label(_("Place"), exact=True).fill("Quito")
    page.get_by_label(_("Country")).select_option("EC")
    page.get_by_label(_("When it happened")).fill("2026-10-01")
    page.locator("[name=key_areas]").first.check()
    for number, (path, words) in enumerate(photos):
        page.locator(f"[name=photos-{number}-photo]").set_input_files(path)
        page.locator(f"[name=photos-{number}-alt_text]").fill(f"Photo of the {words}")
    page.locator("[name=photos-0-credit]").fill("Luis Mora")
    page.get_by_label(_("I confirm the statement above.")).check()
    page.get_by_label(_("Your name")).fill("Ana Ruiz")
    page.get_by_label(_("Your e-mail address")).fill("ana@example.org")
    page.get_by_role("button", name=_("Send my story")).click()
    expect(page.locator("h1")).to_have_text(_("Check your e-mail"))
    assert_accessible(page)
    assert not StoryPage.objects.filter(title=title).exists()

    confirmation = mailoutbox[-1]
    assert confirmation.to == ["ana@example.org"]
    page.goto(site.url + link_in(confirmation, "/confirm/"))
    page.get_by_role("button", name=_("Send my story to the moderators")).click()
    expect(page.locator("h1")).to_have_text(_("Thank you"))
    assert_accessible(page)
    story = StoryPage.objects.get(title=title)
    assert story.locale.language_code == language and not story.live

    log_out(page)
    log_in(page, site, "moderator", "demo-moderator")
    panel = page.get_by_role("region", name="Stories sent by members")
    expect(panel).to_contain_text(title)
    panel.get_by_role("link", name="Ana Ruiz").click()
    expect(page.get_by_text(story.submission.consent_statement)).to_be_visible()
    page.get_by_role("button", name="Remove this photo").nth(1).click()
    expect(page.locator(".messages")).to_contain_text("The photo was removed")
    expect(page.get_by_role("button", name="Remove this photo")).to_have_count(2)

    page.goto(f"{site.url}/admin/")
    awaiting = page.get_by_role("region", name="Awaiting your review")
    review = awaiting.get_by_role("row").filter(has_text=title)
    review.get_by_role("button", name="Actions").click()
    review.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.get_by_role("row").filter(has_text=title)).to_have_count(0)
    story.refresh_from_db()
    assert story.live

    to_her = [message for message in mailoutbox if message.to == ["ana@example.org"]]
    subjects = [message.subject for message in to_her]
    with translation.override(language):
        assert subjects == [
            in_her_language(language, "Please confirm your story “%(title)s”") % {"title": title},
            in_her_language(language, "We received your story “%(title)s”") % {"title": title},
            in_her_language(language, "Your story “%(title)s” is published") % {"title": title},
        ]
    assert story.url in to_her[-1].body

    log_out(page)
    page.goto(f"{site.url}{story.url}")
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".story__meta")).to_contain_text("Ana Ruiz")
    expect(page.locator(".story__hero .credit")).to_have_text("Luis Mora")
    expect(page.locator("img[alt='Photo of the faces']")).to_have_count(0)
    expect(page.locator("img[alt='Photo of the after']")).to_have_count(1)
    assert_accessible(page)

    stored = stored_since(started)
    assert len(stored) >= 2
    assert [path for path in stored if has_location(path)] == []
    assert requested_hosts == {site.url.removeprefix("http://")}
    assert blocked(policy_violations) == []


@pytest.mark.usefixtures("quick_forms")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_person_joins_with_a_double_opt_in_and_unsubscribes(
    page, site, mailoutbox, requested_hosts, policy_violations, language
):
    _ = translated(language)
    join = in_language(JoinPage, "join", language)
    page.goto(f"{site.url}{join.url}")
    expect(page.locator("h1")).to_have_text(join.title)
    assert_accessible(page)

    page.get_by_label(_("Your name")).fill("Kofi Mensah")
    page.get_by_role("button", name=_("Send")).click()
    expect(page.get_by_role("alert")).to_contain_text(_("Choose at least one."))
    assert_accessible(page)

    page.get_by_label(_("Your e-mail address")).fill("kofi@example.org")
    page.get_by_label(_("Country")).select_option("GH")
    page.get_by_label(_("Receive the network's news")).check()
    page.locator("[name=interests]").first.check()
    page.get_by_label(_("I agree to the statement above.")).check()
    page.get_by_role("button", name=_("Send")).click()
    expect(page.locator("h1")).to_have_text(_("Check your e-mail"))
    assert JoinRequest.objects.get().confirmed_at is None

    page.goto(site.url + link_in(mailoutbox[-1], "/confirm/"))
    page.get_by_role("button", name=_("Confirm"), exact=True).click()
    expect(page.locator("h1")).to_have_text(_("Thank you"))
    assert JoinRequest.objects.get().confirmed_at is not None

    page.goto(site.url + link_in(mailoutbox[-1], "/unsubscribe/"))
    page.get_by_role("button", name=_("Unsubscribe")).click()
    expect(page.locator("h1")).to_have_text(_("You are unsubscribed"))
    assert_accessible(page)
    assert JoinRequest.objects.get().unsubscribed_at is not None
    assert requested_hosts == {site.url.removeprefix("http://")}
    assert blocked(policy_violations) == []


@pytest.mark.usefixtures("quick_forms")
def test_the_story_form_works_without_javascript(browser, site, mailoutbox, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    share = in_language(ShareStoryPage, "share-your-story", "en")
    page.goto(f"{site.url}{share.url}")
    page.get_by_label("Title of your story").fill("Night classes for parents")
    page.get_by_label("Summary").fill("Parents learn to read alongside their children.")
    page.get_by_label("Your story", exact=True).fill("Every Tuesday the library stays open.")
    page.get_by_label("Place", exact=True).fill("Fresno")
    page.get_by_label("Country").select_option("US")
    page.get_by_label("When it happened").fill("2026-11-01")
    page.get_by_text("Add more photos").click()
    page.locator("[name=photos-4-photo]").set_input_files(
        write_photo(tmp_path / "library.jpg", "#335577")
    )
    page.locator("[name=photos-4-alt_text]").fill("Parents read at a library table.")
    page.get_by_label("I confirm the statement above.").check()
    page.get_by_label("Your name").fill("Maria Lopez")
    page.get_by_label("Your e-mail address").fill("maria@example.org")
    page.get_by_role("button", name="Send my story").click()
    expect(page.locator("h1")).to_have_text("Check your e-mail")
    submission = StorySubmission.objects.get(email="maria@example.org")
    assert [photo.alt_text for photo in submission.photos.all()] == [
        "Parents read at a library table."
    ]
    context.close()
