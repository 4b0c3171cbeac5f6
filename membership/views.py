"""
The public side of "Join the network": the form, the page asking the sender to check
their e-mail, confirming the address (double opt-in) and unsubscribing. Each answer is
for one reader and never cached. Links in e-mails open a page with a button, so that mail
scanners that open links confirm or unsubscribe nobody.
"""

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from common.public_forms import (
    client_key,
    for_one_reader,
    from_link_token,
    link_token,
    over_limit,
    since,
)

from . import emails
from .forms import JoinForm
from .models import JoinRequest

CONFIRM_SALT = "membership.confirm"
UNSUBSCRIBE_SALT = "membership.unsubscribe"


def join_form(request, page):
    status = 200
    data = request.POST if request.method == "POST" else None
    form = JoinForm(data, interests=page.key_area_pages())
    if request.method == "POST" and form.is_valid():
        refusal = rate_limit(request, form.cleaned_data["email"])
        if refusal is None:
            join_request = JoinRequest.objects.create(
                page=page,
                form_data=form.submission_data(page.consent_statement),
                email=form.cleaned_data["email"],
                language=page.locale.language_code,
                client=client_key(request),
            )
            emails.send_confirmation_request(join_request, link(page, "confirm", join_request))
            return redirect(page.url + page.reverse_subpage("sent"))
        form.add_error(None, refusal)
        status = 429
    return for_one_reader(page.render(request, context_overrides={"form": form}), status)


def rate_limit(request, email):
    recent = JoinRequest.objects.filter(submit_time__gte=since(hours=1))
    if over_limit(recent.filter(client=client_key(request)), settings.JOIN_REQUESTS_PER_ADDRESS):
        return _(
            "Many requests were sent from your connection in the last hour. Please wait an "
            "hour and send yours again."
        )
    recent = JoinRequest.objects.filter(submit_time__gte=since(days=1))
    if over_limit(recent.filter(email__iexact=email), settings.JOIN_REQUESTS_PER_EMAIL):
        return _(
            "Several requests were sent with this e-mail address today. Please confirm one "
            "of those, or send yours again tomorrow."
        )
    return None


def link(page, route, join_request):
    salt = CONFIRM_SALT if route == "confirm" else UNSUBSCRIBE_SALT
    token = link_token(join_request.pk, salt)
    return page.get_full_url() + page.reverse_subpage(route, args=[token])


def sent(request, page):
    return for_one_reader(
        page.render(
            request,
            template="membership/sent.html",
            context_overrides={"retention_days": settings.UNCONFIRMED_RETENTION_DAYS},
        )
    )


def find(page, token, salt, max_age=None):
    try:
        pk = from_link_token(token, salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return JoinRequest.objects.filter(pk=pk, page=page).first()


def confirm(request, page, token):
    join_request = find(page, token, CONFIRM_SALT, settings.UNCONFIRMED_RETENTION_DAYS * 86400)
    if join_request and request.method == "POST" and join_request.confirmed_at is None:
        join_request.confirmed_at = timezone.now()
        join_request.save(update_fields=["confirmed_at"])
        emails.send_welcome(join_request, link(page, "unsubscribe", join_request))
    return for_one_reader(
        page.render(
            request,
            template="membership/confirm.html",
            context_overrides={"join_request": join_request},
        ),
        200 if join_request else 404,
    )


def unsubscribe(request, page, token):
    join_request = find(page, token, UNSUBSCRIBE_SALT)
    if join_request and request.method == "POST" and join_request.unsubscribed_at is None:
        join_request.unsubscribed_at = timezone.now()
        join_request.save(update_fields=["unsubscribed_at"])
    return for_one_reader(
        page.render(
            request,
            template="membership/unsubscribe.html",
            context_overrides={"join_request": join_request},
        ),
        200 if join_request else 404,
    )
