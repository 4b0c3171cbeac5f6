import html
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from page_parts.blocks import privacy_enhanced
from page_parts.listings import key_area_pages_of, localized_key_areas, newest_first
from page_parts.models import MainImageMixin
from serving.locales import active_locale, language_of
from sharing.models import SharingMixin

from .filters import MediaFilters
from .forms import MediaItemForm

# The address of the player in a provider's embed code: <iframe src="…">.
PLAYER_ADDRESS = re.compile(r'<iframe[^>]*\ssrc="([^"]+)"')


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


class GalleryIndexPage(SharingMixin, Page):
    """The media gallery: videos, photo albums and documents, newest first."""

    introduction = models.TextField(
        blank=True,
        help_text=_("A sentence or two shown above the gallery."),
        verbose_name=_("Introduction"),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["gallery.MediaItemPage"]
    max_count_per_parent = 1

    items_per_page = 12

    class Meta:
        verbose_name = _("gallery index page")

    def get_summary(self):
        return self.introduction

    def live_items(self):
        return newest_first(MediaItemPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = MediaFilters(request.GET, self.live_items(), active_locale())
        context["filters"] = filters
        context["items"] = Paginator(
            filters.listing(f"media:{self.pk}"), self.items_per_page
        ).get_page(request.GET.get("page"))
        return context


class MediaItemPage(MainImageMixin, SharingMixin, Page):
    """One video, photo album or set of documents, with its own address to share."""

    class MediaType(models.TextChoices):
        VIDEO = "video", _("Video")
        ALBUM = "album", _("Photo album")
        DOCUMENTS = "documents", _("Documents")

    media_type = models.CharField(
        max_length=20,
        choices=MediaType,
        default=MediaType.VIDEO,
        help_text=_("Then fill in the matching section below: video, photos or documents."),
        verbose_name=_("Media type"),
    )
    description = models.TextField(
        help_text=_("What it is and why it matters, in a few sentences."),
        verbose_name=_("Description"),
    )
    date = models.DateField(default=timezone.localdate, verbose_name=_("Date"))
    key_areas = ParentalManyToManyField(
        "home.KeyAreaPage",
        blank=True,
        related_name="media_items",
        help_text=_("The key areas this belongs to. It is listed on their pages."),
        verbose_name=_("Key areas"),
    )
    place_name = models.CharField(max_length=120, blank=True, verbose_name=_("Place name"))
    country = CountryField(blank=True, verbose_name=_("Country"))
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Who made it, e.g. 'Film by Escuela Verde'."),
        verbose_name=_("Credit"),
    )
    licence = models.CharField(
        max_length=30, choices=Licence, blank=True, verbose_name=_("Licence")
    )

    video_url = models.URLField(
        blank=True,
        help_text=_("The address of the video on YouTube or Vimeo."),
        verbose_name=_("Video address"),
    )
    duration = models.DurationField(
        null=True,
        blank=True,
        help_text=_("How long the video runs, e.g. 00:03:20."),
        verbose_name=_("Duration"),
    )
    transcript = models.TextField(
        blank=True,
        help_text=_("What is said in the video, for readers who cannot listen."),
        verbose_name=_("Transcript"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("media_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "image",
                    heading=_("Thumbnail"),
                    help_text=_(
                        "Shown in the gallery, on the video before it plays, and when shared."
                    ),
                ),
                FieldPanel("image_alt_text"),
            ],
            heading=_("Thumbnail"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("place_name"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("credit"), FieldPanel("licence")]),
            ],
            heading=_("Date, place and credit"),
        ),
        FieldPanel("key_areas", widget=forms.CheckboxSelectMultiple),
        # gallery/static/gallery/media-item-form.js shows only the chosen type's section.
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("duration"), FieldPanel("transcript")],
            heading=_("Video"),
            classname="media-type--video",
        ),
        MultipleChooserPanel(
            "album_photos",
            chooser_field_name="image",
            heading=_("Photo album"),
            label=_("Photo"),
            classname="media-type--album",
        ),
        MultipleChooserPanel(
            "album_documents",
            chooser_field_name="document",
            heading=_("Documents"),
            label=_("Document"),
            classname="media-type--documents",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.RelatedFields(
            "album_photos", [index.SearchField("caption"), index.SearchField("alt_text")]
        ),
        index.RelatedFields(
            "album_documents", [index.SearchField("label"), index.SearchField("description")]
        ),
        index.FilterField("media_type"),
    ]

    base_form_class = MediaItemForm
    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("media item")

    def clean(self):
        super().clean()
        if not self.image:
            raise ValidationError({"image": _("Choose a thumbnail.")})
        if self.media_type == self.MediaType.VIDEO and not self.video_url:
            raise ValidationError({"video_url": _("Add the video's address.")})

    def get_summary(self):
        return self.description

    @cached_property
    def photos(self):
        """The album's photos with their images, fetched once for the page and its data."""
        return list(self.album_photos.select_related("image"))

    @cached_property
    def documents(self):
        return list(self.album_documents.select_related("document"))

    def listed_on(self):
        """Pages besides its ancestors that list the item: for purging the page cache."""
        return key_area_pages_of(self)

    def embed(self):
        """The video's player, from Wagtail's embed cache or its provider."""
        try:
            return get_embed(self.video_url)
        except EmbedException:
            return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_areas"] = localized_key_areas(self)
        embed = None
        if self.media_type == self.MediaType.VIDEO:
            context["embed"] = embed = self.embed()
            context["og_type"] = "video.other"
        context["structured_data"] = self.structured_data(request, embed)
        return context

    def structured_data(self, request, embed=None):
        """schema.org data for search engines: a video, a gallery or documents."""
        url = request.build_absolute_uri(self.get_url(request))
        data = {
            "@context": "https://schema.org",
            "name": self.title,
            "description": self.description,
            "url": url,
            "inLanguage": language_of(self),
            "datePublished": self.date.isoformat(),
        }
        if self.image:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            data["thumbnailUrl"] = request.build_absolute_uri(rendition.url)
        if self.credit:
            data["creditText"] = self.credit
        if self.media_type == self.MediaType.VIDEO:
            data.update({"@type": "VideoObject", "uploadDate": self.date.isoformat()})
            data["contentUrl"] = self.video_url
            player = embed and PLAYER_ADDRESS.search(privacy_enhanced(embed.html))
            if player:
                data["embedUrl"] = html.unescape(player.group(1))
            if self.duration:
                data["duration"] = f"PT{int(self.duration.total_seconds())}S"
            if self.transcript:
                data["transcript"] = self.transcript
        elif self.media_type == self.MediaType.ALBUM:
            data["@type"] = "ImageGallery"
            data["image"] = [
                {
                    "@type": "ImageObject",
                    "contentUrl": request.build_absolute_uri(
                        photo.image.get_rendition("max-1600x1600").url
                    ),
                    "caption": photo.caption or photo.alt_text,
                }
                for photo in self.photos
            ]
        else:
            data["@type"] = "CollectionPage"
            data["hasPart"] = [
                {
                    "@type": "DigitalDocument",
                    "name": item.label or item.document.title,
                    "url": request.build_absolute_uri(item.document.url),
                    "encodingFormat": item.document.content_type,
                }
                for item in self.documents
            ]
        return data


