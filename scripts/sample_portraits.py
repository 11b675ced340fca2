"""Draw the sample site's leaders' portraits (content/media/lanh-dao/…): python scripts/sample_portraits.py

ID-style photos drawn with Pillow: a studio backdrop (blue, as official photos are), a
face with hair, a white shirt, a dark jacket and a tie or collar, a lens's softness and
sensor grain. 600×800 JPEG, 30–80 KB each; the build publishes resized variants.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "content" / "media" / "lanh-dao"
SIZE = (600, 800)


def portrait(seed: int, skin: tuple[int, int, int], hair: tuple[int, int, int],
             jacket: tuple[int, int, int], long_hair: bool = False) -> Image.Image:
    rnd = random.Random(seed)
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # backdrop: lighter behind the head, like a studio light
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(60 + 40 * (1 - t)), int(110 + 50 * (1 - t)), int(175 + 40 * (1 - t))))
    light = Image.new("L", SIZE, 0)
    ImageDraw.Draw(light).ellipse((80, 60, 520, 520), fill=90)
    image = Image.composite(Image.new("RGB", SIZE, (200, 220, 240)), image, light.filter(ImageFilter.GaussianBlur(90)))
    draw = ImageDraw.Draw(image)
    cx = width // 2 + rnd.randrange(-12, 12)
    if long_hair:  # hair behind the shoulders
        draw.rounded_rectangle((cx - 165, 170, cx + 165, 610), 90, fill=hair)
    # shoulders and jacket, shirt and collar
    draw.ellipse((cx - 290, 560, cx + 290, 1100), fill=jacket)
    draw.polygon([(cx - 70, 560), (cx + 70, 560), (cx, 700)], fill=(245, 245, 242))
    if not long_hair:
        draw.polygon([(cx - 16, 585), (cx + 16, 585), (cx + 24, 760), (cx, 790), (cx - 24, 760)],
                     fill=(150 + rnd.randrange(60), 30, 40))
    # neck, face, ears
    draw.rectangle((cx - 48, 430, cx + 48, 590), fill=tuple(int(c * .9) for c in skin))
    draw.ellipse((cx - 138, 280, cx - 100, 380), fill=skin)
    draw.ellipse((cx + 100, 280, cx + 138, 380), fill=skin)
    draw.ellipse((cx - 115, 170, cx + 115, 480), fill=skin)
    # hair on top
    draw.chord((cx - 125, 140, cx + 125, 360), 180, 360, fill=hair)
    if long_hair:
        draw.rectangle((cx - 125, 240, cx - 100, 420), fill=hair)
        draw.rectangle((cx + 100, 240, cx + 125, 420), fill=hair)
    # eyes, brows, nose, mouth
    for side in (-1, 1):
        ex = cx + side * 45
        draw.ellipse((ex - 18, 318, ex + 18, 334), fill=(250, 250, 250))
        draw.ellipse((ex - 8, 318, ex + 8, 334), fill=(45, 30, 25))
        draw.line([(ex - 24, 300), (ex + 22, 296 + side)], fill=hair, width=7)
    draw.line([(cx, 335), (cx - 8, 395), (cx + 8, 400)], fill=tuple(int(c * .8) for c in skin), width=4)
    draw.arc((cx - 38, 405, cx + 38, 445), 20, 160, fill=(150, 70, 70), width=5)
    # a lens's softness and a sensor's grain
    image = image.filter(ImageFilter.GaussianBlur(1.4))
    noise = Image.effect_noise(SIZE, 22)
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.09)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    people = (
        ("nguyen-van-an.jpg", portrait(1, (224, 182, 150), (30, 28, 30), (40, 48, 70))),
        ("tran-thi-binh.jpg", portrait(2, (236, 196, 168), (25, 20, 22), (110, 40, 50), long_hair=True)),
        ("le-van-cuong.jpg", portrait(3, (210, 168, 134), (50, 46, 44), (55, 55, 58))),
    )
    for name, image in people:
        path = OUT / name
        image.save(path, "JPEG", quality=86, optimize=True, progressive=True)
        print(f"{path.relative_to(ROOT)}: {image.width}×{image.height}, {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
