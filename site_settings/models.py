from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from page_parts.listings import localized_pages
from serving.cache import shared_fragment

# The site settings' logo, as the header shows it.
LOGO_RENDITION = "height-64|format-webp"


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("youtube", "YouTube"),
    ("vimeo", "Vimeo"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("other", _("Other")),
]


class SocialLinkValue(blocks.StructValue):
    def name(self):
        if self.get("label"):
            return self["label"]
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("url"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Web address"))
    label = blocks.CharBlock(
        required=False, max_length=60, help_text=_("Only needed for 'Other'."), label=_("Label")
    )

    class Meta:
        icon = "link"
        label = _("Social network profile")
        value_class = SocialLinkValue


class MenuLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        required=False,
        help_text=_("A page on this site, or enter a web address below."),
        label=_("Page"),
    )
    external_url = blocks.URLBlock(required=False, label=_("Web address"))
    label = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text=_("Leave empty to use the page's title."),
        label=_("Label"),
    )

    class Meta:
        icon = "link"
        label = _("Link")


class SiteSettings(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """
    The organisation's name, logo, contact details and menus. One per language,
    translated like a page; the language-neutral parts (images, addresses on the web)
    follow the source language. Changes are drafts until published, through the same
    moderation as pages; readers see the last published version.
    """

    organisation_name = models.CharField(max_length=120, verbose_name=_("Organisation name"))
    short_name = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("An acronym such as 'PSE', if the network has one."),
        verbose_name=_("Short name"),
    )
    tagline = models.CharField(max_length=200, blank=True, verbose_name=_("Tagline"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header. A wide logo with a transparent background works best."),
        verbose_name=_("Logo"),
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without an image of its own is shared. 1200×630 is ideal."),
        verbose_name=_("Default share image"),
    )
    main_menu = StreamField(
        [("link", MenuLinkBlock())],
        blank=True,
        help_text=_("The links in the header, in order."),
        verbose_name=_("Main menu"),
    )
    footer_menu = StreamField(
        [("link", MenuLinkBlock())],
        blank=True,
        help_text=_("The links in the footer, in order."),
        verbose_name=_("Footer menu"),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("The network's profiles, shown under 'Follow us'."),
        verbose_name=_("Social links"),
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("Contact email"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("Contact phone"))
    contact_address = models.TextField(blank=True, verbose_name=_("Contact address"))
    footer_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A short line at the very bottom, e.g. a registration number."),
        verbose_name=_("Footer text"),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("short_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    FieldPanel("default_share_image"),
                ],
                heading=_("Organisation"),
            ),
            ObjectList([FieldPanel("main_menu"), FieldPanel("footer_menu")], heading=_("Menus")),
            ObjectList(
                [
                    FieldPanel("social_links"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("contact_address"),
                    FieldPanel("footer_text"),
                ],
                heading=_("Contact and footer"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.UniqueConstraint(
                fields=["locale"],
                name="one_site_settings_per_language",
                violation_error_message=_(
                    "This language already has site settings. Edit those instead."
                ),
            )
        ]

    def __str__(self):
        return self.organisation_name

    def clean(self):
        # The admin form has no locale field, so Django's form validation skips the
        # constraint; say it here rather than fail on saving.
        super().clean()
        others = SiteSettings.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(self._meta.constraints[0].violation_error_message)

    @classmethod
    def for_request(cls, request):
        """
        The settings for this request's language, with their menus' links resolved: looked
        up once per request, and kept in the cache until that language's content changes.
        """
        if not hasattr(request, "site_settings"):
            request.site_settings = shared_fragment(
                "site-settings", translation.get_language(), lambda: cls.resolved(request)
            )
        return request.site_settings

    @classmethod
    def resolved(cls, request=None):
        """The settings in the reader's language, with their menus resolved, uncached."""
        site_settings = cls.for_active_language()
        if site_settings is not None:
            site_settings.resolve_menus(request)
        return site_settings

    @classmethod
    def menu_translation_keys(cls):
        """The pages any language's menus link, by translation key, in two queries."""
        page_ids = {
            link["value"]["page"]
            for menus in cls.objects.filter(live=True).values_list("main_menu", "footer_menu")
            for menu in menus
            for link in menu.raw_data
            if link["value"].get("page")
        }
        return set(Page.objects.filter(pk__in=page_ids).values_list("translation_key", flat=True))

    @classmethod
    def for_active_language(cls):
        """The settings in the reader's language, else those of the default language."""
        settings_by_locale = {
            item.locale.language_code: item
            for item in cls.objects.select_related("locale", "logo", "default_share_image")
            .prefetch_related("logo__renditions")
            .filter(
                live=True,
                locale__language_code__in=[translation.get_language(), settings.LANGUAGE_CODE],
            )
        }
        return settings_by_locale.get(translation.get_language()) or settings_by_locale.get(
            settings.LANGUAGE_CODE
        )

    def resolve_menus(self, request):
        """
        Resolve the menus into links once, for every page of the language, with the
        logo's rendition.
        """
        self.main_links = localized_links(self.main_menu, request)
        self.footer_links = localized_links(self.footer_menu, request)
        if self.logo:
            self.logo.get_rendition(LOGO_RENDITION)


def localized_links(menu, request):
    """
    Turn menu blocks into (label, url, language) triples, linking each page in the
    reader's language where it has been translated (the language is the page's own,
    so that a link left in the source language can say so).
    """
    pages = iter(localized_pages(link.value["page"] for link in menu if link.value["page"]))
    links = []
    for link in menu:
        if link.value["page"]:
            page = next(pages)
            if page.live:
                label = link.value["label"] or page.title
                links.append((label, page.get_url(request), page.locale.language_code))
        elif link.value["external_url"]:
            url = link.value["external_url"]
            links.append((link.value["label"] or url, url, None))
    return links
