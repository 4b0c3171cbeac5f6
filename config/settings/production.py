"""
Production: everything an operator sets comes from the environment (docs/production.md
lists every variable), behind the reference chain of a TLS terminator and Varnish
(deploy/), with a worker for background work and e-mail.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.environment import env_bool, env_list

from .base import *  # noqa: F403
from .cms import *  # noqa: F403
from .policies import *  # noqa: F403
from .reporting import *  # noqa: F403
from .storage import *  # noqa: F403
from .storage import MEDIA_STORAGE

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY, or DEBUG=true for development.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's background work (search and reference indexing, purging the HTTP cache) and
# every e-mail run as tasks, queued in the database for `python manage.py run_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env_bool("TASK_WORKER", True)
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# The proxies in front of the site (the reference deployment: a TLS terminator, then
# Varnish) each add the address they were reached from to X-Forwarded-For; the reader's
# address is that many entries from the right (serving/client.py). They also say which
# scheme the reader used.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "2"))
if env_bool("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
