"""
The admin in the translator's language: every label our models give the admin (field
names, panel headings, block labels, choices) is marked for translation, translated in
every language, and an Arabic-speaking user meets none of them in English.
"""

import json

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import override
from django_countries.fields import CountryField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.users.models import UserProfile

from site_settings.models import SiteSettings
from tests.factories import AlliancePageFactory, MediaItemPageFactory, StoryPageFactory
from tests.html import parse, text
from tests.members import form_pages

OUR_APPS = ["home", "stories", "gallery", "alliances", "common"]
# Names of things that are the same in every language.
PROPER_NAMES = {"CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "Facebook", "Instagram", "LinkedIn"}
PROPER_NAMES |= {"X", "YouTube", "Vimeo", "Mastodon", "Bluesky"}
PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}


def block_labels(block):
    yield block.label
    if isinstance(block, blocks.ListBlock):
        yield from block_labels(block.child_block)
    for child in getattr(block, "child_blocks", {}).values():
        yield from block_labels(child)
    if isinstance(block, blocks.ChoiceBlock):
        yield from (label for value, label in block.field.choices if value)


def panel_headings(panel):
    if not isinstance(panel, FieldPanel) and panel.heading:
        yield panel.heading
    for child in getattr(panel, "children", []):
        yield from panel_headings(child)


def our_labels():
    """Every label of ours the admin shows, as the lazy strings the models declare."""
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            if not hasattr(model, "get_edit_handler") and model is not SiteSettings:
                continue
            yield model._meta.verbose_name
            for field in model._meta.get_fields():
                if field.auto_created or field.name in PAGE_FIELDS or not field.concrete:
                    continue
                yield field.verbose_name
                # Country names come translated from django-countries.
                if not isinstance(field, CountryField):
                    yield from (label for value, label in field.choices or [] if value)
                if isinstance(field, StreamField):
                    for child in field.stream_block.child_blocks.values():
                        yield from block_labels(child)
            yield from panel_headings(model.get_edit_handler())


def catalog(language):
    path = settings.BASE_DIR / "site" / "locale" / language / "LC_MESSAGES" / "django.po"
    return {entry.msgid for entry in polib.pofile(path).translated_entries()}


def english_labels():
    with override("en"):
        return {str(label) for label in our_labels() if label} - PROPER_NAMES


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_every_label_of_our_models_is_marked_and_translated(language):
    labels = [label for label in our_labels() if label]
    unmarked = {str(label) for label in labels if not isinstance(label, Promise)}
    assert sorted(unmarked - PROPER_NAMES) == []
    # Ours are in our catalogs; Wagtail's (its tab names) come translated from Wagtail.
    ours = catalog(language)
    untranslated = set()
    for label in labels:
        with override("en"):
            english = str(label)
        with override(language):
            translated = str(label)
        if english not in ours and translated == english:
            untranslated.add(english)
    assert sorted(untranslated - PROPER_NAMES) == []


@pytest.fixture
def every_page_type(home):
    return [
        *Page.objects.filter(locale=home.locale, depth__gt=1).specific(),
        StoryPageFactory(),
        MediaItemPageFactory(),
        AlliancePageFactory(),
        *form_pages("en"),
    ]


@pytest.mark.django_db
def test_an_arabic_speaking_user_meets_no_english_label_of_ours(
    client, admin_user, every_page_type
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(admin_user)
    english = english_labels()
    urls = [reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in every_page_type]
    settings_record = SiteSettings.objects.get(locale__language_code="en")
    urls.append(reverse("wagtailsnippets_common_sitesettings:edit", args=[settings_record.pk]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        document = parse(response.content)
        assert (document.get("lang"), document.get("dir")) == ("ar", "rtl")
        shown = {
            text(element)
            for element in document.iter()
            if element.tag in {"label", "legend", "h2", "h3", "option", "th"}
        }
        # StreamField blocks are drawn in the browser from JSON the page carries.
        for element in document.iter():
            for attribute in ("data-w-block-data-value", "data-w-block-arguments-value"):
                if element.get(attribute):
                    shown |= set(json_labels(json.loads(element.get(attribute))))
        assert sorted(shown & english) == [], url
    page_types = {type(page) for page in every_page_type}
    assert page_types == {model for model in apps.get_models() if issubclass(model, Page)} - {Page}


def json_labels(value):
    """The labels in the block definitions a StreamField sends to the browser."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "label" and isinstance(item, str):
                yield item
            else:
                yield from json_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_labels(item)
