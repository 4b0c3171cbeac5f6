"""
Uploaded files on a single machine, where they sit in MEDIA_ROOT. Only renditions (the
sized copies pages show, under images/) are served from there. Original images are never
served, and documents only through Wagtail's view (/documents/<id>/<name>), which checks
who may see them.
"""

from pathlib import Path

from django.conf import settings
from django.urls import path
from django.views.static import serve

RENDITION_MAX_AGE = 30 * 24 * 60 * 60


def serve_rendition(request, path):
    response = serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")
    response["Cache-Control"] = f"public, max-age={RENDITION_MAX_AGE}"
    return response


def media_urls():
    """Routes for renditions, unless media live in object storage (which serves them)."""
    if settings.MEDIA_IN_OBJECT_STORAGE:
        return []
    prefix = settings.MEDIA_URL.lstrip("/")
    return [path(f"{prefix}images/<path:path>", serve_rendition, name="rendition")]
