"""Write screenshots of every page type to docs/screenshots/, for the README.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the sample site (and a generated site with a category page 2) into a
temporary folder, serves it on 127.0.0.1 and photographs each page type with
Debian's Chromium at 360 px (a cheap phone) and 1280 px (an office computer),
plus the monthly bulletin as it prints on A4. Needs Playwright and
/usr/bin/chromium, like the browser tests, and Pillow: the PNGs are reduced to
256 colours so the repository stays light (about 2.5 MB instead of 6.5 MB).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_support import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, page_url, serve_sites  # noqa: E402

WIDTHS = {360: 740, 1280: 900}  # viewport width -> height
MAX_HEIGHT = 2500  # long pages are cut here; the top of a page is what readers judge
A4_WIDTH = 794  # 210 mm at 96 px per inch


def shoot(page, path: Path) -> None:
    from PIL import Image

    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    width = page.viewport_size["width"]
    png = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, "PNG", optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    try:
        from PIL import Image  # noqa: F401
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        print(f"{missing.name} is not installed: pip install playwright pillow", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, serve_sites(Path(work)) as servers, sync_playwright() as api:
        browser = api.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            phone = width < 600
            context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                          is_mobile=phone, has_touch=phone)
            page = context.new_page()
            for page_type in PAGE_TYPES:
                page.goto(page_url(servers, page_type), wait_until="networkidle")
                target = args.out / f"{page_type.name}-{width}.png"
                shoot(page, target)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            context.close()
        # the bulletin as a commune office prints it (print stylesheet, A4 width)
        context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123}, locale="vi-VN")
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(page_url(servers, next(t for t in PAGE_TYPES if t.name == "bulletin")), wait_until="networkidle")
        target = args.out / "bulletin-print.png"
        shoot(page, target)
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
