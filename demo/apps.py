from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content, built from the seed texts by `load_demo`."""

    name = "demo"
    verbose_name = _("Demo content")
