"""
What the public's form pages share ("Share your story", "Join the network"): the form at
the page's address, "check your e-mail" at sent/, and the link in that e-mail at
confirm/<token>/, which opens a page with a button, so that mail scanners that open links
confirm nobody. Each answer is for one reader and never cached.
"""

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sharing.models import SharingMixin

from .guards import for_one_reader, from_link_token, limit_reached, link_token


def introduction_field(help_text):
    """The page's own words above its form."""
    return models.TextField(blank=True, help_text=help_text, verbose_name=_("Introduction"))


def consent_statement_field(default, help_text):
    """What senders agree to; each entry keeps the wording it was sent with."""
    return models.TextField(
        default=default, help_text=help_text, verbose_name=_("Consent statement")
    )


class PublicFormPage(RoutablePageMixin, SharingMixin):
    """
    A page whose form the public sends, kept aside until the sender confirms their
    e-mail address. A page type gives its `introduction` and `consent_statement`, the
    `sent_template` and `confirm_template`, and answers `serve_form`, `entries` (what was
    sent through the page) and `confirm_entry`.
    """

    thank_you = models.TextField(
        blank=True,
        help_text=_("Shown once the sender has confirmed their e-mail address."),
        verbose_name=_("Thank-you message"),
    )

    form_panels = [
        FieldPanel("introduction"),
        FieldPanel("consent_statement"),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1
    confirm_salt = None
    sent_template = None
    confirm_template = None
    # The field that says when an entry was sent; the settings that limit sends per
    # address (an hour) and per e-mail address (a day), and what a sender over each is told.
    sent_at = None
    limits = {}

    class Meta:
        abstract = True

    def get_summary(self):
        return self.introduction

    @path("")
    def form(self, request):
        return self.serve_form(request)

    @path("sent/")
    def sent(self, request):
        context = {"retention_days": settings.UNCONFIRMED_RETENTION_DAYS}
        return for_one_reader(
            self.render(request, template=self.sent_template, context_overrides=context)
        )

    @path("confirm/<path:token>/")
    def confirm(self, request, token):
        entry = self.entry_for_link(
            token, self.confirm_salt, max_age=settings.UNCONFIRMED_RETENTION_DAYS * 86400
        )
        if entry and request.method == "POST" and entry.confirmed_at is None:
            entry = self.confirm_entry(entry)
        response = self.render(
            request, template=self.confirm_template, context_overrides={"entry": entry}
        )
        return for_one_reader(response, 200 if entry else 404)

    def refusal(self, request, email):
        """What a sender over one of the limits is told, or None."""
        reached = limit_reached(
            request,
            self.entries().model.objects.all(),
            email,
            sent_at=self.sent_at,
            per_address=getattr(settings, self.limits["address"][0]),
            per_email=getattr(settings, self.limits["email"][0]),
        )
        return self.limits[reached][1] if reached else None

    def sent_url(self):
        return self.url + self.reverse_subpage("sent")

    def link(self, route, entry, salt):
        """The address of `route` for `entry`, signed, for an e-mail."""
        token = link_token(entry.pk, salt)
        return self.get_full_url() + self.reverse_subpage(route, args=[token])

    def entry_for_link(self, token, salt, max_age=None):
        """What was sent through this page that `token` names, or None."""
        try:
            pk = from_link_token(token, salt, max_age=max_age)
        except signing.BadSignature:
            return None
        return self.entries().filter(pk=pk).first()
