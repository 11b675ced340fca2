#!/usr/bin/env python3
"""Photo benchmark (issue 13): a site whose articles carry 200 phone photos.

    python benchmarks/photos.py              # 200 photos of 4000×3000 (~4 MB each)
    python benchmarks/photos.py --photos 20  # smoke run

Generates a content folder (the sample site's settings, one article per photo, the photo
as its cover) under benchmarks/work/photos/, then times with ``python build.py``:
a cold build (output and every cache deleted: each photo decoded and encoded into
10 variants) and a no-op rebuild (the image cache answers: nothing re-encoded). Wall
time, CPU user+sys and peak RSS as benchmarks/run.py measures them; the report goes
to benchmarks/results/photos.md. Not part of the pytest suite.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from run import timed  # noqa: E402  (same measurement as the main benchmark)

WORK = HERE / "work" / "photos"


def photos(count: int, width: int, height: int):
    """*count* different phone-like JPEGs: one noisy base, each with its own shapes, tint and EXIF."""
    from PIL import Image, ImageDraw

    from tests.photos import exif_for, picture

    base = picture(width, height, seed=1)
    for index in range(count):
        rnd = random.Random(index)
        image = base.copy()
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y = rnd.randrange(width), rnd.randrange(height)
            size = rnd.randrange(width // 20, width // 4)
            draw.ellipse((x, y, x + size, y + size // 2),
                         fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        tint = Image.new("RGB", image.size, (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        image = Image.blend(image, tint, 0.12)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=91, exif=exif_for(6 if index % 5 == 0 else None, gps=True))
        yield buffer.getvalue()


def make_content(count: int, width: int, height: int) -> tuple[Path, int]:
    from tests.conftest import article

    content = WORK / "content"
    shutil.rmtree(content, ignore_errors=True)
    (content / "media" / "anh").mkdir(parents=True)
    for name in ("site.yml", "tthc.yml"):
        shutil.copy(REPO / "content" / name, content / name)
    shutil.copytree(REPO / "content" / "media" / "lien-ket", content / "media" / "lien-ket")
    total = 0
    for index, data in enumerate(photos(count, width, height)):
        (content / "media" / "anh" / f"anh-{index:03d}.jpg").write_bytes(data)
        total += len(data)
        text = article(f"Tin ảnh số {index}", date=f"2024-{1 + index % 12:02d}-{1 + index % 28:02d} 08:00",
                       image=f"media/anh/anh-{index:03d}.jpg", image_alt=f"Ảnh số {index}",
                       summary="Tin có ảnh chụp bằng điện thoại.", category="Tin ảnh",
                       body="Đoạn văn của tin ảnh.\n\n" * 5)
        (content / "tin-tuc" / f"tin-anh-{index:03d}.md").parent.mkdir(parents=True, exist_ok=True)
        (content / "tin-tuc" / f"tin-anh-{index:03d}.md").write_text(text, encoding="utf-8")
    return content, total


def tree_size(root: Path, pattern: str = "*") -> tuple[int, int]:
    files = [p for p in root.rglob(pattern) if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the photos of the previous run (same --photos) instead of drawing them again")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    previous = sorted((WORK / "content" / "media" / "anh").glob("anh-*.jpg"))
    if args.reuse and len(previous) == args.photos:
        content, source_bytes = WORK / "content", sum(p.stat().st_size for p in previous)
    else:
        content, source_bytes = make_content(args.photos, args.width, args.height)
    out = WORK / "public"
    log = WORK / "build.log"
    log.unlink(missing_ok=True)
    for stale in (out, *WORK.glob(".public.*")):
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    cmd = [sys.executable, REPO / "build.py", "--content", content, "--output", out, "-q"]
    cold = timed(cmd, REPO, log)
    media_files, media_bytes = tree_size(out / "media" / "anh")
    noop = timed(cmd, REPO, log)
    webp_720 = [p.stat().st_size for p in (out / "media" / "anh").glob("*.720.*.webp")]
    rows = [
        f"# Photo benchmark: {args.photos} phone photos ({args.width}×{args.height})",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end.",
        "",
        f"Sources: {args.photos} JPEGs, {source_bytes / 1e6:.0f} MB in all (one in five stored sideways "
        "with EXIF orientation 6; every one with GPS).",
        f"Published: {media_files} variant files, {media_bytes / 1e6:.1f} MB; the 720-px WebP a 360-px "
        f"DPR-2 phone loads: median {sorted(webp_720)[len(webp_720) // 2] / 1024:.0f} KB, "
        f"max {max(webp_720) / 1024:.0f} KB.",
        "",
        "| build | wall s | CPU user+sys s | peak RSS MB |",
        "| --- | ---: | ---: | ---: |",
        f"| cold (no output, no cache: every photo encoded) | {cold.wall:.1f} | {cold.cpu:.1f} | {cold.rss_kb / 1024:.0f} |",
        f"| no-op rebuild (image cache: nothing encoded) | {noop.wall:.1f} | {noop.cpu:.1f} | {noop.rss_kb / 1024:.0f} |",
        "",
    ]
    report = "\n".join(rows)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "photos.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
