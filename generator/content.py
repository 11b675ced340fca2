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

from . import urls
from .cache import ArticleCache
from .config import MEDIA_DIR, SiteConfig
from .content_types import (BOOL, CONTENT_PATH, DATE, EMAIL, EVENTS, FILE_LIST, INT, ISO_WEEK, MONTH, PHONE,
                            SLUG, STANDARD, TEXT, TEXT_LIST, URL, ContentType, ContentTypes, Field)
from .errors import Diagnostic, diag, os_reason
from .limits import markdown_problems
from .markup import plain_text, render_markdown
from .safefs import KIND_NAMES, NotRegularFile, inside, read_regular
from .source import FrontMatter, Source, decode, kind_name, split_front_matter
from .text import MAX_SLUG, format_date, parse_datetime, parse_month, slugify, strip_control
from .weeks import read_events, read_week
from .url_rule import allowed_url, url_scheme
from .workers import parallel_map

SUMMARY_CHARS = 220
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
    #: the declared fields the front matter gave a value (the others took their default)
    given: tuple[str, ...] = ("category", "summary")
    #: declared fields that are not attributes above: (name, value), in declaration order
    extra: tuple[tuple[str, object], ...] = ()
    empty: bool = False  # nothing in the body but whitespace and comments (drafts only)
    title_line: int | None = None
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def url(self) -> str:
        return urls.article(self.section, self.slug)

    def is_given(self, name: str) -> bool:
        return name in self.given

    @property
    def category_given(self) -> bool:
        return self.is_given("category")

    @property
    def summary_given(self) -> bool:
        return self.is_given("summary")

    def value(self, name: str, default: object = None) -> object:
        """A declared field's value, whether an attribute or one of ``extra``."""
        if name in _ATTRIBUTES:
            return getattr(self, name)
        return dict(self.extra).get(name, default)


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
    text = strip_control(text)  # invalid in feeds (XML); the decoder refuses them already
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return cut + "…"


def parse_article(source: Source, section: ContentType | str, config: SiteConfig | None
                  ) -> tuple[Article | None, list[Diagnostic]]:
    """Validate one Markdown source against its content type and turn it into an Article.

    *section* is the item's ContentType (a key is looked up among the standard types).
    """
    ctype = STANDARD[section] if isinstance(section, str) else section
    fm, problems = split_front_matter(source)
    if fm is None:
        return None, problems
    return _from_front_matter(source.path, fm, ctype, config)


# --- one validator per field kind -------------------------------------------------------
#
# A validator gets the raw YAML value (never None or empty: those are handled by
# the requirement rule) and returns (clean value, problem). The problem is None,
# "type" (the value has the wrong kind) or "bad" (the right kind, not a valid
# value); for a list it may be ("type" or "bad", index of the item), and the
# message then names that item's line (``FrontMatter.lines["tags[2]"]``). The
# caller turns problems into the field's messages. A kind for a list of files,
# an ISO week or a list of event mappings is one more function here.

_Invalid = tuple[object, "str | tuple[str, int] | None"]


def _text(raw: object) -> _Invalid:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None, "type"
    return " ".join(str(raw).split()), None


def _date(raw: object) -> _Invalid:
    if isinstance(raw, bool) or not isinstance(raw, str):
        return None, "type"
    value = parse_datetime(raw)
    return (value, None) if value is not None else (None, "bad")


def _month(raw: object) -> _Invalid:
    if isinstance(raw, (bool, list, dict)):
        return None, "bad"
    value = parse_month(raw if isinstance(raw, str) else str(raw))
    return (value, None) if value is not None else (None, "bad")


def _bool(raw: object) -> _Invalid:
    return (raw, None) if isinstance(raw, bool) else (None, "bad")


def _text_list(raw: object) -> _Invalid:
    if not isinstance(raw, list):
        return None, "type"
    for index, item in enumerate(raw):
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            return None, ("type", index)
    return [" ".join(str(t).split()) for t in raw if str(t).strip()], None


def _content_path(raw: object) -> _Invalid:
    if not isinstance(raw, str):
        return None, "type"
    value = safe_content_path(raw)
    return (value, None) if value else (None, "bad")


