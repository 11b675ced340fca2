"""Draw the sample site's phone-like photos (content/media/2024/…): python scripts/sample_photos.py

Scenes drawn with Pillow (sky, fields, a road, houses, sensor noise), saved as a phone saves
them: JPEG with EXIF (camera, date, GPS position). One is stored sideways with EXIF
orientation 6, as phones store portrait photos. Each file stays under 300 KB so the
repository stays small; the build publishes resized copies without any of this metadata.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.photos import exif_for  # noqa: E402  (the same EXIF the tests use: camera, GPS, serial)

OUT = ROOT / "content" / "media" / "2024"
LIMIT = 300 * 1024


def sky_and_land(width: int, height: int, horizon: float, land: tuple[int, int, int], seed: int) -> Image.Image:
    rnd = random.Random(seed)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    line = int(height * horizon)
    for y in range(line):  # sky: deep blue at the top, hazy near the horizon
        t = y / max(1, line)
        draw.line([(0, y), (width, y)], fill=(int(70 + 150 * t), int(130 + 100 * t), int(200 + 45 * t)))
    for y in range(line, height):  # land: darker near the camera
        t = (y - line) / max(1, height - line)
        draw.line([(0, y), (width, y)], fill=tuple(int(c * (1.05 - 0.35 * t)) for c in land))
    hills = [(0, line)] + [(x, line - rnd.randrange(height // 30, height // 9))
                           for x in range(0, width + width // 8, width // 8)] + [(width, line)]
    draw.polygon(hills, fill=(58, 96, 64))
    for _ in range(6):  # clouds
        x, y = rnd.randrange(width), rnd.randrange(max(1, line // 2))
        w = rnd.randrange(width // 10, width // 4)
        draw.ellipse((x, y, x + w, y + w // 4), fill=(240, 244, 248))
    return image


def rice_field(width: int, height: int, seed: int) -> Image.Image:
    image = sky_and_land(width, height, 0.42, (196, 168, 60), seed)
    draw = ImageDraw.Draw(image)
    line = int(height * 0.42)
    for i in range(-40, 60):  # furrows converging to the horizon
        x = width / 2 + i * width / 30
        draw.line([(width / 2 + i * width / 400, line), (x, height)], fill=(150, 122, 40), width=2)
    draw.rectangle((width * 0.62, line + height * 0.12, width * 0.82, line + height * 0.26), fill=(190, 40, 35))
    draw.rectangle((width * 0.66, line + height * 0.05, width * 0.78, line + height * 0.12), fill=(60, 60, 70))
    return image


def village_road(width: int, height: int, seed: int) -> Image.Image:
    image = sky_and_land(width, height, 0.45, (80, 150, 70), seed)
    draw = ImageDraw.Draw(image)
    line = int(height * 0.45)
    draw.polygon([(width * 0.47, line), (width * 0.53, line), (width * 0.95, height), (width * 0.05, height)],
                 fill=(170, 170, 165))
    for i in range(8):  # houses along the road
        x = width * (0.05 + i * 0.12)
        h = height * 0.08
        draw.rectangle((x, line - h, x + width * 0.08, line), fill=(235, 225, 200))
        draw.polygon([(x - 5, line - h), (x + width * 0.04, line - h * 1.6), (x + width * 0.08 + 5, line - h)],
                     fill=(165, 60, 40))
    for i in range(12):  # electricity poles
        x = width * 0.5 + (i - 6) * width * 0.09
        draw.line([(x, line - height * 0.15), (x, line + height * 0.02 * abs(i - 6))], fill=(90, 90, 90), width=4)
    return image


def cultural_house(width: int, height: int, seed: int) -> Image.Image:
    """A portrait scene: the village cultural house with its flag pole."""
    image = sky_and_land(width, height, 0.55, (120, 160, 90), seed)
    draw = ImageDraw.Draw(image)
    line = int(height * 0.55)
    draw.rectangle((width * 0.15, line - height * 0.16, width * 0.85, line + height * 0.05), fill=(240, 214, 150))
    draw.polygon([(width * 0.1, line - height * 0.16), (width * 0.5, line - height * 0.27),
                  (width * 0.9, line - height * 0.16)], fill=(170, 55, 40))
    for i in range(5):
        x = width * (0.22 + i * 0.13)
        draw.rectangle((x, line - height * 0.1, x + width * 0.07, line + height * 0.05), fill=(110, 70, 40))
    draw.line([(width * 0.08, line + height * 0.05), (width * 0.08, line - height * 0.35)], fill=(200, 200, 200), width=6)
    draw.rectangle((width * 0.08, line - height * 0.35, width * 0.2, line - height * 0.3), fill=(218, 37, 29))
    draw.rectangle((0, line + height * 0.05, width, height), fill=(185, 180, 170))  # the yard
    return image


def photographed(image: Image.Image, seed: int, grain: float = 14) -> Image.Image:
    """A lens's softness and a sensor's grain."""
    noise = Image.effect_noise(image.size, grain)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.08)


def save(image: Image.Image, name: str, orientation: int | None = None) -> None:
    quality = 88
    while True:
        path = OUT / name
        image.save(path, "JPEG", quality=quality, exif=exif_for(orientation, gps=True))
        if path.stat().st_size <= LIMIT or quality <= 60:
            break
        quality -= 4
    print(f"{path.relative_to(ROOT)}: {image.width}×{image.height}, {path.stat().st_size // 1024} KB, q{quality}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    save(photographed(rice_field(2000, 1500, 7), 7), "lua-chin-canh-dong-mau.jpg")
    save(photographed(village_road(2000, 1500, 8), 8), "duong-thon-dong-binh.jpg")
    # portrait, stored sideways as a phone stores it: EXIF orientation 6 turns it upright
    upright = photographed(cultural_house(1500, 2000, 9), 9)
    save(upright.transpose(Image.Transpose.ROTATE_90), "nha-van-hoa-thon-doan-ket.jpg", orientation=6)


if __name__ == "__main__":
    main()
