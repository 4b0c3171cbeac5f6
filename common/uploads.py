"""
What an upload must be before the admin keeps it. Wagtail checks an image's type from its
first bytes; a file that starts right and then breaks (truncated, or an image header on
something else) would fail later, when a page asks for a rendition. Here every image is
decoded whole and every document checked against what its extension promises, so a bad
file is a form error at upload.
"""

import io
import zipfile

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Enough frames to catch a broken animation without decoding a film.
MAX_FRAMES_CHECKED = 300

# The first bytes each document type starts with, and the zip members of office files.
SIGNATURES = {"pdf": b"%PDF-", "rtf": b"{\\rtf"}
OFFICE_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "content.xml",
}
TEXT_TYPES = {"csv", "txt"}

UNREADABLE_IMAGE = _(
    "This file could not be read as an image: it may be damaged, cut short, or not the "
    "kind of image its name says. Save it again from an image editor and upload that."
)


def check_image_decodes(file):
    try:
        file.seek(0)
        with Image.open(file) as image:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                frame.load()
                if index >= MAX_FRAMES_CHECKED:
                    break
    except Exception as error:  # Pillow raises many kinds for broken data
        raise forms.ValidationError(UNREADABLE_IMAGE, code="undecodable") from error
    finally:
        file.seek(0)


def check_document_matches_extension(file):
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    file.seek(0)
    start = file.read(2048)
    file.seek(0)
    if extension in SIGNATURES:
        valid = start.startswith(SIGNATURES[extension])
    elif extension in OFFICE_MEMBERS:
        valid = zipfile.is_zipfile(file) and has_member(file, OFFICE_MEMBERS[extension])
        file.seek(0)
    elif extension in TEXT_TYPES:
        valid = b"\0" not in start
    else:
        valid = True
    if not valid:
        raise forms.ValidationError(
            _(
                "This file is not a valid .%(extension)s file: it may be damaged, or another "
                "kind of file renamed. Export it again and upload that."
            ),
            code="mismatched",
            params={"extension": extension},
        )


def has_member(file, name):
    try:
        with zipfile.ZipFile(file) as archive:
            return name in archive.namelist()
    except zipfile.BadZipFile:
        return False


def without_metadata(file):
    """
    A copy of the photo in `file` with its pixels only: no EXIF (where it was taken, with
    which camera), XMP or comments. It is turned the way the camera meant it first, since
    that instruction is metadata too; its colour profile is kept.
    """
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        image = ImageOps.exif_transpose(original)
        colour_profile = original.info.get("icc_profile")
    image.info = {}
    if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    output = io.BytesIO()
    options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
    if colour_profile:
        options["icc_profile"] = colour_profile
    image.save(output, format=image_format, **options)
    file.seek(0)
    return ContentFile(output.getvalue(), name=file.name)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, which also decodes the image whole."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except forms.ValidationError:
            raise
        except Exception as error:  # Willow fails in many ways on a broken header
            raise forms.ValidationError(UNREADABLE_IMAGE, code="undecodable") from error
        if file is not None:
            check_image_decodes(file)
        return file


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_matches_extension(file)
        return file
