"""
What keeps the public's forms (a member's story, a request to join) from being flooded,
without a CAPTCHA service or any script from another host: a field people never see
(robots fill it in), a minimum time to fill the form in, and limits per address and per
e-mail address over a window of time. Everything works without JavaScript.
"""

import hashlib
import hmac
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from serving.client import client_ip

SALT = "public_forms.guards"
# A form left open longer than this is sent again from a fresh copy.
MAX_FORM_AGE = 24 * 60 * 60

TRAP_FILLED = _(
    "This form could not be sent: the field marked “Leave this empty” was filled in. "
    "If you are a person, empty it and send the form again."
)
TOO_FAST = _(
    "That was quicker than a person can fill in this form. Please check your answers and "
    "send it again."
)
TOO_OLD = _("This form was opened too long ago. Please check your answers and send it again.")


def country_choices():
    """Every country, named and sorted in the reader's language, after an empty choice."""
    return [("", "—"), *countries]


def link_token(value, salt):
    """
    `value` signed for a link in an e-mail, with the time of signing. Wagtail's page
    addresses take letters, digits, "-" and "_" between slashes, so the signature's
    parts are separated by slashes.
    """
    return signing.dumps(value, salt=salt).replace(":", "/")


def from_link_token(token, salt, max_age=None):
    """The value signed in `token`; raises signing.BadSignature if it is forged or too old."""
    return signing.loads(token.replace("/", ":"), salt=salt, max_age=max_age)


def for_one_reader(response, status=200):
    """A form's page, with its CSRF token and time of opening: never cached anywhere."""
    response.status_code = status
    add_never_cache_headers(response)
    return response


def client_key(request):
    """The sender's address, kept only as a keyed hash: enough to count, not to trace."""
    address = (client_ip(request) or "").encode()
    return hmac.new(settings.SECRET_KEY.encode(), address, hashlib.sha256).hexdigest()[:40]


def over_limit(recent, limit):
    """Whether `recent` (the sends counted against a limit) already holds `limit` of them."""
    return recent[:limit].count() >= limit


def since(**window):
    return timezone.now() - timedelta(**window)


def consent_field(label, refusal):
    """The box a sender ticks to give the consent the page states above it."""
    return forms.BooleanField(
        label=label,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "consent-statement"}),
        error_messages={"required": refusal},
    )


class GuardedForm(forms.Form):
    """
    A public form with a trap field and a signed time of opening. A form that fails
    either is refused as a whole, with a message a person can act on.
    """

    # Hidden from people by the stylesheet and from screen readers; its label says what
    # to do for anyone who meets it anyway.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    opened = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["opened"] = signing.dumps(time.time(), salt=SALT)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(TRAP_FILLED, code="trap")
        try:
            opened = signing.loads(
                cleaned_data.get("opened") or "", salt=SALT, max_age=MAX_FORM_AGE
            )
        except signing.BadSignature:
            # The copy shown again with this error gets a fresh time of opening.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened")] = self.initial["opened"]
            raise forms.ValidationError(TOO_OLD, code="expired") from None
        if time.time() - opened < settings.PUBLIC_FORM_MIN_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned_data


def limit_reached(request, entries, email, sent_at, per_address, per_email):
    """
    Which limit a send from `request` with `email` is over, counting `entries` by their
    `sent_at` field: "address" (in the last hour), "email" (in the last day), or None.
    """
    recent = entries.filter(**{f"{sent_at}__gte": since(hours=1)}, client=client_key(request))
    if over_limit(recent, per_address):
        return "address"
    recent = entries.filter(**{f"{sent_at}__gte": since(days=1)}, email__iexact=email)
    if over_limit(recent, per_email):
        return "email"
    return None
