"""Translation for a global audience: what is in place so far."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from stories.models import StoryPage
from tests.conftest import translate
from tests.html import links, parse, text
from tests.queries import render_queries

pytestmark = pytest.mark.django_db


def test_root_remembers_the_language_the_reader_chose(client):
    assert client.get("/")["Location"] == "/en/"
    response = client.get("/es/")
    assert response.cookies["django_language"].value == "es"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/es/"


def test_language_cookie_is_set_only_when_it_changes(client):
    client.cookies["django_language"] = "en"
    assert "django_language" not in client.get("/en/").cookies
    assert "django_language" not in client.get("/en/no-such-page/").cookies


def test_a_page_is_translated_through_wagtail_localize_and_published(
    admin_client, client, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.get(slug="school-garden-fresno")
    spanish = Locale.objects.get(language_code="es")
    home = story.get_parent().get_parent()

    area = story.key_areas.order_by("path").first()
    # The home page is already drafted in Spanish (load_demo); submit the two sections.
    for section in (area.get_parent(), story.get_parent()):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
            {"locales": [spanish.pk], "include_subtree": "on"},
        )
        assert response.status_code == 302
    spanish_story = story.get_translation(spanish)
    spanish_area = area.get_translation(spanish)

    for page in (
        spanish_area.get_parent(),
        spanish_area,
        spanish_story,
        spanish_story.get_parent(),
        home.get_translation(spanish),
    ):
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=spanish
        )
        response = admin_client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": "/admin/"},
        )
        assert response.status_code == 302
        # wagtail-localize publishes once the request's transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
            )
        assert response.status_code == 302

    spanish_story.refresh_from_db()
    assert spanish_story.live
    assert spanish_story.title == "[es] A school garden that feeds a neighbourhood"
    response = client.get(spanish_story.url)
    assert response.status_code == 200
    document = parse(response.content)
    assert document.get("lang") == "es"
    assert text(document.find(".//h1")) == spanish_story.title
    areas = [(a.get("href"), text(a)) for a in document.iterfind(".//nav[@class='area-links']//a")]
    spanish_area.refresh_from_db()
    assert areas[0] == (spanish_area.url, "[es] Climate Change and Nature Education")
    assert spanish_area.url.startswith("/es/")


def test_a_translator_works_only_in_their_own_language(
    client, demo_user, home, django_capture_on_commit_callbacks
):
    client.force_login(demo_user("translator-es"))
    spanish_home = home.get_translation(Locale.objects.get(language_code="es"))
    french_home = home.get_translation(Locale.objects.get(language_code="fr"))

    for page in (home, french_home):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        revisions = page.revisions.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"action": "publish"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert page.revisions.count() == revisions
    french_home.refresh_from_db()
    assert not french_home.live

    url = reverse("wagtailadmin_pages:edit", args=[spanish_home.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302
    spanish_home.refresh_from_db()
    assert spanish_home.live
    assert client.get("/es/").status_code == 200


def report_cells(client, language=""):
    response = client.get(reverse("translation_report"), {"language": language})
    assert response.status_code == 200
    document = parse(response.content)
    table = document.find(".//table[@class='listing translation-report']")
    rows = {}
    for row in table.iterfind("./tbody/tr"):
        title = text(row.find("th"))
        rows[title] = [
            (cell.get("data-status"), cell.find("a").get("href")) for cell in row.iter("td")
        ]
    headers = [text(th) for th in table.iterfind("./thead//th")]
    return headers, rows


def test_translation_report_shows_the_state_of_every_translation(admin_client, home):
    headers, rows = report_cells(admin_client)
    assert headers == ["Page", "Español", "Français", "العربية"]
    assert [status for status, _url in rows[home.title]] == ["in-progress"] * 3
    status, url = rows["What we do"][0]
    assert status == "missing"
    assert url.endswith("?select_locale=es")
    headers, rows = report_cells(admin_client, "fr")
    assert len(headers) == 2
    assert len(rows["What we do"]) == 1


def test_publishing_the_source_marks_translations_out_of_date_until_updated(
    admin_client, django_capture_on_commit_callbacks
):
    spanish = Locale.objects.get(language_code="es")
    area = StoryPage.objects.get(slug="school-garden-fresno").key_areas.order_by("path").first()
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[area.get_parent().pk]),
        {"locales": [spanish.pk], "include_subtree": "on"},
    )
    spanish_area = area.get_translation(spanish)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[spanish_area.pk]), {"action": "publish"}
        )
    _, rows = report_cells(admin_client, "es")
    assert rows[area.title][0][0] == "current"

    area.summary = "A new summary in the source language."
    area.save_revision().publish()
    _, rows = report_cells(admin_client, "es")
    status, url = rows[area.title][0]
    assert status == "out-of-date"
    assert "/update/" in url

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    _, rows = report_cells(admin_client, "es")
    assert rows[area.title][0][0] == "current"
    spanish_area.refresh_from_db()
    assert spanish_area.summary == "A new summary in the source language."


def test_translators_can_open_the_report(client, demo_user):
    client.force_login(demo_user("translator-ar"))
    _, rows = report_cells(client, "ar")
    assert rows


@pytest.fixture
def translated_site(home):
    """Every page of the site published in every language (copies, as a translator starts)."""
    for locale in Locale.objects.exclude(pk=home.locale_id):
        for page in home.get_descendants(inclusive=True).live().order_by("path").specific():
            translate(page, locale)
    return home


def alternates_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    document = parse(response.content)
    return {
        link.get("hreflang"): link.get("href")
        for link in links(document, "alternate")
        if link.get("hreflang")
    }


def test_every_page_in_every_language_links_to_all_its_translations_and_back(
    client, translated_site
):
    urls = [
        page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path") if page.url
    ]
    assert (
        len(urls) == 4 * Page.objects.live().filter(depth__gt=1, locale__language_code="en").count()
    )
    alternates = {f"http://testserver{url}": alternates_of(client, url) for url in urls}
    for url, links_of_page in alternates.items():
        assert set(links_of_page) == {"en", "es", "fr", "ar", "x-default"}, url
        assert links_of_page["x-default"] == links_of_page["en"]
        for language, other in links_of_page.items():
            assert other in alternates, (url, other)
            assert url in alternates[other].values(), (url, language, other)


def test_sitemap_lists_alternates_for_every_translated_page(client, translated_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    live = Page.objects.live().filter(depth__gt=1).count()
    assert sitemap.count("<url>") == live
    assert sitemap.count('hreflang="x-default"') == live


def test_query_counts_are_the_same_in_every_language(client, translated_site):
    """
    The translated languages make the same queries. The source language makes a few
    fewer: Wagtail finds the site's root and linked pages in the reader's language with
    one more lookup each, which it skips when the reader's language is the source's.
    """
    english = Page.objects.live().filter(depth__gt=1, locale__language_code="en")
    pages_by_type = {}
    for page in english.order_by("path").specific():
        pages_by_type.setdefault(type(page), page)
    for page_type, page in pages_by_type.items():
        counts = {
            translation.locale.language_code: render_queries(client, translation.url)
            for translation in page.get_translations(inclusive=True).select_related("locale")
        }
        assert len(counts) == 4, page_type
        assert counts["es"] == counts["fr"] == counts["ar"], (page_type.__name__, counts)
        assert 0 <= counts["es"] - counts["en"] <= 4, (page_type.__name__, counts)
