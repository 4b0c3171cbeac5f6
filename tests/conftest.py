import datetime
import io
import pickle
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, TestCase
from django.utils import translation
from filelock import FileLock
from wagtail.models import Locale, Page

from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage
from stories.models import StoryIndexPage, StoryPage
from tests import snapshots
from tests.deepl import AUTH_KEY, FakeDeepL
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
    migrated: dict  # the database as the migrations left it: where the demo starts
    frame: dict  # the frame of a site every other test starts from


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "admin_client", "admin_user"}


def database_used(session):
    """Whether any collected test uses the database (else pytest-django creates none)."""
    return any(
        item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        for item in session.items
    )


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Every test starts from the frame of a site; it builds the content it reads."""
    if not database_used(request.session):
        yield None  # and never the frame in a database that is not the tests' own
        return
    with django_db_blocker.unblock():
        migrated = snapshots.take()
        build_site()
        render_every_page()
        frame = snapshots.take()
    yield Snapshots(migrated=migrated, frame=frame)
    with django_db_blocker.unblock():
        end_other_sessions()


def end_other_sessions():
    """
    Once a browser test has run Playwright's event loop in this thread, Django keeps the
    connections it opens per context (asgiref's Local), where pytest-django's teardown
    never closes them and PostgreSQL refuses to drop the test database; end them.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="module", autouse=True)
def site_frame(django_db_setup, django_db_blocker):
    """
    Put the frame back for a module if a test with a live server emptied the database
    before it (those run last in a worker, but a worker may take another module after).
    """
    if django_db_setup is None:
        return
    with django_db_blocker.unblock():
        if not HomePage.objects.exists():
            snapshots.restore(django_db_setup.frame)


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
            snapshots.reset_sequences()
        cache.clear()

    return content


@pytest.fixture(scope="session")
def run_directory(tmp_path_factory, worker_id):
    """A temporary directory every worker of this run shares."""
    directory = tmp_path_factory.getbasetemp()
    return directory if worker_id == "master" else directory.parent


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, run_directory):
    """
    The demo site as `make run` builds it. One worker builds it and leaves it in a file
    for the others (they share the media directory too); its database is left as it was.
    """
    path = run_directory / "demo.snapshot"
    with FileLock(f"{path}.lock"):
        if not path.exists():
            with django_db_blocker.unblock():
                path.write_bytes(pickle.dumps(build_demo(django_db_setup.migrated)))
    return pickle.loads(path.read_bytes())


def build_demo(migrated):
    with transaction.atomic():
        snapshots.restore(migrated)
        with TestCase.captureOnCommitCallbacks(execute=True), translation.override(None):
            call_command("load_demo", "--with-users", stdout=io.StringIO())
        render_every_page()
        demo = snapshots.take()
        transaction.set_rollback(True)
    snapshots.reset_sequences()
    return demo


@pytest.fixture(scope="module")
def demo(demo_snapshot, django_db_blocker):
    """The demo site for a module's tests, taken away again after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        snapshots.restore(demo_snapshot)
        yield
        transaction.set_rollback(True)
    with django_db_blocker.unblock():
        snapshots.reset_sequences()
    cache.clear()


@pytest.fixture(autouse=True)
def outbox(settings):
    """E-mail goes through the outbox as in production, then into Django's test outbox."""
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test's changes are rolled back; so are the pages and fragments it cached."""
    yield
    cache.clear()


@pytest.fixture(scope="session")
def deepl_service(tmp_path_factory):
    service = FakeDeepL(tmp_path_factory.mktemp("deepl"))
    yield service
    service.stop()


@pytest.fixture
def deepl(deepl_service, settings, monkeypatch):
    """
    wagtail-localize's DeepL translator, as DEEPL_API_KEY configures it, talking to the
    stand-in for DeepL (tests/deepl.py) through the environment's HTTPS proxy.
    """
    deepl_service.requests, deepl_service.quota = [], None
    for name in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, deepl_service.proxy_url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(deepl_service.ca_bundle))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": AUTH_KEY},
    }
    return deepl_service


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


def pytest_collection_modifyitems(items):
    """
    The tests that read the demo site run first: xdist hands out consecutive tests, so one
    worker builds the demo and runs them while the others start on the rest.
    """
    items.sort(key=lambda item: "demo_snapshot" not in getattr(item, "fixturenames", ()))


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


@pytest.fixture
def new_story(home):
    """An English story nobody has translated yet."""
    return publish_english_story(
        "sustainable-leadership",
        title="Night classes for parents",
        slug="night-classes",
        summary="Parents learn to read alongside their children.",
        date=datetime.date(2026, 11, 1),
    )
