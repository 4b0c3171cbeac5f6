"""
What every run of the site shares, in development and in production: its apps, how a
request passes through it, where its data and files live, its languages, Wagtail, sign-ins,
e-mail and the public's forms. Settings that differ are in development.py and
production.py; every environment variable an operator may set is listed in
docs/production.md (a test holds that list to what these modules read).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from config.environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


INSTALLED_APPS = [
    "home",
    "stories",
    "gallery",
    "alliances",
    "submissions",
    "membership",
    "topics",
    "site_settings",
    "sharing",
    "images",
    "dashboard",
    "serving",
    "caching",
    "translation_workflow",
    "accounts",
    "operations",
    "outbox",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "operations.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.middleware.PageCacheMiddleware",
    "caching.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "serving.locales.RequestLocalesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "serving.middleware.ContentSecurityPolicyMiddleware",
    "caching.middleware.DatabaseOutageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# Data

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache, the fragments pages share and image renditions live in the cache. With
# several server processes, use Redis so that a purge reaches all of them; if Redis goes
# down, pages are rendered uncached until it is back.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "caching.backends.TolerantRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "network-site"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# Sign-ins: after AXES_FAILURE_LIMIT wrong passwords in a row for an account, or from an
# address, django-axes pauses signing in there for LOGIN_LOCKOUT_MINUTES (administrators
# unlock sooner under Settings → Locked sign-ins). Staff can add an authenticator app or a
# passkey as a second factor; SECOND_FACTOR_REQUIRED makes administrators and moderators
# do so.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
# Counted per account from one address, and per address: a reader who guesses passwords
# locks out herself, never a colleague who signs in from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "60")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "serving.client.client_ip"
AXES_VERBOSE = False
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED")
SECOND_FACTOR_GROUPS = ["Moderators"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


# Languages: the interface and the content share one list. English is the source.

LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

WAGTAIL_I18N_ENABLED = True

# A new translation starts as a draft, whatever the source's state: readers see a language
# only once a translator has published it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation gives translators a first draft; it never publishes anything.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation_workflow.machine_translation.DraftMarkerTranslator"
    }


# Wagtail's page editor can post many fields for long pages.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Every e-mail goes through the outbox: a task the worker sends with the delivery backend,
# again and again while the mail server does not answer (outbox/tasks.py).
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A mail server that takes the connection and never answers would hold the worker.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The hour (in TIME_ZONE) `run_scheduler` sends translators their daily digests.
DIGEST_HOUR = int(os.environ.get("DIGEST_HOUR", "7"))

# The public's forms (a member's story, a request to join the network): a form sent
# sooner than this after it was opened is refused; so is a send over the limits per
# address (an hour) and per e-mail address (a day). Entries whose senders never confirm
# their e-mail address are deleted after UNCONFIRMED_RETENTION_DAYS, when their
# confirmation links expire too.
PUBLIC_FORM_MIN_SECONDS = int(os.environ.get("PUBLIC_FORM_MIN_SECONDS", "5"))
STORY_SUBMISSIONS_PER_ADDRESS = int(os.environ.get("STORY_SUBMISSIONS_PER_ADDRESS", "5"))
STORY_SUBMISSIONS_PER_EMAIL = int(os.environ.get("STORY_SUBMISSIONS_PER_EMAIL", "3"))
JOIN_REQUESTS_PER_ADDRESS = int(os.environ.get("JOIN_REQUESTS_PER_ADDRESS", "10"))
JOIN_REQUESTS_PER_EMAIL = int(os.environ.get("JOIN_REQUESTS_PER_EMAIL", "3"))
UNCONFIRMED_RETENTION_DAYS = int(os.environ.get("UNCONFIRMED_RETENTION_DAYS", "7"))
