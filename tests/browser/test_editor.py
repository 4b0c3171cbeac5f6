"""An editor composes a story in the Wagtail admin; a moderator approves it; readers see it."""

import feedparser
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import Collection

from gallery.models import GalleryIndexPage, MediaItemPage
from stories.models import StoryIndexPage, StoryPage
from tests.browser.conftest import blocked, log_in, log_out
from tests.factories import ImageFactory

TITLE = "Reading buddies across two villages"


def test_an_editor_publishes_a_story_through_moderation(page, site, tmp_path, policy_violations):
    photo = tmp_path / "reading-buddies.jpg"
    Image.new("RGB", (1800, 1100), "#2a9d8f").save(photo, quality=85)
    index = StoryIndexPage.objects.get(locale__language_code="en")

    log_in(page, site, "editor", "demo-editor")
    page.goto(f"{site.url}/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()  # stories only hold stories
    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary*").fill(
        "Older pupils in Kisumu read every week with younger ones."
    )

    page.get_by_role("button", name="Choose an image").first.click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_role("textbox", name="Title*").fill("Reading buddies")
    chooser.get_by_label("File*").set_input_files(photo)
    chooser.get_by_role("button", name="Upload").click()
    expect(chooser).to_be_hidden()
    page.get_by_label("Image alt text").fill("Two pupils share a book under a tree.")

    page.get_by_label("Place name").fill("Kisumu")
    page.get_by_label("Country").select_option("KE")
    page.get_by_label("Global Digital Citizenship").check()
    page.get_by_label("Date*").fill("2026-11-20")
    page.get_by_label("Date*").press("Tab")

    add_block(page, "Text")
    body_text = page.locator("#body-root [role='textbox']").first
    body_text.click()
    body_text.type("Every Friday the older pupils walk to the village school with a bag of books.")
    add_block(page, "Pull quote")
    page.locator("#body-1-value-text").fill("Now the little ones ask us for harder books.")
    add_block(page, "Video")
    page.locator("#body-2-value-video").fill("https://www.youtube.com/watch?v=reading1")
    page.locator("#body-2-value-title").fill("Reading buddies at work")
    # Wagtail saves a draft as the editor types; wait for it before previewing.
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.locator("iframe[title='Preview']").last.content_frame  # Wagtail swaps frames
    expect(preview.locator("h1")).to_have_text(TITLE)
    expect(preview.locator("blockquote")).to_contain_text("harder books")
    expect(preview.get_by_role("link", name="Play video: Reading buddies at work")).to_be_visible()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{TITLE}' has been submitted")
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    assert page.request.get(f"{site.url}{story.url}").status == 404

    log_out(page)
    log_in(page, site, "moderator", "demo-moderator")
    review = page.get_by_role("row").filter(has_text=TITLE)  # the dashboard's review list
    review.get_by_role("button", name="Actions").click()
    review.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)
    story.refresh_from_db()
    assert story.live

    page.goto(f"{site.url}/en/stories/")
    featured = page.get_by_role("region", name="Featured story")
    featured.get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("main img").first).to_have_attribute(
        "alt", "Two pupils share a book under a tree."
    )
    feed = feedparser.parse(page.request.get(f"{site.url}/en/stories/feed/").body())
    assert feed.entries[0].title == TITLE
    # The admin's policy and the public pages' blocked nothing on the way.
    assert blocked(policy_violations) == []


def add_block(page, name):
    page.locator("#body-root button[title='Insert a block']").last.click()
    page.get_by_role("option", name=name, exact=True).click()


def test_the_media_item_form_shows_only_what_the_chosen_type_needs(page, site):
    gallery = GalleryIndexPage.objects.get(locale__language_code="en")
    log_in(page, site, "editor", "demo-editor")
    page.goto(f"{site.url}/admin/pages/add/gallery/mediaitempage/{gallery.pk}/")
    video = page.get_by_label("Video address")
    album = page.get_by_role("heading", name="Photo album")
    documents = page.get_by_role("heading", name="Documents", exact=True)
    expect(video).to_be_visible()
    expect(album).to_be_hidden()
    expect(documents).to_be_hidden()
    page.get_by_role("combobox", name="Media type").select_option("album")
    expect(album).to_be_visible()
    expect(video).to_be_hidden()
    expect(documents).to_be_hidden()


def test_a_moderator_builds_a_six_photo_album_in_one_choice_and_publishes(
    page, site, policy_violations
):
    gallery = GalleryIndexPage.objects.get(locale__language_code="en")
    library = Collection.get_first_root_node()  # where the demo roles may choose images
    colours = ["#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#264653", "#8ab17d"]
    for number, colour in enumerate(colours, start=1):
        ImageFactory(title=f"Harvest day {number}", file__color=colour, collection=library)

    log_in(page, site, "moderator", "demo-moderator")
    page.goto(f"{site.url}/admin/pages/add/gallery/mediaitempage/{gallery.pk}/")
    page.get_by_role("textbox", name="Title*").fill("Harvest day")
    page.get_by_role("combobox", name="Media type").select_option("album")
    page.get_by_role("textbox", name="Description*").fill("The school garden's first harvest.")
    page.get_by_role("button", name="Choose an image").first.click()
    choose_images(page, "Harvest day", ["Harvest day 1"])
    page.get_by_label("Image alt text").fill("Baskets of beans on a table.")

    page.get_by_role("button", name="Add photo").click()
    choose_images(page, "Harvest day", [f"Harvest day {number}" for number in range(1, 7)])
    photos = page.locator("#id_album_photos-FORMS > [data-inline-panel-child]")
    expect(photos).to_have_count(6)
    for number in range(6):
        page.locator(f"#id_album_photos-{number}-alt_text").fill(f"Harvest photo {number + 1}")
    photos.nth(1).get_by_role("button", name="Move up").click()  # photo 2 goes first
    expect(page.get_by_text("Saved", exact=True)).to_be_visible()  # Wagtail's autosave

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("Page 'Harvest day' has been published")

    album = MediaItemPage.objects.get(slug="harvest-day")
    page.goto(f"{site.url}{album.url}")
    alts = page.locator(".album img").evaluate_all("images => images.map(image => image.alt)")
    assert alts == [f"Harvest photo {number}" for number in (2, 1, 3, 4, 5, 6)]
    assert blocked(policy_violations) == []


def choose_images(page, search, titles):
    """In the open image chooser, search the library, then choose `titles` in one go."""
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Search term").fill(search)
    expect(chooser.get_by_text("There are 6 matches")).to_be_visible()
    if len(titles) == 1:
        chooser.get_by_role("link", name=titles[0]).click()
    else:
        for title in titles:
            chooser.get_by_role("checkbox", name=title).check()
        chooser.get_by_role("button", name="Confirm selection").click()
    expect(chooser).to_be_hidden()
