"""Scheduled pages go live on time through the scheduler the recipe runs, in every language."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from tests.conftest import publish_english_story
from translation_workflow.models import TranslationEmails

pytestmark = pytest.mark.django_db


def run_scheduler():
    call_command("run_scheduler", "--once", stdout=io.StringIO())


def test_a_story_and_its_translation_go_live_when_scheduled(client, home):
    story = publish_english_story(
        "sustainable-leadership", title="Harvest day", slug="harvest-day", summary="Soon."
    )
    spanish = story.copy_for_translation(Locale.objects.get(language_code="es"))
    story.unpublish()
    story.refresh_from_db()
    spanish.title = "Día de cosecha"
    go_live = timezone.now() + timedelta(minutes=1)
    for page in (story, spanish):
        page.go_live_at = go_live
        page.save_revision().publish()
    urls = ["/en/stories/harvest-day/", spanish.url]
    assert spanish.url.startswith("/es/")

    assert [client.get(url).status_code for url in urls] == [404, 404]
    assert "Harvest day" not in client.get("/en/stories/").content.decode()
    run_scheduler()
    assert [client.get(url).status_code for url in urls] == [404, 404]

    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        run_scheduler()
    assert [client.get(url).status_code for url in urls] == [200, 200]
    assert "Día de cosecha" in client.get(spanish.url).content.decode()
    assert "Harvest day" in client.get("/en/stories/").content.decode()
    assert "Día de cosecha" in client.get(spanish.get_parent().url).content.decode()


def test_the_daily_jobs_run_once_a_day_from_the_digest_hour(settings, mailoutbox, user, new_story):
    """Neither a restart nor an outage across the hour repeats or skips them."""
    settings.DIGEST_HOUR = 7
    TranslationEmails.objects.create(
        user=user("translator-es"), frequency=TranslationEmails.Frequency.DAILY
    )

    def digests_after(moment):
        mailoutbox.clear()
        with time_machine.travel(moment, tick=False):
            run_scheduler()
        return [message.to for message in mailoutbox if "to do" in message.subject]

    day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert digests_after(day + timedelta(hours=6, minutes=59)) == []
    assert digests_after(day + timedelta(hours=7, minutes=1)) == [["translator-es@example.org"]]
    assert digests_after(day + timedelta(hours=7, minutes=2)) == []
    assert digests_after(day + timedelta(hours=15)) == []
    # The next day the scheduler was away at seven; it sends the digest when it is back.
    assert digests_after(day + timedelta(days=1, hours=11)) == [["translator-es@example.org"]]
