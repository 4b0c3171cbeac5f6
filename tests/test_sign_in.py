"""Signing in to the admin: wrong passwords pause it, and a second factor guards it."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

LOGIN = "/admin/login/"
pytestmark = pytest.mark.django_db


def sign_in(username, password, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_ten_wrong_passwords_pause_that_reader_and_never_a_colleague():
    for _attempt in range(9):
        _client, response = sign_in("editor", "wrong password")
        assert response.status_code == 200
        assert "and password didn&#x27;t match" in response.content.decode()
    _client, response = sign_in("editor", "wrong password")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Signing in is paused" in text
    assert "10 wrong passwords in a row" in text
    assert "Try again in 60 minutes, or ask an administrator" in text

    # From that address nothing opens any more, not the account nor another one.
    for username in ("editor", "moderator"):
        client, response = sign_in(username, PASSWORD)
        assert response.status_code == 429
        assert not signed_in(client)
    # Elsewhere the same account and the others sign in with their passwords.
    for username in ("editor", "moderator", "admin"):
        client, response = sign_in(username, PASSWORD, address="198.51.100.20")
        assert response.status_code == 302
        assert signed_in(client)


def test_wrong_passwords_for_many_accounts_pause_the_address(settings):
    for attempt in range(10):
        sign_in(f"nobody-{attempt}", "wrong password")
    client, response = sign_in("editor", PASSWORD)
    assert response.status_code == 429
    assert signed_in(sign_in("editor", PASSWORD, address="198.51.100.20")[0])


def test_an_administrator_unlocks_a_paused_sign_in(admin_client, user):
    for _attempt in range(10):
        sign_in("editor", "wrong password")
    assert sign_in("editor", PASSWORD)[1].status_code == 429

    # No other role can see or lift locks, and trying leaves the editor locked;
    # administrators find them in Settings.
    attempt = AccessAttempt.objects.first()
    for role in ["moderator", "translator-es", "translator-fr", "translator-ar"]:
        other = Client()
        other.force_login(user(role))
        assert other.get("/admin/locked-sign-ins/").status_code == 302
        other.post(f"/admin/locked-sign-ins/delete/{attempt.pk}/")
        assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert sign_in("editor", PASSWORD)[1].status_code == 429
    listing = admin_client.get("/admin/locked-sign-ins/")
    assert listing.status_code == 200
    assert "203.0.113.7" in listing.content.decode()
    assert "Locked sign-ins" in admin_client.get("/admin/").content.decode()

    for attempt in AccessAttempt.objects.all():
        response = admin_client.post(f"/admin/locked-sign-ins/delete/{attempt.pk}/")
        assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    client, response = sign_in("editor", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_right_password_clears_earlier_failures():
    for _attempt in range(9):
        sign_in("editor", "wrong password")
    assert signed_in(sign_in("editor", PASSWORD)[0])
    for _attempt in range(9):
        sign_in("editor", "wrong password")
    assert signed_in(sign_in("editor", PASSWORD)[0])


def behind_the_chain(reader, username, password, forged=""):
    """A sign-in through the TLS terminator and Varnish, as gunicorn receives it."""
    client = Client(REMOTE_ADDR="127.0.0.1")
    forwarded = ", ".join(hop for hop in (forged, reader, "127.0.0.1") if hop)
    response = client.post(
        LOGIN,
        {"username": username, "password": password},
        HTTP_X_FORWARDED_FOR=forwarded,
        HTTP_X_FORWARDED_PROTO="https",
    )
    return client, response


def test_behind_the_proxies_each_reader_is_her_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    # Twelve wrong passwords from reader A, each with another forged first hop.
    for attempt in range(12):
        behind_the_chain("203.0.113.9", "editor", "wrong", forged=f"192.0.2.{attempt}")
    assert behind_the_chain("203.0.113.9", "editor", PASSWORD)[1].status_code == 429
    assert behind_the_chain("203.0.113.9", "moderator", PASSWORD)[1].status_code == 429
    # Reader B signs in to the same account, and to another one.
    for username in ("editor", "moderator"):
        client, response = behind_the_chain("198.51.100.4", username, PASSWORD)
        assert response.status_code == 302
        assert signed_in(client)


def enrol(user):
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return device


def code(device):
    return str(totp(device.bin_key, step=device.step, digits=device.digits)).zfill(device.digits)


def test_with_a_second_factor_the_password_alone_opens_nothing(user):
    device = enrol(user("moderator"))
    client, response = sign_in("moderator", PASSWORD)
    assert response.status_code == 302
    for path in ["/admin/", "/admin/pages/", "/admin/images/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("second_factor_verify"))

    response = client.post(reverse("second_factor_verify"), {"code": "000000", "next": "/admin/"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert not signed_in(client)

    # Each wrong code makes the next try wait (django-otp's throttle).
    response = client.post(reverse("second_factor_verify"), {"code": code(device)})
    assert "Too many wrong codes in a row" in response.content.decode()
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        response = client.post(
            reverse("second_factor_verify"), {"code": code(device), "next": "/admin/pages/"}
        )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert signed_in(client)


def test_the_next_address_after_the_code_stays_on_this_site(user):
    device = enrol(user("editor"))
    client, _response = sign_in("editor", PASSWORD)
    response = client.post(
        reverse("second_factor_verify"), {"code": code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


@override_settings(SECOND_FACTOR_REQUIRED=True)
def test_when_required_administrators_and_moderators_enrol_before_anything_else(user):
    for username in ["admin", "moderator"]:
        client, _response = sign_in(username, PASSWORD)
        response = client.get("/admin/pages/")
        assert response["Location"] == reverse("second_factor_enrol")
        page = client.get(reverse("second_factor_enrol"))
        assert page.status_code == 200
        assert "<svg" in page.content.decode()
        device = TOTPDevice.objects.get(user=user(username), confirmed=False)
        response = client.post(reverse("second_factor_enrol"), {"code": code(device)})
        assert response["Location"] == "/admin/"
        device.refresh_from_db()
        assert device.confirmed
        assert signed_in(client)

    # Editors are not asked to.
    client, _response = sign_in("editor", PASSWORD)
    assert signed_in(client)


def test_the_password_alone_cannot_set_up_another_app(user):
    enrol(user("moderator"))
    client, _response = sign_in("moderator", PASSWORD)
    response = client.get(reverse("second_factor_enrol"))
    assert response["Location"].startswith(reverse("second_factor_verify"))
    assert not TOTPDevice.objects.filter(user=user("moderator"), confirmed=False).exists()


def test_a_new_app_replaces_the_old_one(user):
    old = enrol(user("editor"))
    client, _response = sign_in("editor", PASSWORD)
    client.post(reverse("second_factor_verify"), {"code": code(old)})
    assert "Set up an authenticator app" in client.get("/admin/account/").content.decode()
    client.get(reverse("second_factor_enrol"))
    new = TOTPDevice.objects.get(user=user("editor"), confirmed=False)
    response = client.post(reverse("second_factor_enrol"), {"code": code(new)})
    assert response["Location"] == "/admin/"
    assert list(TOTPDevice.objects.filter(user=user("editor"))) == [new]


def test_the_second_factor_page_gets_the_admin_icons_and_translations(user):
    """Wagtail's admin fetches its icon sprite into every page: it must not be redirected."""
    enrol(user("moderator"))
    client, _response = sign_in("moderator", PASSWORD)
    for name in ("wagtailadmin_sprite", "wagtailadmin_javascript_catalog"):
        assert client.get(reverse(name)).status_code == 200
