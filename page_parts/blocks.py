"""
The shared block library. Every page body on the site is composed from these blocks;
the stories, gallery and alliances apps reuse them and add their own.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as images_blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from serving.locales import localized


def library_image():
    """The newest image in the library, for the block picker's previews."""
    return get_image_model().objects.order_by("-created_at").first()


def library_document():
    return get_document_model().objects.order_by("-created_at").first()


def image_preview():
    return {
        "image": {
            "image": library_image(),
            "alt_text": "Pupils planting seedlings in a school garden",
            "decorative": False,
        },
        "caption": "The garden at Escuela Verde in its first spring.",
        "credit": "Ana Ruiz",
    }


# Rich text is kept to what reads well on every screen and survives translation.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120, help_text=_("A short heading for the section."), label=_("Text")
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use sub-headings inside a section."),
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading, or a sub-heading inside a section.")
        preview_value = {"text": "How the garden feeds the school", "level": "h2"}
        template = "page_parts/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs of text, with links, lists and emphasis.")
        preview_value = (
            "<p>Every morning before lessons, pupils water the beds they planted in spring. "
            "By June the garden gives the kitchen <b>lettuce, beans and herbs</b> for lunch.</p>"
        )
        template = "page_parts/blocks/paragraph.html"


class ImageValue(blocks.StructValue):
    def alt(self):
        """What a screen reader says of the image: nothing when it is decorative."""
        image = self.get("image")
        return image.contextual_alt_text if image else ""


class LabelledImageBlock(images_blocks.ImageBlock):
    """Wagtail's image block, its chooser labelled in the editor's language too."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("Image")


class ImageBlock(blocks.StructBlock):
    """
    Wagtail's image block (the image, its alt text in the page's language, or marked as
    decorative), with a caption and a credit. Each translation of the page has its own alt
    text; the image library's description (in one language) is never shown.
    """

    image = LabelledImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Photographer or source, if known."),
        label=_("Credit"),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "page_parts/blocks/image.html"
        description = _("One photo across the text column, with alt text, a caption and a credit.")
        preview_value = staticmethod(image_preview)
        value_class = ImageValue


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words, without quotation marks."), label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Who said it, e.g. 'Maria Lopez'."),
        label=_("Attribution"),
    )
    role = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Their role or school, e.g. 'Teacher, Escuela Verde'."),
        label=_("Role"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Someone's words, with who said them: set apart from the text.")
        preview_value = {
            "quote": "The garden taught us more about science than any textbook.",
            "attribution": "Maria Lopez",
            "role": "Teacher, Escuela Verde",
        }
        template = "page_parts/blocks/quote.html"


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return localized(page).url
        return self.get("external_url")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences."), label=_("Text"))
    link_label = blocks.CharBlock(
        max_length=60, help_text=_("The button text, e.g. 'Join us'."), label=_("Link label")
    )
    page = blocks.PageChooserBlock(
        required=False,
        help_text=_("Link to a page on this site, or enter a web address below."),
        label=_("Page"),
    )
    external_url = blocks.URLBlock(required=False, label=_("Web address"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        description = _("A heading, a sentence and a button inviting readers to act.")
        preview_value = {
            "heading": "Bring your school into the network",
            "text": "Schools share what works and learn from each other.",
            "link_label": "Join us",
            "external_url": "https://example.org/join",
        }
        template = "page_parts/blocks/call_to_action.html"
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = _("Choose a page or enter a web address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        help_text=_("Paste the address of a YouTube or Vimeo video."), label=_("Video")
    )
    title = blocks.CharBlock(
        max_length=200, help_text=_("What the video is called."), label=_("Title")
    )
    poster = ImageChooserBlock(
        required=False,
        help_text=_("A still shown until the reader plays the video."),
        label=_("Poster"),
    )
    transcript = blocks.TextBlock(
        required=False,
        help_text=_("What is said in the video, for readers who cannot listen."),
        label=_("Transcript"),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A YouTube or Vimeo video that loads only when the reader presses play.")
        preview_value = {
            "video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "A year in the school garden",
            "transcript": "Pupils describe what they grew and what they learned.",
        }
        template = "page_parts/blocks/video.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text=_("e.g. '120' or '35%'."), label=_("Figure"))
    label = blocks.CharBlock(
        max_length=120, help_text=_("e.g. 'schools in the network'."), label=_("Label")
    )


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        description = _("Up to six numbers that tell the story at a glance.")
        preview_value = {
            "heading": "In numbers",
            "figures": [
                {"figure": "120", "label": "schools in the network"},
                {"figure": "35%", "label": "less food waste"},
                {"figure": "14", "label": "countries"},
            ],
        }
        template = "page_parts/blocks/key_figures.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
        label=_("Label"),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A link to download a report or a brochure, with its type and size.")
        preview_value = staticmethod(
            lambda: {
                "document": library_document(),
                "label": "Annual report 2025",
                "description": "What the network did in 2025, in twelve pages.",
            }
        )
        template = "page_parts/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    """The blocks an editor composes an ordinary page body from."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentLinkBlock()


class CoreValueBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=80, help_text=_("One word or a short phrase."), label=_("Title")
    )
    description = blocks.TextBlock(
        help_text=_("What this value means in practice."), label=_("Description")
    )

    class Meta:
        icon = "pick"
        label = _("Core value")
        description = _("One of the values the network holds to, in a word and a sentence.")
        preview_value = {
            "title": "Curiosity",
            "description": "We ask questions before we give answers, in class and beyond.",
        }


YOUTUBE_PLAYER = re.compile(r"(?:www\.)?youtube\.com/embed/")
VIMEO_PLAYER = re.compile(r'(player\.vimeo\.com/video/[^"?]+)\??')


def privacy_enhanced(embed_html):
    """Point YouTube players at their no-cookie host and ask Vimeo's not to track."""
    embed_html = YOUTUBE_PLAYER.sub("www.youtube-nocookie.com/embed/", embed_html)
    embed_html = VIMEO_PLAYER.sub(r"\1?dnt=1&", embed_html)
    return mark_safe(embed_html)
