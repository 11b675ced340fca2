"""Articles: Markdown sources read into immutable ``Article`` records.

``parse_article`` is pure (text in, record and diagnostics out) so it can be
tested without a disk and later cached or run in parallel; ``read_content`` is
the thin part that walks ``content/``.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from .cache import ArticleCache
from .config import MEDIA_DIR, SECTIONS, SiteConfig
from .errors import Diagnostic, diag
from .markup import plain_text, render_markdown
from .source import FrontMatter, Source, decode, kind_name, split_front_matter
from .text import parse_datetime, parse_month, slugify
from .workers import parallel_map, shared_state

SUMMARY_CHARS = 220
FIELDS = ("title", "date", "category", "author", "summary", "image", "image_alt", "tags",
          "slug", "draft", "period")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Article:
    """One published (or draft) article or page, ready to be placed in the site."""

    source: str  # content/tin-tuc/2023/le-hoi.md
    section: str  # tin-tuc
    slug: str
    title: str
    date: datetime | None
    category: str
    author: str
    summary: str
    html: str
    image: str = ""  # content-relative path: media/2023/a.jpg
    image_alt: str = ""
    tags: tuple[str, ...] = ()
    draft: bool = False
    period: tuple[int, int] | None = None  # bulletins: (2023, 7)
    links: tuple[str, ...] = ()  # internal links found in the body
    images: tuple[tuple[str, str], ...] = ()  # (path, alt) of body images
    category_given: bool = True
    summary_given: bool = True
    title_line: int | None = None
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def url(self) -> str:
        return f"/{self.section}/{self.slug}/"


def safe_content_path(value: str) -> str | None:
    """Normalise an editor's path to an image or file inside content/.

    "media/a.jpg" and "/media/a.jpg" -> "media/a.jpg"; anything that leaves the
    folder (``..``), names a drive or a URL scheme, or is empty -> None.
    """
    value = value.strip().replace("\\", "/")
    if not value or re.match(r"^[a-zA-Z]:", value) or "://" in value or "\x00" in value:
        return None
    parts = PurePosixPath(value.lstrip("/")).parts
    if not parts or any(p in ("..", ".") for p in parts):
        return None
    return "/".join(parts)


def first_paragraph_summary(html: str, limit: int = SUMMARY_CHARS) -> str:
    """The first paragraph's text, cut on a word boundary with an ellipsis."""
    match = re.search(r"<p>(.*?)</p>", html, re.S)
    text = plain_text(match.group(1)) if match else plain_text(html)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)  # invalid in feeds (XML)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return cut + "…"


def parse_article(source: Source, section_key: str, config: SiteConfig | None
                  ) -> tuple[Article | None, list[Diagnostic]]:
    """Validate one Markdown source and turn it into an Article."""
    fm, problems = split_front_matter(source)
    if fm is None:
        return None, problems
    return _from_front_matter(source.path, fm, section_key, config)


def _from_front_matter(path: str, fm: FrontMatter, section_key: str, config: SiteConfig | None
                       ) -> tuple[Article | None, list[Diagnostic]]:
    section = SECTIONS[section_key]
    values = fm.values
    out: list[Diagnostic] = []

    def line(key: str) -> int | None:
        return fm.line_of(key)

    def wrong_type(key: str, expected: str, example: str) -> None:
        out.append(diag(path, line(key), "field_type", field=key, expected=expected,
                        got=kind_name(values[key]), example=example))

    def text_field(key: str, example: str) -> str:
        value = values.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            wrong_type(key, "một dòng chữ", example)
            return ""
        return " ".join(str(value).split())

    for key in values:
        if key not in FIELDS:
            guess = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f'có phải ý bạn là "{guess[0]}"?' if guess else \
                "các trường dùng được: " + ", ".join(FIELDS)
            out.append(diag(path, line(key), "unknown_field", level="warning", field=key, hint=hint))

    # draft first: a draft may still lack its date
    draft = False
    if "draft" in values:
        raw = values["draft"]
        if isinstance(raw, bool):
            draft = raw
        elif raw is None:
            draft = False
        else:
            out.append(diag(path, line("draft"), "bad_draft", value=raw))

    title = text_field("title", "Hội nghị tiếp xúc cử tri")
    if "title" not in values:
        out.append(diag(path, 2, "missing_field", field="title", example="Tiêu đề bài viết"))
    elif values["title"] is None or (isinstance(values["title"], str) and not title):
        out.append(diag(path, line("title"), "empty_field", field="title"))

    date = None
    if "date" in values and values["date"] not in (None, ""):
        raw = values["date"]
        if isinstance(raw, bool) or not isinstance(raw, str):
            wrong_type("date", "ngày giờ viết trong ngoặc kép", '"23/02/2022 08:40:17"')
        else:
            date = parse_datetime(raw)
            if date is None:
                out.append(diag(path, line("date"), "bad_date", value=raw))
    elif section.dated and not draft:
        if "date" in values:
            out.append(diag(path, line("date"), "empty_field", field="date"))
        else:
            out.append(diag(path, 2, "missing_field", field="date", example='"23/02/2022 08:40:17"'))

    category = text_field("category", "Nông thôn mới")
    author = text_field("author", "Mai Chi")
    summary = text_field("summary", "Một câu tóm tắt bài viết.")
    image_alt = text_field("image_alt", "Mô tả ảnh")

    image = ""
    if values.get("image") not in (None, ""):
        raw = values["image"]
        if not isinstance(raw, str):
            wrong_type("image", "đường dẫn ảnh", "media/2023/anh.jpg")
        else:
            image = safe_content_path(raw) or ""
            if not image:
                out.append(diag(path, line("image"), "bad_path", value=raw))

    tags: list[str] = []
    if values.get("tags") is not None:
        raw = values["tags"]
        if not isinstance(raw, list) or not all(
                isinstance(t, (str, int)) and not isinstance(t, bool) for t in raw):
            wrong_type("tags", "một danh sách", "[nông thôn mới, giao thông]")
        else:
            tags = [" ".join(str(t).split()) for t in raw if str(t).strip()]

    slug = ""
    if values.get("slug") not in (None, ""):
        raw = values["slug"]
        raw_text = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
        if not _SLUG.fullmatch(raw_text):
            out.append(diag(path, line("slug"), "bad_slug", value=raw))
        else:
            slug = raw_text
    elif title:
        slug = slugify(title)
        if not slug:
            out.append(diag(path, line("title"), "bad_slug", value=title))

    period = None
    if section.bulletin:
        raw = values.get("period")
        if raw in (None, ""):
            out.append(diag(path, line("period") or 2, "missing_period"))
        else:
            period = parse_month(raw if isinstance(raw, str) else str(raw))
            if period is None:
                out.append(diag(path, line("period"), "bad_period", value=raw))

    if not draft and not fm.body.strip():  # a published page with nothing on it
        out.append(diag(path, fm.body_line, "empty_article"))

    if any(d.level == "error" for d in out):
        return None, out

    rendered = render_markdown(fm.body, config.embed_hosts if config else ())
    article = Article(
        source=path,
        section=section_key,
        slug=slug,
        title=title,
        date=date,
        category=category or section.title,
        author=author,
        summary=summary or first_paragraph_summary(rendered.html),
        html=rendered.html,
        image=image,
        image_alt=image_alt,
        tags=tuple(dict.fromkeys(tags)),
        draft=draft,
        period=period,
        links=rendered.links,
        images=rendered.images,
        category_given=bool(category),
        summary_given=bool(summary),
        title_line=line("title"),
        lines=dict(fm.lines, _body=fm.body_line),
    )
    return article, out


