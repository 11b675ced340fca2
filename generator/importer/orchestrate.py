"""Importer orchestration: saved pages -> Markdown articles in content/.

Never overwrites anything, refuses to import a page twice, and gives every page
a free address. The pure parts live beside it (``lines``, ``widgets``, ``parse``,
``html``, ``markdown_writer``, ``report``); file access is in ``files``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..content_types import STANDARD
from ..errors import UsageError, os_reason
from ..safefs import read_regular
from ..source import MAX_FILE_BYTES, decode, split_front_matter
from ..text import parse_datetime, slugify
from .files import display, input_files, page_slug, place_images, read_page
from .lines import norm
from .markdown_writer import to_markdown
from .parse import ImportedPage, ImportProblem
from .report import DUPLICATE, FAILED, IMPORTED, ImportReport, Outcome
from .widgets import MastheadWidget, TthcWidget

#: The folder of monthly bulletins: the standard type whose items have a period.
SECTION_BULLETIN = STANDARD.having("period")[0].key


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
            data = read_regular(file, limit=MAX_FILE_BYTES)
        except OSError:
            continue
        source, problems = decode(str(file), data)
        front = split_front_matter(source)[0] if source is not None else None
        values = front.values if front is not None else None
        if isinstance(values, dict) and values.get("title"):
            section = file.relative_to(content_root).parts[0]
            slug = str(values.get("slug") or slugify(str(values["title"])))
            found.add(values["title"], values.get("date"), section, slug, str(file))
    return found


def _content_root(to: Path) -> Path:
    """The content folder: the parent of the section folder *to* is (or is inside)."""
    for folder in (to, *to.parents):
        if folder.name in STANDARD:
            return folder.parent
    raise UsageError(f"--to {to} không nằm trong thư mục chuyên trang nào — dùng một trong "
                     + ", ".join(f"content/{key}" for key in STANDARD) + " (hoặc thư mục con của chúng)")


def target_path(page: ImportedPage, to: Path) -> Path:
    """Where the article goes: bulletins to ban-tin/<year>/, others to <to>/<year>/."""
    year = (page.date or page.period)[:4]
    folder = _content_root(to) / SECTION_BULLETIN if page.period else to
    return (folder / year if year else folder) / f"{page.slug or page_slug(page.title)}.md"


def _free_slug(page: ImportedPage, section: str, taken: dict[tuple[str, str], str]) -> str:
    """The title's slug, or — when another article already has that address — one
    with the date added ("…-2022-02-23"), so two articles never share a URL."""
    base = page_slug(page.title)
    if (section, base) not in taken:
        return ""
    candidate = f"{base}-{page.date[:10]}" if page.date else f"{base}-2"
    number = 2
    while (section, candidate) in taken:
        number += 1
        candidate = f"{base}-{page.date[:10]}-{number}" if page.date else f"{base}-{number}"
    return candidate


# --- the import -------------------------------------------------------------------------

def import_paths(paths: list[Path], to: Path, category: str | None = None,
                 dry_run: bool = False) -> ImportReport:
    """Import every page found under *paths* into *to* (never overwriting)."""
    if to.exists() and not to.is_dir():
        raise UsageError(f"\"{to}\" là một tệp, không phải thư mục — --to cần một thư mục, "
                         "ví dụ content/tin-tuc")
    files = input_files(paths)
    content_root = _content_root(to)
    known = existing_articles(content_root)
    planned: set[Path] = set()
    outcomes: list[Outcome] = []
    mastheads: list[MastheadWidget] = []
    tthc: TthcWidget | None = None
    for file in files:
        source = display(file)
        try:
            result = read_page(file, source)
        except RecursionError:  # a shape nested too deep that no limit caught: this page only
            result = ImportProblem(source, "too_deep", "trang lồng quá sâu nên không đọc được — mở trang trong "
                                   "trình duyệt, chép phần chữ của bài vào một tệp .txt rồi nhập tệp đó")
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
                                    reason=f"đã có bài {how}: {display(Path(duplicate))}"))
            continue
        section = target_path(page, to).relative_to(content_root).parts[0]
        slug_warning: list[str] = []
        new_slug = _free_slug(page, section, known.urls)
        if new_slug:
            other = display(Path(known.urls[(section, page_slug(page.title))]))
            page = replace(page, slug=new_slug)
            slug_warning.append(f"bài {other} đã dùng địa chỉ /{section}/{page_slug(page.title)}/ — "
                                f"bài nhập được đặt slug: {new_slug}")
        target = target_path(page, to)
        if target.exists() or target in planned:
            outcomes.append(Outcome(source, FAILED, target=display(target), code="target_exists", page=page,
                                    reason=f"tệp {display(target)} đã có (bài khác cùng tên) — không ghi đè; "
                                           "đổi tên hoặc chuyển tệp cũ đi rồi nhập lại"))
            continue
        page, image_warnings = place_images(page, file, content_root, dry_run)
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with open(target, "x", encoding="utf-8", newline="\n") as handle:
                    handle.write(to_markdown(page))
            except OSError as err:
                outcomes.append(Outcome(source, FAILED, target=display(target), code="write",
                                        reason=f"không ghi được {display(target)} ({os_reason(err)})"))
                continue
        known.add(page.title, page.date, section, page.slug or page_slug(page.title), str(target))
        planned.add(target)
        outcomes.append(Outcome(source, IMPORTED, target=display(target), page=page,
                                warnings=page.warnings + tuple(slug_warning + image_warnings)))
    return ImportReport(tuple(outcomes), content_root, dry_run, tuple(mastheads), tthc)


