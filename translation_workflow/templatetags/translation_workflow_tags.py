from django import template
from django.utils.translation import get_language_info

from translation_workflow.changes import changed_texts
from translation_workflow.provenance import confirmable

register = template.Library()


@register.inclusion_tag("translation_workflow/changed_texts.html")
def changed_texts_of(translation):
    return {"changed": changed_texts(translation), "locale": translation.target_locale}


@register.inclusion_tag("translation_workflow/machine_texts.html", takes_context=True)
def machine_texts_of(context, translation):
    """The machine translations of `translation` no person has confirmed yet."""
    return {
        "translation": translation,
        "texts": confirmable(translation),
        "locale": translation.target_locale,
        "csrf_token": context["csrf_token"],
    }


@register.simple_tag
def text_direction(language_code):
    return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
