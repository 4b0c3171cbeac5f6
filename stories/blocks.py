"""Blocks for stories: the shared library plus what a story needs to be told well."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from page_parts.blocks import RICH_TEXT_FEATURES, BodyBlock, ImageBlock, image_preview


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        help_text=_("A striking sentence from the story, repeated large to draw readers in."),
        label=_("Text"),
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        description = _("A sentence from the story, repeated large to draw readers in.")
        preview_value = {"text": "We learn faster when we teach each other."}
        template = "stories/blocks/pull_quote.html"


class PhotoSetBlock(blocks.StructBlock):
    photos = blocks.ListBlock(ImageBlock(), min_num=2, max_num=8, label=_("Photos"))

    class Meta:
        icon = "image"
        label = _("Photo set")
        description = _("Two to eight photos side by side, each with its own alt text.")
        preview_value = staticmethod(lambda: {"photos": [image_preview(), image_preview()]})
        template = "stories/blocks/photo_set.html"


class LessonsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, default=_("What others can learn"), label=_("Heading")
    )
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text=_("What other schools or places could take from this story, ideally a list."),
        label=_("Text"),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("What others can learn")
        template = "stories/blocks/lessons.html"
        description = _("A short list of what other schools or places could take from the story.")
        preview_value = {
            "heading": "What others can learn",
            "text": "<ul><li>Start small: one bed per class.</li><li>Let pupils choose.</li></ul>",
        }


class StoryBodyBlock(BodyBlock):
    pull_quote = PullQuoteBlock()
    photo_set = PhotoSetBlock()
    lessons = LessonsBlock()
