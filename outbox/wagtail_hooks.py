from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("undelivered-email/", views.undelivered, name="outbox_undelivered"),
        path(
            "undelivered-email/<uuid:result_id>/send-again/",
            views.send_again,
            name="outbox_send_again",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_undelivered_menu_item():
    return AdminOnlyMenuItem(
        _("Undelivered e-mail"),
        reverse("outbox_undelivered"),
        name="undelivered-email",
        icon_name="mail",
        order=900,
    )
