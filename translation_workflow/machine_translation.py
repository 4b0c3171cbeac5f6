"""
The offline stand-in for machine translation, used when no DeepL key is configured.

It does not pretend to translate: it marks each string with the target language, so
that a translator starts from a visibly unfinished draft and nothing can be published
by mistake as if it were translated. The structure of rich text (links, emphasis) is
kept, as a real translator's output would keep it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def draft_marker(locale):
    """What starts every string the stand-in drafts: `[es] `, `[ar] `..."""
    return f"[{locale.language_code}] "


class DraftMarkerTranslator(BaseMachineTranslator):
    display_name = _("Draft marker (no machine translation configured)")

    def translate(self, source_locale, target_locale, strings):
        marker = draft_marker(target_locale)
        return {string: StringValue(marker + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