def _slug(raw: object) -> _Invalid:
    text = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    return (text, None) if _SLUG.fullmatch(text) and len(text) <= MAX_SLUG else (None, "bad")


def _int(raw: object) -> _Invalid:
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None, "type"
    return raw, None


#: a phone line: digits, spaces and . ( ) - + /, with at least 3 digits (tel: links are made from it)
_PHONE = re.compile(r"\+?[\d\s.()/-]*\d[\d\s.()/-]*")
#: an e-mail address for a mailto: link: nothing that could end the attribute or add headers
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


def _phone(raw: object) -> _Invalid:
    if not isinstance(raw, str):  # 02203812345 unquoted is read as a number: its 0 is lost
        return None, "type"
    value = " ".join(raw.split())
    return (value, None) if _PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 3 else (None, "bad")


def _email(raw: object) -> _Invalid:
    if not isinstance(raw, str):
        return None, "type"
    value = raw.strip()
    return (value, None) if _EMAIL.fullmatch(value) and len(value) <= 254 else (None, "bad")


def _file_list(raw: object) -> _Invalid:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else None
    if items is None:
        return None, "type"
    paths = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            return None, ("type", index)
        if item.strip():
            path = safe_content_path(item)
            if path is None:
                return None, ("bad", index)
            paths.append(path)
    return list(dict.fromkeys(paths)), None


def _url(raw: object) -> _Invalid:
    if not isinstance(raw, str):
        return None, "type"
    value = raw.strip()  # the project's one URL rule, and an address to go to: http(s) only
    return (value, None) if allowed_url(value) and url_scheme(value) in ("http", "https") else (None, "bad")


#: kind -> validator; every kind a declaration may use has one (a test checks it).
VALIDATORS = {
    TEXT: _text, DATE: _date, MONTH: _month, BOOL: _bool, TEXT_LIST: _text_list,
    CONTENT_PATH: _content_path, SLUG: _slug, INT: _int,
    PHONE: _phone, EMAIL: _email, ISO_WEEK: read_week, EVENTS: read_events, FILE_LIST: _file_list, URL: _url,
}

#: Wrong-type wording and generic "bad value" message of each kind.
_EXPECTED = {TEXT: "một dòng chữ", DATE: "ngày giờ", MONTH: "năm-tháng", BOOL: "true hoặc false",
             TEXT_LIST: "một danh sách", CONTENT_PATH: "đường dẫn tới một tệp trong content/",
             SLUG: "một dòng chữ", INT: "một số nguyên",
             PHONE: "số điện thoại viết trong ngoặc kép", EMAIL: "một địa chỉ thư điện tử",
             ISO_WEEK: "năm-W số tuần", EVENTS: "một danh sách",
             FILE_LIST: "một danh sách tệp trong content/", URL: "một địa chỉ web"}
_BAD = {DATE: "bad_date", MONTH: "bad_month", BOOL: "bad_bool", CONTENT_PATH: "bad_path",
        SLUG: "bad_slug", INT: "field_type", TEXT: "field_type", TEXT_LIST: "field_type",
        PHONE: "bad_phone", EMAIL: "bad_email", ISO_WEEK: "bad_week", EVENTS: "item_bad",
        FILE_LIST: "bad_path", URL: "bad_url"}

#: Article attributes filled from the field of the same name; other declared
#: fields are kept in ``Article.extra``.
_ATTRIBUTES = ("title", "date", "category", "author", "summary", "image", "image_alt", "tags",
               "slug", "draft", "period")


#: the message of a problem in one key of one item, by kind of problem
_ITEM = {"missing": "item_missing", "unknown": "item_unknown", "bad": "item_bad", "type": "item_bad",
         "comma": "item_comma"}


def _before(item: dict, key: str) -> object:
    """The value written just before *key* in a mapping ("" if none)."""
    keys = list(item)
    at = keys.index(key) if key in keys else 0
    return item[keys[at - 1]] if at > 0 else ""


def _shown_value(value: object) -> str:
    """An item's value as it appears in a message (one line)."""
    return " ".join(str(value).split())


def is_empty_value(value: object) -> bool:
    """A field written with nothing in it: ``key:``, ``key: ""``, ``key: "  "``, ``key: []``."""
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def is_empty_body(body: str) -> bool:
    """The one emptiness rule, shared by build and ``check``: a body holding only
    whitespace and HTML comments (like the one ``new`` writes) has nothing to show."""
    return not _COMMENT.sub("", body).strip()


