"""Importer: the file part. Finds saved pages, reads them, and copies the images
saved beside an .html page into content/media/. Everything else is pure."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import UsageError, os_reason
from ..source import decode
from ..safefs import inside, kind_of, read_regular
from ..text import slugify
from .parse import Block, ImportedPage, ImportProblem, parse_html, parse_text

SUFFIXES = (".txt", ".text", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


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
                if not file.is_dir() and file.suffix.lower() in SUFFIXES:  # a FIFO too: read_page reports it
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
    if not inside(file, file.parent):
        return ImportProblem(source, "link_outside", "tệp là liên kết tượng trưng trỏ ra ngoài thư mục của nó "
                             "— không nhập; chép trang thật vào thư mục rồi nhập lại")
    try:
        data = read_regular(file, limit=MAX_BYTES)
        if len(data) > MAX_BYTES:
            return ImportProblem(source, "too_large", "tệp quá lớn (hơn 5 MB) — đây có vẻ không phải "
                                 "một trang bài viết")
    except OSError as err:
        return ImportProblem(source, "unreadable", f"không đọc được tệp ({os_reason(err)})")
    if not data.strip():
        return ImportProblem(source, "empty", "tệp rỗng")
    if _looks_html(file, data):
        return parse_html(data, source)
    # the build's decoder; control characters it reports are already removed from
    # the text, and the importer writes a clean article, so they need no message here
    decoded, problems = decode(source, data, utf16=True)
    if decoded is None:
        return ImportProblem(source, problems[0].code, problems[0].message)
    return parse_text(decoded.text, source)


# --- images saved beside an .html page --------------------------------------------------

#: why an image named by a saved page is not copied (shown after "ảnh … ")
_NOT_COPIED = {
    "remote": "chưa được tải về — tải ảnh vào content/media/ rồi chèn vào bài nếu cần",
    "outside": "nằm ngoài thư mục của trang đã lưu — không chép (chỉ chép ảnh lưu cùng trang, "
               "trong thư mục …_files bên cạnh tệp .html); chép ảnh vào content/media/ nếu cần",
    "link": "là liên kết tượng trưng (symlink) — không chép; chép tệp ảnh thật vào content/media/ nếu cần",
    "not_regular": "không phải một tệp thường — không chép",
    "not_image": "không phải tệp ảnh (.jpg, .jpeg, .png, .gif, .webp) — không chép",
    "missing": "không có trong thư mục của trang đã lưu — tải ảnh vào content/media/ rồi chèn vào bài nếu cần",
}


def local_image(page_file: Path, src: str) -> tuple[Path | None, str]:
    """The file a saved page's ``<img src>`` names, if bantin may copy it.

    Only a regular file inside the saved page's own folder qualifies: no URL
    scheme (``file:`` included), no host, no absolute or drive path, no ``..``
    (also percent-encoded or with backslashes), no symlink anywhere on the way
    and no file with other hard links. Returns (path, "") or (None, reason code).
    """
    src = src.strip()
    if re.match(r"^[a-zA-Z]:", src):  # C:\\… is a drive, not a URL scheme
        return None, "outside"
    try:
        parsed = urlsplit(src)
    except ValueError:
        return None, "outside"
    if parsed.scheme or parsed.netloc:
        return None, "outside" if parsed.scheme.lower() == "file" else "remote"
    raw = unquote(parsed.path).replace("\\", "/")
    if not raw or "\x00" in raw or raw.startswith("/") or re.match(r"^[a-zA-Z]:", raw):
        return None, "outside"
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None, "outside"
    folder = page_file.parent
    here = folder
    for index, part in enumerate(parts):
        here = here / part
        kind = kind_of(here, follow=False)
        if kind == "symlink":
            return None, "link"
        if kind == "missing":
            return None, "missing"
        if index < len(parts) - 1 and kind != "directory":
            return None, "missing"
    if kind_of(here, follow=False) is not None:
        return None, "not_regular"
    if here.suffix.lower() not in IMAGE_SUFFIXES:
        return None, "not_image"
    if not inside(here, folder):
        return None, "outside"
    try:
        if os.lstat(here).st_nlink > 1:  # a hard link may share its bytes with any file
            return None, "link"
    except OSError:
        return None, "missing"
    return here, ""


def _holds(dest: Path, data: bytes) -> bool:
    try:
        return hashlib.sha256(read_regular(dest, follow=False)).digest() == hashlib.sha256(data).digest()
    except OSError:
        return False


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
        local, why = local_image(page_file, block.src)
        data = b""
        if local is not None:
            try:
                data = read_regular(local, follow=False)
            except OSError:
                local, why = None, "not_regular"
        if local is None:
            warnings.append(f"ảnh {block.src} {_NOT_COPIED[why]}")
            continue
        count += 1
        name = f"{(page.slug or page_slug(page.title))[:60]}-{count}{local.suffix.lower()}"
        dest = content_root / "media" / year / name
        while os.path.lexists(dest) and not _holds(dest, data):
            dest = dest.with_name(f"{dest.stem}-x{dest.suffix}")
        if not dry_run and not os.path.lexists(dest):
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                with open(dest, "xb") as handle:  # the bytes checked above, never the path again
                    handle.write(data)
            except OSError as err:
                warnings.append(f"ảnh {block.src}: không ghi được {display(dest)} ({os_reason(err)})")
                continue
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
