"""The sender of a story hears when it is first published, once the publication is committed."""

from django.db import transaction
from django.utils import timezone
from wagtail.signals import page_published

from . import emails
from .models import StorySubmission


def on_page_published(sender, instance, **kwargs):
    submission = StorySubmission.objects.filter(
        story_id=instance.pk, published_notice_sent_at__isnull=True
    ).first()
    if submission is None:
        return
    submission.published_notice_sent_at = timezone.now()
    submission.save(update_fields=["published_notice_sent_at"])
    story_url = instance.get_full_url()
    transaction.on_commit(lambda: emails.send_published_notice(submission, story_url))


def connect():
    page_published.connect(on_page_published, dispatch_uid="submissions.notifications")
