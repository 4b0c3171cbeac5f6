"""
What an upload must be before the site keeps it, checked in the order that costs least.

An image is first judged on what it declares (its format, its size, how many frames it
has), so a small file that would unfold into billions of pixels is refused before any of
them is decoded; a GIF's frames are counted by walking its blocks, which also finds a GIF
cut short. Then Wagtail's own checks decode its first frame, the one pages show, so a
file that starts right and then breaks is a form error at upload, not a broken page.
Documents are checked against what their extension promises. Last, the media store must
have room for the file: a full or read-only disk is a form error, never a server error.
"""

import io
import logging
import os
import shutil
import zipfile

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

# Pillow's names of the formats WAGTAILIMAGES_EXTENSIONS may allow.
IMAGE_FORMATS = {
    "avif": "AVIF",
    "gif": "GIF",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
}
# Pages show an animation's first frame; more frames than this are not an illustration.
MAX_FRAMES = 500

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
UNSUPPORTED_FORMAT = _("This kind of image is not taken here. Upload it as %(formats)s.")
TOO_MANY_PIXELS = _(
    "This image is too large: %(width)s × %(height)s pixels, where at most %(limit)s million "
    "pixels are taken. Save a smaller copy and upload that."
)
TOO_MANY_PIXELS_IN_FRAMES = _(
    "This animation is too large: %(frames)s frames of %(width)s × %(height)s pixels, where "
    "at most %(limit)s million pixels in all are taken. Upload a still image or a smaller "
    "animation."
)
TOO_MANY_FRAMES = _(
    "This animation has more than %(limit)s frames. Upload a still image or a shorter animation."
)
STORE_UNAVAILABLE = _(
    "The site cannot store files just now (its media storage is full or read-only), so "
    "nothing was kept. Please try again later; the site's operators have been told."
)


class GifBlocks:
    """
    A GIF's frames counted from its block structure, without decoding any of them: an
    image descriptor per frame, each followed by its data in sub-blocks, then the trailer.
    Raises ValueError on a GIF cut short or malformed.
    """

    def __init__(self, data):
        self.data = data
        self.position = 0

    def take(self, length):
        if self.position + length > len(self.data):
            raise ValueError("cut short")
        chunk = self.data[self.position : self.position + length]
        self.position += length
        return chunk

    def skip_colour_table(self, flags):
        if flags & 0x80:
            self.take(3 * 2 ** ((flags & 0x07) + 1))

    def skip_sub_blocks(self):
        while size := self.take(1)[0]:
            self.take(size)

    def count_frames(self, limit):
        """The number of frames, or `limit` + 1 as soon as there are more than `limit`."""
        self.take(6)
        self.skip_colour_table(self.take(7)[4])
        frames = 0
        while frames <= limit:
            introducer = self.take(1)
            if introducer == b"\x3b":
                return frames
            if introducer == b"\x21":
                self.take(1)
                self.skip_sub_blocks()
            elif introducer == b"\x2c":
                self.skip_colour_table(self.take(9)[8])
                self.take(1)
                self.skip_sub_blocks()
                frames += 1
            else:
                raise ValueError("not a GIF block")
        return frames


def declared_frames(image, file):
    if image.format != "GIF":
        return getattr(image, "n_frames", 1)
    file.seek(0)
    try:
        return GifBlocks(file.read()).count_frames(MAX_FRAMES)
    except ValueError as error:
        raise forms.ValidationError(UNREADABLE_IMAGE, code="undecodable") from error


