from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache, the fragments pages share, and purging both when content changes."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from . import signals  # noqa: F401
