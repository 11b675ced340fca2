"""Phone-like test photos made with Pillow: gradient, shapes and sensor noise, real EXIF.

``phone_photo(4000, 3000)`` is a ~4 MB JPEG like a phone's; ``orientation=6``
stores it sideways with the EXIF tag that makes viewers turn it upright, and
``gps=True`` adds the position and a camera serial number, which the published
site must never carry. Shared by the tests and the benchmark.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw
from PIL.ExifTags import IFD

#: the GPS position written by gps=True (a rice field in Hải Dương)
LATITUDE = (20.0, 44.0, 51.0)
LONGITUDE = (106.0, 14.0, 3.0)
SERIAL = "R58M12345XZ"


def picture(width: int, height: int, seed: int = 1, noise: float = 48.0) -> Image.Image:
    """An RGB image with something of a photo's texture: light, shapes, noise at several scales."""
    rnd = random.Random(seed)
    sky = Image.linear_gradient("L").resize((width, height))
    field = sky.transpose(Image.Transpose.ROTATE_90).resize((width, height))
    image = Image.merge("RGB", (field, sky, Image.new("L", (width, height), 90 + seed % 60)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rnd.randrange(width), rnd.randrange(height)
        size = rnd.randrange(max(2, width // 30), max(3, width // 5))
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if rnd.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size * 2 // 3), fill=colour)
        else:
            draw.rectangle((x, y, x + size // 3, y + size), fill=colour)
    coarse = Image.merge("RGB", [Image.effect_noise((width // 16 + 1, height // 16 + 1), noise)
                                 .resize((width, height), Image.Resampling.BICUBIC) for _ in range(3)])
    grain = Image.effect_noise((width, height), noise)
    image = Image.blend(image, coarse, 0.25)
    return Image.blend(image, Image.merge("RGB", (grain, grain, grain)), 0.2)


def exif_for(orientation: int | None = None, gps: bool = False) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Samsung"  # Make
    exif[0x0110] = "Galaxy A15"  # Model
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif.get_ifd(IFD.Exif)[0xA431] = SERIAL  # BodySerialNumber
        position = exif.get_ifd(IFD.GPSInfo)
        position[1], position[2] = "N", LATITUDE
        position[3], position[4] = "E", LONGITUDE
    return exif


def phone_photo(width: int = 4000, height: int = 3000, seed: int = 1, orientation: int | None = None,
                gps: bool = False, quality: int = 91) -> bytes:
    """JPEG bytes of a phone-like photo (*width*×*height* as stored in the file)."""
    buffer = io.BytesIO()
    picture(width, height, seed).save(buffer, "JPEG", quality=quality, exif=exif_for(orientation, gps))
    return buffer.getvalue()
