from django.core.management.base import BaseCommand

from translation_workflow.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or repair the Editors, Moderators and Translators groups "
        "and the moderation workflow."
    )

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(groups)}."))
