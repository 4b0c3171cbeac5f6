"""
Delivering e-mail in the worker: a message the mail server does not take is tried again
later, each time after twice as long (from RETRY_FIRST_SECONDS to RETRY_MOST_SECONDS),
up to ATTEMPTS times in all, about a day; then the task fails and the message waits for
an administrator under Reports → Undelivered e-mail. A message the server refuses for
good (an address it does not know) is not tried again.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPTS = 12
RETRY_FIRST_SECONDS = 15
RETRY_MOST_SECONDS = 3 * 60 * 60


def as_data(message):
    """What the task needs of `message` to send it again, as JSON."""
    if message.attachments:
        raise ValueError("The outbox carries e-mails without attachments.")
    return {
        "subject": message.subject,
        "body": message.body,
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(part) for part in getattr(message, "alternatives", [])],
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


def refused_for_good(error):
    """Whether the mail server said no in a way that trying again cannot change (5xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _text in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def retry_delay(attempt):
    return timedelta(seconds=min(RETRY_FIRST_SECONDS * 2 ** (attempt - 1), RETRY_MOST_SECONDS))


@task()
def deliver(message, attempt=1):
    """Send `message` (as `as_data` wrote it); when that fails, try again later."""
    try:
        get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([from_data(message)])
    except OSError as error:  # smtplib's errors are OSErrors too
        last = attempt >= ATTEMPTS or refused_for_good(error)
        if last or not deliver.get_backend().supports_defer:
            logger.error("E-mail %r to %s not sent: %s", message["subject"], message["to"], error)
            raise
        delay = retry_delay(attempt)
        deliver.using(run_after=timezone.now() + delay).enqueue(message, attempt + 1)
        logger.warning(
            "E-mail %r to %s not sent (%s); trying again in %s",
            message["subject"],
            message["to"],
            error,
            delay,
        )
        return {"sent": False, "next_attempt": attempt + 1}
    return {"sent": True}
