from django.apps import AppConfig


class SharingConfig(AppConfig):
    """What a page says about itself when it is found or shared."""

    name = "sharing"
