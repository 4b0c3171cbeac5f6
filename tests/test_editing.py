"""Editors work through the real Wagtail admin views; only published changes reach readers."""

import re

import pytest
from django.urls import reverse

from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from tests.admin import page_edit_data

pytestmark = pytest.mark.django_db


def test_published_edit_appears_on_the_public_page(admin_client, client, home):
    data = page_edit_data(
        admin_client,
        home,
        mission="Every school a place where the planet is cared for.",
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert response.status_code == 302

    public = client.get("/en/")
    assert "Every school a place where the planet is cared for." in public.content.decode()


def test_draft_edit_never_appears_on_the_public_page(admin_client, client, key_area):
    data = page_edit_data(admin_client, key_area, summary="A draft summary that is not ready.")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[key_area.pk]), data)
    assert response.status_code == 302

    key_area.refresh_from_db()
    assert key_area.has_unpublished_changes
    assert "A draft summary" not in client.get(key_area.url).content.decode()
    assert "A draft summary" not in client.get("/en/").content.decode()


def test_publishing_without_a_required_field_shows_an_error_and_keeps_the_input(
    admin_client, key_area
):
    data = page_edit_data(admin_client, key_area, summary="", title="A title the editor typed")
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[key_area.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "This field is required." in content
    assert "A title the editor typed" in content


def test_editors_can_create_pages_only_where_they_belong(home, key_area_index, key_area):
    assert KeyAreaPage.can_create_at(key_area_index)
    assert not KeyAreaPage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert not StandardPage.can_create_at(key_area_index)
    assert not StandardPage.can_create_at(key_area)
    assert not HomePage.can_create_at(home)
    # One key-area index per home page: per parent, so each language's tree may have one.
    assert not KeyAreaIndexPage.can_create_at(home)
    assert KeyAreaIndexPage.max_count is None


def test_admin_refuses_a_page_type_in_the_wrong_place(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["home", "keyareapage", home.pk])
    response = admin_client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    admin_client.post(url, {"title": "Misplaced", "slug": "misplaced", "summary": "x"})
    assert not KeyAreaPage.objects.filter(slug="misplaced").exists()


def test_the_add_page_choice_offers_only_allowed_types(admin_client, home, key_area_index):
    # The home page already has its sections, each allowed once: what is left is a
    # standard page and the two forms for the public.
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    offered = re.findall(r'href="/admin/pages/add/(\w+)/(\w+)/', response.content.decode())
    assert sorted(offered) == [
        ("home", "standardpage"),
        ("membership", "joinpage"),
        ("submissions", "sharestorypage"),
    ]

    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[key_area_index.pk]))
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=["home", "keyareapage", key_area_index.pk]
    )
