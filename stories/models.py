import math

from babel.lists import format_list
from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language, pgettext, to_locale
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from page_parts.forms import KeyAreasInPageLanguageForm
from page_parts.listings import key_area_pages_of, localized_key_areas, newest_first
from page_parts.models import MainImageMixin
from serving.cache import shared_fragment
from serving.locales import active_locale, language_of
from sharing.models import SharingMixin
from site_settings.models import SiteSettings
from topics.models import in_reader_language, in_source_language

from .blocks import StoryBodyBlock
from .feeds import StoryFeed
from .filters import StoryFilters

WORDS_PER_MINUTE = 200


def stream_text(data):
    """All the words in a StreamField's raw data, for counting them without rendering."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        # A block's "type" and "id" are bookkeeping, not words.
        return " ".join(
            stream_text(value) for key, value in data.items() if key not in ("id", "type")
        )
    if hasattr(data, "__iter__"):
        return " ".join(stream_text(item) for item in data)
    return ""


class StoryIndexPage(RoutablePageMixin, SharingMixin, Page):
    """All stories, newest first, with filters and a feed."""

    introduction = models.TextField(
        blank=True,
        help_text=_("A sentence or two shown above the stories."),
        verbose_name=_("Introduction"),
    )
    featured_story = models.ForeignKey(
        "stories.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown large at the top. Leave empty to feature the newest story."),
        verbose_name=_("Featured story"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured_story"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    stories_per_page = 12

    class Meta:
        verbose_name = _("story index page")

    def get_summary(self):
        return self.introduction

    def get_cached_paths(self):
        return ["/", "feed/"]

    def live_stories(self):
        return newest_first(StoryPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilters(request.GET, self.live_stories(), active_locale())
        stories = filters.listing(f"stories:{self.pk}")

        featured = None
        if not filters.active and not request.GET.get("page"):
            featured = self.featured_story if self.featured_story_live() else stories.first()
            if featured is not None:
                stories = stories.without(featured)

        context["filters"] = filters
        context["featured"] = featured
        context["stories"] = Paginator(stories, self.stories_per_page).get_page(
            request.GET.get("page")
        )
        return context

    def featured_story_live(self):
        story = self.featured_story
        return (
            story is not None
            and story.live
            and story.depth == self.depth + 1
            and story.path.startswith(self.path)
        )

    @path("feed/")
    def feed(self, request):
        return StoryFeed(self)(request)


class StoryPage(MainImageMixin, SharingMixin, Page):
    """An exemplar story from a school or a place."""

    summary = models.TextField(
        max_length=300,
        help_text=_("One or two sentences: what happened, where, and why it matters."),
        verbose_name=_("Summary"),
    )
    date = models.DateField(
        default=timezone.localdate,
        help_text=_("When the story happened, or when it was told."),
        verbose_name=_("Date"),
    )
    image_credit = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Photographer or source, if known."),
        verbose_name=_("Image credit"),
    )
    place_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("A school, town or city, e.g. 'Fresno'."),
        verbose_name=_("Place name"),
    )
    region = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("A region or state, e.g. 'California'."),
        verbose_name=_("Region"),
    )
    country = CountryField(blank=True, verbose_name=_("Country"))
    key_areas = ParentalManyToManyField(
        "home.KeyAreaPage",
        blank=True,
        related_name="stories",
        help_text=_("The key areas this story belongs to. It is listed on their pages."),
        verbose_name=_("Key areas"),
    )
    authors = StreamField(
        [
            (
                "name",
                blocks.CharBlock(
                    max_length=100,
                    label=_("Name"),
                    description=_("One author's name, as it should be printed."),
                    preview_value="Ana Ruiz",
                ),
            )
        ],
        blank=True,
        help_text=_("Who wrote or told the story, one name each, e.g. 'Ana Ruiz'."),
        verbose_name=_("Authors"),
    )
    topics = ParentalManyToManyField(
        "topics.Topic",
        blank=True,
        related_name="stories",
        limit_choices_to=in_source_language,
        help_text=_("What the story is about. Each language shows the topics' translations."),
        verbose_name=_("Topics"),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("Body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "image",
                    help_text=_("A wide photo at the top of the story. At least 1600 pixels wide."),
                ),
                FieldPanel("image_alt_text"),
                FieldPanel("image_credit"),
            ],
            heading=_("Photo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place_name"), FieldPanel("region")]),
                FieldPanel("country"),
                FieldPanel("date"),
            ],
            heading=_("Place and date"),
        ),
        FieldPanel("key_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("authors"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("place_name"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    base_form_class = KeyAreasInPageLanguageForm
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    preview_modes = [("", _("Page")), ("share-card", _("Share card"))]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_summary(self):
        return self.summary

    def author_names(self):
        return [author.value for author in self.authors]

    def byline(self):
        """The authors as the reader's language lists names: 'A, B and C', 'A, B y C'."""
        return format_list(self.author_names(), locale=to_locale(get_language()))

    @property
    def place(self):
        """The place in words, e.g. 'Fresno, California, United States'."""
        parts = [self.place_name, self.region, self.country.name if self.country else ""]
        separator = pgettext("list separator", ", ")
        return separator.join(part for part in parts if part)

    @cached_property
    def reading_minutes(self):
        words = len(self.summary.split()) + len(strip_tags(stream_text(self.body.raw_data)).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def topics_in_reader_language(self):
        return in_reader_language(self.topics.all())

    def stories_sharing_a_key_area(self):
        area_keys = [area.translation_key for area in self.key_areas.all()]
        related = StoryPage.objects.filter(
            locale_id=self.locale_id, key_areas__translation_key__in=area_keys
        )
        return newest_first(related.exclude(pk=self.pk).distinct())

    def told_before_q(self):
        """Stories after this one in the listings' order (newest first)."""
        earlier = models.Q(date__lt=self.date)
        if self.first_published_at:
            earlier |= models.Q(date=self.date, first_published_at__lt=self.first_published_at)
        return earlier

    def related_stories(self, count=3):
        """
        The stories told just before this one in its key areas, newest first. Only those
        before it, so that publishing a story changes the related stories of at most a
        few others (those told just after it), which the page cache can purge.
        """
        return self.stories_sharing_a_key_area().filter(self.told_before_q())[:count]

    def stories_listing_this_one(self, count=3):
        """The stories whose related stories include this one: at most `count` per key area."""
        later = self.stories_sharing_a_key_area().exclude(self.told_before_q())
        stories = set()
        for area in self.key_areas.all():
            in_area = later.filter(key_areas__translation_key=area.translation_key)
            stories.update(in_area.order_by("date", "first_published_at")[:count])
        return stories

    def listed_on(self):
        """Pages besides its ancestors that list the story: for purging the page cache."""
        return [*key_area_pages_of(self), *self.stories_listing_this_one()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["og_type"] = "article"
        language = get_language()
        context["key_areas"] = localized_key_areas(self)
        context["topics"] = shared_fragment(
            f"topics:{self.pk}", language, self.topics_in_reader_language
        )
        context["related_stories"] = shared_fragment(
            f"related-stories:{self.pk}", language, lambda: list(self.related_stories())
        )
        context["article_data"] = self.article_data(request)
        return context

    def article_data(self, request):
        """The story as a schema.org Article, for search engines."""
        url = request.build_absolute_uri(self.get_url(request))
        organisation = SiteSettings.for_request(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.meta_description,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": language_of(self),
            "datePublished": self.date.isoformat(),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.image:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = request.build_absolute_uri(rendition.url)
        if self.authors:
            data["author"] = [{"@type": "Person", "name": name} for name in self.author_names()]
        if organisation:
            data["publisher"] = {"@type": "Organization", "name": organisation.organisation_name}
        if self.place:
            data["contentLocation"] = {"@type": "Place", "name": self.place}
        return data

    def serve_preview(self, request, mode_name):
        if mode_name == "share-card":
            return render(request, "stories/share_card_preview.html", {"page": self})
        return super().serve_preview(request, mode_name)
