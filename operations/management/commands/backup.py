from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backups import back_up_database, back_up_media


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into a new folder (by default "
        "backups/<date-time>/). `restore` puts such a folder back into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="Where to write the backup.")

    def handle(self, *args, folder=None, **options):
        folder = Path(folder or f"backups/{timezone.now():%Y-%m-%dT%H%M%S}")
        folder.mkdir(parents=True, exist_ok=False)
        self.stdout.write(f"Database: {back_up_database(folder)}")
        media = back_up_media(folder)
        self.stdout.write(f"Media: {media}" if media else "Media: in object storage, not copied")
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
