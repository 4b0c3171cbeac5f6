import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from operations.resilience import UNREACHABLE, wait_for_database

logger = logging.getLogger(__name__)

# A task failed on these when the database went away while it ran.
OUTAGE_ERRORS = {f"{error.__module__}.{error.__qualname__}" for error in UNREACHABLE}


class Command(BaseCommand):
    help = (
        "Run the site's background tasks (search and reference indexing, purges, e-mail) "
        "with django-tasks-db's worker, through database outages: while the database is "
        "away it waits, then runs again what the outage interrupted, and carries on."
    )

    def handle(self, *args, **options):
        worker_id = get_random_string(32)
        logger.info("run_worker: running the background tasks (worker %s).", worker_id)
        while True:
            started = timezone.now()
            try:
                call_command(
                    "db_worker",
                    worker_id=worker_id,
                    reload=False,
                    # One line per task from -v 2 up.
                    verbosity=max(0, options["verbosity"] - 1),
                )
                return
            except UNREACHABLE:
                wait_for_database("run_worker")
                self.run_again_what_was_interrupted(worker_id, since=started)

    def run_again_what_was_interrupted(self, worker_id, since):
        """
        The tasks this worker was running when the database went away: claimed but never
        finished, or failed on the outage itself. Each goes back in the queue.
        """
        candidates = DBTaskResult.objects.filter(
            Q(status=TaskResultStatus.RUNNING)
            | Q(
                status=TaskResultStatus.FAILED,
                finished_at__gte=since,
                exception_class_path__in=OUTAGE_ERRORS,
            )
        )
        interrupted = [result.pk for result in candidates if worker_id in result.worker_ids]
        DBTaskResult.objects.filter(pk__in=interrupted).update(
            status=TaskResultStatus.READY, run_after=timezone.now()
        )
        if interrupted:
            logger.warning("run_worker: %d interrupted task(s) queued again.", len(interrupted))
