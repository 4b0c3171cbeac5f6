"""
The publishing gate: a translation goes live only when every text in it is a person's. A
text with no translation, one still starting with the offline stand-in's draft marker, or
one a machine translator made that nobody of its language has confirmed or edited
(provenance.py) holds the translation back; a moderator may publish it anyway, and that
is recorded in the page's history.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from .machine_translation import draft_marker
from .provenance import texts

PUBLISH_UNFINISHED = "translation_workflow.publish_unfinished"


def enabled_translation(instance):
    """The wagtail-localize translation that keeps `instance` in sync, if there is one."""
    if not isinstance(instance, TranslatableMixin):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@dataclass
class Unfinished:
    """A text that holds a translation back, with what stands in for it now, if anything."""

    source: str
    current: str | None
    machine: str = ""  # the machine translator that made `current`, not yet confirmed

    @property
    def is_machine_made(self):
        return bool(self.machine)


def unfinished_segments(translation):
    """
    The source texts of `translation` that are not yet a person's, in page order. A
    page's slug is not among them: it is made from the translated title when the page is
    first published.
    """
    marker = draft_marker(translation.target_locale)
    unfinished = []
    for text in texts(translation):
        if text.made is None or text.made.data.startswith(marker):
            unfinished.append(Unfinished(text.source, text.made and text.made.data))
        elif text.machine_made:
            unfinished.append(Unfinished(text.source, text.made.data, text.made.tool_name))
    return unfinished


@transaction.atomic
def publish_translation(translation, user, unfinished=()):
    """
    Write the translation into its target and publish it as `user`. On a page's first
    publication its slug is made from its translated title (in its own script); later it
    keeps the address readers already have. Returns the published revision, whose
    `approved_go_live_at` is set when the translation is only scheduled.
    """
    instance = translation.get_target_instance()
    published_slug = instance.slug if isinstance(instance, Page) and instance.live else None
    translation.save_target(user=user, publish=False)
    instance = translation.get_target_instance()
    revision = instance.latest_revision
    if isinstance(instance, Page):
        slug = published_slug or find_available_slug(
            instance.get_parent(),
            slugify(instance.title, allow_unicode=True) or instance.slug,
            ignore_page_id=instance.pk,
        )
        if slug != instance.slug:
            instance.slug = slug
            revision = instance.save_revision(user=user)
    revision.publish(user=user)
    if unfinished:
        log(
            instance=instance,
            action=PUBLISH_UNFINISHED,
            user=user,
            revision=revision,
            data={
                "locale": translation.target_locale.get_display_name(),
                "segments": [text.source for text in unfinished if not text.is_machine_made],
                "machine_segments": [text.source for text in unfinished if text.is_machine_made],
            },
        )
    revision.refresh_from_db()
    return revision
