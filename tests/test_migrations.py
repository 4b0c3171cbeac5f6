"""Content survives the migrations that move it: pages render the same after a round trip."""

import hashlib
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page

from common.models import SiteSettings
from tests.conftest import restore_demo


def rendered_pages():
    reader = Client()
    return {
        page.url: hashlib.sha256(reader.get(page.url).content).hexdigest()
        for page in Page.objects.live().filter(depth__gt=1).order_by("path")
    }


@pytest.mark.django_db(transaction=True)
def test_site_settings_keep_their_content_when_they_move_to_common(django_db_setup):
    restore_demo(django_db_setup)
    before = rendered_pages()
    revisions = SiteSettings.objects.get(locale__language_code="en").revisions.count()

    # Back to the schema before the move: the settings lived in `home`.
    call_command("migrate", "common", "zero", stdout=io.StringIO())
    assert "home_sitesettings" in connection.introspection.table_names()
    assert ContentType.objects.filter(app_label="home", model="sitesettings").exists()

    call_command("migrate", stdout=io.StringIO())
    ContentType.objects.clear_cache()
    assert "home_sitesettings" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="home", model="sitesettings").exists()
    assert SiteSettings.objects.get(locale__language_code="en").revisions.count() == revisions
    assert rendered_pages() == before
