"""
On PostgreSQL, a full-text index for each site language over the text Wagtail's search
index keeps. Each indexes the very expression search/queries.py searches (`search_document`)
so that a search reads the index instead of analysing every page's text; a test checks
that PostgreSQL uses it. Other databases need nothing.
"""

from django.conf import settings
from django.db import migrations

DOCUMENT = (
    "setweight(to_tsvector('{config}'::regconfig, COALESCE(title_text, '')), 'A') || "
    "setweight(to_tsvector('{config}'::regconfig, COALESCE(body_text, '')), 'B')"
)


def configs():
    from search.queries import text_search_config

    return sorted({text_search_config(code) for code, _name in settings.LANGUAGES})


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in configs():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_document_{config} ON wagtailsearch_indexentry "
            f"USING GIN (({DOCUMENT.format(config=config)}))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in configs():
        schema_editor.execute(f"DROP INDEX IF EXISTS search_document_{config}")


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0003_translatable_labels"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
