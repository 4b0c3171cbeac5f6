from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    """What every page app shares: blocks, sharing, site settings, listings, search."""

    name = "common"
    verbose_name = _("Site-wide")

    def ready(self):
        from . import sites  # noqa: F401
