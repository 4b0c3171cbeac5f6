from django.conf import settings
from django.core.management.base import BaseCommand

from membership.models import JoinRequest
from public_forms.guards import since


class Command(BaseCommand):
    help = (
        "Delete requests to join whose senders did not confirm their e-mail address within "
        "UNCONFIRMED_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        expired = JoinRequest.objects.filter(
            confirmed_at__isnull=True,
            submit_time__lt=since(days=settings.UNCONFIRMED_RETENTION_DAYS),
        )
        count, _deleted = expired.delete()
        self.stdout.write(f"Deleted {count} unconfirmed requests to join.")
