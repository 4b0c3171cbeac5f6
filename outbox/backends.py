from django.core.mail.backends.base import BaseEmailBackend

from .tasks import as_data, deliver


class OutboxBackend(BaseEmailBackend):
    """
    Django's EMAIL_BACKEND for every e-mail the site sends (its own, Wagtail's moderation
    messages, wagtail-localize's): each message becomes a task for the worker, which sends
    it with EMAIL_DELIVERY_BACKEND. Sending therefore never fails the request that caused
    it, whatever the mail server is doing.
    """

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver.enqueue(as_data(message))
        return len(email_messages)
