from django.conf import settings
from django.core.management.base import BaseCommand

from public_forms.guards import since
from submissions.models import StorySubmission, SubmittedPhoto


class Command(BaseCommand):
    help = (
        "Delete stories, and their photos, whose senders did not confirm their e-mail "
        "address within UNCONFIRMED_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        expired = StorySubmission.objects.filter(
            confirmed_at__isnull=True,
            created_at__lt=since(days=settings.UNCONFIRMED_RETENTION_DAYS),
        )
        for photo in SubmittedPhoto.objects.filter(submission__in=expired):
            photo.file.delete(save=False)
        count = expired.count()
        expired.delete()
        self.stdout.write(f"Deleted {count} unconfirmed stories.")
