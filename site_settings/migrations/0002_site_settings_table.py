from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0001_initial"),
        ("home", "0005_site_settings_move_to_common"),
    ]

    operations = [
        migrations.AlterModelTable(name="sitesettings", table=None),
    ]
