"""
A moderator adds a passkey as her second factor; from then on her password alone does not
open the admin, and her passkey does. The browser's passkey is Chromium's virtual
authenticator (the device stands outside our reach; the ceremony is real).
"""

from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from tests.browser.conftest import blocked, log_in, log_out


def add_virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_a_passkey_is_a_second_factor(page, site, settings, policy_violations):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [site.url]
    add_virtual_authenticator(page)

    log_in(page, site, "moderator", "demo-moderator")
    page.goto(f"{site.url}/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.locator("#passkey-register-button").click()
    expect(page.locator("#passkey-register-status-message")).to_contain_text(
        "Registration successful"
    )
    assert WebAuthnCredential.objects.filter(user__username="moderator").count() == 1

    log_out(page)
    page.goto(f"{site.url}/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("demo-moderator")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    page.goto(f"{site.url}/admin/pages/")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()

    page.locator("#passkey-verification-button").click()
    expect(page).to_have_url(f"{site.url}/admin/pages/")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_have_count(0)
    assert blocked(policy_violations) == []
