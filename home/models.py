from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from page_parts.blocks import RICH_TEXT_FEATURES, BodyBlock, CallToActionBlock, CoreValueBlock
from page_parts.listings import few_of_a_kind, public
from page_parts.models import MainImageMixin
from sharing.models import SharingMixin
from site_settings.models import SiteSettings


class HomePage(MainImageMixin, SharingMixin, Page):
    """The root of each language's tree: the network's mission and what it works on."""

    mission = models.TextField(
        help_text=_("The mission statement, in one or two sentences. Shown first, large."),
        verbose_name=_("Mission"),
    )
    introduction = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who the network is, in a few short paragraphs."),
        verbose_name=_("Introduction"),
    )
    vision = models.TextField(
        help_text=_("The world the network works towards."), verbose_name=_("Vision")
    )
    objectives = StreamField(
        [
            (
                "objective",
                blocks.TextBlock(
                    label=_("Objective"),
                    description=_("One thing the network sets out to do, in a sentence."),
                    preview_value="Every school in the network teaches outdoors each week.",
                ),
            )
        ],
        blank=True,
        help_text=_("What the network sets out to do, one objective per item."),
        verbose_name=_("Objectives"),
    )
    core_values = StreamField(
        [("value", CoreValueBlock())],
        blank=True,
        help_text=_("The values behind the network's work, each with a title and a description."),
        verbose_name=_("Core values"),
    )
    key_areas_heading = models.CharField(
        max_length=120, default=_("Key areas"), verbose_name=_("Key areas heading")
    )
    key_areas_introduction = models.TextField(
        blank=True,
        help_text=_("A sentence introducing the key areas of work."),
        verbose_name=_("Key areas introduction"),
    )
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=1,
        help_text=_("An invitation at the end of the page, e.g. to join the network."),
        verbose_name=_("Call to action"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("mission"),
                FieldPanel(
                    "image",
                    heading=_("Photo"),
                    help_text=_(
                        "A wide photo shown beside the mission. At least 1600 pixels wide."
                    ),
                ),
                FieldPanel("image_alt_text"),
                FieldPanel("introduction"),
            ],
            heading=_("Mission"),
        ),
        FieldPanel("vision"),
        FieldPanel("objectives"),
        FieldPanel("core_values"),
        MultiFieldPanel(
            [FieldPanel("key_areas_heading"), FieldPanel("key_areas_introduction")],
            heading=_("Key areas"),
        ),
        FieldPanel("call_to_action"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("mission"),
        index.SearchField("introduction"),
        index.SearchField("vision"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.KeyAreaIndexPage",
        "stories.StoryIndexPage",
        "gallery.GalleryIndexPage",
        "alliances.AllianceIndexPage",
        "submissions.ShareStoryPage",
        "membership.JoinPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_summary(self):
        return self.mission

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_areas"] = (
            public(few_of_a_kind(KeyAreaPage.objects.live().descendant_of(self)))
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )
        context["organization_data"] = self.organization_data(request)
        return context

    def organization_data(self, request):
        """The network as a schema.org Organization, for search engines."""
        organisation = SiteSettings.for_request(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.organisation_name if organisation else self.title,
            "url": request.build_absolute_uri(self.get_url(request)),
            "description": self.mission,
        }
        if organisation is None:
            return data
        if organisation.short_name:
            data["alternateName"] = organisation.short_name
        if organisation.logo:
            data["logo"] = request.build_absolute_uri(
                organisation.logo.get_rendition("max-512x512").url
            )
        if organisation.contact_email:
            data["email"] = organisation.contact_email
        profiles = [link.value["url"] for link in organisation.social_links]
        if profiles:
            data["sameAs"] = profiles
        return data


class StandardPage(MainImageMixin, SharingMixin, Page):
    """An ordinary page such as 'What we do' or 'About us'."""

    introduction = models.TextField(
        blank=True,
        help_text=_("One or two sentences shown under the title."),
        verbose_name=_("Introduction"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image", help_text=_("An optional image shown at the top of the page.")),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "submissions.ShareStoryPage", "membership.JoinPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_summary(self):
        return self.introduction


class KeyAreaIndexPage(SharingMixin, Page):
    """Lists the network's key areas of work."""

    introduction = models.TextField(blank=True, verbose_name=_("Introduction"))

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.KeyAreaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("key area index page")

    def get_summary(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_areas"] = (
            public(few_of_a_kind(KeyAreaPage.objects.child_of(self).live()))
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        return context


class KeyAreaPage(MainImageMixin, SharingMixin, Page):
    """One key area of the network's work, such as 'Sustainable Leadership'."""

    summary = models.TextField(
        max_length=300,
        help_text=_("One or two sentences, shown on the home page and in lists."),
        verbose_name=_("Summary"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image", help_text=_("A photo or illustration for this key area.")),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.KeyAreaIndexPage"]
    subpage_types = []

    # Listings filter by key area and pages link theirs: publishing one purges the
    # page cache of its whole language.
    shown_site_wide = True

    class Meta:
        verbose_name = _("key area")

    def get_summary(self):
        return self.summary
