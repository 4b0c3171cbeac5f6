from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from translation_workflow.views import OwnLanguagesSnippetViewSet

from .models import SiteSettings


class SiteSettingsViewSet(OwnLanguagesSnippetViewSet):
    model = SiteSettings
    icon = "cog"
    menu_label = _("Site settings")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale"]


register_snippet(SiteSettingsViewSet)
