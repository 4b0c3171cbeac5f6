"""
Joining the network: a double opt-in, the confirmed requests listed and exported in the
admin for those allowed to read them, unsubscribing by link, and unconfirmed requests
deleted after the retention period.
"""

import csv
import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from membership.models import JoinRequest
from tests.factories import PASSWORD
from tests.members import (
    behind_the_chain,
    each_reader_has_her_own_limit,
    form_pages,
    join_data,
    link_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def join(db, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    return form_pages("en")[1]


def send(client, page, **changes):
    return client.post(page.url, join_data(client, page, **changes))


def sign_in(client, username):
    client.post("/admin/login/", {"username": username, "password": PASSWORD})


def export(client, page):
    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_a_request_counts_only_once_its_address_is_confirmed(client, join, mailoutbox):
    form = client.get(join.url)
    assert "no-store" in form["Cache-Control"]
    response = send(client, join)
    assert response.status_code == 302
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()
    request = JoinRequest.objects.get()
    assert request.confirmed_at is None
    assert [message.to for message in mailoutbox] == [["kofi@example.org"]]
    assert mailoutbox[0].subject == "Please confirm your e-mail address"

    sign_in(client, "moderator")
    assert export(client, join)[1:] == []
    client.logout()

    confirm_url = link_in(mailoutbox[0], "/confirm/")
    assert client.get(confirm_url).status_code == 200
    request.refresh_from_db()
    assert request.confirmed_at is None  # opening the link (or a mail scanner) is not enough
    confirmed = client.post(confirm_url)
    assert "Your e-mail address is confirmed" in confirmed.content.decode()
    request.refresh_from_db()
    assert request.confirmed_at is not None
    assert mailoutbox[1].subject == "Welcome to the network"
    assert "/unsubscribe/" in mailoutbox[1].body


def test_the_export_holds_every_field_of_the_form(client, join, mailoutbox):
    send(client, join)
    client.post(link_in(mailoutbox[0], "/confirm/"))
    sign_in(client, "moderator")
    listing = client.get(f"/admin/forms/submissions/{join.pk}/").content.decode()
    assert "Kofi Mensah" in listing
    header, row = export(client, join)
    assert header == [
        "Sent",
        "Name",
        "E-mail address",
        "Organisation",
        "Country",
        "Asks to",
        "Interests",
        "Preferred language",
        "Consent given",
        "Confirmed",
        "Unsubscribed",
    ]
    assert row[1:9] == [
        "Kofi Mensah",
        "kofi@example.org",
        "Green Schools Ghana",
        "GH",
        "Join the network, Receive the network's news",
        "Sustainable leadership",
        "fr",
        join.consent_statement,
    ]
    assert row[9] and not row[10]


def test_only_those_allowed_read_the_requests(client, join, mailoutbox):
    send(client, join)
    client.post(link_in(mailoutbox[0], "/confirm/"))
    for username in ("editor", "translator-es"):
        sign_in(client, username)
        response = client.get(f"/admin/forms/submissions/{join.pk}/?export=csv", follow=True)
        assert response.status_code in (200, 403)
        assert not response.streaming and "kofi@example.org" not in response.content.decode()
        assert "Join the network" not in client.get("/admin/forms/").content.decode()
        client.logout()


def test_unsubscribing_by_link(client, join, mailoutbox):
    send(client, join)
    client.post(link_in(mailoutbox[0], "/confirm/"))
    unsubscribe_url = link_in(mailoutbox[1], "/unsubscribe/")
    assert "Press the button" in client.get(unsubscribe_url).content.decode()
    assert JoinRequest.objects.get().unsubscribed_at is None
    response = client.post(unsubscribe_url)
    assert "You are unsubscribed" in response.content.decode()
    assert JoinRequest.objects.get().unsubscribed_at is not None
    sign_in(client, "moderator")
    assert export(client, join)[1][10]


def test_a_forged_link_confirms_nothing(client, join, mailoutbox):
    send(client, join)
    url = link_in(mailoutbox[0], "/confirm/")
    forged = url[:-3] + "xx/"
    assert client.post(forged).status_code == 404
    assert client.post(url.replace("/confirm/", "/unsubscribe/")).status_code == 404
    assert JoinRequest.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Please agree, so that we may keep your details."),
        ({"website": "spam"}, "the field marked “Leave this empty” was filled"),
        ({"wants": None}, "Choose at least one."),
        ({"email": "nope"}, "Enter a valid email address"),
        ({"name": "x" * 101}, "at most 100 characters"),
    ],
    ids=["no-consent", "trap", "wants-nothing", "email", "long-name"],
)
def test_a_refused_request_says_why_and_keeps_nothing(client, join, mailoutbox, changes, message):
    response = send(client, join, **changes)
    assert message in response.content.decode()
    assert not JoinRequest.objects.exists()
    assert mailoutbox == []


def test_requests_sent_too_fast_or_too_often_are_refused(client, join, settings):
    settings.JOIN_REQUESTS_PER_EMAIL = 1
    assert send(client, join).status_code == 302
    refused = send(client, join)
    assert refused.status_code == 429
    assert "Several requests were sent with this e-mail address today" in refused.content.decode()
    settings.PUBLIC_FORM_MIN_SECONDS = 5
    too_fast = send(client, join, email="other@example.org")
    assert "quicker than a person" in too_fast.content.decode()
    assert JoinRequest.objects.count() == 1


def test_one_readers_requests_never_close_the_form_to_another(client, join, settings):
    settings.TRUSTED_PROXY_COUNT = 2

    def from_reader(reader, number):
        data = join_data(client, join, email=f"member-{number}@example.org")
        return client.post(join.url, data, **behind_the_chain(reader))

    refusal = "Many requests were sent from your connection"
    each_reader_has_her_own_limit(from_reader, settings.JOIN_REQUESTS_PER_ADDRESS, refusal)
    assert JoinRequest.objects.count() == settings.JOIN_REQUESTS_PER_ADDRESS + 1


def test_the_retention_command_deletes_exactly_the_expired_unconfirmed_requests(
    client, join, settings, mailoutbox
):
    settings.UNCONFIRMED_RETENTION_DAYS = 7
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=8)):
        send(client, join, email="expired@example.org")
        send(client, join, email="confirmed-long-ago@example.org")
        client.post(link_in(mailoutbox[-1], "/confirm/"))
    with time_machine.travel(now - datetime.timedelta(days=6)):
        send(client, join, email="still-in-time@example.org")
    output = io.StringIO()
    call_command("expire_join_requests", stdout=output)
    assert output.getvalue().strip() == "Deleted 1 unconfirmed requests to join."
    assert sorted(JoinRequest.objects.values_list("email", flat=True)) == [
        "confirmed-long-ago@example.org",
        "still-in-time@example.org",
    ]
