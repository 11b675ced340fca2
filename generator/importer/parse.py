"""Importer, part 2: from a page's lines to an ``ImportedPage`` (or an ``ImportProblem``).

Pure functions only. The steps, in order (docs/import.md tells editors the same):

1. widgets: the TTHC widget, the masthead footer and visitor counters are cut
   out (and read, for the site.yml/tthc.yml suggestions); ribbons, banners,
   share buttons and placeholders are dropped; portal chrome found in HTML
   becomes a cut;
2. the title, from the strongest evidence: an <h1>, the line just above the
   date, a line the page repeats, the HTML <title>, else the first line that
   reads like a headline;
3. the category (upper-case line above the title, breadcrumb, or the list
   label a SharePoint page prints above a repeated title) and the date;
4. the body: from after the title's echoes to the first cut or "Tin liên quan"
   style heading; the title repeated in the body and a body printed twice are
   kept once; the byline is taken from the end;
5. blocks: headings, list items, sub-items, captions, images, paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from . import lines as r
from .lines import Line
from .html import MAX_DEPTH, MISSING_BS4, TooDeep, html_available, html_to_lines
from .widgets import CUT, Found, MastheadWidget, TthcWidget, strip_widgets


@dataclass(frozen=True)
class Block:
    """One piece of the body: para, heading, item, subitem, caption or image."""

    kind: str
    text: str
    level: int = 0   # headings: 2..4
    src: str = ""    # images
    bold: bool = False


@dataclass(frozen=True)
class ImportedPage:
    source: str
    title: str
    date: str                     # "2022-02-23 08:40:17", or "" when the page has none
    blocks: tuple[Block, ...]
    category: str = ""
    author: str = ""
    period: str = ""              # bulletins: "2023-07"
    summary: str = ""
    tags: tuple[str, ...] = ()
    slug: str = ""                # set by the disk step when the title's slug is already taken
    image: str = ""               # set by the disk step when a local image is copied
    image_alt: str = ""
    masthead: MastheadWidget | None = None
    tthc: TthcWidget | None = None
    warnings: tuple[str, ...] = ()
    repeated_dropped: int = 0     # paragraphs dropped because the page printed them twice

    @property
    def is_bulletin(self) -> bool:
        return bool(self.period)

    @property
    def draft(self) -> bool:
        return not self.date

    def texts(self, kind: str) -> list[str]:
        return [b.text for b in self.blocks if b.kind == kind]


@dataclass(frozen=True)
class ImportProblem:
    source: str
    code: str       # "no_title", "no_body", "unreadable", …
    reason: str     # Vietnamese, for the editor
    masthead: MastheadWidget | None = None
    tthc: TthcWidget | None = None


# --- step 2: the title --------------------------------------------------------------

def _is_candidate(line: Line) -> bool:
    if line.kind not in (r.TEXT, r.HEADING) or line.chrome:
        return False
    text = line.text
    words = text.split()
    if not (3 <= len(words) <= 60) or not (10 <= len(text) <= 300):
        return False
    if text.endswith(":") or r.is_date_line(text) or r.is_block_heading(text) or r.is_caption(text):
        return False
    if r.ITEM_RE.match(text) or r.SUBITEM_RE.match(text) or text.startswith("*"):
        return False
    return not (r.is_upper_line(text) and len(words) <= 8)


_ISSUER = re.compile(r"^(ubnd|hđnd|ủy ban|uỷ ban|đảng ủy|đảng uỷ|đảng bộ|xã|phường|thị trấn|huyện|"
                     r"quận|tỉnh|thành phố|trang thông tin|cổng thông tin)\b", re.I)


def _is_category_line(line: Line) -> bool:
    """A short upper-case line ("NÔNG THÔN MỚI"), not the site's or council's name."""
    text = line.text
    return (line.kind in (r.TEXT, r.HEADING) and r.is_upper_line(text) and len(text) <= 60
            and len(text.split()) <= 8 and not r.is_block_heading(text) and not r.is_date_line(text)
            and not _ISSUER.match(text))


def _title_run_end(lines: list[Line], start: int, title_norm: str, limit: int = 4) -> int | None:
    """Index after the lines from *start* (blanks skipped) that together spell the title."""
    joined, used, j = "", 0, start
    while j < len(lines) and used < limit:
        line = lines[j]
        if line.kind == r.BLANK:
            j += 1
            continue
        if line.kind not in (r.TEXT, r.HEADING):
            return None
        joined = (joined + " " + r.norm(line.text)).strip()
        used += 1
        j += 1
        if joined == title_norm:
            return j
        if not title_norm.startswith(joined):
            return None
    return None


def _header_end(lines: list[Line]) -> int:
    for i, line in enumerate(lines):
        if line.kind in (r.TEXT, r.SUMMARY) and len(line.text) >= 200:
            return i
        if line.kind == r.ITEM:
            return i
    return len(lines)


def _junk_run_indices(lines: list[Line], end: int) -> set[int]:
    """Lines that follow a "TIN MỚI"-style heading up to the next blank line or cut."""
    inside, run = False, set()
    for i, line in enumerate(lines[:end]):
        if line.kind in (r.BLANK, CUT):
            inside = False
        elif r.is_block_heading(line.text):
            inside = True
            run.add(i)
        elif inside:
            run.add(i)
    return run


def _find_title(lines: list[Line], found: Found) -> tuple[int | None, int | None]:
    """(index of the title line, index of the date line)."""
    end = _header_end(lines)
    date_index = next((i for i, line in enumerate(lines[:min(end + 3, len(lines))])
                       if line.kind in (r.TEXT, r.HEADING) and r.is_date_line(line.text)), None)
    junk = _junk_run_indices(lines, end)
    candidates = [i for i in range(min(end + 1, len(lines))) if _is_candidate(lines[i])]

    for i in candidates:  # an <h1> in the main part of the page
        if lines[i].kind == r.HEADING and lines[i].level == 1:
            return i, date_index
    if date_index is not None:  # the headline just above (or just below) the date
        for step in (-1, 1):
            seen, j = 0, date_index + step
            while 0 <= j < len(lines) and seen < 3:
                line = lines[j]
                if line.kind == CUT:
                    break
                if line.kind != r.BLANK:
                    seen += 1
                    if _is_candidate(line) and j not in junk:
                        return j, date_index
                j += step
    for i in candidates:  # a headline the page prints again below (maybe split over lines)
        title_norm = r.norm(lines[i].text)
        for j in range(i + 1, len(lines)):
            if r.norm(lines[j].text)[:12] == title_norm[:12] and _title_run_end(lines, j, title_norm):
                return i, date_index
    if found.doctitle:  # the browser tab title usually starts with the headline
        doc = r.norm(found.doctitle)
        for i in candidates:
            if doc.startswith(r.norm(lines[i].text)):
                return i, date_index
    for i in candidates:
        if i not in junk and len(lines[i].text.split()) >= 4:
            return i, date_index
    return None, date_index


# --- step 3: category, date, period --------------------------------------------------

_GENERIC_SECTIONS = {r.norm(s) for s in ("Tin tức", "Tin tức - Sự kiện", "Tin tức sự kiện", "Thông báo",
                                         "Bản tin", "Tin tức chung", "Tin hoạt động", "Tin bài")}
_BULLETIN_PREFIX = re.compile(r"^bản\s+tin\s+", re.I)
_MONTH_RE = re.compile(r"tháng\s+0?(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})", re.I)


def _category(lines: list[Line], title_index: int, labels: list[str], found: Found) -> str:
    j = title_index - 1
    while j >= 0 and lines[j].kind == r.BLANK:
        j -= 1
    if j >= 0 and _is_category_line(lines[j]):
        return r.sentence_case(lines[j].text)
    title_norm = r.norm(lines[title_index].text)
    if found.breadcrumb:
        parts = [p for p in found.breadcrumb[1:] if r.norm(p) != title_norm]
        if parts and r.norm(parts[-1]) not in _GENERIC_SECTIONS:
            text = parts[-1]
            return r.sentence_case(text) if r.is_upper_line(text) else text
    for label in labels:
        rest = _BULLETIN_PREFIX.sub("", label).strip()
        if rest != label.strip() and len(rest.split()) >= 2 and r.norm(rest) not in _GENERIC_SECTIONS:
            return rest[:1].upper() + rest[1:]
    return ""


def _is_label(line: Line, title: str, title_norm: str) -> bool:
    """A list or series name printed next to the title that the title starts with
    ("Bản tin Nông thôn mới" beside "Bản tin nông thôn mới tháng 7/2023")."""
    line_norm = r.norm(line.text)
    return (line.kind in (r.TEXT, r.HEADING) and bool(line_norm) and title_norm.startswith(line_norm)
            and len(line.text) < len(title) and len(line.text) <= 80)


def _labels_before(lines: list[Line], title_index: int, title_norm: str) -> list[str]:
    title = lines[title_index].text
    out, seen, j = [], 0, title_index - 1
    while j >= 0 and seen < 4 and lines[j].kind != CUT:
        if lines[j].kind != r.BLANK:
            seen += 1
            if _is_label(lines[j], title, title_norm):
                out.append(lines[j].text)
        j -= 1
    return out


def period_of(title: str) -> str:
    """"2023-07" for "Bản tin nông thôn mới tháng 7/2023"; "" if not a monthly bulletin."""
    if not _BULLETIN_PREFIX.match(title):
        return ""
    match = _MONTH_RE.search(title)
    if not match or not 1 <= int(match.group(1)) <= 12:
        return ""
    return f"{int(match.group(2)):04d}-{int(match.group(1)):02d}"


def _date_value(text: str) -> str:
    found = r.find_datetime(text)
    if not found:
        return ""
    day, clock = found
    return f"{day} {clock}".strip()


# --- step 4: the body ------------------------------------------------------------------

def _near_duplicate(a: str, b: str) -> bool:
    """Same paragraph with small edits (a word or a comma), never two lines that differ
    in their figures ("Xã Nguyên Lý: đạt 17/19" is not "Xã Công Lý: đạt 16/19")."""
    if min(len(a), len(b)) < 40:
        return False
    if a == b:
        return True
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return False
    threshold = 0.9 if min(len(a), len(b)) >= 120 else 0.97
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold)


_RELATED_ITEM = re.compile(r"(\(\s*\d{1,2}/\d{1,2}/\d{4}[^)]*\)|\d{1,2}/\d{1,2}/\d{4}\s*\)?)\s*$")


def _take_byline(body: list[Line]) -> tuple[list[Line], str]:
    """Remove the byline at the end (and a list of dated headlines after it)."""
    end = len(body)
    while end and _RELATED_ITEM.search(body[end - 1].text) and len(body[end - 1].text) <= 250:
        end -= 1
    for stop in ((end, len(body)) if end != len(body) else (len(body),)):
        if stop and body[stop - 1].kind in (r.TEXT, r.HEADING) and r.is_byline(body[stop - 1].text):
            return body[:stop - 1], r.byline_name(body[stop - 1].text)
    return body, ""


def _classify(body: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    roman = any(re.match(r"^[IVXLC]{1,6}\.\s", line.text) for line in body if line.kind == r.TEXT)
    after_item = False
    for line in body:
        text = line.text
        if line.kind == r.IMAGE:
            blocks.append(Block("image", text, src=line.src))
            after_item = False
            continue
        if line.kind == r.CAPTION or (line.kind == r.TEXT and r.is_caption(text)):
            blocks.append(Block("caption", text))
            after_item = False
            continue
        if line.kind == r.ITEM:
            kind = "subitem" if line.level > 0 else "item"
            blocks.append(Block(kind, text))
            after_item = True
            continue
        if line.kind == r.HEADING:
            blocks.append(Block("heading", text, level=min(max(line.level, 2), 4)))
            after_item = False
            continue
        number = r.heading_number(text)
        if number:
            level = 2
            if roman and not re.match(r"^[IVXLC]+\.$", number):
                level = 3
            if number.count(".") >= 2 or number.endswith(")"):
                level += 1
            blocks.append(Block("heading", text, level=min(level, 4)))
            after_item = False
        elif r.ITEM_RE.match(text):
            blocks.append(Block("item", r.ITEM_RE.sub("", text)))
            after_item = True
        elif r.SUBITEM_RE.match(text):
            blocks.append(Block("subitem" if after_item else "item", r.SUBITEM_RE.sub("", text)))
            after_item = True
        elif r.is_upper_line(text) and len(text.split()) <= 15 and not text.endswith("."):
            blocks.append(Block("heading", text, level=2))
            after_item = False
        else:
            blocks.append(Block("para", text, bold=line.bold))
            after_item = False
    return blocks


# --- the whole extraction ------------------------------------------------------------------

def parse_lines(lines: list[Line], source: str) -> ImportedPage | ImportProblem:
    content, found = strip_widgets(lines)
    title_index, date_index = _find_title(content, found)
    if title_index is None:
        has_text = any(line.kind in (r.TEXT, r.HEADING) for line in content)
        reason = ("không tìm thấy tiêu đề bài: trang không có dòng nào giống tiêu đề (dòng ngay "
                  "trên ngày đăng, hay một dòng từ 4 chữ trở lên ở đầu trang) — kiểm tra tệp có "
                  "đúng là một bài viết"
                  if has_text else "trang không có nội dung bài (chỉ có menu, quảng cáo, bộ đếm…)")
        return ImportProblem(source, "no_title", reason, found.masthead, found.tthc)
    title = content[title_index].text
    title_norm = r.norm(title)
    date = _date_value(content[date_index].text) if date_index is not None else ""
    summary = ""

    # skip what follows the title before the body: date, labels, the title again
    labels: list[str] = []
    j = title_index + 1
    while j < len(content):
        line = content[j]
        if line.kind in (r.BLANK, CUT, r.BREADCRUMB):
            j += 1
            continue
        if line.kind in (r.TEXT, r.HEADING) and r.is_date_line(line.text):
            date = date or _date_value(line.text)
            j += 1
            continue
        if line.kind == r.SUMMARY:
            summary = summary or line.text
            j += 1
            continue
        run_end = _title_run_end(content, j, title_norm)
        if run_end:
            j = run_end
            continue
        if _is_label(line, title, title_norm):
            labels.append(line.text)
            j += 1
            continue
        break
    body_start = j
    body: list[Line] = []
    for line in content[body_start:]:
        if line.kind == CUT or r.is_block_heading(line.text):
            if body:
                break
            continue
        if line.kind in (r.BLANK, r.BREADCRUMB, r.DOCTITLE, r.METADATE):
            continue
        if line.kind == r.SUMMARY:
            summary = summary or line.text
            continue
        if line.kind == r.IMAGE and (not line.src or r.is_junk(line.text)):
            continue
        body.append(line)

    # the title again inside the body (whole, or split over the first lines)
    kept: list[Line] = []
    k = 0
    while k < len(body):
        if body[k].kind in (r.TEXT, r.HEADING):
            run_end = _title_run_end(body, k, title_norm) if k < 6 else None
            if run_end or r.norm(body[k].text) == title_norm:
                k = run_end or k + 1
                continue
        kept.append(body[k])
        k += 1

    # a body printed twice: keep the first copy of each paragraph
    unique: list[Line] = []
    seen: list[str] = []
    repeated = 0
    for line in kept:
        line_norm = r.norm(line.text)
        if line.kind in (r.TEXT, r.ITEM) and any(_near_duplicate(line_norm, s) for s in seen):
            repeated += 1
            continue
        if line.kind in (r.TEXT, r.ITEM):
            seen.append(line_norm)
        unique.append(line)

    unique, author = _take_byline(unique)
    blocks = _classify(unique)
    if not any(b.kind in ("para", "item", "subitem", "heading") for b in blocks):
        return ImportProblem(source, "no_body", f"trang có tiêu đề \"{title}\" nhưng không có nội dung bài",
                             found.masthead, found.tthc)

    if not date and found.metadate:
        date = _date_value(found.metadate)
    labels += _labels_before(content, title_index, title_norm)
    category = _category(content, title_index, labels, found)
    warnings: list[str] = []
    if not date:
        warnings.append("trang không ghi ngày đăng: bài được nhập ở dạng nháp (draft: true) — "
                        "điền ngày đăng (date:) rồi xoá dòng draft")
    if repeated:
        warnings.append(f"trang in lặp lại nội dung: đã bỏ {repeated} đoạn trùng, chỉ giữ một lần")
    return ImportedPage(
        source=source, title=title, date=date, blocks=tuple(blocks), category=category,
        author=author, period=period_of(title), summary=summary,
        tags=tuple(dict.fromkeys(found.tags)), masthead=found.masthead, tthc=found.tthc,
        warnings=tuple(warnings), repeated_dropped=repeated)


def parse_text(text: str, source: str = "") -> ImportedPage | ImportProblem:
    """A page as a browser copies it (plain text)."""
    return parse_lines(r.text_to_lines(text), source)


def parse_html(html: str | bytes, source: str = "") -> ImportedPage | ImportProblem:
    """A saved .html page."""
    if not html_available():
        return ImportProblem(source, "no_html_library", MISSING_BS4)
    try:
        lines = html_to_lines(html)
    except TooDeep as deep:
        return ImportProblem(source, "too_deep", f"trang lồng quá sâu ({deep.depth} tầng thẻ HTML, tối đa "
                             f"{MAX_DEPTH}) nên không đọc được — mở trang trong trình duyệt, chép phần chữ "
                             "của bài vào một tệp .txt rồi nhập tệp đó")
    return parse_lines(lines, source)
