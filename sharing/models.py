from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class SharingMixin(models.Model):
    """What a page shows when it is shared: description and image, with fallbacks."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social networks. "
            "Leave empty to use the page's main image or the site's default."
        ),
        verbose_name=_("Share image"),
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    def get_summary(self):
        """A sentence or two about the page, used when no search description is set."""
        return ""

    def get_main_image(self):
        return None

    def get_main_image_alt(self):
        image = self.get_main_image()
        return image.default_alt_text if image else ""

    @property
    def meta_description(self):
        return self.search_description or self.get_summary()

    @property
    def meta_image(self):
        return self.share_image or self.get_main_image()

    @property
    def meta_image_alt(self):
        if self.share_image:
            return self.share_image.default_alt_text
        return self.get_main_image_alt()
