from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteSettings
from .views import translation_report


class SiteSettingsViewSet(SnippetViewSet):
    model = SiteSettings
    icon = "cog"
    menu_label = _("Site settings")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale"]


register_snippet(SiteSettingsViewSet)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations/", translation_report, name="translation_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_report"),
        name="translation-status",
        icon_name="globe",
        order=800,
    )
