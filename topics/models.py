"""
Topics: the site's taxonomy, a snippet translated like a page, so that each language has
its own names and its own addresses for them (`?topic=adaptacion-climatica`). Pages are
tagged with topics of the source language; readers see each topic's translation.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin

from serving.locales import active_locale


class Topic(TranslatableMixin, models.Model):
    name = models.CharField(max_length=80, verbose_name=_("Name"))
    slug = models.SlugField(
        max_length=80,
        allow_unicode=True,
        help_text=_("How the topic appears in web addresses, e.g. 'school-gardens'."),
        verbose_name=_("Slug"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="one_topic_per_slug_and_language"
            )
        ]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        # A translated slug becomes a web address before it is checked: "políticas públicas"
        # from wagtail-localize's editor is saved as "políticas-públicas".
        self.slug = slugify(self.slug or self.name, allow_unicode=True)
        super().clean_fields(exclude)


def in_reader_language(topics):
    """
    `topics` as the reader's language names them (the translation where there is one),
    sorted by name, in one query.
    """
    topics = list(topics)
    translated = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(
            translation_key__in=[topic.translation_key for topic in topics],
            locale=active_locale(),
        )
    }
    return sorted(
        {translated.get(topic.translation_key, topic) for topic in topics},
        key=lambda topic: topic.name.casefold(),
    )


def in_source_language():
    """The topics pages are tagged with: those of the source language."""
    return {"locale": Locale.get_default()}
