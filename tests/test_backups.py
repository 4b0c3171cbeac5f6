"""A backup restored into an empty database serves the same pages, images included."""

import io
import json
import subprocess
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.html import parse, text
from tests.test_deployment import run

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/es/", "/ar/", "/en/what-we-do/", "/en/key-areas/", "/en/stories/"]

# The restored site, read in its own process by the same function as the original.
READ_PAGES = """
from config.environment import use_settings_for_purpose; use_settings_for_purpose()
import django, json; django.setup()
from django.test import Client
from tests.test_backups import read_pages
print(json.dumps(read_pages(Client())))
"""


def read_pages(client):
    """Each page's heading, main text and images, and whether every image answers."""
    pages = {}
    for path in PAGES:
        response = client.get(path)
        document = parse(response.content)
        images = [image.get("src") for image in document.iter("img")] + [
            meta.get("content")
            for meta in document.iter("meta")
            if meta.get("property") == "og:image"
        ]
        pages[path] = {
            "status": response.status_code,
            "h1": text(document.find(".//h1")),
            "main": text(document.find(".//main")),
            "images": images,
            "images_answer": all(
                client.get(urlsplit(src).path).status_code == 200 for src in images
            ),
        }
    return pages


@pytest.fixture
def empty_database(tmp_path):
    """The address of a new, empty database of the kind the tests run on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"restored_{uuid.uuid4().hex[:12]}"
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    server = f"postgres://{database['USER']}@{host}:{port}"
    subprocess.run(["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    yield f"{server}/{name}"
    subprocess.run(
        ["psql", f"{server}/postgres", "-qc", f"DROP DATABASE {name} WITH (FORCE)"], check=True
    )


def test_a_restored_backup_serves_the_same_pages(client, tmp_path, empty_database):
    original = read_pages(client)
    assert all(page["status"] == 200 for page in original.values())
    assert any(page["images"] for page in original.values())
    assert all(page["images_answer"] for page in original.values())

    folder = tmp_path / "backup"
    output = io.StringIO()
    call_command("backup", str(folder), stdout=output)
    assert f"Backed up to {folder}" in output.getvalue()

    env = {
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    restored = run(["manage.py", "restore", str(folder)], env)
    assert restored.returncode == 0, restored.stderr
    assert "Media restored" in restored.stdout

    served = run(["-c", READ_PAGES], env)
    assert served.returncode == 0, served.stderr
    assert json.loads(served.stdout.splitlines()[-1]) == original


def test_restoring_refuses_a_database_that_is_not_empty(tmp_path):
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=io.StringIO())
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(folder), stdout=io.StringIO())
