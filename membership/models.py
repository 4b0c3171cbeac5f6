"""
"Join the network": a form page where a person or an organisation asks to join, or to
hear the network's news. Each request is a Wagtail form submission, so staff list and
export them under Forms; it counts only once its sender confirms their e-mail address
(double opt-in), and its sender can unsubscribe by a link at any time.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormSubmission
from wagtail.contrib.routable_page.models import path

from public_forms.pages import PublicFormPage, consent_statement_field, introduction_field

DEFAULT_CONSENT = _(
    "The network may keep these details to answer my request and, if I asked for them, "
    "to send me its news. I can unsubscribe at any time."
)


class JoinPage(PublicFormPage, AbstractForm):
    """Asks to join the network or to receive its news, with a double opt-in."""

    introduction = introduction_field(_("Who can join and what members do, in a few sentences."))
    consent_statement = consent_statement_field(
        DEFAULT_CONSENT,
        _("What senders agree to. Each request keeps the wording it was sent with."),
    )

    content_panels = [*AbstractForm.content_panels, *PublicFormPage.form_panels]

    base_form_class = WagtailAdminPageForm
    preview_modes = [("", _("Page"))]
    confirm_salt = "membership.confirm"
    unsubscribe_salt = "membership.unsubscribe"
    sent_template = "membership/sent.html"
    confirm_template = "membership/confirm.html"
    sent_at = "submit_time"
    limits = {
        "address": (
            "JOIN_REQUESTS_PER_ADDRESS",
            _(
                "Many requests were sent from your connection in the last hour. Please wait an "
                "hour and send yours again."
            ),
        ),
        "email": (
            "JOIN_REQUESTS_PER_EMAIL",
            _(
                "Several requests were sent with this e-mail address today. Please confirm one "
                "of those, or send yours again tomorrow."
            ),
        ),
    }

    class Meta:
        verbose_name = _("join-the-network page")

    def key_area_pages(self):
        """The live key areas in the page's language, for the sender's interests."""
        key_areas = apps.get_model("home", "KeyAreaPage")
        return key_areas.objects.live().filter(locale_id=self.locale_id).order_by("path")

    def get_submission_class(self):
        return JoinRequest

    def get_submissions(self):
        """Requests whose senders confirmed their address: the only ones to act on."""
        return JoinRequest.objects.filter(page=self, confirmed_at__isnull=False)

    def get_data_fields(self):
        return [
            ("submit_time", _("Sent")),
            ("name", _("Name")),
            ("email", _("E-mail address")),
            ("organisation", _("Organisation")),
            ("country", _("Country")),
            ("wants", _("Asks to")),
            ("interests", _("Interests")),
            ("preferred_language", _("Preferred language")),
            ("consent", _("Consent given")),
            ("confirmed_at", _("Confirmed")),
            ("unsubscribed_at", _("Unsubscribed")),
        ]

    def serve_preview(self, request, mode_name):
        return self.form(request)

    def serve_form(self, request):
        from .views import join_form

        return join_form(request, self)

    def entries(self):
        return JoinRequest.objects.filter(page=self)

    def confirm_entry(self, join_request):
        from .views import confirm

        return confirm(self, join_request)

    @path("unsubscribe/<path:token>/")
    def unsubscribe(self, request, token):
        from .views import unsubscribe

        return unsubscribe(request, self, token)


class JoinRequest(AbstractFormSubmission):
    """
    One request to join or to hear the news. What the sender wrote is in `form_data`
    (as Wagtail keeps form submissions); the fields below are what the site acts on.
    """

    email = models.EmailField(db_index=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    client = models.CharField(max_length=40, db_index=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")

    def get_data(self):
        return {
            **super().get_data(),
            "confirmed_at": self.confirmed_at,
            "unsubscribed_at": self.unsubscribed_at,
        }
