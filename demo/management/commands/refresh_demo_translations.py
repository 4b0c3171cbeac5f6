from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from demo.localize import MEMORIES, demo_texts, refresh_memory
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Bring the demo translation memories (demo/translations/<language>.po) in line "
        "with the English demo content in this database: translations of texts still used "
        "are kept, new texts are added untranslated, texts no longer used are dropped. "
        "`make demo-messages` runs it on a freshly built demo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=MEMORIES, help="Where to write the files.")

    def handle(self, *args, directory, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            raise CommandError("No English home page: run load_demo first.")
        texts = demo_texts(home)
        for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
            added, removed = refresh_memory(locale.language_code, texts, directory)
            self.stdout.write(
                f"{locale.language_code}: {added} new texts to translate, {removed} removed."
            )
