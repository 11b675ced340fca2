"""Importer, step 1: cut the portal's furniture out of a page's lines.

The TTHC widget, the masthead footer and visitor counters are removed and read
(for the site.yml / tthc.yml suggestions); "Từ khóa:" lines give tags; ribbons,
banners, share buttons and placeholders are dropped; lines the HTML structure
marked as chrome become a cut. A ``CUT`` line marks where something was taken
out: the body never runs across one. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lines as r
from .lines import Line

CUT = "cut"  # where furniture was removed


# --- the "Kết quả giải quyết TTHC" widget -----------------------------------------

_TTHC_START = re.compile(
    r"^(kết quả|tình hình|thống kê)\s+(giải quyết|xử lý|tiếp nhận)\s*(và giải quyết\s*)?"
    r"(tthc|thủ tục hành chính|hồ sơ( tthc)?)\b", re.I)
_TTHC_LINE = re.compile(
    r"^(\(?\s*(cập nhật|ngày cập nhật)( lúc)?\s*:?.*\)?|chi tiết|xem chi tiết|xem thêm|"
    r"đến (tháng|ngày|nay|hết)\b.*|từ (ngày|tháng)\b.*|[\d.,]+\s*%|[\d.,]+|"
    r"[^:]{2,60}:\s*[\d.,]+\s*%?)$", re.I)


@dataclass(frozen=True)
class TthcWidget:
    """Totals printed by the TTHC widget (received, on time, late, as of ``updated``)."""

    updated: str = ""      # "2023-12-11 10:17:19"
    period_label: str = ""  # "Đến tháng 12 đã giải quyết:"
    received: int | None = None
    on_time: int | None = None
    late: int | None = None
    rate: str = ""          # "100%"


def is_tthc_start(text: str) -> bool:
    return bool(_TTHC_START.match(text))


def is_tthc_line(text: str) -> bool:
    return bool(_TTHC_LINE.match(text)) and len(text) <= 90


def _number(value: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", value)
    return int(digits) if digits.isdigit() else None


def parse_tthc(lines: list[str]) -> TthcWidget:
    values: dict[str, object] = {}
    for text in lines:
        low = text.lower()
        if "cập nhật" in low:
            found = r.find_datetime(text)
            if found:
                day, clock = found
                values["updated"] = f"{day} {clock}".strip()
            continue
        if re.match(r"^(đến|từ)\s", low):
            values["period_label"] = text
            continue
        if re.fullmatch(r"[\d.,]+\s*%", text) and "rate" not in values:
            values["rate"] = text.replace(" ", "")
            continue
        label, sep, value = text.rpartition(":")
        if not sep or "%" in value:
            continue
        number = _number(value)
        label = label.lower()
        if number is None or "tỉ lệ" in label or "tỷ lệ" in label:
            continue
        if "trễ hạn" in label or "quá hạn" in label:
            values.setdefault("late", number)
        elif "đúng hạn" in label or "trước hạn" in label:
            values.setdefault("on_time", number)
        elif "hồ sơ" in label or "tiếp nhận" in label:
            values.setdefault("received", number)
    return TthcWidget(**values)  # type: ignore[arg-type]


# --- the masthead footer ------------------------------------------------------------

_MASTHEAD_START = re.compile(r"^(trang|cổng) thông tin điện tử\b", re.I)
MASTHEAD_LABELS = {
    "editor_in_chief": ("trưởng ban biên tập", "trưởng ban bt", "chịu trách nhiệm chính",
                        "chịu trách nhiệm nội dung", "chịu trách nhiệm", "tổng biên tập",
                        "người chịu trách nhiệm"),
    "owner": ("cơ quan chủ quản", "đơn vị chủ quản", "chủ quản", "cơ quan quản lý"),
    "address": ("địa chỉ", "trụ sở"),
    "phone": ("điện thoại", "đt", "tel", "hotline", "số điện thoại"),
    "fax": ("fax",),
    "email": ("email", "e-mail", "thư điện tử", "mail"),
    "license": ("giấy phép", "ghi rõ nguồn", "bản quyền", "©", "copyright"),
    "other": ("thiết kế", "phát triển bởi", "designed by", "website", "phiên bản"),
}


def masthead_field(text: str) -> tuple[str, str] | None:
    """("address", "xã Lam Sơn- …") for a "Địa chỉ: …" line of a footer, else None."""
    low = text.lower()
    for key, labels in MASTHEAD_LABELS.items():
        for label in labels:
            if low.startswith(label):
                rest = text[len(label):]
                if key == "license" or rest[:1] in (":", " ", "-") and ":" in rest[:4] or rest[:1] == ":":
                    return key, rest.lstrip(" :").strip()
    return None


def is_masthead_start(text: str, next_text: str) -> bool:
    """A "TRANG THÔNG TIN ĐIỆN TỬ XÃ …" line (upper case, or followed by footer fields)."""
    if not _MASTHEAD_START.match(text) or len(text) > 140:
        return False
    return r.is_upper_line(text) or masthead_field(next_text) is not None


def tidy_dashes(value: str) -> str:
    """"Lam Sơn- Thanh Miện-Hải Dương" -> "Lam Sơn - Thanh Miện - Hải Dương"."""
    return re.sub(r"(?<=[^\W\d])\s*[-–]\s*(?=[^\W\d])", " - ", value)


@dataclass(frozen=True)
class MastheadWidget:
    """What a portal's footer says about the site (suggested site.yml values)."""

    name: str = ""
    parent: str = ""
    editor_in_chief: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


