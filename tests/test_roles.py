"""Editors submit, moderators approve and publish, translators translate."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from tests.admin import page_edit_data
from translation_workflow.access import is_moderator, publishing_locale_ids
from translation_workflow.roles import (
    EDITORS,
    MODEL_PERMISSIONS,
    MODERATORS,
    SITE_PAGE_PERMISSIONS,
    TRANSLATORS,
    WORKFLOW_NAME,
    ensure_roles,
    get_permission,
    page_permission,
)

pytestmark = pytest.mark.django_db


def test_roles_are_created_idempotently():
    ensure_roles()
    call_command("setup_roles", stdout=io.StringIO())
    assert Group.objects.filter(name__in=[EDITORS, MODERATORS, TRANSLATORS]).count() == 3
    assert Group.objects.filter(name__startswith="Translators (").count() == 3
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    workflow_pages = WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME)
    assert [entry.page.depth for entry in workflow_pages] == [1]


def test_every_page_goes_through_moderation(home, key_area):
    assert home.get_workflow().name == WORKFLOW_NAME
    assert key_area.get_workflow().name == WORKFLOW_NAME


def test_editors_edit_but_cannot_publish(user, key_area):
    editor = user("editor")
    permissions = key_area.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("common.change_sitesettings")


def test_moderators_publish(user, key_area):
    assert key_area.permissions_for_user(user("moderator")).can_publish()


def test_translators_translate_but_do_not_edit_the_source(user, key_area):
    translator = user("translator-es")
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert not key_area.permissions_for_user(translator).can_edit()


def test_an_editors_submission_waits_for_a_moderator(client, user, key_area):
    client.force_login(user("editor"))
    data = page_edit_data(client, key_area, summary="Leaders who think in generations.")
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[key_area.pk]), data)
    assert response.status_code == 302
    key_area.refresh_from_db()
    assert key_area.workflow_in_progress
    assert "Leaders who think in generations." not in client.get(key_area.url).content.decode()

    client.force_login(user("moderator"))
    task_state = key_area.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[key_area.pk, "approve", task_state.pk],
        ),
        {"comment": "Lovely."},
    )
    assert response.status_code == 302
    key_area.refresh_from_db()
    assert not key_area.workflow_in_progress
    assert "Leaders who think in generations." in client.get(key_area.url).content.decode()


def test_setup_roles_puts_back_exactly_the_declared_permissions():
    """Whatever else granted them (wagtail-localize's migrations, a hand in the admin)."""
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(get_permission("common.publish_sitesettings"))
    moderators = Group.objects.get(name=MODERATORS)
    moderators.permissions.remove(get_permission("wagtail_localize.submit_translation"))
    GroupPagePermission.objects.create(
        group=editors, page=Page.get_first_root_node(), permission=page_permission("publish_page")
    )
    ensure_roles()
    for name in (EDITORS, MODERATORS, TRANSLATORS):
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=name).permissions.select_related("content_type")
        }
        assert granted == set(MODEL_PERMISSIONS[name]), name
        pages = GroupPagePermission.objects.filter(group__name=name)
        assert {p.permission.codename for p in pages} == set(SITE_PAGE_PERMISSIONS[name])


def test_a_language_team_may_publish_only_its_own_tree(user):
    spanish = Locale.objects.get(language_code="es")
    assert publishing_locale_ids(user("translator-es")) == {spanish.pk}
    assert publishing_locale_ids(user("editor")) == set()
    assert len(publishing_locale_ids(user("moderator"))) == 4
    assert is_moderator(user("moderator"))
    assert not is_moderator(user("translator-es"))
    assert not is_moderator(user("editor"))
