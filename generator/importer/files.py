"""Importer: the file part. Finds saved pages, reads them, and copies the images
saved beside an .html page into content/media/. Everything else is pure."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import UsageError
from ..text import slugify
from .parse import Block, ImportedPage, ImportProblem, parse_html, parse_text

SUFFIXES = (".txt", ".text", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024


def page_slug(title: str) -> str:
    slug = slugify(title) or "bai-viet"
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return slug


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def input_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"không tìm thấy \"{path}\" — kiểm tra lại đường dẫn tệp hoặc thư mục")
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path).parts
                if any(p.startswith(".") or p.endswith("_files") for p in rel[:-1]) or rel[-1].startswith("."):
                    continue
                if file.is_file() and file.suffix.lower() in SUFFIXES:
                    files.append(file)
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _looks_html(file: Path, data: bytes) -> bool:
    if file.suffix.lower() in (".html", ".htm"):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def read_page(file: Path, source: str) -> ImportedPage | ImportProblem:
    """Read and parse one saved page; every failure becomes an ImportProblem."""
    try:
        if file.stat().st_size > MAX_BYTES:
            return ImportProblem(source, "too_large", "tệp quá lớn (hơn 5 MB) — đây có vẻ không phải "
                                 "một trang bài viết")
        data = file.read_bytes()
    except OSError as err:
        return ImportProblem(source, "unreadable", f"không đọc được tệp ({err.strerror or err})")
    if not data.strip():
        return ImportProblem(source, "empty", "tệp rỗng")
    if _looks_html(file, data):
        return parse_html(data, source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:4096]:
            return ImportProblem(source, "binary", "tệp không phải văn bản — chỉ nhận .txt hoặc .html")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ImportProblem(source, "not_utf8", "tệp không phải UTF-8 — mở tệp bằng trình soạn thảo "
                                 "và lưu lại với bảng mã UTF-8")
    return parse_text(text, source)


# --- images saved beside an .html page --------------------------------------------------

def _local_image(page_file: Path, src: str) -> Path | None:
    parsed = urlparse(src)
    if parsed.scheme and parsed.scheme != "file" or parsed.netloc:
        return None
    candidate = (page_file.parent / unquote(parsed.path)).resolve()
    return candidate if candidate.is_file() else None


_CAPTION_PREFIX = re.compile(r"^\(?\s*ảnh(\s+minh\s+ho[ạa])?\s*[:\-–]\s*", re.I)


def place_images(page: ImportedPage, page_file: Path, content_root: Path, dry_run: bool
                  ) -> tuple[ImportedPage, list[str]]:
    """Copy images saved beside an .html page into content/media/<year>/.

    The first one becomes the cover (``image``; its caption becomes ``image_alt``
    and leaves the body, as the theme shows the cover above the text); later ones
    stay in the body as ``![caption](media/…)`` with their caption line. Images
    that are only on the old server are reported, their captions kept."""
    warnings: list[str] = []
    blocks: list[Block] = []
    cover, cover_alt = "", ""
    year = (page.date or page.period)[:4] or "khong-ngay"
    count = 0
    skip_caption = False
    for index, block in enumerate(page.blocks):
        if block.kind == "caption" and skip_caption:
            skip_caption = False
            continue
        skip_caption = False
        if block.kind != "image":
            blocks.append(block)
            continue
        local = _local_image(page_file, block.src)
        if local is None:
            warnings.append(f"ảnh {block.src} chưa được tải về — tải ảnh vào content/media/ rồi "
                            "chèn vào bài nếu cần")
            continue
        count += 1
        name = f"{(page.slug or page_slug(page.title))[:60]}-{count}{local.suffix.lower()}"
        dest = content_root / "media" / year / name
        data = local.read_bytes()
        while dest.exists() and hashlib.sha256(dest.read_bytes()).digest() != hashlib.sha256(data).digest():
            dest = dest.with_name(f"{dest.stem}-x{dest.suffix}")
        if not dry_run and not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(local, dest)
        rel = dest.relative_to(content_root).as_posix()
        nxt = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
        alt = _CAPTION_PREFIX.sub("", nxt.text) if nxt is not None and nxt.kind == "caption" else block.text
        if not cover and not page.image:
            cover, cover_alt = rel, alt
            skip_caption = nxt is not None and nxt.kind == "caption"
            continue
        blocks.append(replace(block, src=rel, text=alt))
    page = replace(page, blocks=tuple(blocks), image=page.image or cover,
                   image_alt=page.image_alt or cover_alt)
    return page, warnings
