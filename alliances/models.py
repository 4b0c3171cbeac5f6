from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from page_parts.blocks import BodyBlock
from page_parts.forms import KeyAreasInPageLanguageForm
from page_parts.listings import few_of_a_kind, localized_key_areas, public
from page_parts.models import MainImageMixin
from sharing.models import SharingMixin

# With more alliances than this, the index offers a filter by focus sector.
FILTER_THRESHOLD = 5


class AllianceIndexPage(SharingMixin, Page):
    """The alliances and partner networks, in the order editors give them."""

    introduction = models.TextField(
        blank=True,
        help_text=_("Why the network works with these alliances, in a few sentences."),
        verbose_name=_("Introduction"),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["alliances.AlliancePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("alliance index page")

    def get_summary(self):
        return self.introduction

    def live_alliances(self):
        """Live alliances in the order editors set in the admin's page listing."""
        return (
            public(few_of_a_kind(AlliancePage.objects.child_of(self).live()))
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        alliances = list(self.live_alliances())
        sectors = {}
        for alliance in alliances:
            sectors.update(alliance.sectors)
        if len(alliances) > FILTER_THRESHOLD:
            context["sector_options"] = sorted(sectors.items(), key=lambda item: item[1].lower())
        sector = request.GET.get("sector", "")
        if sector in sectors:
            alliances = [alliance for alliance in alliances if sector in alliance.sectors]
            context["sector"] = sector
        context["alliances"] = alliances
        return context


class AlliancePage(MainImageMixin, SharingMixin, Page):
    """An alliance or partner network the network belongs to or works with."""

    acronym = models.CharField(
        max_length=20, blank=True, help_text=_("e.g. 'SAGE'."), verbose_name=_("Acronym")
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("Who they are and what they do, in two or three sentences."),
        verbose_name=_("Summary"),
    )
    focus_sectors = StreamField(
        [
            (
                "sector",
                blocks.CharBlock(
                    max_length=60,
                    label=_("Sector"),
                    description=_("One sector the alliance works in, in a few words."),
                    preview_value="Digital Education",
                ),
            )
        ],
        blank=True,
        help_text=_("Short labels such as 'Digital Education', in the alliance's own order."),
        verbose_name=_("Focus sectors"),
    )
    founded_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        verbose_name=_("Founded year"),
    )
    scope = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Where it works, e.g. 'Global' or 'Asia-Pacific'."),
        verbose_name=_("Scope"),
    )
    website = models.URLField(
        blank=True, help_text=_("The alliance's own site."), verbose_name=_("Website")
    )
    key_areas = ParentalManyToManyField(
        "home.KeyAreaPage",
        blank=True,
        related_name="alliances",
        help_text=_("The key areas this alliance works on with us."),
        verbose_name=_("Key areas"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("acronym"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "image",
                    heading=_("Logo"),
                    help_text=_("The alliance's logo, ideally on a transparent background."),
                ),
                FieldPanel("image_alt_text"),
            ],
            heading=_("Logo"),
        ),
        FieldPanel("summary"),
        FieldPanel("focus_sectors"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("scope")]),
        FieldPanel("website"),
        FieldPanel("key_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("acronym", boost=2),
        index.SearchField("summary"),
        index.SearchField("focus_sectors"),
        index.SearchField("body"),
    ]

    base_form_class = KeyAreasInPageLanguageForm
    parent_page_types = ["alliances.AllianceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("alliance")

    def get_summary(self):
        return self.summary

    @cached_property
    def sectors(self):
        """Focus sectors by the slug used to filter by them, in the editors' order."""
        return {slugify(block.value): block.value for block in self.focus_sectors}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_areas"] = localized_key_areas(self)
        context["organization_data"] = self.organization_data(request)
        return context

    def organization_data(self, request):
        """The alliance as a schema.org Organization, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "description": self.summary,
        }
        if self.acronym:
            data["alternateName"] = self.acronym
        if self.website:
            data["url"] = self.website
            data["sameAs"] = [self.website]
        if self.image:
            data["logo"] = request.build_absolute_uri(self.image.get_rendition("max-400x400").url)
        if self.founded_year:
            data["foundingDate"] = str(self.founded_year)
        if self.scope:
            data["areaServed"] = self.scope
        return data
