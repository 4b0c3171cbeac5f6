from django.core.mail import get_connection
from django.core.management.base import BaseCommand

from translation_workflow.notifications import digest_messages


class Command(BaseCommand):
    help = (
        "E-mail each translator who chose a daily summary her to-do list: the pages missing "
        "or out of date in her languages. Run it once a day (cron, a systemd timer)."
    )

    def handle(self, *args, **options):
        messages = digest_messages()
        get_connection().send_messages(messages)
        self.stdout.write(f"{len(messages)} translation summaries sent.")
