"""
The dashboard starts work: shortcuts to new pages where one may add them, one's drafts,
what waits for review, and no Gravatar.
"""

import pytest
from django.urls import reverse

from tests.factories import StoryPageFactory
from tests.html import parse, text

pytestmark = pytest.mark.django_db


def shortcuts(client):
    document = parse(client.get(reverse("wagtailadmin_home")).content)
    panel = document.find(".//*[@id='shortcuts-section']")
    if panel is None:
        return []
    return [(text(link), link.get("href")) for link in panel.iterfind(".//ul//a")]


def test_an_editor_starts_a_story_media_item_alliance_or_key_area_in_one_click(client, user):
    client.force_login(user("editor"))
    found = shortcuts(client)
    assert [label for label, _url in found] == [
        "New key area",
        "New story",
        "New media item",
        "New alliance",
    ]
    for _label, url in found:
        response = client.get(url)
        assert response.status_code == 200, url
        assert parse(response.content).find(".//form[@id='page-edit-form']") is not None


def test_a_translator_gets_no_shortcuts_to_english_pages(client, user):
    client.force_login(user("translator-ar"))
    assert shortcuts(client) == []


def test_no_admin_page_asks_gravatar_for_staff_avatars(admin_client):
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        assert b"gravatar" not in admin_client.get(url).content.lower()


def listed(client, panel):
    """The page titles in one of the dashboard's panels."""
    document = parse(client.get(reverse("wagtailadmin_home")).content)
    section = document.find(f".//*[@id='{panel}-section']")
    return [] if section is None else [text(a) for a in section.iterfind(".//td//a")]


def test_an_editor_finds_her_drafts_then_what_waits_for_review(client, user):
    editor, moderator = user("editor"), user("moderator")
    story = StoryPageFactory(title="Bees on the school roof")
    story.unpublish()
    story.save_revision(user=editor)
    client.force_login(editor)
    assert "Bees on the school roof" in listed(client, "drafts")
    client.force_login(moderator)
    assert "Bees on the school roof" not in listed(client, "drafts")

    story.get_workflow().start(story, editor)
    client.force_login(editor)
    assert "Bees on the school roof" not in listed(client, "drafts")
    assert "Bees on the school roof" in listed(client, "objects-in-workflow")
    client.force_login(moderator)
    assert "Bees on the school roof" in listed(client, "awaiting-review")
    client.logout()
    assert client.get(story.url).status_code == 404


def test_a_published_page_is_no_draft(client, user):
    editor = user("editor")
    story = StoryPageFactory(title="Published already")
    story.save_revision(user=editor).publish()
    client.force_login(editor)
    assert "Published already" not in listed(client, "drafts")
    assert client.get(story.url).status_code == 200


def test_the_dashboard_is_titled_with_the_site_name(admin_client, settings):
    document = parse(admin_client.get(reverse("wagtailadmin_home")).content)
    assert text(document.find(".//h1")) == settings.WAGTAIL_SITE_NAME
