"""Importer: the line model and the text patterns of old commune portals.

Every page, plain text or HTML, is first turned into a list of ``Line`` records;
this module holds that record, the cleaning of raw text, and the recognisers
(pure predicates) for dates, categories, furniture, headings, list items,
bylines and captions. The widgets (TTHC, masthead footer, counters) are in
``importer_widgets``. Keep docs/import.md in step with the patterns here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..list_items import DASH_BULLETS, LETTER_LABEL, ODD_SPACES, ROMAN_LABEL, SYMBOL_BULLETS
from ..text import INVISIBLE as INVISIBLE_RE, nfc, strip_control, strip_invisible

# --- the line model ------------------------------------------------------------

TEXT = "text"          # a paragraph or a line of plain text (classified later)
HEADING = "heading"    # <h1>..<h4> or a bold-only short paragraph in HTML
ITEM = "item"          # <li> (level 0 = top, 1+ = nested)
IMAGE = "image"        # <img>: text = alt, src = address
CAPTION = "caption"    # <figcaption>, caption cells, italic line under an image
SUMMARY = "summary"    # a vendor CMS lead ("sapo") paragraph
BREADCRUMB = "breadcrumb"
DOCTITLE = "doctitle"  # the HTML <title>, used only as evidence for the title
METADATE = "metadate"  # a publication date from <meta>/<time>, evidence only
BLANK = "blank"


@dataclass(frozen=True)
class Line:
    """One line of a page, after cleaning. ``chrome`` marks portal furniture
    (menus, sidebars, footers) found by the HTML structure: never body text,
    but still read for the masthead and TTHC widget."""

    text: str
    kind: str = TEXT
    level: int = 0
    chrome: bool = False
    src: str = ""
    italic: bool = False
    bold: bool = False


# --- cleaning ------------------------------------------------------------------

#: Spaces other than U+0020 that Word, Zalo and web pages paste (NBSP and friends).
#: Characters that show nothing: the one rule of text.py (shared with the build and check).
INVISIBLE = INVISIBLE_RE
_SPACES = re.compile(rf"[ \t{ODD_SPACES}]+")


def clean(text: str) -> str:
    """NFC, non-breaking and other odd spaces to one space, invisible marks dropped, trimmed."""
    text = strip_control(strip_invisible(nfc(text)))  # the build's character rules (text.py)
    return _SPACES.sub(" ", text).strip()


def text_to_lines(text: str) -> list[Line]:
    """A page copied from a browser: one Line per line, blank lines kept as BLANK."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[Line] = []
    for raw in text.split("\n"):
        value = clean(raw)
        out.append(Line(value) if value else Line("", BLANK))
    return out


