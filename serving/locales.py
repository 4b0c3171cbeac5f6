"""
The site's locales, looked up once per request: Wagtail's `Locale.get_active()` asks the
database on every call, and a page calls it from its menus, links, topics and listings.
"""

from contextvars import ContextVar

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

request_locales = ContextVar("request_locales", default=None)


class RequestLocalesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_locales.set({})
        try:
            return self.get_response(request)
        finally:
            request_locales.reset(token)


def locales_by_code():
    """Every locale by language code: one query per request (outside requests, one per call)."""
    memo = request_locales.get()
    if memo is None:
        return {locale.language_code: locale for locale in Locale.objects.all()}
    if not memo:
        memo.update((locale.language_code, locale) for locale in Locale.objects.all())
    return memo


def active_locale():
    """The locale of the active language, else the default language's."""
    locales = locales_by_code()
    return locales.get(translation.get_language()) or locales.get(settings.LANGUAGE_CODE)


def language_of(page):
    """The language code of a page (or snippet) without asking the database for its locale."""
    for code, locale in locales_by_code().items():
        if locale.pk == page.locale_id:
            return code
    return page.locale.language_code


def localized(page):
    """
    `page` in the active language where it has a live translation, else `page`: Wagtail's
    `localized`, without its locale query.
    """
    locale = active_locale()
    if locale is None or page.locale_id == locale.pk:
        return page
    translation = page.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else page


def language_home_url(code=None):
    """The address of the home page in `code` (the active language by default)."""
    with translation.override(code or translation.get_language()):
        return reverse("wagtail_serve", args=[""])
