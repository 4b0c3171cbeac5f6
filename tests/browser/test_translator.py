"""
The Arabic translator translates a new story in wagtail-localize's editor: the machine
draft alone cannot be published, she sees what is left, finishes it, and readers get a
story that is Arabic throughout.
"""

import datetime
import re

from playwright.sync_api import expect
from wagtail.models import Locale

from tests.browser.conftest import log_in
from tests.conftest import publish_english_story

TITLE = "Reading buddies across two villages"
SUMMARY = "Older pupils in Kisumu read every week with younger ones."
PLACE = "Kisumu"
ARABIC = {
    TITLE: "رفاق القراءة بين قريتين",
    SUMMARY: "يقرأ التلاميذ الأكبر سنًا في كيسومو كل أسبوع مع الأصغر سنًا.",
    PLACE: "كيسومو",
}


def test_the_arabic_translator_finishes_a_machine_draft_before_it_goes_live(page, site):
    story = publish_english_story(
        "global-digital-citizenship",
        title=TITLE,
        slug="reading-buddies",
        summary=SUMMARY,
        date=datetime.date(2026, 11, 20),
        place_name=PLACE,
        country="KE",
    )

    log_in(page, site, "translator-ar", "demo-translator")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation status").click()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.locator("td").last).to_contain_text("Missing")
    row.get_by_role("link", name=re.compile("Translate.*العربية")).click()
    expect(page.get_by_label("العربية")).to_be_checked()
    expect(page.get_by_label("Español")).to_have_count(0)
    page.get_by_role("button", name="Submit").click()

    # A machine draft first (here the offline stand-in, which marks every text)...
    page.get_by_role("button", name=re.compile("^Translate with")).click()
    expect(page.locator(".messages")).to_contain_text("Successfully translated")
    editor = page.get_by_role("tabpanel", name="Content")
    expect(editor.get_by_text(f"[ar] {TITLE}")).to_be_visible()
    # ...she corrects the title and presses Publish too soon.
    page.get_by_role("button", name="Edit").first.click()
    page.locator("textarea:visible").fill(ARABIC[TITLE])
    page.get_by_role("button", name="Save").click()
    expect(editor.get_by_text(ARABIC[TITLE])).to_be_visible()
    page.get_by_role("button", name="Publish in العربية").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Not published")
    remaining = page.locator("table.unfinished-segments tbody tr")
    expect(remaining).to_have_count(2)
    expect(remaining.nth(0)).to_contain_text(SUMMARY)
    expect(remaining.nth(1)).to_contain_text(PLACE)
    expect(page.get_by_role("button", name="Publish anyway")).to_have_count(0)
    arabic = story.get_translation(Locale.objects.get(language_code="ar"))
    assert not arabic.live

    page.get_by_role("link", name="Back to the translation").click()
    for source in (SUMMARY, PLACE):
        segment = editor.locator("li").filter(has_text=f"[ar] {source}").last
        segment.get_by_role("button", name="Edit").click()
        page.locator("textarea:visible").fill(ARABIC[source])
        page.get_by_role("button", name="Save").click()
        expect(editor.get_by_text(ARABIC[source], exact=True)).to_be_visible()
    page.get_by_role("button", name="Publish in العربية").click()
    expect(page.locator(".messages")).to_contain_text("Published")

    arabic.refresh_from_db()
    assert arabic.live
    assert arabic.slug == "رفاق-القراءة-بين-قريتين"
    page.goto(f"{site.url}{arabic.url}")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(ARABIC[TITLE])
    main = page.get_by_role("main")
    expect(main).to_contain_text(ARABIC[SUMMARY])
    expect(main).to_contain_text(ARABIC[PLACE])
    expect(main).not_to_contain_text("[ar]")
    expect(main).not_to_contain_text(SUMMARY)
    assert "[ar]" not in page.url and "reading-buddies" not in page.url

    page.get_by_role("navigation", name="اللغة").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site.url}{story.url}")
    expect(page.locator("h1")).to_have_text(TITLE)
