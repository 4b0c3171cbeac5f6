"""Reading the environment: the settings' variables, and which settings a process runs."""

import os


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def use_settings_for_purpose():
    """
    Development's settings when DEBUG is on (the Makefile turns it on), production's
    otherwise, unless DJANGO_SETTINGS_MODULE names others (the test suite's, say).
    """
    purpose = "development" if env_bool("DEBUG") else "production"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{purpose}")
