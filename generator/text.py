"""Vietnamese text: NFC normalisation, slugs, dates and numbers as readers expect them.

Pure functions, no locale: the formats are fixed by Vietnamese usage
(23/02/2022 08:40:17, 3.340, 99,9%, "tháng 7/2023").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_DOWN, Decimal

#: Việt Nam has one time zone and no daylight saving time.
VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_NON_SLUG = re.compile(r"[^a-z0-9]+")

#: The one rule for characters that may never reach a page or a feed: C0 controls
#: except tab, LF and CR; DEL; C1 controls; lone surrogates; the non-characters
#: U+FFFE and U+FFFF. All are invalid in XML 1.0 or an HTML parse error, and none
#: can be typed on purpose (they arrive from Word, PDF or a broken export).
CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")

#: Invisible formatting characters: zero-width space and non-joiner, direction
#: marks and the bidirectional controls (which can make text read differently
#: from how it is stored), word joiner, BOM inside text, soft hyphen; and a
#: zero-width joiner only where it does not join an emoji sequence (Zalo text has
#: those). Valid in HTML, but in a title or a slug they break search, sorting and
#: comparison without anyone seeing why.
INVISIBLE_CHARS = "\u00ad\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])")
_INVISIBLE = INVISIBLE


def nfc(value: str) -> str:
    """Return *value* in Unicode NFC, the form every string in bantin is kept in."""
    return unicodedata.normalize("NFC", value)


def fold_name(name: str) -> str:
    """A file name as a case-insensitive file system sees it ("Ảnh.JPG" and "ảnh.jpg" are
    one name there, two on a web server): NFC, case-folded."""
    return nfc(name).casefold()


def case_twin(name: str, names) -> str | None:
    """The one of *names* that differs from *name* only in letter case (or None)."""
    key = fold_name(name)
    return next((other for other in sorted(names) if other != name and fold_name(other) == key), None)


#: the longest slug: a slug is one folder name of the output (255 bytes at most on
#: every file system) and Windows paths stay under 260 characters in all
MAX_SLUG = 150


def slugify(value: str) -> str:
    """Transliterate a Vietnamese title to a URL slug.

    "Bước đầu triển khai" -> "buoc-dau-trien-khai"; "đ"/"Đ" become "d", tones are
    dropped, anything else that is not a letter or digit becomes one dash. A slug
    longer than MAX_SLUG is cut at the last dash before it (a 360-character title
    gave "File name too long").
    """
    text = nfc(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _NON_SLUG.sub("-", ascii_only.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        head = slug[:MAX_SLUG + 1]
        cut = head.rsplit("-", 1)[0] if "-" in head else ""
        slug = (cut if len(cut) >= MAX_SLUG // 2 else slug[:MAX_SLUG]).strip("-")
    return slug


def has_control_chars(value: str) -> bool:
    """True if *value* holds a character of the control rule (CONTROL_CHARS)."""
    return _CONTROL.search(value) is not None


def control_chars(value: str) -> list[str]:
    """The distinct control characters in *value*, in code point order."""
    return sorted(set(_CONTROL.findall(value)))


def strip_control(value: str) -> str:
    """*value* without its control characters (for text bantin writes itself, e.g. imports)."""
    return _CONTROL.sub("", value)


def has_invisible_chars(value: str) -> bool:
    return _INVISIBLE.search(value) is not None


def invisible_chars(value: str) -> list[str]:
    """The distinct invisible formatting characters in *value*, in code point order."""
    return sorted(set(_INVISIBLE.findall(value)))


def strip_invisible(value: str) -> str:
    return _INVISIBLE.sub("", value)


def describe_chars(chars: list[str]) -> str:
    """["\x01", "\u200b"] -> "U+0001, U+200B" (how messages name characters)."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in chars)


def upper_vi(value: str) -> str:
    """Vietnamese upper case ("xã Lam Sơn" -> "XÃ LAM SƠN"); str.upper is correct for vi."""
    return nfc(nfc(value).upper())


# --- dates -----------------------------------------------------------------

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
)

#: Shown to editors when a date cannot be read.
DATE_FORMAT_HINT = "dùng dạng 23/02/2022 08:40:17 hoặc 2022-02-23 08:40:17"


def parse_datetime(value: object) -> datetime | None:
    """Read a front matter date into an aware datetime in Việt Nam time.

    Accepts the string forms of the content contract and the date/datetime
    objects YAML produces for unquoted ISO dates. Returns None when unreadable.
    """
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=VIETNAM_TZ)
        return value.astimezone(VIETNAM_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=VIETNAM_TZ)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=VIETNAM_TZ)
    return None


def parse_month(value: object) -> tuple[int, int] | None:
    """Read a month such as "2023-07", "07/2023" or "7/2023" into (year, month)."""
    if isinstance(value, (date, datetime)):
        return value.year, value.month
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or None
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    else:
        match = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
        if not match:
            return None
        month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or year < 1900:
        return None
    return year, month


def format_datetime(value: datetime) -> str:
    """23/02/2022 08:40:17"""
    return value.strftime("%d/%m/%Y %H:%M:%S")


def format_date(value: datetime | date) -> str:
    """23/02/2022"""
    return value.strftime("%d/%m/%Y")


def iso_datetime(value: datetime) -> str:
    """2022-02-23T08:40:17+07:00, for <time datetime> and feeds."""
    return value.isoformat(timespec="seconds")


def format_month(year: int, month: int) -> str:
    """tháng 7/2023"""
    return f"tháng {month}/{year}"


# --- numbers ---------------------------------------------------------------

def format_int(value: int) -> str:
    """3340 -> "3.340" (Vietnamese thousands separator)."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_decimal(value: Decimal, places: int = 1) -> str:
    """Decimal(99.9) -> "99,9"; no trailing ",0" ("100", "0")."""
    quantum = Decimal(1).scaleb(-places)
    fixed = value.quantize(quantum, rounding=ROUND_DOWN)
    whole, _, frac = f"{fixed:f}".partition(".")
    frac = frac.rstrip("0")
    whole_fmt = format_int(int(whole)) if whole not in ("-0",) else "0"
    return f"{whole_fmt},{frac}" if frac else whole_fmt


def percent_floor(part: int, whole: int, places: int = 1) -> Decimal:
    """part/whole as a percentage rounded DOWN to *places* decimals (exact arithmetic)."""
    if whole <= 0:
        raise ValueError("whole must be positive")
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(quantum, rounding=ROUND_DOWN)


def format_percent(value: Decimal) -> str:
    """Decimal("99.9") -> "99,9%"."""
    return format_decimal(value) + "%"
