"""
Every e-mail goes through the outbox: a task the worker sends, again and again while the
mail server does not answer. A mail outage never fails the request that caused the mail,
and what the server never took waits for an administrator.
"""

import datetime
import io
import json

import pytest
import time_machine
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.tasks import ATTEMPTS, as_data, deliver, from_data
from stories.models import StoryIndexPage, StoryPage
from tests.admin import page_edit_data
from tests.mail_server import MailServer
from tests.members import form_pages, join_data
from tests.snapshots import restore
from tests.translating import as_user

# Committed for real: the worker works outside the request's transaction, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mail_server(settings, django_db_setup):
    restore(django_db_setup.frame)
    server = MailServer()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    yield server
    server.stop()


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())


def test_a_mail_outage_fails_no_request_and_the_mail_goes_out_when_it_ends(mail_server, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    mail_server.start()
    join = form_pages("en")[1]
    run_worker()  # the translators hear of the new form pages
    mail_server.stop()
    mail_server.received.clear()

    # The mail server is down while a moderator publishes a story and a reader joins.
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(title="Seed library", slug="seed-library", summary="Seeds.", live=False)
    story.date = datetime.date(2026, 11, 20)
    story.body = [("paragraph", "<p>Every pupil brings seeds home.</p>")]
    index.add_child(instance=story)
    story.save_revision()
    moderator = as_user("moderator")
    data = page_edit_data(moderator, story, **{"action-publish": "action-publish"})
    response = moderator.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert StoryPage.objects.get(pk=story.pk).live
    reader = Client()
    response = reader.post(join.url, join_data(reader, join))
    assert response.status_code == 302

    run_worker()
    assert mail_server.received == []
    waiting = DBTaskResult.objects.ready().filter(task_path="outbox.tasks.deliver")
    assert not waiting.exists()  # none is due yet: each waits for its next attempt
    assert (
        DBTaskResult.objects.filter(status="READY", task_path="outbox.tasks.deliver").count() == 4
    )

    mail_server.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        run_worker()
    recipients = sorted(address for to, _message in mail_server.received for address in to)
    assert recipients == [
        "kofi@example.org",
        "translator-ar@example.org",
        "translator-es@example.org",
        "translator-fr@example.org",
    ]
    assert any("Seed library" in subject for subject in mail_server.subjects())
    run_worker()
    assert len(mail_server.received) == 4


def test_what_the_server_never_takes_waits_for_an_administrator(mail_server):
    mail_server.start()
    send_mail("Refused for good", "Nobody reads this.", None, ["nobody@unknown.example"])
    run_worker()
    # The last of its attempts, while the server is down.
    mail_server.stop()
    deliver.enqueue(as_data_of("Tried all day", "editor@example.org"), ATTEMPTS)
    run_worker()
    assert mail_server.received == []

    listing = as_user("admin").get(reverse("outbox_undelivered"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "nobody@unknown.example" in page and "Refused for good" in page
    assert "editor@example.org" in page and "Tried all day" in page
    assert "550" in page
    # Nobody else sees the list, or can send anything again.
    result = DBTaskResult.objects.failed().get(args_kwargs__args__0__subject="Tried all day")
    moderator = as_user("moderator")
    assert moderator.get(reverse("outbox_undelivered")).status_code == 302
    response = moderator.post(reverse("outbox_send_again", args=[result.pk]))
    assert response.status_code == 302
    assert DBTaskResult.objects.failed().filter(pk=result.pk).exists()

    mail_server.start()
    response = as_user("admin").post(reverse("outbox_send_again", args=[result.pk]))
    assert response.status_code == 302
    run_worker()
    assert mail_server.subjects() == ["Tried all day"]
    listing = as_user("admin").get(reverse("outbox_undelivered")).content.decode()
    assert "Tried all day" not in listing and "Refused for good" in listing


def as_data_of(subject, to):
    return as_data(EmailMessage(subject, "Body.", "site@example.org", [to]))


@pytest.mark.django_db
def test_wagtails_own_moderation_mail_goes_through_the_outbox_whole(mailoutbox, home):
    editor = as_user("editor")
    data = page_edit_data(editor, home, mission="Schools for a living planet.")
    data["action-submit"] = "action-submit"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert response.status_code == 302
    sent = [message for message in mailoutbox if message.to == ["moderator@example.org"]]
    assert len(sent) == 1
    assert "has been submitted for approval" in sent[0].subject
    assert "Education Network" in sent[0].body
    assert sent[0].extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Schools for a living planet" not in Client().get(home.url).content.decode()


def test_a_message_keeps_its_parts_and_headers_on_the_way():
    message = EmailMultiAlternatives(
        "Subject",
        "Plain.",
        "site@example.org",
        ["a@example.org"],
        cc=["b@example.org"],
        reply_to=["c@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Rich.</p>", "text/html")
    again = from_data(json.loads(json.dumps(as_data(message))))
    assert (again.body, again.alternatives) == ("Plain.", [("<p>Rich.</p>", "text/html")])
    for name in ("Subject", "From", "To", "Cc", "Reply-To", "Auto-Submitted"):
        assert again.message()[name] == message.message()[name]
