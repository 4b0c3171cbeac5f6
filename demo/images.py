"""Pictures for the demo content, drawn locally so that loading it needs no network."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ("#1f6f50", "#a7d7b8", "#f2b134"),
    ("#0f4c75", "#9fd3e6", "#f7c873"),
    ("#7a3e1d", "#f0c27b", "#4b8f29"),
    ("#4a2c6d", "#c9b6e4", "#f28d52"),
    ("#22577a", "#80ed99", "#ffd166"),
    ("#8c2f39", "#f6bd60", "#84a59d"),
    ("#264653", "#e9c46a", "#2a9d8f"),
]


def draw_landscape(seed, width=1600, height=1000):
    """A calm abstract landscape: sky, sun and rolling hills in one palette."""
    rng = random.Random(seed)
    dark, light, accent = PALETTES[rng.randrange(len(PALETTES))]
    picture = PILImage.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(picture)
    radius = rng.randint(height // 10, height // 6)
    sun_x, sun_y = rng.randint(radius, width - radius), rng.randint(radius, height // 2)
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=accent)
    for layer in range(3):
        base = height * (0.55 + layer * 0.15)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 60)))
        points.append((width, height))
        shade = dark if layer == 2 else _blend(dark, light, 0.6 - layer * 0.25)
        draw.polygon(points, fill=shade)
    return picture


def draw_logo(initials, width=480, height=160, ink="#ffffff", emblem="#f2b134", mark="#14513a"):
    """A round emblem and the initials beside it, on a transparent background."""
    picture = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((8, 8, height - 8, height - 8), fill=emblem)
    draw.polygon([(40, 110), (80, 40), (120, 110)], fill=mark)
    draw.text((height + 10, height // 2), initials, fill=ink, anchor="lm", font_size=96)
    return picture


def _blend(colour_a, colour_b, amount):
    a = [int(colour_a[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(colour_b[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def demo_image(title, picture, alt_text=""):
    """The image with this title, created from `picture` the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG" if picture.mode == "RGBA" else "JPEG", quality=85)
    extension = "png" if picture.mode == "RGBA" else "jpg"
    filename = f"{title.lower().replace(' ', '-')}.{extension}"
    image = Image(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image
