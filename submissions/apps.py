from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Members' stories")

    def ready(self):
        from . import notifications

        notifications.connect()
