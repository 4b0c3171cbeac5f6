"""
The public side of "Join the network" (public_forms/pages.py has what it shares with
the other public form): the form, confirming the address (double opt-in) and
unsubscribing, which also opens a page with a button.
"""

from django.shortcuts import redirect
from django.utils import timezone

from public_forms.guards import client_key, for_one_reader

from . import emails
from .forms import JoinForm
from .models import JoinRequest


def join_form(request, page):
    status = 200
    data = request.POST if request.method == "POST" else None
    form = JoinForm(data, interests=page.key_area_pages())
    if request.method == "POST" and form.is_valid():
        refusal = page.refusal(request, form.cleaned_data["email"])
        if refusal is None:
            join_request = JoinRequest.objects.create(
                page=page,
                form_data=form.submission_data(page.consent_statement),
                email=form.cleaned_data["email"],
                language=page.locale.language_code,
                client=client_key(request),
            )
            confirm_link = page.link("confirm", join_request, page.confirm_salt)
            emails.send_confirmation_request(join_request, confirm_link)
            return redirect(page.sent_url())
        form.add_error(None, refusal)
        status = 429
    return for_one_reader(page.render(request, context_overrides={"form": form}), status)


def confirm(page, join_request):
    join_request.confirmed_at = timezone.now()
    join_request.save(update_fields=["confirmed_at"])
    emails.send_welcome(join_request, page.link("unsubscribe", join_request, page.unsubscribe_salt))
    return join_request


def unsubscribe(request, page, token):
    join_request = page.entry_for_link(token, page.unsubscribe_salt)
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
