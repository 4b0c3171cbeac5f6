"""
Purge what changed, and only that, whenever content is published, unpublished, moved or
deleted: pages, site settings, topics, images and documents.

A page's old addresses are taken before it changes (a new slug, new key areas, an earlier
date), and its new ones after, so that both are purged.
"""

import functools

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.signals import published as snippet_published
from wagtail.signals import unpublished as snippet_unpublished

from serving.cache import purges_paused
from site_settings.models import SiteSettings
from topics.models import Topic

from .purge import (
    Purge,
    every_language,
    own_address,
    pages_using,
    purge,
    urls_showing,
    urls_showing_each,
    urls_showing_subtree,
)


def unless_paused(handler):
    """Skip `handler` while a bulk load has paused purging (see serving.cache)."""

    @functools.wraps(handler)
    def handle(*args, **kwargs):
        if not purges_paused.get():
            handler(*args, **kwargs)

    return handle


@receiver(pre_save)
@unless_paused
def remember_the_page_as_it_was(sender, instance, update_fields=None, **kwargs):
    # Publishing and unpublishing save the whole page; saving a draft names its fields.
    if isinstance(instance, Page) and instance.pk and update_fields is None:
        before = sender.objects.filter(pk=instance.pk, live=True)
        if hasattr(sender, "key_areas"):
            before = before.prefetch_related("key_areas")
        instance.as_it_was = before.first()


def shown_before(page):
    as_it_was = getattr(page, "as_it_was", None)
    return urls_showing(as_it_was) if as_it_was else getattr(page, "shown_before", Purge())


@receiver(page_published)
@receiver(page_unpublished)
@unless_paused
def purge_page(sender, instance, **kwargs):
    purge(shown_before(instance) | urls_showing(instance))


@receiver(pre_page_move)
@unless_paused
def remember_where_a_subtree_was_shown(sender, instance, **kwargs):
    instance.shown_before = urls_showing_subtree(instance.specific)


@receiver(post_page_move)
@unless_paused
def purge_moved_subtree(sender, instance, **kwargs):
    moved = Page.objects.get(pk=instance.pk).specific
    purge(shown_before(instance) | urls_showing_subtree(moved))


@receiver(pre_delete)
@unless_paused
def purge_deleted_page(sender, instance, **kwargs):
    # Django deletes a page's descendants one by one, each sending this signal.
    if isinstance(instance, Page) and instance.live and type(instance) is instance.specific_class:
        purge(urls_showing(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@unless_paused
def purge_restricted_subtree(sender, instance, **kwargs):
    """Making a page private (or public again) changes it, its subtree and their listings."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge(urls_showing_subtree(page.specific))


@receiver(snippet_published, sender=SiteSettings)
@receiver(snippet_unpublished, sender=SiteSettings)
@unless_paused
def purge_site_settings(sender, instance, **kwargs):
    """Settings show on every page of their language, and of those that fall back on them."""
    with_own_settings = set(
        SiteSettings.objects.filter(live=True).values_list("locale__language_code", flat=True)
    )
    language = instance.locale.language_code
    is_fallback = language == settings.LANGUAGE_CODE
    falling_back = every_language() - with_own_settings if is_fallback else set()
    purge(Purge(languages={language} | falling_back))


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
@unless_paused
def purge_topic(sender, instance, **kwargs):
    """A topic's name shows on its stories and in every story index's filter, nowhere else."""
    from stories.models import StoryIndexPage, StoryPage

    stories = StoryPage.objects.live().filter(topics__translation_key=instance.translation_key)
    indexes = StoryIndexPage.objects.live()
    showing = Page.objects.filter(Q(pk__in=stories.values("pk")) | Q(pk__in=indexes.values("pk")))
    purge(Purge(content_languages=every_language()) | urls_showing_each(showing, own_address))


@receiver(post_save, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
@receiver(pre_delete, sender=get_image_model())
@receiver(pre_delete, sender=get_document_model())
@unless_paused
def purge_media(sender, instance, created=False, update_fields=None, **kwargs):
    """A changed image or document shows wherever pages use it, and on their listings."""
    # Wagtail notes a file's size and hash the first time it needs them: nothing to see.
    if created or (update_fields and set(update_fields) <= {"file_size", "file_hash"}):
        return
    what = Purge(content_languages=every_language()) | urls_showing_each(pages_using(instance))
    if isinstance(instance, get_image_model()):
        logos = SiteSettings.objects.filter(logo=instance, live=True)
        what = what | Purge(languages=set(logos.values_list("locale__language_code", flat=True)))
    purge(what)
