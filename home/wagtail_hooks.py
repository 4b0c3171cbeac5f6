from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteSettings


class SiteSettingsViewSet(SnippetViewSet):
    model = SiteSettings
    icon = "cog"
    menu_label = _("Site settings")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale"]


register_snippet(SiteSettingsViewSet)