def check_declared_image(file, formats, max_pixels, format_message=UNSUPPORTED_FORMAT):
    """
    Refuse an image on its header alone: its format, dimensions and frames. A file Pillow
    cannot even open is left to Wagtail's field, which says what it is instead.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            frames = declared_frames(image, file)
    except forms.ValidationError:
        raise
    except Exception:  # Pillow raises many kinds for what is not an image
        return
    finally:
        file.seek(0)
    if image_format not in formats:
        raise forms.ValidationError(
            format_message,
            code="unsupported_format",
            params={"formats": ", ".join(sorted(formats))},
        )
    if frames > MAX_FRAMES:
        raise forms.ValidationError(
            TOO_MANY_FRAMES, code="too_many_frames", params={"limit": MAX_FRAMES}
        )
    if width * height * frames > max_pixels:
        size = {"width": width, "height": height, "frames": frames}
        message = TOO_MANY_PIXELS if frames == 1 else TOO_MANY_PIXELS_IN_FRAMES
        raise forms.ValidationError(
            message, code="too_many_pixels", params={**size, "limit": round(max_pixels / 1e6)}
        )


def check_store_accepts(size):
    """
    Whether the media store can take a file of `size` bytes now, with room to spare for
    its renditions. Object storage is not asked in advance: it has no disk to fill.
    """
    if not isinstance(default_storage, FileSystemStorage):
        return
    location = default_storage.location
    while not os.path.isdir(location):
        location = os.path.dirname(location)
    if not os.access(location, os.W_OK) or shutil.disk_usage(location).free < 2 * size + 2**20:
        logger.error("The media store at %s is full or read-only: uploads are refused.", location)
        raise forms.ValidationError(STORE_UNAVAILABLE, code="store_unavailable")


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


# How a photo's copy is written: its file's suffix and the encoder's options. zlib's
# fastest level for a PNG, whose default took seconds for a large photo.
KEPT_PHOTO_FORMATS = {"JPEG": (".jpg", {"quality": 90}), "PNG": (".png", {"compress_level": 1})}


def without_metadata(file):
    """
    A copy of the photo in `file` with its pixels only: no EXIF (where it was taken, with
    which camera), XMP or comments. It is turned the way the camera meant it first, since
    that instruction is metadata too; its colour profile is kept.

    A WebP photo is kept as a JPEG (a PNG if it has transparency): libwebp's fastest
    method cannot write some large detailed photos at all, and its others take seconds.
    The copy is kept, not served; renditions are made from it.
    """
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        image = ImageOps.exif_transpose(original)
        colour_profile = original.info.get("icc_profile")
    image.info = {}
    if image_format == "WEBP":
        image_format = "PNG" if image.has_transparency_data else "JPEG"
    if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    output = io.BytesIO()
    suffix, options = KEPT_PHOTO_FORMATS[image_format]
    if colour_profile:
        options = {**options, "icc_profile": colour_profile}
    image.save(output, format=image_format, **options)
    file.seek(0)
    return ContentFile(output.getvalue(), name=os.path.splitext(file.name)[0] + suffix)


class DecodedImageField(WagtailImageField):
    """
    Wagtail's image field (extension, file size, pixels), which first judges the image on
    its header and last makes sure the media store can keep it.
    """

    def __init__(self, *args, formats=None, format_message=UNSUPPORTED_FORMAT, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_image_pixels = self.max_image_pixels or Image.MAX_IMAGE_PIXELS
        self.formats = formats or {
            IMAGE_FORMATS[extension] for extension in settings.WAGTAILIMAGES_EXTENSIONS
        }
        self.format_message = format_message

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if self.max_upload_size is None or data.size <= self.max_upload_size:
            check_declared_image(data, self.formats, self.max_image_pixels, self.format_message)
        try:
            file = super().to_python(data)
        except forms.ValidationError:
            raise
        except Exception as error:  # Willow and Pillow fail in many ways on broken data
            raise forms.ValidationError(UNREADABLE_IMAGE, code="undecodable") from error
        check_store_accepts(file.size)
        return file

    def check_image_pixel_size(self, f):
        """
        Decode the first frame whole, once, to be sure it can be: its pixels and frames
        were counted from the header already, and Wagtail's own check decodes the image
        again for each of the two. What Pillow refuses to open as a decompression bomb
        (before decoding) is left to Wagtail's check, which says so.
        """
        try:
            f.image.get_size()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            super().check_image_pixel_size(f)


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
            check_store_accepts(file.size)
        return file
