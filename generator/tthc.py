"""Administrative procedure (TTHC) results: ``content/tthc.yml`` and its figures.

Processed = on time + late. The on-time rate is rounded DOWN to one decimal,
so a unit with a late file never shows 100%; the late rate is 100 minus the
shown on-time rate, so the two always add up and a late file never shows 0%.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from .errors import WARNING, Diagnostic, diag
from .source import Source, kind_name, load_yaml
from .text import parse_datetime, parse_month
from .url_rule import allowed_url, url_mistake, url_scheme

_COUNTS = ("received", "on_time", "late", "pending")
_REQUIRED = ("on_time", "late")
#: optional, never stored: if given it must equal on_time + late (a check on copied figures)
_CHECKED = ("processed",)
_ROW_KEYS = ("month",) + _COUNTS + _CHECKED
_TOP_KEYS = ("updated", "source_url", "months")
#: what each count means, for messages
LABELS = {"received": "số tiếp nhận", "on_time": "số giải quyết trước và đúng hạn", "late": "số trễ hạn",
          "pending": "số đang giải quyết", "processed": "số đã xử lý"}
#: other names editors use for the counts (the CSV export's columns, the reports' words)
_ALIASES = {"tiep_nhan": "received", "da_xu_ly": "processed", "truoc_va_dung_han": "on_time",
            "dung_han": "on_time", "tre_han": "late", "qua_han": "late", "ton": "pending",
            "dang_xu_ly": "pending", "dang_giai_quyet": "pending"}
#: A month's count above this cannot be a commune's: the busiest units handle a few
#: thousand files a month, so this is a typo (extra digits, a pasted total). It also
#: keeps every sum and rate exact (10^30 files once gave "100%" despite late files).
MAX_COUNT = 100_000


@dataclass(frozen=True)
class Figures:
    """Counts for a month or a period, and the rates they give (see the module doc)."""

    on_time: int
    late: int
    received: int | None = None
    pending: int | None = None

    @property
    def processed(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> Decimal | None:
        if self.processed == 0:
            return None
        quantum = Decimal("0.1")
        return (Decimal(self.on_time) * 100 / self.processed).quantize(quantum, rounding="ROUND_DOWN")

    @property
    def late_rate(self) -> Decimal | None:
        rate = self.on_time_rate
        return None if rate is None else Decimal(100) - rate

    def __add__(self, other: "Figures") -> "Figures":
        def add(a, b):
            return None if a is None or b is None else a + b
        return Figures(self.on_time + other.on_time, self.late + other.late,
                       add(self.received, other.received), add(self.pending, other.pending))


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    figures: Figures


@dataclass(frozen=True)
class YearStats:
    year: int
    months: tuple[MonthRow, ...]

    @property
    def total(self) -> Figures:
        total = Figures(0, 0, 0, 0)
        for row in self.months:
            total = total + row.figures
        return total

    @property
    def last_month(self) -> int:
        return self.months[-1].month


@dataclass(frozen=True)
class Tthc:
    updated: datetime | None
    source_url: str
    rows: tuple[MonthRow, ...]  # sorted by (year, month)

    @property
    def years(self) -> tuple[YearStats, ...]:
        """Newest year first."""
        years: dict[int, list[MonthRow]] = {}
        for row in self.rows:
            years.setdefault(row.year, []).append(row)
        return tuple(YearStats(y, tuple(rows)) for y, rows in sorted(years.items(), reverse=True))

    @property
    def current(self) -> YearStats | None:
        """Year to date for the latest year in the data (the widget's figures)."""
        years = self.years
        return years[0] if years else None


EMPTY = Tthc(None, "", ())


def parse_tthc(source: Source, today: date) -> tuple[Tthc | None, list[Diagnostic]]:
    """Validate tthc.yml. Pure: *today* decides which months are in the future."""
    path = source.path
    data, lines, problems = load_yaml(path, source.text)
    if problems:
        return None, problems
    out: list[Diagnostic] = []
    if not isinstance(data, dict):
        return None, [diag(path, 1, "tthc_field", problem="tthc.yml phải có updated: và months:",
                           fix="xem mẫu trong README")]
    updated = None
    if data.get("updated") not in (None, ""):
        updated = parse_datetime(data["updated"]) if isinstance(data["updated"], str) else None
        if updated is None:
            out.append(diag(path, lines.get("updated"), "bad_date", value=data["updated"]))
    source_url = data.get("source_url") or ""
    if not isinstance(source_url, str) or (source_url and (  # the one URL rule (url_rule.py)
            not allowed_url(source_url) or url_scheme(source_url) not in ("http", "https"))):
        meant = url_mistake(source_url) if isinstance(source_url, str) else None
        out.append(diag(path, lines.get("source_url"), "tthc_field",
                        problem="source_url phải là một địa chỉ web",
                        fix=f"có phải ý bạn là source_url: {meant}" if meant else
                        "ví dụ source_url: https://dichvucong.haiduong.gov.vn/"))
        source_url = ""
    months = data.get("months")
    if not isinstance(months, list):
        out.append(diag(path, lines.get("months", 1), "tthc_field",
                        problem="thiếu danh sách months:" if months is None else
                        f"months phải là một danh sách, không phải {kind_name(months)}",
                        fix="mỗi tháng một dòng: - {month: 2023-01, on_time: 279, late: 1}"))
        months = []
    for key in data:
        if key not in _TOP_KEYS:
            guess = difflib.get_close_matches(str(key).lower(), _TOP_KEYS, n=1, cutoff=0.6)
            out.append(diag(path, lines.get(str(key)), "tthc_unknown_top", level=WARNING, field=key,
                            hint=f'có phải ý bạn là "{guess[0]}"?' if guess else
                            "tthc.yml chỉ dùng updated:, source_url: và months:"))
    rows: list[MonthRow] = []
    present: list[tuple[int, int]] = []
    seen: dict[tuple[int, int], int | None] = {}
    for index, item in enumerate(months):
        line = lines.get(f"months[{index}]")
        key, row = _parse_row(path, line, item, index, lines, out)
        if key is None:
            continue
        label = f"{key[1]}/{key[0]}"
        if key in seen:
            out.append(diag(path, line, "tthc_duplicate", month=label, first=seen[key], second=line))
            continue
        seen[key] = line
        if key > (today.year, today.month):
            out.append(diag(path, line, "tthc_future", month=label, today=today.strftime("%d/%m/%Y")))
            continue
        present.append(key)  # a month with a bad figure still counts for the gap check
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: (r.year, r.month))
    out += _gaps(path, sorted(present), seen)
    if any(d.level == "error" for d in out):
        return None, out
    return Tthc(updated, source_url, tuple(rows)), out


