"""
Snapshots of the test database: the rows of every table, copied out and back in bulk
(PostgreSQL's COPY; SELECT and INSERT on SQLite). Putting the demo site back this way takes
about a second, where Django's serialisation takes as long as building it again.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, transaction


def take():
    """Every table's rows, by table name."""
    copy_out = copy_out_postgresql if connection.vendor == "postgresql" else select_all
    with connection.cursor() as cursor:
        return {table: copy_out(cursor, table) for table in tables()}


def restore(snapshot):
    """Empty every table and put a snapshot's rows back."""
    copy_in = copy_in_postgresql if connection.vendor == "postgresql" else insert_all
    # Foreign keys are checked when the transaction ends, so the tables' order is free.
    with transaction.atomic(), connection.cursor() as cursor:
        empty(cursor)
        for table, rows in snapshot.items():
            copy_in(cursor, table, rows)
    reset_sequences()
    ContentType.objects.clear_cache()
    cache.clear()


def reset_sequences():
    """
    Move PostgreSQL's sequences past the rows there are (SQLite keeps up by itself), the
    many-to-many tables' too: a live server's flush restarts them all.
    """
    models = apps.get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def tables():
    names = set(connection.introspection.django_table_names(only_existing=True))
    return sorted(names - full_text_indexes())


def full_text_indexes():
    """SQLite's full-text tables: triggers fill them as the search index's rows go back."""
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
        return {name for (name,) in cursor.fetchall()}


def empty(cursor):
    names = [connection.ops.quote_name(table) for table in tables()]
    if connection.vendor == "postgresql":
        cursor.execute(f"TRUNCATE {', '.join(names)}")
    else:
        for name in names:
            cursor.execute(f"DELETE FROM {name}")


def copy_out_postgresql(cursor, table):
    with cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT BINARY)") as copy:
        return b"".join(bytes(chunk) for chunk in copy)


def copy_in_postgresql(cursor, table, data):
    with cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN (FORMAT BINARY)") as copy:
        copy.write(data)


def select_all(cursor, table):
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
    return cursor.fetchall()


def insert_all(cursor, table, rows):
    if rows:
        placeholders = ", ".join(["%s"] * len(rows[0]))
        name = connection.ops.quote_name(table)
        cursor.executemany(f"INSERT INTO {name} VALUES ({placeholders})", rows)
