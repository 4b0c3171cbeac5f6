"""
Site settings move here from `home`, with their rows: the table, its revisions, workflow
states, translations and permissions are kept. The model is declared on the existing
table (state only), and its content type is renamed, so everything that points at it
follows; 0002 then gives the table this app's name.
"""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    # After a migration back, Django may have made an empty content type under the new
    # name; the one that carries the rows takes its place.
    ContentType.objects.filter(app_label=new_label, model="sitesettings").delete()
    ContentType.objects.filter(app_label=old_label, model="sitesettings").update(
        app_label=new_label
    )


def move_content_type(apps, schema_editor):
    rename_content_type(apps, "home", "common")


def move_content_type_back(apps, schema_editor):
    rename_content_type(apps, "common", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0004_one_site_settings_per_language'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('organisation_name', models.CharField(max_length=120)),
                ('short_name', models.CharField(blank=True, help_text="An acronym such as 'PSE', if the network has one.", max_length=20)),
                ('tagline', models.CharField(blank=True, max_length=200)),
                ('main_menu', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site, or enter a web address below.', 'required': False}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Web address', 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the page's title.", 'max_length': 60, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('external_url', 1), ('label', 2)]], {})}, help_text='The links in the header, in order.')),
                ('footer_menu', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page on this site, or enter a web address below.', 'required': False}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Web address', 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the page's title.", 'max_length': 60, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('page', 0), ('external_url', 1), ('label', 2)]], {})}, help_text='The links in the footer, in order.')),
                ('social_links', wagtail.fields.StreamField([('link', 3)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('facebook', 'Facebook'), ('instagram', 'Instagram'), ('linkedin', 'LinkedIn'), ('x', 'X'), ('youtube', 'YouTube'), ('vimeo', 'Vimeo'), ('mastodon', 'Mastodon'), ('bluesky', 'Bluesky'), ('other', 'Other')]}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Web address'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': "Only needed for 'Other'.", 'max_length': 60, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('network', 0), ('url', 1), ('label', 2)]], {})}, help_text="The network's profiles, shown under 'Follow us'.")),
                ('contact_email', models.EmailField(blank=True, max_length=254)),
                ('contact_phone', models.CharField(blank=True, max_length=40)),
                ('contact_address', models.TextField(blank=True)),
                ('footer_text', wagtail.fields.RichTextField(blank=True, help_text='A short line at the very bottom, e.g. a registration number.')),
                ('default_share_image', models.ForeignKey(blank=True, help_text='Shown when a page without an image of its own is shared. 1200×630 is ideal.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('logo', models.ForeignKey(blank=True, help_text='Shown in the header. A wide logo with a transparent background works best.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
            ],
            options={
                'verbose_name': 'site settings',
                'verbose_name_plural': 'site settings',
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('locale',), name='one_site_settings_per_language', violation_error_message='This language already has site settings. Edit those instead.')],
                'unique_together': {('translation_key', 'locale')},
                'db_table': 'home_sitesettings',
            },
        )]),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
