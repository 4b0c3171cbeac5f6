"""Helpers the apps' demo loaders share."""

from home.models import KeyAreaIndexPage, KeyAreaPage


def ensure_index(home, model, fields):
    """The `model` index page under `home`, created and published the first time."""
    index = home.get_children().type(model).first()
    if index is None:
        index = model(**fields)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index.specific


def key_areas_by_slug(home):
    index = KeyAreaIndexPage.objects.child_of(home).get()
    return {area.slug: area for area in KeyAreaPage.objects.child_of(index)}
