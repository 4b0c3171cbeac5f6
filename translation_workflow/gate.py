"""
The publishing gate: a translation goes live only when every text in it is translated by
a person. A text with no translation, or one still starting with the machine-draft marker,
holds the translation back; a moderator may publish it anyway, and that is recorded in
the page's history.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from .machine_translation import draft_marker

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


def unfinished_segments(translation):
    """
    The source texts of `translation` not yet translated by a person, in page order, each
    with what stands in for it now (None where nothing does). A page's slug is not among
    them: it is made from the translated title when the page is first published.
    """
    marker = draft_marker(translation.target_locale)
    segments = (
        translation.source.stringsegment_set.exclude(context__path="slug")
        .annotate_translation(translation.target_locale)
        .select_related("string")
        .order_by("order")
    )
    return [
        (segment.string.data, segment.translation)
        for segment in segments
        if segment.translation is None or segment.translation.startswith(marker)
    ]


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
                "segments": [source for source, _current in unfinished],
            },
        )
    revision.refresh_from_db()
    return revision
