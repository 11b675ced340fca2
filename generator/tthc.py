"""Administrative procedure (TTHC) results: ``content/tthc.yml`` and its figures.

Processed = on time + late. The on-time rate is rounded DOWN to one decimal,
so a unit with a late file never shows 100%; the late rate is 100 minus the
shown on-time rate, so the two always add up and a late file never shows 0%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from .errors import Diagnostic, diag
from .source import Source, kind_name, load_yaml
from .text import parse_datetime, parse_month

_COUNTS = ("received", "on_time", "late", "pending")
_REQUIRED = ("on_time", "late")


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
    if not isinstance(source_url, str) or (source_url and not source_url.startswith(("http://", "https://"))):
        out.append(diag(path, lines.get("source_url"), "tthc_field",
                        problem="source_url phải là một địa chỉ web",
                        fix="ví dụ source_url: https://dichvucong.haiduong.gov.vn/"))
        source_url = ""
    months = data.get("months")
    if not isinstance(months, list):
        out.append(diag(path, lines.get("months", 1), "tthc_field",
                        problem="thiếu danh sách months:" if months is None else
                        f"months phải là một danh sách, không phải {kind_name(months)}",
                        fix="mỗi tháng một dòng: - {month: 2023-01, on_time: 279, late: 1}"))
        months = []
    rows: list[MonthRow] = []
    seen: dict[tuple[int, int], int | None] = {}
    for index, item in enumerate(months):
        line = lines.get(f"months[{index}]")
        row = _parse_row(path, line, item, index, out)
        if row is None:
            continue
        key = (row.year, row.month)
        label = f"{row.month}/{row.year}"
        if key in seen:
            out.append(diag(path, line, "tthc_duplicate", month=label, first=seen[key], second=line))
            continue
        seen[key] = line
        if key > (today.year, today.month):
            out.append(diag(path, line, "tthc_future", month=label, today=today.strftime("%d/%m/%Y")))
            continue
        rows.append(row)
    if any(d.level == "error" for d in out):
        return None, out
    return Tthc(updated, source_url, tuple(sorted(rows, key=lambda r: (r.year, r.month)))), out


def _parse_row(path: str, line: int | None, item: object, index: int, out: list[Diagnostic]
               ) -> MonthRow | None:
    if not isinstance(item, dict):
        out.append(diag(path, line, "tthc_row", month=f"thứ {index + 1}",
                        problem=f"phải là một nhóm trường, không phải {kind_name(item)}",
                        fix="viết dạng {month: 2023-01, on_time: 279, late: 1}"))
        return None
    raw_month = item.get("month")
    parsed = parse_month(raw_month if isinstance(raw_month, str) else str(raw_month))
    if parsed is None:
        out.append(diag(path, line, "tthc_row", month=f"thứ {index + 1}",
                        problem=f'tháng "{raw_month}" không hợp lệ', fix="viết month: 2023-01 (năm-tháng)"))
        return None
    year, month = parsed
    counts: dict[str, int | None] = {}
    ok = True
    for key in _COUNTS:
        value = item.get(key)
        if value is None:
            if key in _REQUIRED:
                out.append(diag(path, line, "tthc_row", month=f"{month}/{year}",
                                problem=f"thiếu {key}", fix=f"thêm {key}: <số hồ sơ>"))
                ok = False
            counts[key] = None
        elif isinstance(value, bool) or not isinstance(value, int):
            out.append(diag(path, line, "tthc_row", month=f"{month}/{year}",
                            problem=f'{key} phải là một số nguyên, không phải "{value}"',
                            fix=f"viết {key}: 12 (không dấu chấm, không chữ)"))
            ok = False
        elif value < 0:
            out.append(diag(path, line, "tthc_row", month=f"{month}/{year}",
                            problem=f"{key} là số âm ({value})", fix="số hồ sơ phải từ 0 trở lên"))
            ok = False
        else:
            counts[key] = value
    if not ok:
        return None
    return MonthRow(year, month, Figures(counts["on_time"], counts["late"],
                                         counts["received"], counts["pending"]))
