"""Production configuration, read the way a server process reads it: from the environment."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deepl import AUTH_KEY

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k8#Vq2!nX4pL7@wZ0rT5^yB9&mC3*eH6(jF1)sD8_gA2+uK4=oP7-iQ0",
    "ALLOWED_HOSTS": "network.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://network.example.org",
    "SECURE_PROXY_SSL_HEADER": "true",
}


def run(args, env):
    """Run Python in a fresh process with only `env` on top of a clean environment."""
    # The browser tests allow the ORM in Playwright's event loop; a server never would.
    # The settings are chosen as a server chooses them, by DEBUG (config/environment.py).
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def evaluate(expression, env):
    """Print `expression` after setting Django up with `env`."""
    code = (
        "from config.environment import use_settings_for_purpose; use_settings_for_purpose(); "
        f"import django; django.setup(); from django.conf import settings; print({expression})"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_reports_no_warnings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_uses_hashed_compressed_static_files():
    backend = evaluate("settings.STORAGES['staticfiles']['BACKEND']", PRODUCTION_ENV)
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_database_comes_from_database_url():
    env = {"DEBUG": "true", "DATABASE_URL": "postgres://site:secret@db.internal:5432/network"}
    database = evaluate("settings.DATABASES['default']", env)
    assert "'ENGINE': 'django.db.backends.postgresql'" in database
    assert "'HOST': 'db.internal'" in database
    assert "'NAME': 'network'" in database


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://127.0.0.1:6379/1", "caching.backends.TolerantRedisCache"),
    ],
)
def test_cache_is_redis_when_configured(url, backend):
    env = {"DEBUG": "true", "REDIS_URL": url}
    assert evaluate("settings.CACHES['default']['BACKEND']", env) == backend


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"DEBUG": "true"}, "django_tasks.backends.immediate.ImmediateBackend"),
        (PRODUCTION_ENV, "django_tasks_db.DatabaseBackend"),
        ({"DEBUG": "true", "TASK_WORKER": "true"}, "django_tasks_db.DatabaseBackend"),
    ],
)
def test_background_work_goes_to_a_worker_in_production(env, backend):
    assert evaluate("settings.TASKS['default']['BACKEND']", env) == backend


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server on 127.0.0.1:6379")
def test_redis_cache_round_trip():
    env = {"DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    expression = (
        "__import__('django.core.cache').core.cache.cache.get_or_set('network-site-test', 'kept')"
    )
    assert evaluate(expression, env) == "kept"


def test_media_on_another_host_is_allowed_by_the_content_security_policy():
    env = {"DEBUG": "true", "MEDIA_URL": "https://media.example.org/network/"}
    img_src = evaluate("' '.join(settings.CONTENT_SECURITY_POLICY['img-src'])", env)
    assert img_src == "'self' data: https://media.example.org"


def test_media_go_to_object_storage_when_a_bucket_is_named():
    env = {
        "DEBUG": "true",
        "AWS_STORAGE_BUCKET_NAME": "network-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.eu.example.net",
    }
    assert evaluate("settings.STORAGES['default']['BACKEND']", env) == (
        "operations.storage.MediaStorage"
    )
    options = evaluate("sorted(settings.STORAGES['default']['OPTIONS'].items())", env)
    assert "('file_overwrite', False)" in options
    assert "('querystring_auth', False)" in options
    assert evaluate("settings.WAGTAILDOCS_SERVE_METHOD", env) == "serve_view"
    img_src = evaluate("' '.join(settings.CONTENT_SECURITY_POLICY['img-src'])", env)
    assert img_src == "'self' data: https://s3.eu.example.net"
    # A CDN in front of the bucket is where pages link renditions.
    env["AWS_S3_CUSTOM_DOMAIN"] = "media.network.example.org"
    assert evaluate("settings.MEDIA_URL", env) == "https://media.network.example.org/"
    assert evaluate("settings.STORAGES['default']['BACKEND']", {"DEBUG": "true"}) == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_a_deepl_key_configures_wagtail_localizes_deepl_translator(deepl):
    from django.conf import settings

    env = {"DEBUG": "true", "DEEPL_API_KEY": AUTH_KEY}
    configured = evaluate("settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR", env)
    # The tests' DeepL fixture configures the site exactly as the key does.
    assert configured == str(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)
    offline = evaluate("settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS']", {"DEBUG": "true"})
    assert offline == "translation_workflow.machine_translation.DraftMarkerTranslator"
