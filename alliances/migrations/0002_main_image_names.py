from django.db import migrations

from content_migrations.operations import DEPENDENCY, rename_stored_fields


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0001_initial"),
        DEPENDENCY,
    ]

    operations = [
        migrations.RenameField("alliancepage", "logo", "image"),
        migrations.RenameField("alliancepage", "logo_alt_text", "image_alt_text"),
        rename_stored_fields(
            "alliances", "AlliancePage", {"logo": "image", "logo_alt_text": "image_alt_text"}
        ),
    ]
