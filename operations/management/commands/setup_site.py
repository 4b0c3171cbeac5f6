from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Give the default Site the host name and port of BASE_URL, so that the admin's "
        "'View live', previews and e-mails link to the real address. Run on each release."
    )

    def handle(self, *args, **options):
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.hostname, site.port = address.hostname, port
            site.save()  # and Wagtail forgets the addresses it had cached
            self.stdout.write(f"The default site answers at {address.hostname}:{port}.")
        else:
            self.stdout.write("There is no default site yet; nothing changed.")
