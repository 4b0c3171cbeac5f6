from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    """The organisation's name, logo, menus and contact details, per language."""

    name = "site_settings"
    # The label this room had when it held everything shared: the table, the content type,
    # the permissions and the translations of existing sites keep their names.
    label = "common"
    verbose_name = _("Site-wide")
