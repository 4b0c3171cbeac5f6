"""
Development on a bare machine (`make run`, `make test`): SQLite and a local-memory cache
unless DATABASE_URL and REDIS_URL say otherwise, tasks and e-mail handled at once, plain
HTTP, and no proxy in front.
"""

import os

from config.environment import env_bool, env_list

from .base import *  # noqa: F403
from .cms import *  # noqa: F403
from .policies import *  # noqa: F403
from .reporting import *  # noqa: F403
from .storage import *  # noqa: F403
from .storage import MEDIA_STORAGE

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "development-only-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background work runs in the request, unless TASK_WORKER asks for the worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env_bool("TASK_WORKER")
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# The reader is whoever connects, unless a proxy is put in front to try the chain.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if env_bool("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mails are printed by the development server unless EMAIL_BACKEND names another backend.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
