"""Wagtail, as editors, translators and readers meet it."""

import os
from urllib.parse import urlsplit

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
# broken file is a form error (images/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "images.uploads.DocumentForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The video player's frame is sized by the stylesheet; Wagtail's responsive wrapper would
# carry an inline style, which the pages' policy refuses.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_MODERATION_ENABLED = True
