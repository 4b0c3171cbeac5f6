"""
What the sender of a story hears from us, always in the language they wrote in: a link
to confirm their address, an acknowledgement once they have, and the story's address
when a moderator publishes it.
"""

from django.core.mail import EmailMessage
from django.utils import translation

from common.mail import plain_text


def send(submission, template, context=None):
    context = {**(context or {}), "submission": submission}
    with translation.override(submission.language):
        subject = plain_text(f"submissions/emails/{template}_subject.txt", context).strip()
        body = plain_text(f"submissions/emails/{template}.txt", context)
    EmailMessage(subject, body, to=[submission.email]).send()


def send_confirmation_request(submission, confirmation_url):
    send(submission, "confirm", {"confirmation_url": confirmation_url})


def send_acknowledgement(submission):
    send(submission, "received")


def send_published_notice(submission, story_url):
    send(submission, "published", {"story_url": story_url})