def _gaps(path: str, months: list[tuple[int, int]], lines: dict[tuple[int, int], int | None]
          ) -> list[Diagnostic]:
    """A warning on the first month after each run of missing months, naming them."""
    out = []
    for (year0, month0), (year1, month1) in zip(months, months[1:]):
        first = year0 * 12 + month0  # months since year 0 of the month after the earlier one
        last = year1 * 12 + month1 - 2  # ... and of the month before the later one
        if last < first:
            continue
        missing = [(n // 12, n % 12 + 1) for n in range(first, last + 1)]
        names = [f"{m}/{y}" for y, m in missing]
        if len(names) == 1:
            text, them = f"tháng {names[0]}", "tháng này"
        elif len(names) <= 3:
            text, them = "các tháng " + ", ".join(names), "các tháng này"
        else:
            text, them = f"{len(names)} tháng, từ tháng {names[0]} đến tháng {names[-1]}", "các tháng này"
        out.append(diag(path, lines.get((year1, month1)), "tthc_gap", level=WARNING,
                        before=f"{month0}/{year0}", after=f"{month1}/{year1}",
                        missing=text, them=them))
    return out


def _parse_row(path: str, line: int | None, item: object, index: int, lines: dict,
               out: list[Diagnostic]) -> tuple[tuple[int, int] | None, MonthRow | None]:
    """(year, month) when the month is readable, and the row when every figure is good."""
    if not isinstance(item, dict):
        out.append(diag(path, line, "tthc_row", month=f"thứ {index + 1}",
                        problem=f"phải là một nhóm trường, không phải {kind_name(item)}",
                        fix="viết dạng {month: 2023-01, on_time: 279, late: 1}"))
        return None, None
    raw_month = item.get("month")
    parsed = parse_month(raw_month if isinstance(raw_month, str) else str(raw_month))
    if parsed is None:
        out.append(diag(path, line, "tthc_row", month=f"thứ {index + 1}",
                        problem="thiếu month" if raw_month is None else f'tháng "{raw_month}" không hợp lệ',
                        fix="viết month: 2023-01 (năm-tháng)"))
        return None, None
    year, month = parsed
    label = f"{month}/{year}"

    def at(key: str) -> int | None:  # the key's own line (block style), else the row's
        return lines.get(f"months[{index}].{key}", line)

    ok = True
    for key, value in item.items():
        if key in _ROW_KEYS:
            continue
        name = str(key)
        meant = _ALIASES.get(name.lower()) or next(iter(
            difflib.get_close_matches(name.lower(), _COUNTS + _CHECKED, n=1, cutoff=0.7)), None)
        if meant is not None or _is_count(value):
            # the editor most likely meant a count: ignoring it would change the figures silently
            fix = (f'có phải ý bạn là "{meant}" ({LABELS[meant]})? sửa tên trường' if meant else
                   "các trường số liệu của một tháng: received, on_time, late, pending — sửa tên trường "
                   "hoặc xoá dòng này")
            out.append(diag(path, at(name), "tthc_unknown_count", month=label, field=name, value=value, fix=fix))
            ok = False
        else:  # text (a note): it cannot change a figure
            out.append(diag(path, at(name), "tthc_unknown_key", level=WARNING, month=label, field=name))
    counts: dict[str, int | None] = {}
    for key in _COUNTS + _CHECKED:
        value = item.get(key)
        if value is None:
            if key in _REQUIRED:
                out.append(diag(path, line, "tthc_row", month=label,
                                problem=f"thiếu {key}", fix=f"thêm {key}: <số hồ sơ>"))
                ok = False
            counts[key] = None
        elif not _is_count(value):
            out.append(diag(path, at(key), "tthc_row", month=label,
                            problem=f'{key} phải là một số nguyên, không phải "{value}"',
                            fix=f"viết {key}: 12 (không dấu chấm, không chữ)"))
            ok = False
        elif value < 0:
            out.append(diag(path, at(key), "tthc_row", month=label,
                            problem=f"{key} là số âm ({value})", fix="số hồ sơ phải từ 0 trở lên"))
            ok = False
        elif value > MAX_COUNT:
            out.append(diag(path, at(key), "tthc_too_large", month=label, field=key, value=value,
                            limit=f"{MAX_COUNT:,}".replace(",", ".")))
            ok = False
        else:
            counts[key] = value
    if not ok or not _consistent(path, line, at, label, counts, out):
        return parsed, None
    return parsed, MonthRow(year, month, Figures(counts["on_time"], counts["late"],
                                         counts["received"], counts["pending"]))


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _consistent(path: str, line: int | None, at, label: str, counts: dict[str, int | None],
                out: list[Diagnostic]) -> bool:
    """Figures that cannot all be true are errors: processed = on_time + late, and a
    month's received files (carried over ones included) are processed or pending."""
    on_time, late = counts["on_time"], counts["late"]
    received, pending, given = counts["received"], counts["pending"], counts["processed"]
    processed = on_time + late
    ok = True
    if given is not None and given != processed:
        out.append(diag(path, at("processed"), "tthc_processed_mismatch", month=label, given=given,
                        on_time=on_time, late=late, total=processed))
        ok = False
    if received is None:
        return ok
    if processed > received:
        out.append(diag(path, at("received"), "tthc_over_received", month=label, received=received,
                        what=f"đã xử lý (on_time {on_time} + late {late})", total=processed))
        return False
    if pending is None:
        return ok
    if processed + pending > received:
        out.append(diag(path, at("received"), "tthc_over_received", month=label, received=received,
                        what=f"đã xử lý {processed} + đang giải quyết (pending) {pending}",
                        total=processed + pending))
        return False
    if processed + pending < received:
        out.append(diag(path, at("received"), "tthc_unaccounted", level=WARNING, month=label,
                        received=received, total=processed + pending,
                        missing=received - processed - pending))
    return ok
