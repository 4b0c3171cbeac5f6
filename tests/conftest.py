import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale

from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site, as a newcomer's `make run` builds it."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


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
