from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backups import restore_database, restore_media


class Command(BaseCommand):
    help = (
        "Restore a folder written by `backup` into an empty database (and MEDIA_ROOT), then "
        "bring it up to date with the migrations of this release."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"No backup at {folder}.")
        restore_database(folder)
        self.stdout.write("Database restored.")
        media = restore_media(folder)
        if media:
            self.stdout.write(f"Media restored into {media}.")
        call_command("migrate", "--noinput", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Restored from {folder}"))
