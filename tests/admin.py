"""Filling in Wagtail admin forms as an editor's browser would post them."""

from django.urls import reverse
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)


def block_form_data(block, value):
    """The POST data the StreamField editor sends for `value`, built with Wagtail's helpers."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child.block_type, block_form_data(child.block, child.value)) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        # A list posts like a stream whose items have no type.
        return streamfield([("item", block_form_data(block.child_block, item)) for item in value])
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_data(child, value[name]) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source, features=block.features)
    if isinstance(block, blocks.ChooserBlock):
        return value.pk if value else ""
    if isinstance(block, EmbedBlock):
        return value.url if value else ""
    prepared = block.get_prep_value(value)
    return "" if prepared is None else prepared


def edit_form_data(response, instance, form_id="w-editor-form", **changes):
    """
    The edit form in an admin `response`, as the browser would post it, with `changes`
    applied. StreamFields are drawn by JavaScript, so their data comes from `instance`.
    """
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    for field in type(instance)._meta.get_fields():
        if isinstance(field, StreamField) and field.name not in changes:
            value = getattr(instance, field.name)
            data.update(nested_form_data({field.name: block_form_data(field.stream_block, value)}))
    for name, value in changes.items():
        if isinstance(value, dict):
            data.update(nested_form_data({name: value}))
        elif isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = value
    return data


def page_edit_data(client, page, **changes):
    """The page's edit form as the admin renders it, with `changes` applied."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return edit_form_data(response, page.specific, form_id="page-edit-form", **changes)
