from django.db import migrations

from content_migrations.operations import DEPENDENCY, rename_stored_fields


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_hero_alt_text_help"),
        DEPENDENCY,
    ]

    operations = [
        migrations.RenameField("storypage", "hero_image", "image"),
        migrations.RenameField("storypage", "hero_alt_text", "image_alt_text"),
        migrations.RenameField("storypage", "hero_credit", "image_credit"),
        rename_stored_fields(
            "stories",
            "StoryPage",
            {"hero_image": "image", "hero_alt_text": "image_alt_text", "hero_credit": "image_credit"},
        ),
    ]
