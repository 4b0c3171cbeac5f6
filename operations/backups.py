"""
Backups of the database and the uploads, in one folder:

- database.dump (PostgreSQL, pg_dump's custom format) or database.sqlite3 (SQLite);
- media.tar.gz, the uploads in MEDIA_ROOT. With media in object storage there is no
  archive: keep the bucket's own versioning or replication instead.
"""

import os
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

MEDIA_ARCHIVE = "media.tar.gz"


def postgres_environment():
    database = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
    }


def run(command):
    result = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
    if result.returncode:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up_database(folder):
    if connection.vendor == "postgresql":
        path = folder / "database.dump"
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", path])
    elif connection.vendor == "sqlite":
        path = folder / "database.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
    else:
        raise CommandError(f"Backups of {connection.vendor} databases are not supported.")
    return path


def restore_database(folder):
    if connection.introspection.table_names():
        raise CommandError(
            "The database is not empty. Restore into a new, empty database (createdb), "
            "then point DATABASE_URL at it."
        )
    if connection.vendor == "postgresql":
        run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                folder / "database.dump",
            ]
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(folder / "database.sqlite3")) as backup:
            backup.backup(connection.connection)
    else:
        raise CommandError(f"Restoring {connection.vendor} databases is not supported.")


def back_up_media(folder):
    if settings.MEDIA_IN_OBJECT_STORAGE:
        return None
    path = folder / MEDIA_ARCHIVE
    with tarfile.open(path, "w:gz") as archive:
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            archive.add(media, arcname=".")
    return path


def restore_media(folder):
    path = folder / MEDIA_ARCHIVE
    if not path.exists():
        return None
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path) as archive:
        archive.extractall(media, filter="data")
    return media
