"""
Who may work in which language, read from the page permissions Wagtail already keeps:

- a user may *publish* in a language when they may publish its home page (moderators may
  everywhere, a language team only in its own tree);
- a user works in *every* language when they may edit the source language's home page
  (editors and moderators); everyone else (translators) works only in the languages they
  may publish in;
- deleting and moving pages is for those who may publish the whole site: moderators.
"""

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def language_homes():
    return {page.locale_id: page for page in Page.objects.filter(depth=2)}


def publishing_locale_ids(user):
    """The languages whose pages `user` may put live."""
    return {
        locale_id
        for locale_id, home in language_homes().items()
        if home.permissions_for_user(user).can_publish()
    }


def works_in_every_language(user):
    home = language_homes().get(Locale.get_default().pk)
    return user.is_superuser or (home is not None and home.permissions_for_user(user).can_edit())


def may_work_in(user, locale):
    return works_in_every_language(user) or locale.pk in publishing_locale_ids(user)


def is_moderator(user):
    """May publish anything: holds the publish permission for the whole tree."""
    if user.is_superuser:
        return True
    return any(
        permission.page.depth == 1 and permission.permission.codename == "publish_page"
        for permission in PagePermissionPolicy().get_cached_permissions_for_user(user)
    )


def submittable_locales(user, locales):
    """Of `locales`, those `user` may start translations into."""
    if works_in_every_language(user):
        return locales
    return locales.filter(pk__in=publishing_locale_ids(user))