# --- the disk part ------------------------------------------------------------

ARTICLE_SUFFIXES = (".md", ".markdown")


def content_files(content_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every article file under the section folders, sorted; symlinks leaving content/ refused."""
    root = content_dir.resolve()
    found: list[Path] = []
    out: list[Diagnostic] = []
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            file = here / name
            if file.is_symlink() and not _inside(file.resolve(), root):
                out.append(diag(display_path(content_dir, file), None, "symlink_outside"))
                continue
            found.append(file)
    return sorted(found), out


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def display_path(content_dir: Path, file: Path) -> str:
    """The path an editor recognises: content/tin-tuc/2023/x.md (relative to cwd if possible)."""
    try:
        rel = file.relative_to(content_dir).as_posix()
    except ValueError:
        return file.as_posix()
    prefix = _display_prefix(str(content_dir), os.getcwd())
    return prefix if rel == "." else f"{prefix}/{rel}"


@functools.lru_cache(maxsize=8)
def _display_prefix(content_dir: str, cwd: str) -> str:
    """How content_dir is shown: relative to the working folder, else by its name."""
    try:
        return Path(content_dir).resolve().relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return Path(content_dir).name


def section_of(content_dir: Path, file: Path) -> str | None:
    parts = file.relative_to(content_dir).parts
    return parts[0] if len(parts) > 1 and parts[0] in SECTIONS else None


def gather_sources(content_dir: Path) -> tuple[list[tuple[Source, str]], list[Diagnostic]]:
    """Read and decode every article file: (source, section) pairs and problems."""
    files, out = content_files(content_dir)
    items: list[tuple[Source, str]] = []
    for file in files:
        path = display_path(content_dir, file)
        section = section_of(content_dir, file)
        if section is None:
            top = file.relative_to(content_dir).parts[0]
            if top == MEDIA_DIR:
                continue
            out.append(diag(path, None, "unknown_section", section=top if top != file.name else "content/",
                            known=", ".join(SECTIONS)))
            continue
        try:
            data = file.read_bytes()
        except OSError as exc:
            out.append(diag(path, None, "unreadable", reason=exc.strerror or type(exc).__name__))
            continue
        source, problems = decode(path, data)
        out.extend(problems)
        if source is not None:
            items.append((source, section))
    return items, out


def _parse_item(item: tuple[Source, str]):
    source, section = item
    return parse_article(source, section, shared_state().get("config"))


def parse_sources(items: list[tuple[Source, str]], config: SiteConfig | None, jobs: int = 1,
                  cache: ArticleCache | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """parse_article over every source, in order; unchanged ones come from *cache*."""
    hosts = config.embed_hosts if config else ()
    results: list = [None] * len(items)
    keys: list[str | None] = [None] * len(items)
    missing: list[int] = []
    for index, (source, section) in enumerate(items):
        if cache is not None:
            keys[index] = cache.key(source, section, hosts)
            results[index] = cache.get(keys[index])
        if results[index] is None:
            missing.append(index)
    parsed = parallel_map(_parse_item, [items[i] for i in missing], jobs, state={"config": config})
    for index, result in zip(missing, parsed):
        results[index] = result
        if cache is not None:
            cache.put(keys[index], result)
    articles: list[Article] = []
    out: list[Diagnostic] = []
    for article, problems in results:
        out.extend(problems)
        if article is not None:
            articles.append(article)
    return articles, out


def read_content(content_dir: Path, config: SiteConfig | None, jobs: int = 1,
                 cache: ArticleCache | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """Read every article; each bad file becomes diagnostics, the rest go on."""
    items, out = gather_sources(content_dir)
    articles, problems = parse_sources(items, config, jobs, cache)
    return articles, out + problems
