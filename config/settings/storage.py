"""Where static files and uploads live: on this machine, or in object storage."""

import os
from pathlib import Path

from .base import BASE_DIR

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
