"""
Two app servers, one PostgreSQL, one Redis and one object storage, as a site scales out:
what is published or uploaded through one is what the other serves, at once.

Both servers run in development mode only so that they need no collected static files;
everything they share is as in production.
"""

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from PIL import Image
from wagtail.models import Collection

from tests.factories import PASSWORD
from tests.network import free_port
from tests.object_storage import environment, object_storage  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two servers need a database server they both reach (CI runs on PostgreSQL)",
    ),
]


def start_server(env):
    port = free_port()
    process = subprocess.Popen(
        [
            GUNICORN,
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "config.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(150):
        try:
            if requests.get(f"{url}/health/", timeout=30).status_code == 200:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError(process.stderr.read().decode())


@pytest.fixture
def two_servers(object_storage):  # noqa: F811
    database = connection.settings_dict
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("PYTEST")},
        **environment(object_storage),
        "DJANGO_SETTINGS_MODULE": "config.settings.development",
        "DEBUG": "true",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "CACHE_KEY_PREFIX": f"two-servers-{os.getpid()}-{time.time_ns()}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    servers = [start_server(env) for _server in range(2)]
    try:
        yield [url for _process, url in servers]
    finally:
        for process, _url in servers:
            process.terminate()
            process.wait()


def signed_in(server):
    session = requests.Session()
    form = session.get(f"{server}/admin/login/")
    response = session.post(
        f"{server}/admin/login/",
        {"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(form)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    return session


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def test_what_one_server_publishes_or_uploads_the_other_serves(two_servers):
    first, second = two_servers
    # The servers check passwords with the production hashers, not the tests' fast one.
    admin = get_user_model().objects.get(username="admin")
    admin.password = PBKDF2PasswordHasher().encode(PASSWORD, "two-servers-salt")
    admin.save(update_fields=["password"])

    # An edit: the second server caches the page, the first unpublishes it.
    page = f"{second}/en/what-we-do/"
    assert requests.get(page).status_code == 200
    assert requests.get(page).headers["X-Page-Cache"] == "hit"
    editor = signed_in(first)
    what_we_do = editor.get(f"{first}/admin/pages/search/?q=What+we+do")
    page_id = re.search(r"/admin/pages/(\d+)/edit/", what_we_do.text).group(1)
    form = editor.get(f"{first}/admin/pages/{page_id}/unpublish/")
    response = editor.post(
        f"{first}/admin/pages/{page_id}/unpublish/",
        {"csrfmiddlewaretoken": csrf_token(form)},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert requests.get(page).status_code == 404
    assert "What we do" not in requests.get(f"{second}/en/").text

    # An upload through the first server is an image the second one shows.
    form = editor.get(f"{first}/admin/images/add/")
    picture = io.BytesIO()
    Image.new("RGB", (800, 500), "#e9c46a").save(picture, "PNG")
    response = editor.post(
        f"{first}/admin/images/add/",
        data={
            "csrfmiddlewaretoken": csrf_token(form),
            "title": "Shared upload",
            "collection": Collection.get_first_root_node().pk,
        },
        files={"file": ("shared-upload.png", picture.getvalue(), "image/png")},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    listing = editor.get(f"{second}/admin/images/?q=Shared+upload")
    assert "Shared upload" in listing.text
    thumbnail = re.search(
        r'src="(http://127\.0\.0\.1:\d+/network-media/images/[^"]+)"', listing.text
    )
    assert thumbnail, "the second server links the rendition in the shared bucket"
    image = requests.get(thumbnail.group(1))
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"
