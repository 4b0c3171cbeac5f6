"""In production, Wagtail's background work waits for the worker instead of the request."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def found(client, word):
    results = client.get("/en/search/", {"q": word}).context["results"]
    return [page.title for page in results]


def test_search_results_are_kept_a_minute(client):
    response = client.get("/en/search/", {"q": "garden"})
    assert "s-maxage=60" in response["Cache-Control"]
    assert client.get("/en/search/", {"q": "garden"})["X-Page-Cache"] == "hit"


# Committed for real: the worker works outside the test's transaction, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_published_story_is_indexed_by_the_worker_not_the_request(client):
    with override_settings(TASKS=WORKER):
        StoryPageFactory(title="Beekeeping on the school roof", summary="Bees.")
    assert DBTaskResult.objects.filter(status="READY").exists()
    assert found(client, "beekeeping") == []

    with override_settings(TASKS=WORKER):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    assert not DBTaskResult.objects.filter(status="READY").exists()
    cache.clear()  # search results are kept a minute
    assert found(client, "beekeeping") == ["Beekeeping on the school roof"]
