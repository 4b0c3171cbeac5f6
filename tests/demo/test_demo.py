"""`load_demo` builds the site from the seed texts and is safe to run again."""

import io
import warnings

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from demo.content import DEMO_USERS
from demo.localize import demo_texts, memory, translation_sources, untranslated_texts
from home.models import HomePage, KeyAreaPage, StandardPage
from membership.models import JoinPage
from site_settings.models import SiteSettings
from stories.models import StoryPage
from submissions.models import ShareStoryPage, StorySubmission
from tests.html import parse, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


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
    assert KeyAreaPage.objects.live().filter(locale=home.locale).count() == 6
    what_we_do = StandardPage.objects.get(locale=home.locale, slug="what-we-do")
    assert what_we_do.live and len(what_we_do.body) >= 5
    assert home.call_to_action[0].value["page"].pk == what_we_do.pk
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).exists()


def test_every_demo_page_and_setting_is_published_in_every_language(home):
    texts = demo_texts(home)
    for source in translation_sources(home):
        for code in ("es", "fr", "ar"):
            translation = source.get_translation(Locale.objects.get(language_code=code))
            assert getattr(translation, "live", True), (source, code)
            total, translated = Translation.objects.get(
                source__object_id=source.translation_key, target_locale=translation.locale
            ).get_progress()
            assert total - translated <= len(untranslated_texts(texts, code)), (source, code)


def test_the_translation_memories_hold_only_texts_the_demo_uses(home):
    texts = demo_texts(home)
    for code in ("es", "fr", "ar"):
        assert memory(code).keys() <= texts.keys(), code
        untranslated = untranslated_texts(texts, code)
        if untranslated:
            warnings.warn(
                f"demo texts not yet translated into {code}: {untranslated}", stacklevel=1
            )


def test_refreshing_the_memories_keeps_translations_and_adds_new_texts(home, tmp_path):
    area = KeyAreaPage.objects.get(locale=home.locale, slug="sustainable-leadership")
    old_summary = area.summary
    area.summary = "Leaders who plant trees they will never sit under."
    area.save_revision().publish()

    output = io.StringIO()
    call_command("refresh_demo_translations", directory=tmp_path, stdout=output)
    assert "es: 1 new texts to translate, 1 removed." in output.getvalue()
    refreshed = {entry.msgid: entry for entry in polib.pofile(tmp_path / "es.po")}
    assert refreshed[area.summary].msgstr == ""
    assert refreshed[area.summary].comment == "/key-areas/sustainable-leadership/ summary"
    assert old_summary not in refreshed
    assert refreshed[area.title].msgstr == memory("es")[area.title]
    assert untranslated_texts(demo_texts(home), "es") == [area.summary]


def test_the_demo_translations_are_written_not_machine_drafts(home):
    english = {
        page.translation_key: page.title for page in home.get_descendants(inclusive=True).live()
    }
    for code in ("es", "fr", "ar"):
        titles = Page.objects.filter(locale__language_code=code, depth__gt=1)
        assert titles.count() == len(english)
        changed = [page for page in titles if page.title != english[page.translation_key]]
        assert len(changed) >= len(english) - 2, code  # "Alliances" is French too
        assert not StringTranslation.objects.filter(
            locale__language_code=code, data__startswith=f"[{code}]"
        ).exists()


def test_a_spanish_reader_reads_the_whole_story_in_spanish(client, spanish):
    story = StoryPage.objects.get(locale=spanish, slug="huerto-escolar-fresno")
    page = parse(client.get(story.url).content)
    assert page.get("lang") == "es"
    assert text(page.find(".//h1")) == "Un huerto escolar que alimenta a un barrio"
    hero = page.find(".//main//img")
    assert hero.get("alt") == "Un paisaje ilustrado en lugar de una fotografía del lugar."
    menu = [text(link) for link in page.findall(".//header//nav//a")]
    assert "Historias" in menu and "Mediateca" in menu
    areas = [
        link.get("href")
        for link in page.findall(".//main//a")
        if "/areas-clave/" in link.get("href", "")
    ]
    assert areas and all(href.startswith("/es/areas-clave/") for href in areas)