class AlbumPhoto(TranslatableMixin, Orderable):
    """A photo in an album, with its alt text and caption in the page's language."""

    page = ParentalKey(MediaItemPage, on_delete=models.CASCADE, related_name="album_photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("Image")
    )
    alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Translators give each language its own."
        ),
        verbose_name=_("Alt text"),
    )
    decorative = models.BooleanField(
        default=False,
        help_text=_("The image adds nothing a reader needs; screen readers skip it."),
        verbose_name=_("Decorative"),
    )
    caption = models.CharField(max_length=250, blank=True, verbose_name=_("Caption"))
    credit = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Photographer or source, if known."),
        verbose_name=_("Credit"),
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("decorative"),
        FieldRowPanel([FieldPanel("caption"), FieldPanel("credit")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("album photo")

    def clean(self):
        super().clean()
        if not self.alt_text and not self.decorative:
            raise ValidationError({"alt_text": _("Describe the image, or mark it as decorative.")})

    @property
    def alt(self):
        """What a screen reader says of the photo: nothing when it is decorative."""
        return "" if self.decorative else self.alt_text


class AlbumDocument(TranslatableMixin, Orderable):
    """A document in a set, with its label and description in the page's language."""

    page = ParentalKey(MediaItemPage, on_delete=models.CASCADE, related_name="album_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Document"),
    )
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
        verbose_name=_("Label"),
    )
    description = models.TextField(blank=True, verbose_name=_("Description"))

    panels = [FieldPanel("document"), FieldPanel("label"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document in a set")
