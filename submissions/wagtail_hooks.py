"""
What editors and moderators see of members' stories: a listing of every confirmed
submission with the sender, the consent they gave and their photos; a dashboard panel of
those waiting for moderation; a link from a submitted story's editor to its submission;
and, for moderators, removing one photo from a story without touching the rest.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from stories.models import StoryPage

from .drafting import remove_photo
from .models import StorySubmission, SubmittedPhoto

REMOVE_PHOTO = "submissions.remove_submitted_photo"


class ReviewOnlyPolicy(ModelPermissionPolicy):
    """Submissions come from the public form only; staff read them, nobody edits them here."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


register_permission_policy(StorySubmission, ReviewOnlyPolicy(StorySubmission))


def confirmed(queryset):
    """Unconfirmed submissions are nobody's business but their sender's."""
    return queryset.filter(confirmed_at__isnull=False)


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return confirmed(super().get_base_queryset()).select_related("story")


class SubmissionInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(confirmed(StorySubmission.objects), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["photos"] = self.object.photos.select_related("image")
        context["can_remove_photos"] = self.request.user.has_perm(REMOVE_PHOTO)
        return context


class SubmittedStoriesViewSet(ModelViewSet):
    model = StorySubmission
    icon = "doc-full-inverse"
    menu_label = _("Submitted stories")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "submitted-stories"
    name = "submitted_stories"
    list_display = ["title", "name", "organisation", "language", "status", "created_at"]
    list_filter = ["language"]
    search_fields = ["title", "name", "organisation", "email"]
    inspect_view_enabled = True
    inspect_template_name = "submissions/admin/inspect.html"
    inspect_view_fields = [
        "name",
        "organisation",
        "role",
        "email",
        "language",
        "created_at",
        "confirmed_at",
        "place_name",
        "country",
        "date",
        "video_url",
        "summary",
        "text",
    ]
    copy_view_enabled = False
    # Nobody may add or edit a submission here (ReviewOnlyPolicy); the viewset still
    # builds add and edit forms when it is registered, and they need fields.
    form_fields = ["title"]
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView


submitted_stories = SubmittedStoriesViewSet()


@hooks.register("register_admin_viewset")
def register_submitted_stories():
    return submitted_stories


@require_POST
def remove_submitted_photo(request, pk):
    if not request.user.has_perm(REMOVE_PHOTO):
        raise PermissionDenied
    photo = get_object_or_404(SubmittedPhoto, pk=pk, submission__confirmed_at__isnull=False)
    submission = photo.submission
    remove_photo(photo, request.user)
    messages.success(request, _("The photo was removed from the story and the image library."))
    return redirect(submitted_stories.get_url_name("inspect"), submission.pk)


@hooks.register("register_admin_urls")
def register_photo_removal():
    return [
        path(
            "submitted-stories/photos/<int:pk>/remove/",
            remove_submitted_photo,
            name="remove_submitted_photo",
        )
    ]


class WaitingStoriesPanel(Component):
    """Stories members sent that no moderator has published yet, oldest first."""

    name = "submitted_stories"
    template_name = "submissions/admin/waiting_panel.html"
    order = 90

    def __init__(self, submissions):
        self.submissions = submissions

    def get_context_data(self, parent_context):
        return {"submissions": self.submissions, "listing": reverse("submitted_stories:index")}


@hooks.register("construct_homepage_panels")
def add_waiting_stories(request, panels):
    if not request.user.has_perm("submissions.view_storysubmission"):
        return
    waiting = (
        confirmed(StorySubmission.objects.filter(story__live=False))
        .select_related("story")
        .order_by("confirmed_at")
    )
    if waiting.exists():
        panels.append(WaitingStoriesPanel(waiting[:10]))


@hooks.register("register_page_header_buttons")
def submission_button(page, user, view_name, next_url=None):
    if page.specific_class is not StoryPage:
        return
    submission = StorySubmission.objects.filter(story_id=page.pk).first()
    if submission and user.has_perm("submissions.view_storysubmission"):
        yield HeaderButton(
            _("Sent by %(name)s: consent and photos") % {"name": submission.name},
            url=reverse("submitted_stories:inspect", args=[submission.pk]),
            icon_name="user",
            priority=5,
        )
