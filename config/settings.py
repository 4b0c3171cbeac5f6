"""
Settings for Network Site.

Everything an operator changes comes from environment variables; the defaults suit
development on a bare machine (SQLite, local-memory cache). The README lists every
variable.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY, or DEBUG=true for development.")
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


INSTALLED_APPS = [
    "home",
    "stories",
    "gallery",
    "alliances",
    "submissions",
    "membership",
    "topics",
    "common",
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
    "common.locales.RequestLocalesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "common.middleware.ContentSecurityPolicyMiddleware",
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

# Wagtail's background work (search and reference indexing, purging the HTTP cache) and
# every e-mail run as tasks. In production a worker runs them outside the request
# (`python manage.py run_worker`, queued in the database); in development they run at once.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if env_bool("TASK_WORKER", not DEBUG)
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

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
AXES_CLIENT_IP_CALLABLE = "common.client.client_ip"
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


# Static and uploaded files

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploads live in MEDIA_ROOT on one machine (operations/media.py serves renditions only),
# or, with AWS_STORAGE_BUCKET_NAME, in S3-compatible object storage that every app server
# shares. There, renditions (images/) are read straight from the bucket or its CDN;
# originals and documents stay private and documents go through Wagtail's view.
MEDIA_IN_OBJECT_STORAGE = bool(os.environ.get("AWS_STORAGE_BUCKET_NAME"))
AWS_RENDITIONS_ACL = os.environ.get("AWS_RENDITIONS_ACL", "public-read")
if MEDIA_IN_OBJECT_STORAGE:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    MEDIA_STORAGE = {
        "BACKEND": "operations.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": os.environ.get("AWS_S3_REGION_NAME"),
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "file_overwrite": False,
            # Page addresses of renditions must not expire with a signature.
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{os.environ['AWS_STORAGE_BUCKET_NAME']}/"
    else:
        MEDIA_URL = f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com/"
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Wagtail's page editor can post many fields for long pages.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# Wagtail

# An HTTP cache in front of the site (Varnish: deploy/varnish.vcl) is told what to purge.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
# Purge the addresses we name, not the same path in every language.
WAGTAILFRONTENDCACHE_LANGUAGES = []

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Partnerships for Sustainability Education")
# Staff avatars are not fetched from Gravatar: no third party learns who works here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor is Wagtail's release feed: the admin asks no other host for anything.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Passkeys (a second factor, beside authenticator apps) belong to the site's public
# address. Browsers allow them over HTTPS only, or on localhost: in development, open the
# admin at http://localhost:8000 to use one.
SITE_ADDRESS = urlsplit(WAGTAILADMIN_BASE_URL)
if SITE_ADDRESS.scheme != "https":
    SITE_ADDRESS = urlsplit(f"http://localhost:{SITE_ADDRESS.port or 80}")
OTP_WEBAUTHN_RP_ID = SITE_ADDRESS.hostname
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"{SITE_ADDRESS.scheme}://{SITE_ADDRESS.netloc}"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are always served by Wagtail's view, which checks collection privacy, never
# by a link into the storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# 20 million pixels (5,500 × 3,650; an animation's frames count together): Wagtail decodes
# an upload several times, and larger images would hold a server process for seconds.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 20_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads are judged on their headers, then decoded or checked whole, so a costly or
# broken file is a form error (common/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "common.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "common.uploads.DocumentForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The video player's frame is sized by the stylesheet; Wagtail's responsive wrapper would
# carry an inline style, which the pages' policy refuses.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_MODERATION_ENABLED = True


# The public pages load nothing from other hosts but the video players readers ask for,
# and uploaded media where MEDIA_URL points at another host (object storage, a CDN).
MEDIA_ORIGIN = urlsplit(MEDIA_URL)._replace(path="", query="", fragment="").geturl()
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_PATH = "/admin/"
# The admin: what Wagtail's admin needs, enforced (its pages still carry inline scripts,
# event handlers and styles, so those are allowed, but nothing from another host is); and
# the strict policy of the public pages as report-only, so browsers log where the admin
# would break it.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    **ADMIN_CONTENT_SECURITY_POLICY,
    "script-src": ["'self'"],
    "style-src": ["'self'"],
}

# Browser features no page here uses are switched off; the video players readers start
# may go full screen and play.
VIDEO_PLAYERS = ['"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"']
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *VIDEO_PLAYERS],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *VIDEO_PLAYERS],
    "fullscreen": ["self", *VIDEO_PLAYERS],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_PLAYERS],
    "usb": [],
    "web-share": ["self"],
}

# Security. The proxies in front of the site (the reference deployment: a TLS terminator,
# then Varnish) each add the address they were reached from to X-Forwarded-For; the
# reader's address is that many entries from the right (common/client.py). They also say
# which scheme the reader used.

TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0" if DEBUG else "2"))
if env_bool("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Every e-mail goes through the outbox: a task the worker sends with the delivery backend,
# again and again while the mail server does not answer (outbox/tasks.py).
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
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

# Errors go to Sentry when SENTRY_DSN is set; no personal data is sent with them.
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=os.environ["SENTRY_DSN"],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail's background tasks (search indexing, references) log every run at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
