"""
The site's roles: Editors compose and submit, Moderators approve and publish,
Translators localize. `ensure_roles()` creates or repairs them and is safe to re-run.

Translators belong to "Translators" (submitting translations) and to the group of their
language, e.g. "Translators (Español)", which may edit and publish only that language's
page tree. Wagtail gives page permissions per tree, so a language's group gets its
permissions once the home page has been translated into it; run `setup_roles` again
after translating the home page into a new language.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
WORKFLOW_NAME = "Moderators approval"

TRANSLATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: [],
}

COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MODERATORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}

MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "home.view_sitesettings", "home.change_sitesettings"],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "home.add_sitesettings",
        "home.view_sitesettings",
        "home.change_sitesettings",
    ],
    TRANSLATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
}


def get_permission(dotted_name):
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


@transaction.atomic
def ensure_roles():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS, TRANSLATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=page_permission(codename)
            )
        for dotted_name in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=get_permission(dotted_name)
            )
        group.permissions.add(
            *[get_permission(dotted_name) for dotted_name in MODEL_PERMISSIONS[name]]
        )

    task = GroupApprovalTask.objects.filter(groups=groups[MODERATORS], active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{MODERATORS} approval")
        task.groups.set([groups[MODERATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    groups.update(ensure_language_translators(root_page))
    return groups


def language_group_name(language_code):
    return f"{TRANSLATORS} ({dict(settings.LANGUAGES)[language_code]})"


def ensure_language_translators(root_page):
    """A group per translated language, allowed to edit and publish that language's tree."""
    groups = {}
    for locale in Locale.objects.exclude(pk=Locale.get_default().pk):
        if locale.language_code not in dict(settings.LANGUAGES):
            continue
        group, _ = Group.objects.get_or_create(name=language_group_name(locale.language_code))
        groups[group.name] = group
        for home in root_page.get_children().filter(locale=locale):
            for codename in TRANSLATOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=page_permission(codename)
                )
    return groups
