"""Blocks for stories: the shared library plus what a story needs to be told well."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from common.blocks import RICH_TEXT_FEATURES, BodyBlock, ImageBlock


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        help_text=_("A striking sentence from the story, repeated large to draw readers in."),
        label=_("Text"),
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "stories/blocks/pull_quote.html"


class PhotoSetBlock(blocks.StructBlock):
    photos = blocks.ListBlock(ImageBlock(), min_num=2, max_num=8, label=_("Photos"))

    class Meta:
        icon = "image"
        label = _("Photo set")
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


class StoryBodyBlock(BodyBlock):
    pull_quote = PullQuoteBlock()
    photo_set = PhotoSetBlock()
    lessons = LessonsBlock()
