"""
The worker and the scheduler, run as the recipe runs them, ride out a database and a
cache that go away: they wait, stay up, and do what fell due once the database answers
again. PostgreSQL and Redis are reached through doors the test shuts (tests/network.py),
as when the machine's services stop.
"""

import datetime
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.mail import EmailMessage
from django.db import connection
from django.utils import timezone

from outbox.tasks import as_data, deliver
from stories.models import StoryIndexPage, StoryPage
from tests.mail_server import MailServer
from tests.network import Door, wait_until
from tests.snapshots import restore

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the processes need a database server they reach over the network",
    ),
]


class Process:
    """A manage.py command running as its own process, its log read as it comes."""

    def __init__(self, command, env):
        self.popen = subprocess.Popen(
            [sys.executable, "manage.py", command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.log = []
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for line in self.popen.stdout:
            self.log.append(line)

    def said(self, words):
        return any(words in line for line in self.log)

    def stop(self):
        self.popen.terminate()
        self.popen.wait(timeout=30)


class Outage:
    """Doors in front of PostgreSQL and Redis, shut and opened together."""

    def __init__(self):
        database = connection.settings_dict
        self.database = Door((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
        self.cache = Door(("127.0.0.1", 6379))

    def begin(self):
        self.database.shut()
        self.cache.shut()

    def end(self):
        self.database.open()
        self.cache.open()


@pytest.fixture
def outage(django_db_setup):
    restore(django_db_setup.frame)
    outage = Outage()
    yield outage
    outage.begin()


@pytest.fixture
def mail_server():
    server = MailServer()
    server.start()
    yield server
    server.stop()


def environment(outage, mail_server):
    database = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.development",
        "DEBUG": "true",
        "TASK_WORKER": "true",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@127.0.0.1:{outage.database.port}/{database['NAME']}"
        ),
        "REDIS_URL": f"redis://127.0.0.1:{outage.cache.port}/13",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_server.port),
    }


def test_the_worker_waits_through_a_database_and_cache_outage_then_carries_on(
    outage, mail_server, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = Process("run_worker", environment(outage, mail_server))
    try:
        wait_until(lambda: worker.said("running the background tasks"), "the worker did not start")
        outage.begin()
        wait_until(lambda: worker.said("the database does not answer"), "no outage noticed")
        # Mail queued while the worker cannot reach the queue.
        deliver.enqueue(as_data(EmailMessage("Sent after", "Body.", None, ["a@example.org"])))
        time.sleep(3)
        assert worker.popen.poll() is None
        outage.end()
        wait_until(lambda: mail_server.subjects() == ["Sent after"], "".join(worker.log))
        assert worker.said("the database answers again")
        assert worker.popen.poll() is None
    finally:
        worker.stop()


def test_the_scheduler_publishes_what_fell_due_while_the_database_and_cache_were_away(
    outage, mail_server
):
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(title="Harvest fair", slug="harvest-fair", summary="Soon.", live=False)
    story.date = datetime.date(2026, 11, 1)
    story.body = [("paragraph", "<p>Everyone brings a dish.</p>")]
    index.add_child(instance=story)
    story.go_live_at = timezone.now() + datetime.timedelta(seconds=3)
    story.save_revision().publish()
    assert not StoryPage.objects.get(pk=story.pk).live

    outage.begin()
    scheduler = Process("run_scheduler", environment(outage, mail_server))
    try:
        wait_until(lambda: scheduler.said("the database does not answer"), "no outage noticed")
        time.sleep(4)  # the story falls due during the outage
        assert scheduler.popen.poll() is None
        outage.end()
        wait_until(lambda: StoryPage.objects.get(pk=story.pk).live, "the story never went live")
        assert scheduler.said("the database answers again")
        assert scheduler.popen.poll() is None
    finally:
        scheduler.stop()
