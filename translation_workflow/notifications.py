"""
Translators hear of their work: when a page in the source language is published, the
translators of each language where it now needs translating (a new page) or updating
(its translation fell behind) get one e-mail, in their own admin language, sent once the
publication is committed. Nobody hears of a language they do not translate. Translators
who prefer a daily summary of their to-do list get it from `send_translation_digests`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.signals import page_published

from .models import TranslationEmails
from .roles import language_group_name
from .translation_status import to_do, translator_locales


def languages_to_notify(page):
    """The locales where publishing `page` gives translators something to do."""
    if page.locale_id != Locale.get_default().pk:
        return []
    first_publication = page.first_published_at == page.last_published_at
    translated = set(
        Page.objects.filter(translation_key=page.translation_key).values_list("locale", flat=True)
    )
    return [
        locale
        for locale in Locale.objects.exclude(pk=page.locale_id).order_by("language_code")
        if locale.language_code in dict(settings.LANGUAGES)
        and (locale.pk in translated or first_publication)
    ]


def translators_of(locale, frequency=TranslationEmails.Frequency.EACH_CHANGE):
    """The translators of `locale` who want e-mail that often (each change by default)."""
    translators = (
        get_user_model()
        .objects.filter(groups__name=language_group_name(locale.language_code), is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
    )
    if frequency == TranslationEmails.Frequency.EACH_CHANGE:
        return translators.exclude(
            translation_emails__frequency__in=[
                TranslationEmails.Frequency.DAILY,
                TranslationEmails.Frequency.NEVER,
            ]
        )
    return translators.filter(translation_emails__frequency=frequency)


def messages_for(page):
    """One e-mail per translator, naming each of her languages the page concerns."""
    recipients = {}
    for locale in languages_to_notify(page):
        translated = page.get_translation_or_none(locale) is not None
        for user in translators_of(locale):
            recipients.setdefault(user, []).append((locale, translated))
    return [
        email(user, "translation_workflow/notification", {"page": page, "work": work})
        for user, work in recipients.items()
    ]


def digest_messages():
    """For each translator who asked for a daily summary and has work: her to-do list."""
    recipients = {
        user
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk)
        if locale.language_code in dict(settings.LANGUAGES)
        for user in translators_of(locale, TranslationEmails.Frequency.DAILY)
    }
    messages = []
    for user in sorted(recipients, key=lambda user: user.pk):
        items = to_do(translator_locales(user))
        if items:
            messages.append(email(user, "translation_workflow/digest", {"items": items}))
    return messages


def email(user, template, context):
    """An e-mail to `user` from `template`_subject.txt and `template`.txt, in her language."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
    dashboard = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_home")
    context = {**context, "user": user, "dashboard": dashboard}
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject, body, to=[user.email])


def on_page_published(sender, instance, **kwargs):
    messages = messages_for(instance)
    if messages:
        transaction.on_commit(lambda: get_connection().send_messages(messages))


def connect():
    page_published.connect(on_page_published, dispatch_uid="translation_workflow.notifications")