def test_demo_languages_and_users_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "fr", "ar"}
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, password, groups, name, language in (
        ("editor", "demo-editor", {"Editors"}, "Sam Carter", "en"),
        ("moderator", "demo-moderator", {"Moderators"}, "Priya Nair", "en"),
        (
            "translator-es",
            "demo-translator",
            {"Translators", "Translators (Español)"},
            "Lucía Fernández",
            "es",
        ),
        (
            "translator-fr",
            "demo-translator",
            {"Translators", "Translators (Français)"},
            "Camille Dubois",
            "fr",
        ),
        (
            "translator-ar",
            "demo-translator",
            {"Translators", "Translators (العربية)"},
            "ليلى حداد",
            "ar",
        ),
    ):
        user = users.get(username=username)
        assert not user.is_superuser
        assert set(user.groups.values_list("name", flat=True)) == groups
        assert user.check_password(password)
        assert user.get_full_name() == name
        assert UserProfile.get_for_user(user).get_preferred_language() == language


def test_a_demo_user_changes_her_admin_language(client):
    """Wagtail's account form needs a first and a last name: every demo user has both."""
    client.post("/admin/login/", {"username": "translator-es", "password": "demo-translator"})
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Lucía",
            "name_email-last_name": "Fernández",
            "name_email-email": "translator-es@example.org",
            "locale-preferred_language": "fr",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
            "translation_emails-frequency": "each-change",
        },
    )
    assert response.status_code == 302
    dashboard = parse(client.get(reverse("wagtailadmin_home")).content)
    assert dashboard.get("lang") == "fr"


def test_demo_images_are_real_files_with_alt_text():
    for image in get_image_model().objects.all():
        assert image.width > 0 and image.height > 0
        with image.open_file() as file:
            assert file.read(4)
    assert get_image_model().objects.get(title="Students in a school garden").description


def test_home_page_links_to_six_key_areas_that_render(client):
    document = parse(client.get("/en/").content)
    links = document.findall(".//ul[@class='card-grid key-areas']//h3/a")
    assert [text(link) for link in links] == [
        "Sustainable Leadership",
        "Climate Change and Nature Education",
        "Sustainable Well-being",
        "Breaking the Cycle of Poverty",
        "Global Digital Citizenship",
        "Sustainability and Human Rights",
    ]
    for link in links:
        response = client.get(link.get("href"))
        assert response.status_code == 200
        assert text(parse(response.content).find(".//h1")) == text(link)


def test_the_demo_leaves_no_redirects_behind():
    assert not Redirect.objects.exists()


def test_demo_users_need_debug_or_the_flag(settings):
    demo_usernames = [username for username, *_rest in DEMO_USERS]
    get_user_model().objects.filter(username__in=demo_usernames).delete()
    settings.DEBUG = False
    assert "Demo users not created" in run()
    assert not get_user_model().objects.filter(username__in=demo_usernames).exists()
    run("--with-users")
    assert get_user_model().objects.filter(username__in=demo_usernames).count() == 6


def test_the_site_and_the_admin_links_follow_base_url(admin_client, settings):
    assert (Site.objects.get(is_default_site=True).hostname, Site.objects.get().port) == (
        "127.0.0.1",
        8000,
    )
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org"
    call_command("setup_site", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("network.example.org", 443)
    story = StoryPage.objects.live().filter(locale__language_code="en").first()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    links = {link.get("href") for link in parse(edit.content).iter("a")}
    assert story.full_url == f"https://network.example.org{story.url}"
    assert story.url in links  # "View live", on the admin's own host
    assert "localhost" not in edit.content.decode()


def test_a_members_story_waits_for_moderation_and_the_forms_are_in_every_language(client):
    submission = StorySubmission.objects.get()
    story = submission.story
    assert submission.confirmed_at and not story.live
    assert story.current_workflow_state.status == "in_progress"
    assert story.get_translations().count() == 0
    assert client.get(story.url).status_code == 404
    for model in (ShareStoryPage, JoinPage):
        pages = model.objects.live().select_related("locale")
        assert sorted(page.locale.language_code for page in pages) == ["ar", "en", "es", "fr"]
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200
            assert page.title in response.content.decode()
            footer = parse(response.content).find(".//footer")
            assert page.url in [link.get("href") for link in footer.iter("a")]
