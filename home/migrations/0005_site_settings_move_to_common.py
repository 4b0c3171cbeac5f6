from django.db import migrations


class Migration(migrations.Migration):
    """Site settings now belong to `common` (see common/migrations/0001); the table stays."""

    dependencies = [
        ("home", "0004_one_site_settings_per_language"),
        ("common", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SiteSettings")]
        ),
    ]
