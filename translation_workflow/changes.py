"""
What changed in a source since it was last translated: for each text of a translation
that has no translation now, the source text translated before, that earlier translation,
and a word-level difference between the old and the new source. wagtail-localize keeps
earlier translations (one per source text and place), so nothing extra is stored.
"""

import difflib
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from wagtail_localize.models import StringTranslation


@dataclass
class ChangedText:
    previous_source: str
    source: str
    previous_translation: str

    def difference(self):
        """The new source, with the words taken out <del>eted and the words put in <ins>erted."""
        old, new = self.previous_source.split(), self.source.split()
        parts = []
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if operation == "equal":
                parts.append(("{}", " ".join(new[new_start:new_end])))
                continue
            if old_start < old_end:
                parts.append(("<del>{}</del>", " ".join(old[old_start:old_end])))
            if new_start < new_end:
                parts.append(("<ins>{}</ins>", " ".join(new[new_start:new_end])))
        return format_html_join(" ", "{}", ((format_html(*part),) for part in parts))


def changed_texts(translation):
    """The texts of `translation`'s source that changed since they were translated."""
    locale = translation.target_locale
    untranslated = [
        segment
        for segment in translation.source.stringsegment_set.annotate_translation(locale)
        .select_related("string")
        .order_by("order")
        if segment.translation is None
    ]
    earlier = {}
    for string_translation in (
        StringTranslation.objects.filter(
            locale=locale, context__in=[segment.context_id for segment in untranslated]
        )
        .select_related("translation_of")
        .order_by("updated_at")
    ):
        earlier[string_translation.context_id] = string_translation
    return [
        ChangedText(
            previous_source=earlier[segment.context_id].translation_of.data,
            source=segment.string.data,
            previous_translation=earlier[segment.context_id].data,
        )
        for segment in untranslated
        if segment.context_id in earlier
    ]
