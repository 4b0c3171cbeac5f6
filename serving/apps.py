from django.apps import AppConfig


class ServingConfig(AppConfig):
    """Which site, language and page a request is for, and the headers every answer has."""

    name = "serving"

    def ready(self):
        from . import sites  # noqa: F401
