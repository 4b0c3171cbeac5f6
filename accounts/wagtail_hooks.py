from axes.models import AccessAttempt
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from . import views


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("second-factor/", views.verify, name="second_factor_verify"),
        path("second-factor/enrol/", views.enrol, name="second_factor_enrol"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    """Account → More actions: set up (or replace) the authenticator app."""
    return {
        "url": reverse("second_factor_enrol"),
        "label": _("Set up an authenticator app"),
        "help_text": _(
            "Signing in will then ask for a code from the app on your phone as well as "
            "your password."
        ),
    }


class LockedSignInsViewSet(ModelViewSet):
    """
    Sign-ins django-axes has paused. Deleting one unlocks that account and address at
    once; only administrators hold the permission.
    """

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Locked sign-ins")
    add_to_settings_menu = True
    url_prefix = "locked-sign-ins"
    name = "locked_sign_ins"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    copy_view_enabled = False
    form_fields = ["username", "ip_address", "failures_since_start"]


@hooks.register("register_admin_viewset")
def register_locked_sign_ins():
    return LockedSignInsViewSet()
