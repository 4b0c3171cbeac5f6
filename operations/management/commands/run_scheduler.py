import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from operations.models import DailyRun
from operations.resilience import UNREACHABLE, wait_for_database

logger = logging.getLogger(__name__)

DAILY_JOBS = ["send_translation_digests", "expire_story_submissions", "expire_join_requests"]


class Command(BaseCommand):
    help = (
        "Run the site's timed jobs, as one long-lived process: every minute, publish and "
        "unpublish what editors and translators scheduled (Wagtail's publish_scheduled); "
        "once a day from DIGEST_HOUR, send translators their to-do digests and delete what "
        "the public sent and never confirmed. While the database is away it waits, then "
        "does what fell due meanwhile. Run exactly one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run this minute's jobs once, then stop."
        )

    def handle(self, *args, once=False, **options):
        while True:
            started = time.monotonic()
            try:
                self.run_jobs()
            except UNREACHABLE:
                if once:
                    raise
                wait_for_database("run_scheduler")
                continue
            except Exception:
                if once:
                    raise
                logger.exception("run_scheduler: a job failed; trying again in a minute.")
            if once:
                return
            time.sleep(max(0, 60 - (time.monotonic() - started)))

    def run_jobs(self):
        # Everything due by now goes live, however long ago it fell due.
        call_command("publish_scheduled", stdout=self.stdout)
        now = timezone.localtime()
        if now.hour >= settings.DIGEST_HOUR:
            self.run_daily_jobs(now.date())

    @transaction.atomic
    def run_daily_jobs(self, today):
        run, _created = DailyRun.objects.select_for_update().get_or_create(
            job="daily", defaults={"day": today - timedelta(days=1)}
        )
        if run.day >= today:
            return
        for job in DAILY_JOBS:
            call_command(job, stdout=self.stdout)
        run.day = today
        run.save()