def _from_front_matter(path: str, fm: FrontMatter, ctype: ContentType, config: SiteConfig | None
                       ) -> tuple[Article | None, list[Diagnostic]]:
    values = fm.values
    out: list[Diagnostic] = []
    names = ctype.names
    folded = {name.casefold(): name for name in names}

    def line(key: str) -> int | None:
        return fm.line_of(key)

    for key in values:
        if key in names:
            continue
        known = folded.get(str(key).casefold())
        if known is not None:  # "Draft: true" would otherwise publish a draft
            out.append(diag(path, line(key), "field_case", field=key, known=known))
            continue
        guess = difflib.get_close_matches(str(key), names, n=1)
        hint = f'có phải ý bạn là "{guess[0]}"?' if guess else "các trường dùng được: " + ", ".join(names)
        out.append(diag(path, line(key), "unknown_field", level="warning", field=key, hint=hint))

    clean: dict[str, object] = {}
    for spec in ctype.fields:
        raw = values.get(spec.name)
        if spec.name not in values or is_empty_value(raw):
            continue
        value, problem = VALIDATORS[spec.kind](raw)
        where = line(spec.name)
        if isinstance(problem, tuple) and len(problem) == 3:
            problem = [problem]
        if isinstance(problem, list):  # (problem, index, key) in items of a list: each on its line
            for kind, index, key in problem:
                item = raw[index]
                at = line(f"{spec.name}[{index}].{key}") or line(f"{spec.name}[{index}]") or where
                code = spec.message(f"{kind}.{key}", spec.message(f"{kind}.item", _ITEM[kind]))
                out.append(diag(path, at, code, field=spec.name, item=index + 1, key=key,
                                value=_shown_value(item.get(key, "")), example=spec.example,
                                before=_shown_value(_before(item, key))))
            continue
        if isinstance(problem, tuple):  # one item of a list: its own line
            problem, index = problem
            where = line(f"{spec.name}[{index}]") or where
        if problem is None:
            value, rule = _declared_rules(spec, raw, value)
            if rule is not None:
                code, more, index = rule
                at = line(f"{spec.name}[{index}]") or where if index is not None else where
                out.append(diag(path, at, code, field=spec.name, value=raw, example=spec.example, **more))
                continue
        if problem == "type":
            out.append(diag(path, where, "field_type", field=spec.name,
                            expected=spec.expected or _EXPECTED[spec.kind], got=kind_name(raw),
                            example=spec.example))
        elif problem == "bad":
            code = spec.message("bad", _BAD[spec.kind])
            out.append(diag(path, where, code, field=spec.name, value=raw,
                            expected=spec.expected or _EXPECTED[spec.kind], got=kind_name(raw),
                            example=spec.example))
        else:
            clean[spec.name] = value

    for spec in ctype.fields:  # dates that may not come before others (expires before issued)
        for other in spec.not_before:
            if spec.name in clean and other in clean and clean[spec.name] < clean[other]:
                out.append(diag(path, line(spec.name), "date_order", field=spec.label, other=ctype.field(other).label,
                                value=format_date(clean[spec.name]), other_value=format_date(clean[other])))
                break
    for spec in ctype.fields:  # declared defaults stand in for fields left out
        if spec.default and spec.name not in values:
            clean.setdefault(spec.name, spec.default)

    # the requirement rules ("required unless draft" reads the draft field first)
    draft = bool(clean.get("draft", False))
    for spec in ctype.fields:
        if spec.name in clean or not spec.required_for(draft):
            continue
        if spec.name not in values:
            out.append(diag(path, 2, spec.message("missing", "missing_field"), field=spec.name,
                            example=spec.example))
        elif is_empty_value(values[spec.name]):
            out.append(diag(path, line(spec.name), spec.message("empty", "empty_field"),
                            field=spec.name, example=spec.example))

    # rules between fields: each item of a list within another field's span, a file named by a field
    for spec in ctype.fields:
        span = clean.get(spec.within) if spec.within else None
        for item in clean.get(spec.name, ()) if span is not None else ():
            if not span.contains(item.day):
                index = item.index  # its place in the file (the clean list is in date order)
                out.append(diag(path, line(f"{spec.name}[{index}].date") or line(spec.name),
                                spec.message("outside", "item_outside"), field=spec.name, item=index + 1,
                                value=format_date(item.day), span=span.label, within=spec.within))
    named = clean.get(ctype.file_named_by) if ctype.file_named_by else None
    stem = PurePosixPath(path).stem
    if named is not None and stem not in named.file_stems:
        out.append(diag(path, line(ctype.file_named_by), "file_name_mismatch", name=PurePosixPath(path).name,
                        field=ctype.file_named_by, value=named, expected=named.file_stems[0]))

    if "title" not in names and ctype.title_format and not any(d.level == "error" for d in out):
        try:
            clean["title"] = ctype.title_format.format(**clean)
        except (KeyError, AttributeError):  # a draft without the field the title is made from
            clean["title"] = ctype.title
    title = clean.get("title", "")
    slug = clean.get("slug", "")
    if not slug and ctype.slug_from != "title" and clean.get(ctype.slug_from) is not None:
        slug = slugify(str(clean[ctype.slug_from]))
    if not slug and title and "slug" in names:
        slug, source_field = _default_slug(ctype, clean)
        if not slug and source_field:
            out.append(diag(path, line(source_field), "bad_slug", value=clean[source_field]))

    empty = is_empty_body(fm.body)
    if empty and not draft and ctype.body_required:  # a published page with nothing on it
        out.append(diag(path, fm.body_line, "empty_article"))
    # shapes that would take minutes to convert (or overflow the stack): refused first
    out += [diag(path, at, code, **values) for at, code, values in markdown_problems(fm.body, fm.body_line)]

    if any(d.level == "error" for d in out):
        return None, out

    rendered = render_markdown(fm.body, config.embed_hosts if config else ())
    category = clean.get("category", "")
    summary = clean.get("summary", "")
    article = Article(
        source=path,
        section=ctype.key,
        slug=slug,
        title=title,
        date=clean.get("date"),
        category=category or ctype.title,
        author=clean.get("author", ""),
        summary=summary or first_paragraph_summary(rendered.html),
        html=rendered.html,
        image=clean.get("image", ""),
        image_alt=clean.get("image_alt", ""),
        tags=tuple(dict.fromkeys(clean.get("tags", ()))),
        draft=draft,
        period=clean.get("period"),
        links=rendered.links,
        images=rendered.images,
        given=tuple(name for name in names if name in clean),
        extra=tuple((name, _frozen(value)) for name, value in clean.items() if name not in _ATTRIBUTES),
        empty=empty,
        title_line=line("title"),
        lines=dict(fm.lines, _body=fm.body_line),
    )
    return article, out


