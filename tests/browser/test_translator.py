"""The Spanish translator translates a new story in wagtail-localize's editor; readers see it."""

import datetime
import re

from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import KeyAreaPage
from stories.models import StoryIndexPage, StoryPage
from tests.browser.conftest import log_in

TITLE = "Reading buddies across two villages"
SPANISH_TITLE = "Compañeros de lectura entre dos aldeas"


def publish_english_story():
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(
        title=TITLE,
        slug="reading-buddies",
        summary="Older pupils in Kisumu read every week with younger ones.",
        date=datetime.date(2026, 11, 20),
        place_name="Kisumu",
        country="KE",
    )
    story.key_areas = [
        KeyAreaPage.objects.get(locale=index.locale, slug="global-digital-citizenship")
    ]
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def test_the_spanish_translator_translates_and_publishes_a_story(page, site):
    story = publish_english_story()

    log_in(page, site, "translator-es", "demo-translator")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation status").click()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.locator("td").first).to_contain_text("Missing")
    row.get_by_role("link", name=re.compile("Translate.*Español")).click()
    expect(page.get_by_label("Español")).to_be_checked()
    page.get_by_role("button", name="Submit").click()

    # wagtail-localize's editor: a machine draft first (here the offline stand-in)...
    page.get_by_role("button", name=re.compile("^Translate with")).click()
    expect(page.locator(".messages")).to_contain_text("Successfully translated")
    editor = page.get_by_role("tabpanel", name="Content")
    expect(editor.get_by_text(f"[es] {TITLE}")).to_be_visible()
    # ...then the translator corrects the title by hand.
    page.get_by_role("button", name="Edit").first.click()
    page.locator("textarea:visible").fill(SPANISH_TITLE)
    page.get_by_role("button", name="Save").click()
    expect(editor.get_by_text(SPANISH_TITLE)).to_be_visible()
    page.get_by_role("button", name="Publish in Español").click()
    expect(page.locator(".messages")).to_contain_text(f"Published '{SPANISH_TITLE}' in Español")

    spanish = story.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.live and spanish.url.startswith("/es/historias/")
    page.goto(f"{site.url}{spanish.url}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_have_text(SPANISH_TITLE)
    expect(page.get_by_role("link", name="Ciudadanía digital global")).to_have_attribute(
        "href", "/es/areas-clave/ciudadania-digital-global/"
    )

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site.url}{story.url}")
    expect(page.locator("h1")).to_have_text(TITLE)
