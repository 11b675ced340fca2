"""``python build.py import``: articles saved from old commune portals into content/.

The extraction is pure: ``importer_rules`` (the line model and text patterns),
``importer_widgets`` (TTHC widget, masthead footer, counters, furniture),
``importer_parse`` (lines -> ``ImportedPage``), ``importer_html`` (saved .html ->
lines), ``importer_markdown`` (page -> Markdown, suggestions as YAML) and
``importer_report`` (what is printed). This module is the thin part that finds
the files, never overwrites anything, refuses to import a page twice, copies
images saved beside an .html page, and returns the exit code. See docs/import.md.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

from .config import SECTIONS
from .errors import UsageError
from .importer_html import MISSING_BS4, html_available, html_to_lines
from .importer_markdown import (site_suggestion, site_suggestion_yaml, to_markdown, tthc_suggestion,
                                tthc_suggestion_yaml)
from .importer_report import DUPLICATE, FAILED, IMPORTED, report_text, summary_lines
from .importer_parse import Block, ImportedPage, ImportProblem, parse_lines, parse_text
from .importer_rules import norm
from .importer_widgets import Masthead, TthcWidget
from .text import parse_datetime, slugify

__all__ = ["HELP", "add_arguments", "run", "import_paths", "parse_text", "parse_html",
           "html_to_lines", "to_markdown", "ImportedPage", "ImportProblem", "ImportReport",
           "site_suggestion", "site_suggestion_yaml", "tthc_suggestion", "tthc_suggestion_yaml",
           "summary_lines", "report_text", "IMPORTED", "DUPLICATE", "FAILED"]

HELP = """Nhập bài viết từ trang thông tin điện tử cũ (SharePoint, phần mềm của nhà cung cấp…).

Nhận các trang đã lưu từ cổng cũ: tệp .txt (chữ chép từ trình duyệt) hoặc .html
(trang lưu bằng "Lưu trang thành…"), hoặc thư mục chứa các tệp đó. Mỗi trang thành
một bài Markdown có phần đầu bài (title, date, category, author…). Menu, quảng cáo,
bộ đếm truy cập, ô "Kết quả giải quyết TTHC" và chân trang bị bỏ khỏi bài; thông tin
ở chân trang và ô TTHC được in ra làm gợi ý cho site.yml và tthc.yml.

Không bao giờ ghi đè tệp đã có và không nhập một bài hai lần (cùng tiêu đề, cùng ngày).
Trang không ghi ngày được nhập ở dạng nháp (draft: true) để bạn điền ngày.

Ví dụ:
  python build.py import luu-tru/cong-cu/ --dry-run
  python build.py import luu-tru/bai-1.txt luu-tru/bai-2.html --to content/tin-tuc
  python build.py import xa-cu/ --category "Nông thôn mới"

