import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Run the site's timed jobs, as one long-lived process: every minute, publish and "
        "unpublish what editors and translators scheduled (Wagtail's publish_scheduled); "
        "once a day at DIGEST_HOUR, send translators their to-do digests and delete what "
        "the public sent and never confirmed. Run exactly one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run this minute's jobs once, then stop."
        )

    def handle(self, *args, once=False, **options):
        last_digest_day = None
        while True:
            started = time.monotonic()
            call_command("publish_scheduled", stdout=self.stdout)
            now = timezone.localtime()
            if now.hour == settings.DIGEST_HOUR and now.date() != last_digest_day:
                call_command("send_translation_digests", stdout=self.stdout)
                call_command("expire_story_submissions", stdout=self.stdout)
                call_command("expire_join_requests", stdout=self.stdout)
                last_digest_day = now.date()
            if once:
                return
            time.sleep(max(0, 60 - (time.monotonic() - started)))
