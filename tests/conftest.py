import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import Client
from wagtail.models import Locale, Page

from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage
from stories.models import StoryIndexPage, StoryPage


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def render_every_page():
    """
    Render each live page once, so that its image renditions are made before any test
    starts: a test's own renditions are rolled back with it, and making them again in
    every test that renders a page would cost seconds each.
    """
    reader = Client()
    for page in Page.objects.live().filter(depth__gt=1):
        reader.get(page.url)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    Every test starts from the demo site, as a newcomer's `make run` builds it. Tests that
    empty the database (those with a live server) get it back from the snapshot returned.
    """
    with django_db_blocker.unblock():
        load_demo()
        render_every_page()
        objects = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: signal handlers look them up while the rest is restored.
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def restore_demo(snapshot):
    """Empty the database and put the demo snapshot back, as it was after django_db_setup."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    cache.clear()
    connection.creation.deserialize_db_from_string(snapshot)
    # The snapshot's rows keep their ids: move PostgreSQL's sequences past them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def arabic(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def home(english):
    return HomePage.objects.get(locale=english)


@pytest.fixture
def key_area_index(home):
    return KeyAreaIndexPage.objects.child_of(home).get()


@pytest.fixture
def key_area(key_area_index):
    return KeyAreaPage.objects.child_of(key_area_index).first()


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def demo_user(db):
    def get(username):
        return get_user_model().objects.get(username=username)

    return get


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})"


def translate(page, locale):
    """
    A published copy of `page` in `locale`, its untranslated ancestors copied and every
    ancestor published, so that readers can reach it.
    """
    translation = page.get_translation_or_none(locale) or page.copy_for_translation(
        locale, copy_parents=True
    )
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    translation.save_revision().publish()
    return translation


def publish_english_story(key_area_slug, **fields):
    """An English story published after the demo was translated, so in no other language."""
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(**fields)
    story.key_areas = [KeyAreaPage.objects.get(locale=index.locale, slug=key_area_slug)]
    index.add_child(instance=story)
    story.save_revision().publish()
    return story
