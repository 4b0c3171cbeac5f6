"""`load_demo` builds the site from the seed texts and is safe to run again."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, KeyAreaPage, SiteSettings, StandardPage
from tests.html import parse

pytestmark = pytest.mark.django_db


def run(*args):
    output = io.StringIO()
    call_command("load_demo", *args, stdout=output)
    return output.getvalue()


def counts():
    return (
        Page.objects.count(),
        get_image_model().objects.count(),
        SiteSettings.objects.count(),
        get_user_model().objects.count(),
    )


def test_running_again_changes_nothing():
    before = counts()
    assert "Demo content loaded." in run()
    assert counts() == before


def test_if_empty_leaves_an_existing_site_alone(home):
    home.mission = "Edited by an editor."
    home.save_revision().publish()
    assert "not loaded" in run("--if-empty")
    assert HomePage.objects.get(pk=home.pk).mission == "Edited by an editor."


def test_demo_site_is_built_from_the_seeds(home):
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.title == "Partnerships for Sustainability Education"
    assert home.mission.startswith("Develop, inspire and empower education leaders")
    assert home.vision.startswith("A healthy, just and sustainable world")
    assert len(home.objectives) == 6
    assert [value.value["title"] for value in home.core_values] == [
        "Leadership",
        "Care",
        "Innovation",
        "Collaboration",
        "Service",
    ]
    assert KeyAreaPage.objects.live().count() == 6
    what_we_do = StandardPage.objects.get(slug="what-we-do")
    assert what_we_do.live and len(what_we_do.body) >= 5
    assert home.call_to_action[0].value["page"].pk == what_we_do.pk
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).exists()


def test_home_page_is_drafted_in_every_other_language_but_not_published(client, home):
    drafts = home.get_translations()
    assert {page.locale.language_code for page in drafts} == {"es", "fr", "ar"}
    assert not any(page.live for page in drafts)
    english = client.get("/es/")
    assert english.status_code == 200
    assert parse(english.content).get("lang") == "en"  # the source, until Spanish is published


def test_demo_languages_and_users_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "fr", "ar"}
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, password, groups in (
        ("editor", "demo-editor", {"Editors"}),
        ("moderator", "demo-moderator", {"Moderators"}),
        ("translator-es", "demo-translator", {"Translators", "Translators (Español)"}),
        ("translator-fr", "demo-translator", {"Translators", "Translators (Français)"}),
        ("translator-ar", "demo-translator", {"Translators", "Translators (العربية)"}),
    ):
        user = users.get(username=username)
        assert not user.is_superuser
        assert set(user.groups.values_list("name", flat=True)) == groups
        assert user.check_password(password)


def test_demo_images_are_real_files_with_alt_text():
    for image in get_image_model().objects.all():
        assert image.width > 0 and image.height > 0
        with image.open_file() as file:
            assert file.read(4)
    assert get_image_model().objects.get(title="Students in a school garden").description