Xem hướng dẫn đầy đủ trong docs/import.md."""

SUFFIXES = (".txt", ".text", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024
SECTION_BULLETIN = "ban-tin"


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="tệp .txt/.html đã lưu từ cổng cũ, hoặc thư mục chứa chúng")
    parser.add_argument("--to", default="content/tin-tuc", metavar="THƯ_MỤC",
                        help="thư mục nhận bài (mặc định: content/tin-tuc); bản tin tháng vào "
                             "ban-tin/ bên cạnh")
    parser.add_argument("--category", metavar="CHUYÊN_MỤC",
                        help='gán chuyên mục này cho mọi bài, thay cho chuyên mục đọc được '
                             '(ví dụ: --category "Nông thôn mới")')
    parser.add_argument("--dry-run", action="store_true",
                        help="chỉ in ra việc sẽ làm, không ghi tệp nào")


def parse_html(html: str | bytes, source: str = "") -> ImportedPage | ImportProblem:
    """A saved .html page."""
    if not html_available():
        return ImportProblem(source, "no_html_library", MISSING_BS4)
    return parse_lines(html_to_lines(html), source)


# --- the report -------------------------------------------------------------------



@dataclass(frozen=True)
class Outcome:
    source: str
    status: str            # imported | duplicate (skipped, not an error) | failed (skipped, error)
    target: str = ""
    reason: str = ""
    code: str = ""
    warnings: tuple[str, ...] = ()
    page: ImportedPage | None = None


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[Outcome, ...]
    content_root: Path
    dry_run: bool = False
    mastheads: tuple[Masthead, ...] = ()   # one per distinct old portal footer seen
    tthc: TthcWidget | None = None          # the most recently updated widget seen

    @property
    def masthead(self) -> Masthead | None:
        return self.mastheads[0] if self.mastheads else None

    def of(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def exit_code(self) -> int:
        return 1 if self.of(FAILED) else 0


# --- reading ------------------------------------------------------------------------

def _input_files(paths: list[Path]) -> list[Path]:
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


# --- what is already there ------------------------------------------------------------

def _key(title: object, date: object) -> tuple[str, str]:
    parsed = parse_datetime(date) if date not in (None, "") else None
    return norm(str(title or "")), parsed.strftime("%Y-%m-%d %H:%M:%S") if parsed else ""


@dataclass
class Existing:
    """What the content folder already holds: (title, date) keys and taken addresses."""

    keys: dict[tuple[str, str], str]
    urls: dict[tuple[str, str], str]  # (section, slug) -> path
    titles: dict[str, str]            # normalised title -> path (for pages printed without a date)

    def add(self, title: object, date: object, section: str, slug: str, path: str) -> None:
        key = _key(title, date)
        self.keys.setdefault(key, path)
        self.titles.setdefault(key[0], path)
        self.urls.setdefault((section, slug), path)

    def duplicate_of(self, page: ImportedPage) -> str | None:
        """An article already there with the same title and date; for a page that
        prints no date (imported as a draft, maybe dated since), the same title."""
        key = _key(page.title, page.date)
        if key in self.keys:
            return self.keys[key]
        return None if page.date else self.titles.get(key[0])


def existing_articles(content_root: Path) -> Existing:
    """Scan every Markdown article under *content_root* (unreadable ones are ignored)."""
    found = Existing({}, {}, {})
    if not content_root.is_dir():
        return found
    for file in sorted(content_root.rglob("*.md")):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.match(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|$)", text, re.S)
        if not match:
            continue
        try:
            values = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            continue
        if isinstance(values, dict) and values.get("title"):
            section = file.relative_to(content_root).parts[0]
            slug = str(values.get("slug") or slugify(str(values["title"])))
            found.add(values["title"], values.get("date"), section, slug, str(file))
    return found


def _slug(title: str) -> str:
    slug = slugify(title) or "bai-viet"
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return slug


def _content_root(to: Path) -> Path:
    """The content folder: the parent of the section folder *to* is (or is inside)."""
    for folder in (to, *to.parents):
        if folder.name in SECTIONS:
            return folder.parent
    raise UsageError(f"--to {to} không nằm trong thư mục chuyên trang nào — dùng một trong "
                     + ", ".join(f"content/{key}" for key in SECTIONS) + " (hoặc thư mục con của chúng)")


def target_path(page: ImportedPage, to: Path) -> Path:
    """Where the article goes: bulletins to ban-tin/<year>/, others to <to>/<year>/."""
    year = (page.date or page.period)[:4]
    folder = _content_root(to) / SECTION_BULLETIN if page.period else to
    return (folder / year if year else folder) / f"{page.slug or _slug(page.title)}.md"


def _free_slug(page: ImportedPage, section: str, taken: dict[tuple[str, str], str]) -> str:
    """The title's slug, or — when another article already has that address — one
    with the date added ("…-2022-02-23"), so two articles never share a URL."""
    base = _slug(page.title)
    if (section, base) not in taken:
        return ""
    candidate = f"{base}-{page.date[:10]}" if page.date else f"{base}-2"
    number = 2
    while (section, candidate) in taken:
        number += 1
        candidate = f"{base}-{page.date[:10]}-{number}" if page.date else f"{base}-{number}"
    return candidate


# --- images saved beside an .html page --------------------------------------------------

def _local_image(page_file: Path, src: str) -> Path | None:
    parsed = urlparse(src)
    if parsed.scheme and parsed.scheme != "file" or parsed.netloc:
        return None
    candidate = (page_file.parent / unquote(parsed.path)).resolve()
    return candidate if candidate.is_file() else None


_CAPTION_PREFIX = re.compile(r"^\(?\s*ảnh(\s+minh\s+ho[ạa])?\s*[:\-–]\s*", re.I)


def _place_images(page: ImportedPage, page_file: Path, content_root: Path, dry_run: bool
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
        name = f"{(page.slug or _slug(page.title))[:60]}-{count}{local.suffix.lower()}"
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


# --- the import -------------------------------------------------------------------------

def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def import_paths(paths: list[Path], to: Path, category: str | None = None,
                 dry_run: bool = False) -> ImportReport:
    """Import every page found under *paths* into *to* (never overwriting)."""
    if to.exists() and not to.is_dir():
        raise UsageError(f"\"{to}\" là một tệp, không phải thư mục — --to cần một thư mục, "
                         "ví dụ content/tin-tuc")
    files = _input_files(paths)
    content_root = _content_root(to)
    known = existing_articles(content_root)
    planned: set[Path] = set()
    outcomes: list[Outcome] = []
    mastheads: list[Masthead] = []
    tthc: TthcWidget | None = None
    for file in files:
        source = _display(file)
        result = read_page(file, source)
        if result.masthead is not None and any(vars(result.masthead).values()) \
                and result.masthead not in mastheads:
            mastheads.append(result.masthead)
        if result.tthc is not None and (tthc is None or result.tthc.updated > tthc.updated):
            tthc = result.tthc
        if isinstance(result, ImportProblem):
            outcomes.append(Outcome(source, FAILED, reason=result.reason, code=result.code))
            continue
        page = result
        if category:
            page = replace(page, category=" ".join(category.split()))
        duplicate = known.duplicate_of(page)
        if duplicate:
            how = "cùng tiêu đề và ngày đăng" if page.date else "cùng tiêu đề (trang cũ không ghi ngày)"
            outcomes.append(Outcome(source, DUPLICATE, code="duplicate", page=page,
                                    reason=f"đã có bài {how}: {_display(Path(duplicate))}"))
            continue
        section = target_path(page, to).relative_to(content_root).parts[0]
        slug_warning: list[str] = []
        new_slug = _free_slug(page, section, known.urls)
        if new_slug:
            other = _display(Path(known.urls[(section, _slug(page.title))]))
            page = replace(page, slug=new_slug)
            slug_warning.append(f"bài {other} đã dùng địa chỉ /{section}/{_slug(page.title)}/ — "
                                f"bài nhập được đặt slug: {new_slug}")
        target = target_path(page, to)
        if target.exists() or target in planned:
            outcomes.append(Outcome(source, FAILED, target=_display(target), code="target_exists", page=page,
                                    reason=f"tệp {_display(target)} đã có (bài khác cùng tên) — không ghi đè; "
                                           "đổi tên hoặc chuyển tệp cũ đi rồi nhập lại"))
            continue
        page, image_warnings = _place_images(page, file, content_root, dry_run)
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with open(target, "x", encoding="utf-8", newline="\n") as handle:
                    handle.write(to_markdown(page))
            except OSError as err:
                outcomes.append(Outcome(source, FAILED, target=_display(target), code="write",
                                        reason=f"không ghi được {_display(target)} ({err.strerror or err})"))
                continue
        known.add(page.title, page.date, section, page.slug or _slug(page.title), str(target))
        planned.add(target)
        outcomes.append(Outcome(source, IMPORTED, target=_display(target), page=page,
                                warnings=page.warnings + tuple(slug_warning + image_warnings)))
    return ImportReport(tuple(outcomes), content_root, dry_run, tuple(mastheads), tthc)


def run(args) -> int:
    try:
        report = import_paths([Path(p) for p in args.paths], Path(args.to), args.category, args.dry_run)
    except UsageError as err:
        print(f"lỗi: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(report_text(report))
    return report.exit_code
