"""TTHC figures as the sidebar widget, the statistics page and the CSV show them.

The model (``generator/tthc.py``) holds counts and the rounding rule; here they
become text: "3.340", "99,9%", "—" for unknown, "1/2023" for a month, plus the
chart geometry and the CSV export.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tthc import Figures, Tthc, YearStats
from .chart import Chart, chart_for
from .format import count, month_number, percent, when


@dataclass(frozen=True)
class FiguresView:
    """One row of figures, every value as text ("—" when unknown)."""

    received: str
    processed: str
    on_time: str
    late: str
    pending: str
    on_time_rate: str
    late_rate: str


def figures_view(figures: Figures) -> FiguresView:
    return FiguresView(
        received=count(figures.received), processed=count(figures.processed),
        on_time=count(figures.on_time), late=count(figures.late), pending=count(figures.pending),
        on_time_rate=percent(figures.on_time_rate), late_rate=percent(figures.late_rate),
    )


@dataclass(frozen=True)
class MonthView:
    label: str  # "1/2023"
    figures: FiguresView


def period(year: YearStats) -> str:
    """The months *year*'s figures cover, said so that a part is never read as the whole:
    "Tháng 10/2026", "Từ tháng 1 đến tháng 10/2026", "Từ tháng 1 đến tháng 10/2026,
    trừ tháng 3, 4" (months without data inside the span)."""
    months = [row.month for row in year.months]
    first, last = months[0], months[-1]
    if first == last:
        return f"Tháng {last}/{year.year}"
    text = f"Từ tháng {first} đến tháng {last}/{year.year}"
    missing = [m for m in range(first, last + 1) if m not in months]
    if missing:
        text += ", trừ tháng " + ", ".join(str(m) for m in missing)
    return text


def is_whole_year(year: YearStats) -> bool:
    return [row.month for row in year.months] == list(range(1, 13))


@dataclass(frozen=True)
class YearView:
    year: int
    period: str  # "Từ tháng 1 đến tháng 10/2026"
    total_label: str  # the total row's heading: "Cả năm" only for twelve months of data
    months: tuple[MonthView, ...]
    total: FiguresView
    chart: Chart


def year_view(year: YearStats) -> YearView:
    return YearView(
        year=year.year, period=period(year), total_label="Cả năm" if is_whole_year(year) else "Cộng",
        months=tuple(MonthView(month_number(row.year, row.month), figures_view(row.figures))
                     for row in year.months),
        total=figures_view(year.total), chart=chart_for(year),
    )


@dataclass(frozen=True)
class Widget:
    """The sidebar box: year to date of the latest year with data."""

    year: int
    period: str  # the months the figures cover (see ``period``)
    total: FiguresView
    updated: str  # "11/12/2023 10:17:19", or "" when tthc.yml gives no time


def widget(tthc: Tthc) -> Widget | None:
    current = tthc.current
    if current is None:
        return None
    return Widget(current.year, period(current), figures_view(current.total), updated_text(tthc))


@dataclass(frozen=True)
class Statistics:
    """The statistics page: one section per year, newest first."""

    updated: str
    source_url: str
    years: tuple[YearView, ...]


def statistics(tthc: Tthc) -> Statistics:
    return Statistics(updated_text(tthc), tthc.source_url, tuple(year_view(y) for y in tthc.years))


def updated_text(tthc: Tthc) -> str:
    return when(tthc.updated) if tthc.updated else ""


def csv_text(tthc: Tthc) -> str:
    """The data as CSV (comma separated, dot decimals: for spreadsheets, not for reading)."""
    lines = ["thang,tiep_nhan,da_xu_ly,truoc_va_dung_han,tre_han,ton,ty_le_dung_han,ty_le_tre_han"]
    for row in tthc.rows:
        f = row.figures
        lines.append(",".join([
            f"{row.year:04d}-{row.month:02d}",
            "" if f.received is None else str(f.received), str(f.processed), str(f.on_time),
            str(f.late), "" if f.pending is None else str(f.pending),
            "" if f.on_time_rate is None else str(f.on_time_rate),
            "" if f.late_rate is None else str(f.late_rate),
        ]))
    return "\n".join(lines) + "\n"
