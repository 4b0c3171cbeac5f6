"""
The site's roles: Editors compose and submit, Moderators approve, publish and delete,
Translators localize. `ensure_roles()` creates them, or puts them back exactly as
declared here, and is safe to re-run.

The declarations below are the whole truth: permissions granted elsewhere (wagtail-localize's
migrations grant "submit translation" to any group called Editors or Moderators) are
replaced by these, never added to.

Translators belong to "Translators" (the admin, submitting translations, the Site
settings they are allowed to touch) and to the team of their language, e.g.
"Translators (Español)", which may edit and publish only that language's page tree.
Wagtail gives page permissions per tree, so a team gets its permissions once the home page
has been translated into its language; run `setup_roles` again after that.
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
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
WORKFLOW_NAME = "Moderators approval"

# Page permissions over the whole site. Deleting and moving are for moderators alone;
# the admin refuses them to anyone else whatever Wagtail's own rules would allow.
SITE_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    TRANSLATORS: [],
}

# A language team's permissions over its language's tree.
LANGUAGE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

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

# Translators hold the Site settings and topic permissions, but the admin lets them use
# them only on the records of their own language (translation_workflow.access).
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "common.view_sitesettings",
        "common.change_sitesettings",
        "topics.add_topic",
        "topics.view_topic",
        "topics.change_topic",
        "submissions.view_storysubmission",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "common.add_sitesettings",
        "common.view_sitesettings",
        "common.change_sitesettings",
        "common.publish_sitesettings",
        "topics.add_topic",
        "topics.view_topic",
        "topics.change_topic",
        "topics.delete_topic",
        "submissions.view_storysubmission",
        "submissions.remove_submitted_photo",
        "membership.view_joinrequest",
    ],
    TRANSLATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "common.view_sitesettings",
        "common.change_sitesettings",
        "common.publish_sitesettings",
        "topics.view_topic",
        "topics.change_topic",
    ],
}


def get_permission(dotted_name):
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def set_page_permissions(group, page, codenames):
    """Give `group` exactly `codenames` on `page`'s tree, and nothing anywhere else."""
    GroupPagePermission.objects.filter(group=group).exclude(
        page=page, permission__codename__in=codenames
    ).delete()
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(codename)
        )


@transaction.atomic
def ensure_roles():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS, TRANSLATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        set_page_permissions(group, root_page, SITE_PAGE_PERMISSIONS[name])
        collection_permissions = [get_permission(name) for name in COLLECTION_PERMISSIONS[name]]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=collection_permissions
        ).delete()
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        group.permissions.set([get_permission(name) for name in MODEL_PERMISSIONS[name]])

    workflow = ensure_workflow(groups[MODERATORS])
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    for model in get_snippet_models():
        if issubclass(model, WorkflowMixin):
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": workflow},
            )
    groups.update(ensure_language_teams())
    return groups


def ensure_workflow(moderators):
    """The "Moderators approval" workflow: one task, approved by a moderator."""
    task = GroupApprovalTask.objects.filter(groups=moderators, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{MODERATORS} approval")
        task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def language_group_name(language_code):
    return f"{TRANSLATORS} ({dict(settings.LANGUAGES)[language_code]})"


def ensure_language_teams():
    """A group per translated language, allowed to edit and publish that language's tree."""
    groups = {}
    for locale in Locale.objects.exclude(pk=Locale.get_default().pk):
        if locale.language_code not in dict(settings.LANGUAGES):
            continue
        group, _ = Group.objects.get_or_create(name=language_group_name(locale.language_code))
        group.permissions.clear()
        groups[group.name] = group
        home = Page.objects.filter(depth=2, locale=locale).first()
        if home is None:
            GroupPagePermission.objects.filter(group=group).delete()
        else:
            set_page_permissions(group, home, LANGUAGE_PAGE_PERMISSIONS)
    return groups