def declared_files(article: Article, ctype: ContentType) -> list[tuple[Field, int, str]]:
    """(field, place in its list, content path) of every file the item's FILE_LIST fields name."""
    return [(spec, index, path) for spec in ctype.fields if spec.kind == FILE_LIST
            for index, path in enumerate(article.value(spec.name) or ())]


def _declared_rules(spec: Field, raw: object, value: object
                    ) -> tuple[object, tuple[str, dict, int | None] | None]:
    """The rules a declaration adds to its kind: quoted text, choices, file types.
    Returns (value, None) or (None, (message code, more values, index of the list item))."""
    if spec.literal and isinstance(raw, float):  # YAML read 1.001190 as the number 1.00119
        return None, ("field_quote", {}, None)
    if spec.choices and isinstance(value, str):
        folded = {choice.casefold(): choice for choice in spec.choices}
        if value.casefold() not in folded:
            return None, ("bad_choice", {"choices": ", ".join(spec.choices)}, None)
        value = folded[value.casefold()]
    if spec.suffixes:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            suffix = PurePosixPath(str(item)).suffix.lower()
            if suffix not in spec.suffixes:
                allowed = ", ".join(s.lstrip(".").upper() for s in spec.suffixes)
                return None, ("bad_file_type", {"target": item, "suffix": suffix or "(không có đuôi)",
                                                "allowed": allowed}, index if isinstance(value, list) else None)
    return value, None


