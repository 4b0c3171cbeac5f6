from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """Images as the site takes and shows them."""

    name = "images"
