"""
Authors were one line of text ("Ana Ruiz and Li Wei"); they become a list of names, so that
each language can join them its own way. The names keep their translations: an author's
block id is derived from the story's translation key, so the English story, its
translations, their revisions and wagtail-localize's records all name the same block.
"""

import json
import re
import uuid

import wagtail.fields
from babel.lists import format_list
from django.db import migrations

from content_migrations.operations import DEPENDENCY, rewrite_stored_content, set_context_path

SEPARATORS = re.compile(r"\s*,\s*|\s+and\s+")


def author_blocks(translation_key, text):
    names = [name for name in SEPARATORS.split(text or "") if name]
    return [
        {"type": "name", "value": name, "id": str(uuid.uuid5(translation_key, f"author-{i}"))}
        for i, name in enumerate(names)
    ]


def author_text(blocks):
    return format_list([block["value"] for block in blocks], locale="en") if blocks else ""


def split_authors(apps, schema_editor):
    StoryPage = apps.get_model("stories", "StoryPage")
    for story in StoryPage.objects.all():
        story.author_names = author_blocks(story.translation_key, story.authors)
        story.save(update_fields=["author_names"])

    def rewrite(content):
        blocks = author_blocks(uuid.UUID(content["translation_key"]), content.get("authors"))
        return {**content, "authors": json.dumps(blocks)}

    rewrite_stored_content(apps, "stories", "StoryPage", rewrite)

    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    for context in TranslationContext.objects.filter(
        path="authors", object__translation_key__in=StoryPage.objects.values("translation_key")
    ):
        block_id = uuid.uuid5(context.object.translation_key, "author-0")
        set_context_path(context, f"authors.{block_id}", "authors.name")


def join_authors(apps, schema_editor):
    StoryPage = apps.get_model("stories", "StoryPage")
    for story in StoryPage.objects.all():
        story.authors = author_text(story.author_names.raw_data)
        story.save(update_fields=["authors"])

    def rewrite(content):
        return {**content, "authors": author_text(json.loads(content.get("authors") or "[]"))}

    rewrite_stored_content(apps, "stories", "StoryPage", rewrite)

    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    for context in TranslationContext.objects.filter(
        path__startswith="authors.",
        object__translation_key__in=StoryPage.objects.values("translation_key"),
    ):
        set_context_path(context, "authors", "authors")


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_main_image_names"),
        DEPENDENCY,
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="author_names",
            field=wagtail.fields.StreamField(
                [("name", 0)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Name", "max_length": 100})
                },
            ),
        ),
        migrations.RunPython(split_authors, join_authors),
        migrations.RemoveField(model_name="storypage", name="authors"),
        migrations.RenameField("storypage", "author_names", "authors"),
        migrations.AlterField(
            model_name="storypage",
            name="authors",
            field=wagtail.fields.StreamField(
                [("name", 0)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Name", "max_length": 100})
                },
                help_text="Who wrote or told the story, one name each, e.g. 'Ana Ruiz'.",
            ),
        ),
    ]
