from django.db import migrations

from content_migrations.operations import DEPENDENCY, rename_stored_fields


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0001_initial"),
        DEPENDENCY,
    ]

    operations = [
        migrations.RenameField("mediaitempage", "thumbnail", "image"),
        rename_stored_fields("gallery", "MediaItemPage", {"thumbnail": "image"}),
    ]
