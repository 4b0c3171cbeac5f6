from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import PageForm


class MainImageMixin(models.Model):
    """
    A page's main image and the page's own description of it: shown at the top of the
    page, on the cards that list it, and when it is shared. Every page type with a main
    image names them `image` and `image_alt_text`; its panels give them their labels.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, on cards that list it and when it is shared."),
        verbose_name=_("Image"),
    )
    image_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Translators give each language its own."
        ),
        verbose_name=_("Image alt text"),
    )

    base_form_class = PageForm

    class Meta:
        abstract = True

    def get_main_image(self):
        return self.image

    def get_main_image_alt(self):
        """The page's own alt text; the image library's is in one language only."""
        return self.image_alt_text
