from django.db import migrations

from content_migrations.operations import DEPENDENCY, rename_stored_fields


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_site_settings_move_to_common"),
        DEPENDENCY,
    ]

    operations = [
        migrations.RenameField("homepage", "hero_image", "image"),
        migrations.RenameField("homepage", "hero_alt_text", "image_alt_text"),
        rename_stored_fields(
            "home", "HomePage", {"hero_image": "image", "hero_alt_text": "image_alt_text"}
        ),
    ]
