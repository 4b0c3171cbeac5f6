"""
The Arabic translator works in an Arabic admin, right to left: her dashboard lists a new
story to translate; in wagtail-localize's editor the machine draft alone cannot be
published, she types her Arabic right to left, sees what is left, finishes it, and the
item leaves her dashboard. Readers get a story that is Arabic throughout.
"""

import datetime
import re

from django.utils.translation import gettext, override
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.browser.conftest import blocked, log_in
from tests.conftest import publish_english_story

TITLE = "Reading buddies across two villages"
SUMMARY = "Older pupils in Kisumu read every week with younger ones."
PLACE = "Kisumu"
ARABIC = {
    TITLE: "رفاق القراءة بين قريتين",
    SUMMARY: "يقرأ التلاميذ الأكبر سنًا في كيسومو كل أسبوع مع الأصغر سنًا.",
    PLACE: "كيسومو",
}
# wagtail-localize's editor, in its own Arabic catalog.
EDIT, SAVE, PUBLISH, TRANSLATE_WITH = "تحرير", "حفظ", "نشر في العربية", "ترجمة باستخدام"


def arabic(message):
    """One of our interface strings, as the Arabic catalog has it."""
    with override("ar"):
        return gettext(message)


def save(page):
    """
    Save a text and wait for the server to keep it: the editor shows the new text at
    once, before its request is answered, and Publish must not overtake that request.
    """
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        page.get_by_role("button", name=SAVE).click()
    assert saved.value.ok


def test_the_arabic_translator_finishes_a_machine_draft_before_it_goes_live(
    page, site, policy_violations
):
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
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    to_do = page.locator("#translations-to-do-section")
    row = to_do.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(arabic("Missing"))
    row.get_by_role("button", name=re.compile(arabic("Translate"))).click()

    # A machine draft first (here the offline stand-in, which marks every text)...
    page.get_by_role("button", name=re.compile(f"^{TRANSLATE_WITH}")).click()
    editor = page.locator(".js-translation-editor")
    expect(editor.get_by_text(f"[ar] {TITLE}")).to_be_visible()
    # ...she corrects the title, typing right to left, and presses Publish too soon.
    page.get_by_role("button", name=EDIT).first.click()
    field = page.locator("textarea:visible")
    expect(field).to_have_attribute("dir", "rtl")
    expect(field).to_have_attribute("lang", "ar")
    expect(field).to_have_css("font-style", "normal")
    field.fill(ARABIC[TITLE])
    save(page)
    expect(editor.get_by_text(ARABIC[TITLE])).to_be_visible()
    page.get_by_role("button", name=PUBLISH).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        arabic("Not published: texts still to translate")
    )
    remaining = page.locator("table.unfinished-segments tbody tr")
    expect(remaining).to_have_count(2)
    expect(remaining.nth(0)).to_contain_text(SUMMARY)
    expect(remaining.nth(1)).to_contain_text(PLACE)
    expect(page.get_by_role("button", name=arabic("Publish anyway"))).to_have_count(0)
    arabic_story = story.get_translation(Locale.objects.get(language_code="ar"))
    assert not arabic_story.live

    page.get_by_role("link", name=arabic("Back to the translation")).click()
    for source in (SUMMARY, PLACE):
        segment = editor.locator("li").filter(has_text=f"[ar] {source}").last
        segment.get_by_role("button", name=EDIT).click()
        page.locator("textarea:visible").fill(ARABIC[source])
        save(page)
        expect(editor.get_by_text(ARABIC[source], exact=True)).to_be_visible()
    page.get_by_role("button", name=PUBLISH).click()
    expect(page.locator(".messages")).to_contain_text(ARABIC[TITLE])

    arabic_story.refresh_from_db()
    assert arabic_story.live
    assert arabic_story.slug == "رفاق-القراءة-بين-قريتين"
    page.goto(f"{site.url}/admin/")
    expect(page.locator("#translations-to-do-section")).not_to_contain_text(TITLE)

    page.goto(f"{site.url}{arabic_story.url}")
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
    assert blocked(policy_violations) == []