def _default_slug(ctype: ContentType, clean: dict) -> tuple[str, str]:
    """(slug, the field it came from): from ``slug_from`` when every value it names is
    given, else from the title."""
    if ctype.slug_format:
        try:
            return slugify(ctype.slug_format.format(**clean)), ctype.names[0]
        except (KeyError, ValueError):
            pass  # a value is missing: reported by the requirement rules
    return slugify(clean["title"]), "title"


def _frozen(value: object) -> object:
    """Lists as tuples, so an Article stays hashable whatever its fields hold."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


# --- the disk part ------------------------------------------------------------

ARTICLE_SUFFIXES = (".md", ".markdown")


def content_files(content_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every article file under the section folders, sorted. A linked folder or file
    is followed when it stays inside content/, else refused (never silently skipped);
    a link back to a folder it is in is refused as a loop. content/media is media.py's."""
    root = content_dir.resolve()
    found: list[Path] = []
    out: list[Diagnostic] = []
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=True):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            sub = here / name
            if name.startswith(".") or (here == content_dir and name == MEDIA_DIR):
                continue
            if os.path.islink(sub):
                real, parent = os.path.realpath(sub), os.path.realpath(here)
                if not inside(sub, root):
                    out.append(diag(display_path(content_dir, sub), None, "symlink_outside"))
                    continue
                if parent == real or parent.startswith(real + os.sep):
                    out.append(diag(display_path(content_dir, sub), None, "symlink_loop"))
                    continue
            keep.append(name)
        dirnames[:] = keep
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


def section_of(content_dir: Path, file: Path, types: ContentTypes = STANDARD) -> ContentType | None:
    """The content type whose folder holds *file*, or None."""
    parts = file.relative_to(content_dir).parts
    return types.get(parts[0]) if len(parts) > 1 else None


def gather_sources(content_dir: Path, types: ContentTypes = STANDARD
                   ) -> tuple[list[tuple[Source, ContentType]], list[Diagnostic]]:
    """Read and decode every article file: (source, content type) pairs and problems."""
    files, out = content_files(content_dir)
    items: list[tuple[Source, ContentType]] = []
    for file in files:
        path = display_path(content_dir, file)
        ctype = section_of(content_dir, file, types)
        if ctype is None:
            top = file.relative_to(content_dir).parts[0]
            if top == MEDIA_DIR:
                continue
            out.append(diag(path, None, "unknown_section", section=top if top != file.name else "content/",
                            known=", ".join(types)))
            continue
        try:
            data = read_regular(file)  # a FIFO or device named x.md must not block the build
        except NotRegularFile as exc:
            out.append(diag(path, None, "not_regular", kind=KIND_NAMES[exc.kind]))
            continue
        except OSError as exc:
            out.append(diag(path, None, "unreadable", reason=os_reason(exc)))
            continue
        source, problems = decode(path, data)
        out.extend(problems)
        if source is not None:
            items.append((source, ctype))
    return items, out


def _parse_item(config: SiteConfig | None, item: tuple[Source, ContentType]):
    source, ctype = item
    return parse_article(source, ctype, config)


def parse_sources(items: list[tuple[Source, ContentType]], config: SiteConfig | None, jobs: int = 1,
                  cache: ArticleCache | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """parse_article over every source, in order; unchanged ones come from *cache*."""
    hosts = config.embed_hosts if config else ()
    results: list = [None] * len(items)
    keys: list[str | None] = [None] * len(items)
    missing: list[int] = []
    for index, (source, ctype) in enumerate(items):
        if cache is not None:
            # the whole declaration is part of the key: a changed field rule re-parses
            keys[index] = cache.key(source, repr(ctype), hosts)
            results[index] = cache.get(keys[index])
        if results[index] is None:
            missing.append(index)
    parsed = parallel_map(_parse_item, [items[i] for i in missing], jobs, state=config)
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
                 cache: ArticleCache | None = None, types: ContentTypes = STANDARD
                 ) -> tuple[list[Article], list[Diagnostic]]:
    """Read every article; each bad file becomes diagnostics, the rest go on."""
    items, out = gather_sources(content_dir, types)
    articles, problems = parse_sources(items, config, jobs, cache)
    return articles, out + problems
