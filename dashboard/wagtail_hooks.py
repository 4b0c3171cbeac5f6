"""The dashboard's panels for who writes: start a new page, and pick up your own drafts."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState


def shortcuts(user):
    """
    (kind of page, section, add-page address) for each section of the site that holds one
    kind of page (stories, media items, alliances, key areas) where `user` may add one.
    """
    sections = Page.objects.filter(depth=3, locale=Locale.get_default()).order_by("path")
    found = []
    for section in sections.specific():
        kinds = section.specific_class.allowed_subpage_models()
        if len(kinds) != 1 or kinds[0].allowed_subpage_models():
            continue
        if not section.permissions_for_user(user).can_add_subpage():
            continue
        meta = kinds[0]._meta
        url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, section.pk])
        found.append((meta.verbose_name, section, url))
    return found


class ShortcutsPanel(Component):
    """The dashboard's first panel for who writes: one click to start a new page."""

    name = "shortcuts"
    template_name = "dashboard/shortcuts_panel.html"
    order = 40

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"shortcuts": self.items}


@hooks.register("construct_homepage_panels")
def add_shortcuts(request, panels):
    items = shortcuts(request.user)
    if items:
        panels.append(ShortcutsPanel(items))


class DraftsPanel(Component):
    """
    The pages `user` has changed and not yet published or sent for review, newest first.
    Wagtail's own panels list what waits for review, and the recent edits of any kind.
    """

    name = "drafts"
    template_name = "dashboard/drafts_panel.html"
    order = 205
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        in_review = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values(page_id=Cast("object_id", models.IntegerField()))
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=self.user)
            .exclude(pk__in=in_review)
            .order_by("-latest_revision_created_at")
        )
        return {"drafts": drafts[: self.limit], "request": parent_context["request"]}


@hooks.register("construct_homepage_panels")
def add_drafts(request, panels):
    panels.append(DraftsPanel(request.user))
