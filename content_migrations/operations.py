"""
Operations for migrations that rename or reshape a page type's fields. Django moves the
column; these move what Wagtail and wagtail-localize keep about the page besides it, so
that nothing is lost: the revisions (drafts, history, scheduled publishing), the
translation sources and the translation contexts that hold the translators' work.
"""

import json
import uuid

from django.db import migrations

# How wagtail-localize derives a TranslationContext's path_id from its path.
CONTEXT_PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")

# The wagtail-localize migration these operations need the models of.
DEPENDENCY = ("wagtail_localize", "0016_rename_page_revision_translationlog_revision")


def rename_stored_fields(app_label, model_name, renames):
    """Rename fields ({old: new}) in the page type's revisions and translation data."""

    def forward(apps, schema_editor):
        rewrite_stored_content(apps, app_label, model_name, renamed_keys(renames))
        rename_context_paths(apps, app_label, model_name, renames)

    def backward(apps, schema_editor):
        reverse = {new: old for old, new in renames.items()}
        rewrite_stored_content(apps, app_label, model_name, renamed_keys(reverse))
        rename_context_paths(apps, app_label, model_name, reverse)

    return migrations.RunPython(forward, backward)


def renamed_keys(renames):
    def rewrite(content):
        return {renames.get(key, key): value for key, value in content.items()}

    return rewrite


def rewrite_stored_content(apps, app_label, model_name, rewrite):
    """Apply `rewrite` to the serialised page in each revision and translation source."""
    content_type = page_content_type(apps, app_label, model_name)
    if content_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type_id=content_type.pk).iterator():
        revision.content = rewrite(revision.content)
        revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(
        specific_content_type_id=content_type.pk
    ).iterator():
        source.content_json = json.dumps(rewrite(json.loads(source.content_json)))
        source.save(update_fields=["content_json"])


def rename_context_paths(apps, app_label, model_name, renames):
    """Point the translation contexts of renamed fields at their new names."""
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    keys = apps.get_model(app_label, model_name).objects.values("translation_key")
    contexts = TranslationContext.objects.filter(object__translation_key__in=keys)
    for old, new in renames.items():
        for context in contexts.filter(path=old) | contexts.filter(path__startswith=f"{old}."):
            field_path = context.field_path and new + context.field_path[len(old) :]
            set_context_path(context, new + context.path[len(old) :], field_path)


def set_context_path(context, path, field_path):
    context.path = path
    context.path_id = uuid.uuid5(CONTEXT_PATH_NAMESPACE, path)
    context.field_path = field_path
    context.save(update_fields=["path", "path_id", "field_path"])


def page_content_type(apps, app_label, model_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()


def nest_image_blocks(app_label, model_name, fields):
    """
    Image blocks became Wagtail's ImageBlock inside ours: {image, alt_text, decorative,
    caption, credit} is now {image: {image, alt_text, decorative}, caption, credit}.
    Reshape them in the page type's StreamFields (`fields`), revisions and translation
    sources, and move the translators' alt texts to the new paths.
    """

    def forward(apps, schema_editor):
        reshape_image_blocks(apps, app_label, model_name, fields, nested_image)
        move_image_contexts(apps, app_label, model_name, fields, nest=True)

    def backward(apps, schema_editor):
        reshape_image_blocks(apps, app_label, model_name, fields, flat_image)
        move_image_contexts(apps, app_label, model_name, fields, nest=False)

    return migrations.RunPython(forward, backward)


IMAGE_OWN_KEYS = ("image", "alt_text", "decorative")


def nested_image(value):
    if isinstance(value.get("image"), dict):
        return value
    image = {key: value.pop(key, None) for key in IMAGE_OWN_KEYS}
    image["alt_text"] = image["alt_text"] or ""
    image["decorative"] = bool(image["decorative"])
    return {"image": image, **value}


def flat_image(value):
    if not isinstance(value.get("image"), dict):
        return value
    return {**value.pop("image"), **value}


def reshape_stream(stream, reshape):
    """Apply `reshape` to every image block's value: alone, or in a photo set."""
    for block in stream:
        if block["type"] == "image":
            block["value"] = reshape(block["value"])
        elif block["type"] == "photo_set":
            block["value"]["photos"] = [
                {**item, "value": reshape(item["value"])} if "type" in item else reshape(item)
                for item in block["value"].get("photos", [])
            ]
    return stream


def reshape_image_blocks(apps, app_label, model_name, fields, reshape):
    model = apps.get_model(app_label, model_name)
    for page in model.objects.all():
        for field in fields:
            setattr(page, field, reshape_stream(list(getattr(page, field).raw_data), reshape))
        page.save(update_fields=fields)

    def rewrite(content):
        for field in fields:
            if content.get(field):
                stream = content[field]
                stream = json.loads(stream) if isinstance(stream, str) else stream
                content[field] = json.dumps(reshape_stream(stream, reshape))
        return content

    rewrite_stored_content(apps, app_label, model_name, rewrite)


def move_image_contexts(apps, app_label, model_name, fields, nest):
    """`body.<block>.alt_text` becomes `body.<block>.image.alt_text`, or back."""
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    keys = apps.get_model(app_label, model_name).objects.values("translation_key")
    contexts = TranslationContext.objects.filter(object__translation_key__in=keys)
    for field in fields:
        for context in contexts.filter(path__startswith=f"{field}."):
            parts = context.path.split(".")
            nested = len(parts) > 3 and parts[-2] == "image"
            if parts[-1] not in IMAGE_OWN_KEYS or nested == nest:
                continue
            parts = [*parts[:-1], "image", parts[-1]] if nest else [*parts[:-2], parts[-1]]
            set_context_path(context, ".".join(parts), "")