_SECOND_FIELD = re.compile(r"\s+[|–-]?\s*(?=(?:email|e-mail|fax|điện thoại|đt|website)\s*:)", re.I)


def parse_masthead(lines: list[str]) -> MastheadWidget:
    values: dict[str, str] = {}
    pieces: list[str] = []
    for text in lines:
        pieces.extend(p.strip() for p in _SECOND_FIELD.split(text) if p.strip())
    for text in pieces:
        if _MASTHEAD_START.match(text) and "name" not in values:
            parts = [p.strip() for p in re.split(r"\s+[-–|]\s+", text) if p.strip()]
            values["name"] = r.sentence_case(parts[0])
            if len(parts) > 1:
                parent = r.sentence_case(parts[1])
                values["parent"] = parent[:1].lower() + parent[1:]
            continue
        found = masthead_field(text)
        if not found:
            continue
        key, value = found
        if key in ("editor_in_chief", "address") and value:
            values.setdefault(key, tidy_dashes(value))
        elif key == "phone" and value:
            values.setdefault("phone", value)
        elif key == "email":
            match = re.search(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", value)
            if match:
                values.setdefault("email", match.group(0))
    return MastheadWidget(**values)


@dataclass
class Found:
    masthead: MastheadWidget | None = None
    tthc: TthcWidget | None = None
    tags: list[str] = field(default_factory=list)
    breadcrumb: list[str] = field(default_factory=list)
    doctitle: str = ""
    metadate: str = ""
    dropped: int = 0


def _next_text(lines: list[Line], i: int) -> str:
    for line in lines[i + 1:i + 4]:
        if line.kind != r.BLANK:
            return line.text
    return ""


def strip_widgets(lines: list[Line]) -> tuple[list[Line], Found]:
    found = Found()
    out: list[Line] = []

    def cut() -> None:
        if not out or out[-1].kind != CUT:
            out.append(Line("", CUT))

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        text = line.text
        if line.kind == r.BLANK:
            out.append(line)
            i += 1
            continue
        if line.kind == r.DOCTITLE:
            found.doctitle = text
            i += 1
            continue
        if line.kind == r.METADATE:
            found.metadate = found.metadate or text
            i += 1
            continue
        if line.kind == r.BREADCRUMB or (i < n and r.breadcrumb_parts(text) and len(text) < 200):
            found.breadcrumb = r.breadcrumb_parts(text) or [p.strip() for p in text.split(">")]
            i += 1
            continue
        if is_tthc_start(text):
            block, j = _run(lines, i, is_tthc_line, limit=25)
            found.tthc = found.tthc or parse_tthc(block)
            cut()
            i = j
            continue
        if _masthead_here(lines, i):
            block, j = _run(lines, i, masthead_field)
            found.masthead = found.masthead or parse_masthead(block)
            cut()
            i = j
            continue
        if r.is_counter(text):
            j = i + 1
            while j < n and (lines[j].kind == r.BLANK or r.is_counter(lines[j].text)):
                j += 1
            cut()
            i = j
            continue
        tags = r.TAGS_RE.match(text)
        if tags and len(text) < 300:
            values = [t.strip(" .") for t in re.split(r"[,;]", tags.group("rest"))]
            found.tags.extend(v for v in values if v and not r.is_placeholder(v))
            i += 1
            continue
        if r.is_junk(text):
            found.dropped += 1
            i += 1
            continue
        if line.chrome:
            if line.kind != r.IMAGE:
                cut()
            i += 1
            continue
        out.append(line)
        i += 1
    return out, found


def _run(lines, start: int, belongs, limit: int | None = None) -> tuple[list[str], int]:
    """Line *start* and the following lines that are blank or satisfy *belongs*
    (at most *limit* lines after it): the block's texts and the index after it."""
    block, j = [lines[start].text], start + 1
    while j < len(lines) and (limit is None or j - start <= limit) \
            and (lines[j].kind == r.BLANK or belongs(lines[j].text)):
        block.append(lines[j].text)
        j += 1
    return block, j


def _masthead_here(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if is_masthead_start(text, _next_text(lines, i)):
        return True
    first = masthead_field(text)
    if not first:
        return False
    keys = {first[0]}
    for line in lines[i + 1:i + 12]:
        if line.kind == r.BLANK:
            continue
        nxt = masthead_field(line.text)
        if not nxt:
            break
        keys.add(nxt[0])
    return len(keys) >= 2 and bool(keys & {"editor_in_chief", "owner", "license"})