def norm(text: str) -> str:
    """Comparison form: case-folded words, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[\W_]+", " ", nfc(text).casefold()).split())


# --- Vietnamese casing -----------------------------------------------------------

ACRONYMS = frozenset("""UBND HĐND MTTQ NTM TTHC THCS THPT BHYT BHXH KT-XH ANTT TTATXH OCOP HTX
CNTT ATGT ANQP BCĐ BCH ĐU HĐ CCB QLNN VH-XH VH TDTT PCCC PCCN TNTP HTX CLB KH QĐ TW""".split())
_ADMIN_UNITS = ("thành phố", "thị trấn", "thị xã", "xã", "phường", "huyện", "quận", "tỉnh")


def is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _has_vowel(word: str) -> bool:
    base = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return any(c in "aeiouyAEIOUY" for c in base)


def sentence_case(text: str) -> str:
    """"NÔNG THÔN MỚI" -> "Nông thôn mới"; "XÃ LAM SƠN" -> "Xã Lam Sơn".

    Known acronyms (UBND, NTM, …) and upper-case words without a vowel stay upper
    case; the words after an administrative unit (xã, huyện, …) are a proper name
    and get capitals ("xã hội", society, is not a unit).
    """
    words = text.split()
    out: list[str] = []
    proper = False
    i = 0
    while i < len(words):
        word = words[i]
        if word.upper() in ACRONYMS or (word.isupper() and len(word) > 1 and not _has_vowel(word)):
            out.append(word.upper())
            i += 1
            continue
        low = word.lower()
        following = " ".join(w.lower() for w in words[i:i + 3]).split()
        unit = next((u for u in _ADMIN_UNITS if following[:len(u.split())] == u.split()), None)
        if unit == "xã" and following[1:2] == ["hội"]:
            unit = None
        if unit:
            n = len(unit.split())
            out.extend(w.lower() for w in words[i:i + n])
            i += n
            proper = True
            continue
        if proper and word[:1].isalpha():
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
            proper = False
        i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:] if result else result


# --- dates -----------------------------------------------------------------------

DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_DATE_WORDS = re.compile(
    r"\b(thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật|"
    r"cập\s+nhật(\s+lúc)?|đăng\s+lúc|ngày\s+xuất\s+bản|xuất\s+bản|thời\s+gian|ngày|lúc|gmt|am|pm|sa|ch|"
    r"lượt\s+xem\s*:?\s*[\d.]*|lượt\s+đọc\s*:?\s*[\d.]*)\b", re.I)


def find_datetime(text: str) -> tuple[str, str] | None:
    """("2022-02-23", "08:40:17" or "08:40" or "") from a line such as
    "23/02/2022 08:40:17", "Thứ Năm, 23/02/2022 - 08:40" or "08:40 23-02-2022"."""
    match = DATE_RE.search(text)
    iso = ISO_DATE_RE.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        return None
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    clock = ""
    time = TIME_RE.search(text)
    if time:
        hour, minute, second = int(time.group(1)), int(time.group(2)), time.group(3)
        if hour < 24 and minute < 60 and (second is None or int(second) < 60):
            clock = f"{hour:02d}:{minute:02d}" + (f":{int(second):02d}" if second else "")
    return f"{year:04d}-{month:02d}-{day:02d}", clock


def is_date_line(text: str) -> bool:
    """A short line that is a date (with labels, weekday, time) and nothing else."""
    if len(text) > 90 or not find_datetime(text):
        return False
    rest = ISO_DATE_RE.sub(" ", DATE_RE.sub(" ", text))
    rest = TIME_RE.sub(" ", rest)
    rest = _DATE_WORDS.sub(" ", rest)
    return len(re.sub(r"[\W\d_]+", "", rest)) < 3


# --- boilerplate -------------------------------------------------------------------

# Lines that are always portal furniture, compared in ``norm`` form.
JUNK_LINES = frozenset(norm(s) for s in (
    "Skip Ribbon Commands", "Skip to main content", "Skip navigation", "Bỏ qua nội dung",
    "Turn on more accessible mode", "Turn off more accessible mode", "Sign In", "Đăng nhập",
    "image banner", "image advertisement", "image logo", "banner", "advertisement", "quảng cáo",
    "logo", "Trang chủ", "Sơ đồ trang", "Sơ đồ cổng", "Sitemap", "Tìm kiếm", "Search",
    "English", "Tiếng Việt", "RSS", "In bài viết", "In trang", "In bài", "Bản in", "Gửi email",
    "Gửi bài viết", "Gửi cho bạn bè", "Chia sẻ", "Chia sẻ bài viết", "Facebook", "Zalo", "Twitter",
    "Tweet", "Like", "Share", "Cỡ chữ", "A A A", "A- A A+", "Quay lại", "Trở về", "Trở lại",
    "Về đầu trang", "Lên đầu trang", "Bình luận", "Ý kiến bạn đọc", "Gửi ý kiến", "Đang tải",
    "Loading", "Đang cập nhật dữ liệu", "Đang cập nhật", "Chưa có dữ liệu", "Không có dữ liệu",
    "Dữ liệu đang được cập nhật", "Chưa có bình luận", "Đọc tiếp", "Xem tiếp",
))
# Headings that start a block of links (latest news, related articles, sidebars).
BLOCK_HEADINGS = frozenset(norm(s) for s in (
    "TIN MỚI", "Tin mới nhất", "Tin mới đăng", "Tin tức mới", "Tin liên quan", "Bài viết liên quan",
    "Các tin khác", "Các tin đã đưa", "Tin khác", "Các bài khác", "Các bài viết khác", "Bài viết khác",
    "Tin cùng chuyên mục", "Tin cùng loại", "Xem thêm", "Xem nhiều", "Tin xem nhiều", "Tin đọc nhiều",
    "Đọc nhiều", "Tin nổi bật", "Tin tiêu điểm", "Tin bài khác", "Tin đã đăng", "Liên kết website",
    "Liên kết web", "Liên kết", "Thăm dò ý kiến", "Video clip", "Thư viện ảnh", "Thư viện video",
    "Văn bản mới", "Văn bản mới ban hành", "Lịch công tác", "Thông báo mới", "Chuyên mục",
    "Danh mục", "Dịch vụ công trực tuyến", "Hỏi đáp trực tuyến", "Giới thiệu chung",
))
_PLACEHOLDER = re.compile(r"^(\{[^{}\s]{1,40}\}|\[\[[^\]]{1,40}\]\]|\$\{?\w{1,40}\}?|%%?\w{1,40}%%?|#{2}\w+#{2})$")
COUNTER_HEADINGS = frozenset(norm(s) for s in (
    "Thống kê truy cập", "Thống kê lượt truy cập", "Lượt truy cập", "Số lượt truy cập",
    "Bộ đếm truy cập", "Bộ đếm", "Thống kê", "Truy cập", "Lượt truy cập website",
))
_COUNTER = re.compile(
    r"^(?:[•·●▪\-–*]\s*)?(đang truy cập|đang online|đang trực tuyến|trực tuyến|online|hôm nay|hôm qua|"
    r"trong ngày|trong tuần|tuần này|tuần trước|tháng này|tháng trước|trong tháng|năm nay|"
    r"tất cả|tổng cộng|tổng số|tổng|tổng lượt truy cập|tổng số lượt truy cập|lượt truy cập|"
    r"số lượt truy cập|lượt xem|khách|thành viên|máy khách|visitors?|today|total)"
    r"\s*:?\s*[\d.,\s]+$", re.I)


def is_placeholder(text: str) -> bool:
    """An unfilled template field such as "{keywords}"."""
    return bool(_PLACEHOLDER.match(text.strip(" !.…")))


_JUNK_BY_LENGTH = sorted(JUNK_LINES, key=len, reverse=True)


def is_junk(text: str) -> bool:
    """A single line of furniture: ribbons, banners, share buttons, placeholders,
    or a toolbar that is nothing but such phrases ("In bài viết Gửi email Chia sẻ")."""
    if not text:
        return False
    value = norm(text)
    if value in JUNK_LINES or is_placeholder(text) or re.fullmatch(
            r"(image|hình ảnh|ảnh)\s+(banner|advertisement|quảng cáo|logo)\s*\d*", text, re.I):
        return True
    if len(value) > 120 or " " not in value:
        return False
    rest = f" {value} "
    for phrase in _JUNK_BY_LENGTH:
        rest = rest.replace(f" {phrase} ", " ")
    return not rest.strip()


def is_block_heading(text: str) -> bool:
    return norm(text) in BLOCK_HEADINGS


def is_counter(text: str) -> bool:
    return norm(text) in COUNTER_HEADINGS or bool(_COUNTER.match(text))


# --- lists, headings, bylines, captions -----------------------------------------------

ITEM_RE = re.compile(rf"^(?:[{DASH_BULLETS}]\s+|[{SYMBOL_BULLETS}]\s*)(?=\S)")
SUBITEM_RE = re.compile(r"^\+\s+(?=\S)")
HEADING_RE = re.compile(
    rf"^(?P<num>{ROMAN_LABEL}\.|(?:\d{{1,2}}\.){{1,3}}\d{{0,2}}|\d{{1,2}}\)|{LETTER_LABEL}\))\s+(?P<text>\S.*)$")


BYLINE_PREFIX = re.compile(
    r"^(tin,?\s*ảnh|bài,?\s*ảnh|tin\s+và\s+ảnh|bài\s+và\s+ảnh|tin|bài|ảnh|tác giả|người viết|"
    r"nguồn|theo)\s*:\s*", re.I)
CAPTION_RE = re.compile(r"^(\(?\s*ảnh(\s+minh\s+ho[ạa])?\s*[:\-–)]|\(\s*ảnh\b.*\)$|ảnh minh ho[ạa]\b)", re.I)
TAGS_RE = re.compile(r"^(từ khoá|từ khóa|tags?|thẻ|keywords?)\s*:\s*(?P<rest>.*)$", re.I)


def heading_number(text: str) -> str | None:
    """"1." for "1. Về công tác chỉ đạo, điều hành"; None for a numbered sentence."""
    match = HEADING_RE.match(text)
    if not match or len(text) > 150 or text.endswith((".", ";", ",")):
        return None
    return match.group("num")


def is_byline(text: str) -> bool:
    """"Mai Chi", "Bản tin NTM", "Tin, ảnh: Thu Hà", "PV", "Theo Báo Hải Dương"."""
    value = BYLINE_PREFIX.sub("", text).strip()
    words = value.split()
    if not (1 <= len(words) <= 6) or len(value) > 60:
        return False
    if text.endswith((".", ":", ";", ",", "!", "?", "…")) and not re.search(r"\b[A-ZĐ]\.$", text):
        return False
    if ITEM_RE.match(text) or SUBITEM_RE.match(text) or heading_number(text) or is_date_line(text):
        return False
    return value[:1].isupper() and not any(ch.isdigit() for ch in value)


def byline_name(text: str) -> str:
    return BYLINE_PREFIX.sub("", text).strip().strip("()").strip()


def is_caption(text: str) -> bool:
    return len(text) <= 300 and bool(CAPTION_RE.match(text))


def breadcrumb_parts(text: str) -> list[str] | None:
    """["Trang chủ", "Tin tức", "Nông thôn mới"] for "Trang chủ > Tin tức > Nông thôn mới"."""
    parts = [p.strip() for p in re.split(r"\s*(?:>>|>|»|›|/|\|)\s*", text) if p.strip()]
    if len(parts) >= 2 and norm(parts[0]) in (norm("Trang chủ"), "home", norm("Trang nhất")):
        return parts
    return None
