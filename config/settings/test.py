"""The test suite: the development settings, with only what tests cannot reach replaced."""

import os
import tempfile

# The servers tests start in processes of their own run the development settings too.
os.environ["DEBUG"] = "true"

from .development import *  # noqa: E402, F403

# One media directory for a run, shared by its workers: a worker restores the demo site
# another one built, image files included.
test_run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())
MEDIA_ROOT = os.path.join(tempfile.gettempdir(), f"network-site-test-media-{test_run}")
STATIC_ROOT = tempfile.mkdtemp(prefix="network-site-test-static-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# oEmbed providers are on the internet; tests use a stand-in that answers like them.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.fakes.FakeOEmbedFinder"}]

# Browser tests wait for the live server to finish its requests before changing the
# database under it (tests/live_requests.py).
MIDDLEWARE = ["tests.live_requests.TrackRequests", *MIDDLEWARE]  # noqa: F405
