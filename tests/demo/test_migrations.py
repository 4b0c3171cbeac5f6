"""
Content survives the migrations that move or reshape it: the demo site, taken back to the
schema before them, migrates forward and renders the same, translations included.
"""

import hashlib
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from gallery.models import MediaItemPage
from site_settings.models import SiteSettings
from stories.models import StoryPage
from tests.snapshots import restore
from translation_workflow.gate import unfinished_segments

# The last migrations before site settings moved to `common` and fields were renamed.
OLD_SCHEMA = [
    ("stories", "0002_hero_alt_text_help"),
    ("gallery", "0001_initial"),
    ("alliances", "0001_initial"),
    ("home", "0005_site_settings_move_to_common"),
    ("common", "zero"),
]


# What a form gives each reader anew: its CSRF token and its signed time of opening.
PER_READER = re.compile(rb'(name="(?:csrfmiddlewaretoken|opened)" value=)"[^"]*"')


def rendered_pages():
    cache.clear()  # rendered now, not kept from before
    reader = Client()
    return {
        page.url: hashlib.sha256(PER_READER.sub(rb"\1", reader.get(page.url).content)).hexdigest()
        for page in Page.objects.live().filter(depth__gt=1).order_by("path")
    }


def columns(table):
    with connection.cursor() as cursor:
        return {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }


def migrate(*args):
    call_command("migrate", *args, stdout=io.StringIO())
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_the_demo_site_migrates_from_the_old_schema_unchanged(demo_snapshot):
    restore(demo_snapshot)
    before = rendered_pages()
    settings_revisions = SiteSettings.objects.get(locale__language_code="en").revisions.count()

    try:
        for app, migration in OLD_SCHEMA:
            migrate(app, migration)
        assert "home_sitesettings" in connection.introspection.table_names()
        stories = columns("stories_storypage")
        assert {"hero_image_id", "hero_alt_text", "hero_credit", "authors"} <= stories
        assert {"logo_id", "logo_alt_text"} <= columns("alliances_alliancepage")
        assert "thumbnail_id" in columns("gallery_mediaitempage")
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT authors FROM stories_storypage WHERE authors <> ''")
            assert len(cursor.fetchall()) == 5  # a line in each language, and a member's name
    finally:
        migrate()
    assert "home_sitesettings" not in connection.introspection.table_names()
    assert SiteSettings.objects.get(locale__language_code="en").revisions.count() == (
        settings_revisions
    )
    assert rendered_pages() == before

    # The translators' work follows the renamed fields: an Arabic story is complete.
    story = StoryPage.objects.get(locale__language_code="en", slug="school-garden-fresno")
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="ar"
    )
    assert StringTranslation.objects.filter(
        locale__language_code="ar", context__path="image_alt_text"
    ).exists()
    assert unfinished_segments(translation) == []
    assert StringTranslation.objects.filter(
        locale__language_code="ar", context__path__endswith=".image.alt_text"
    ).exists()
    arabic = story.get_translation(translation.target_locale)
    assert arabic.author_names() == ["فريق الاتصال (قصة تجريبية)"]
    assert arabic.get_latest_revision_as_object().image_id == arabic.image_id

    # Album photos became items: each translation's alt texts are still its own.
    album = MediaItemPage.objects.get(locale__language_code="en", slug="planting-day")
    translation = Translation.objects.get(
        source__object_id=album.translation_key, target_locale__language_code="ar"
    )
    assert unfinished_segments(translation) == []
    arabic = album.get_translation(translation.target_locale)
    english_photos = list(album.album_photos.values_list("translation_key", "alt_text"))
    arabic_photos = list(arabic.album_photos.values_list("translation_key", "alt_text"))
    assert [key for key, _ in arabic_photos] == [key for key, _ in english_photos]
    assert all(ar != en for (_, ar), (_, en) in zip(arabic_photos, english_photos, strict=True))
