"""
Who or what made each text of a translation, read from wagtail-localize's own records.

A text a machine translator drafted (DeepL, or the offline stand-in) is recorded as
"machine", with the translator's name; one a person typed in the editor or brought in a
PO file is "manual", with who did it. A machine-made text becomes a person's when someone
who works in its language confirms it: it is then recorded as hers, and keeps the name of
the machine that drafted it. Drafting and confirming are written in the page's history.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.log_actions import log
from wagtail_localize.models import StringTranslation

from .machine_translation import draft_marker

MACHINE_TRANSLATED = "translation_workflow.machine_translated"
CONFIRMED_MACHINE_TEXTS = "translation_workflow.confirmed_machine_texts"


@dataclass
class Text:
    """One text of a source, as its translation into one language stands."""

    segment_id: int
    source: str
    made: StringTranslation | None

    @property
    def machine_made(self):
        """Drafted by a machine and not yet confirmed or edited by a person."""
        return self.made is not None and (
            self.made.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        )


def texts(translation):
    """Each text of `translation`'s source, in page order (the slug aside: see gate.py)."""
    segments = list(
        translation.source.stringsegment_set.exclude(context__path="slug")
        .select_related("string")
        .order_by("order")
    )
    made = {
        (string_translation.translation_of_id, string_translation.context_id): string_translation
        for string_translation in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_of_id__in={segment.string_id for segment in segments},
            context_id__in={segment.context_id for segment in segments},
        )
    }
    return [
        Text(segment.pk, segment.string.data, made.get((segment.string_id, segment.context_id)))
        for segment in segments
    ]


def confirmable(translation):
    """
    The machine translations of `translation` waiting for a person. The offline
    stand-in's drafts still carry its marker: they are not translations, and wait to be
    written instead.
    """
    marker = draft_marker(translation.target_locale)
    return [
        text
        for text in texts(translation)
        if text.machine_made and not text.made.data.startswith(marker)
    ]


def record_machine_translation(translation, user, before):
    """Write in the history which texts a machine drafted just now (`before`: their ids then)."""
    drafted = [
        text for text in texts(translation) if text.machine_made and text.made.pk not in before
    ]
    if drafted:
        record(translation, user, MACHINE_TRANSLATED, drafted, tool=drafted[0].made.tool_name)
    return drafted


@transaction.atomic
def confirm_machine_texts(translation, user, segment_ids=None):
    """
    Make `user` the author of the confirmable machine translations of `translation` (those
    of `segment_ids`, or all), as if she had typed them.
    """
    confirmed = [
        text
        for text in confirmable(translation)
        if segment_ids is None or text.segment_id in segment_ids
    ]
    for text in confirmed:
        text.made.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        text.made.last_translated_by = user
        text.made.save(update_fields=["translation_type", "last_translated_by", "updated_at"])
    if confirmed:
        tools = sorted({text.made.tool_name for text in confirmed})
        record(translation, user, CONFIRMED_MACHINE_TEXTS, confirmed, tools=tools)
    return confirmed


def record(translation, user, action, of, **data):
    """An entry in the history of `translation`'s target naming the texts `of` by source."""
    log(
        instance=translation.get_target_instance(),
        action=action,
        user=user,
        data={
            "locale": translation.target_locale.get_display_name(),
            **data,
            "segments": [text.source for text in of],
        },
    )
