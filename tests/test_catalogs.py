"""Interface strings: every one marked for translation and translated in every language."""

import shutil

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from filelock import FileLock

from tests.html import parse, text

LANGUAGES = ["es", "fr", "ar"]
IGNORED = [".venv*/*", "tests/*", "static/*", "media/*"]


@pytest.fixture
def fresh_catalogs(settings, tmp_path, monkeypatch, run_directory):
    """
    The committed catalogs, updated from today's source strings in a scratch copy. One
    worker at a time: `makemessages` leaves short-lived files beside the templates.
    """
    committed = django_settings.BASE_DIR / "site" / "locale"
    scratch = tmp_path / "locale"
    shutil.copytree(committed, scratch)
    settings.LOCALE_PATHS = [scratch]
    monkeypatch.chdir(django_settings.BASE_DIR)
    with FileLock(run_directory / "makemessages.lock"):
        call_command("makemessages", locale=LANGUAGES, ignore_patterns=IGNORED, verbosity=0)
    return committed, scratch


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_every_source_string_translated(fresh_catalogs, language):
    _committed, scratch = fresh_catalogs
    catalog = polib.pofile(scratch / language / "LC_MESSAGES" / "django.po")
    assert len(catalog) > 200
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language):
    folder = django_settings.BASE_DIR / "site" / "locale" / language / "LC_MESSAGES"
    source = {
        entry.msgid: entry.msgstr or entry.msgstr_plural[0]
        for entry in polib.pofile(folder / "django.po").translated_entries()
    }
    compiled = {
        entry.msgid: entry.msgstr or entry.msgstr_plural[0]
        for entry in polib.mofile(folder / "django.mo")
        if entry.msgid
    }
    assert compiled == source


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "search"),
    [("es", "ltr", "Buscar"), ("fr", "ltr", "Rechercher"), ("ar", "rtl", "بحث")],
)
def test_interface_speaks_the_readers_language(client, language, direction, search):
    document = parse(client.get(f"/{language}/search/").content)
    assert (document.get("lang"), document.get("dir")) == (language, direction)
    assert text(document.find(".//h1")) == search
