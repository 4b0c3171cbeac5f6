"""Settings for the test suite: the real settings, with only what tests cannot reach replaced."""

import os
import tempfile

# Development defaults (no secret key needed, plain static storage), whatever the shell says.
os.environ["DEBUG"] = "true"

from config.settings import *  # noqa: E402, F403

MEDIA_ROOT = tempfile.mkdtemp(prefix="network-site-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="network-site-test-static-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# oEmbed providers are on the internet; tests use a stand-in that answers like them.
WAGTAILEMBEDS_FINDERS = [{"class": "tests.fakes.FakeOEmbedFinder"}]
