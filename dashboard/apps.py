from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """What editors see first in the admin."""

    name = "dashboard"
