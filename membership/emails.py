"""What a person who asked to join hears from us, in the language of the page they used."""

from django.core.mail import EmailMessage
from django.utils import translation

from common.mail import plain_text


def send(join_request, template, context):
    context = {**context, "name": join_request.form_data.get("name", "")}
    with translation.override(join_request.language):
        subject = plain_text(f"membership/emails/{template}_subject.txt", context).strip()
        body = plain_text(f"membership/emails/{template}.txt", context)
    EmailMessage(subject, body, to=[join_request.email]).send()


def send_confirmation_request(join_request, confirmation_url):
    send(join_request, "confirm", {"confirmation_url": confirmation_url})


def send_welcome(join_request, unsubscribe_url):
    send(join_request, "welcome", {"unsubscribe_url": unsubscribe_url})
