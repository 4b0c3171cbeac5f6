import io
import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client, TestCase
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage
from stories.models import StoryIndexPage, StoryPage
from tests.factories import build_site


def render_every_page():
    """
    Render each live page once, so that its image renditions are made before the tests
    that read it: a test's own renditions are rolled back with it, and making them again
    in every test that renders a page would cost seconds each.
    """
    reader = Client()
    # Each request activates its page's language; leave the test's own language as it was.
    with translation.override(translation.get_language()):
        for page in Page.objects.live().filter(depth__gt=1):
            reader.get(page.url)


@dataclass
class Snapshots:
    migrated: str  # the database as the migrations left it: where the demo starts
    frame: str  # the frame of a site every other test starts from


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the frame of a site; it builds the content it reads."""
    with django_db_blocker.unblock():
        migrated = serialize_database()
        build_site()
        render_every_page()
        return Snapshots(migrated=migrated, frame=serialize_database())


@pytest.fixture(scope="module", autouse=True)
def site_frame(django_db_setup, django_db_blocker):
    """
    Put the frame back for a module if a test with a live server emptied the database
    before it (those run last in a worker, but a worker may take another module after).
    """
    with django_db_blocker.unblock():
        if not HomePage.objects.exists():
            restore(django_db_setup.frame)


def serialize_database():
    objects = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: signal handlers look them up while the rest is restored.
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def module_content(build):
    """
    A module-scoped fixture: `build()` makes the content a module's tests read, once, in a
    transaction taken back after the module (each test's own changes are rolled back
    before that). Its pages are rendered once too, so that their image renditions exist.
    The fixture's value is what `build()` returns.
    """

    @pytest.fixture(scope="module")
    def content(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            built = build()
            render_every_page()
            yield built
            transaction.set_rollback(True)
        with django_db_blocker.unblock():
            reset_sequences()
        cache.clear()

    return content


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo site as `make run` builds it, serialised; the database is left as it was."""
    with django_db_blocker.unblock(), transaction.atomic():
        restore(django_db_setup.migrated)
        with TestCase.captureOnCommitCallbacks(execute=True), translation.override(None):
            call_command("load_demo", stdout=io.StringIO())
        render_every_page()
        snapshot = serialize_database()
        transaction.set_rollback(True)
    with django_db_blocker.unblock():
        reset_sequences()
    return snapshot


@pytest.fixture(scope="module")
def demo(demo_snapshot, django_db_blocker):
    """The demo site for a module's tests, taken away again after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        restore(demo_snapshot)
        yield
        transaction.set_rollback(True)
    with django_db_blocker.unblock():
        reset_sequences()
    cache.clear()


def reset_sequences():
    """Move PostgreSQL's sequences past the rows there are."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


def restore(snapshot):
    """Empty the database and put a snapshot back."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    cache.clear()
    connection.creation.deserialize_db_from_string(snapshot)
    reset_sequences()


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
def user(db):
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
