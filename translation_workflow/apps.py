from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkflowConfig(AppConfig):
    name = "translation_workflow"
    verbose_name = _("Translation workflow")

    def ready(self):
        from . import notifications

        notifications.connect()
