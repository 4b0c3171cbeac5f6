"""Working in wagtail-localize's translation editor as a translator's browser does."""

import datetime

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.conftest import publish_english_story


def as_user(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def rain_gardens_story():
    """An English story nobody has translated, with a title, summary and place to translate."""
    return publish_english_story(
        "climate-change-and-nature-education",
        title="Rain gardens that cool a schoolyard",
        slug="rain-gardens",
        summary="The schoolyard used to flood every spring.",
        place_name="Nairobi",
        country="KE",
        date=datetime.date(2026, 11, 2),
    )


def translation_of(instance):
    """The enabled wagtail-localize translation whose target is `instance`."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=instance.locale, enabled=True
    )


def machine_translated(client, page, language):
    """
    Submit `page` for translation into `language`, then press "Translate with machine", as
    in the editor; the translated page and its wagtail-localize translation.
    """
    locale = Locale.objects.get(language_code=language)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    target = page.get_translation(locale)
    translation = translation_of(target)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(url, {"next": edit_url(target)}).status_code == 302
    return target, translation


def segments(translation, path=None):
    found = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    if path:
        found = found.filter(context__path=path)
    return list(found.order_by("order"))


def current_translation(translation, segment):
    found = StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).first()
    return found.data if found else None


def put_string(client, translation, segment, value):
    """Type `value` for `segment` and save it, as the editor's Save button does."""
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


def set_string(translation, segment, value):
    """Store a translation for `segment` directly (for a test's starting state)."""
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": value},
    )


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def publish_in_editor(client, instance, **data):
    """Press "Publish in <language>" in the translation editor."""
    return client.post(edit_url(instance), {"action": "publish", **data})
