"""Geometry of the statistics page's bar chart: every coordinate the SVG needs.

One bar per month with data, its height proportional to the files processed
that month; the tallest bar fills the plot. Coordinates are whole SVG units in
a fixed viewBox, so the chart scales with the page and the output is stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tthc import YearStats
from .format import count

WIDTH, HEIGHT = 640, 240  # the viewBox
TOP, BOTTOM, LEFT = 20, 30, 40  # room for the value labels above, month labels below, the axis left
STEP, BAR_WIDTH, BAR_INSET = 48, 32, 8  # one month's slot, its bar, the gap before the bar
AXIS_START, AXIS_END_INSET = 36, 8  # the baseline runs from x=36 to 8 units before the right edge
VALUE_GAP, LABEL_DROP = 4, 18  # value label above its bar; month label below the baseline


@dataclass(frozen=True)
class Bar:
    label: str  # "T7"
    month: int
    x: int
    y: int
    width: int
    height: int
    middle: int  # x of the labels' centre
    value_y: int  # baseline of the value label above the bar
    value: str  # "3.340"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    baseline: int  # y of the axis
    axis_start: int
    axis_end: int
    label_y: int  # baseline of the month labels
    max_value: str


def chart_for(year: YearStats) -> Chart:
    """The monthly bar chart of *year* (files processed per month)."""
    processed = [row.figures.processed for row in year.months]
    tallest = max(processed, default=0) or 1
    usable = HEIGHT - TOP - BOTTOM
    baseline = HEIGHT - BOTTOM
    bars = []
    for index, (row, value) in enumerate(zip(year.months, processed)):
        x = LEFT + index * STEP + BAR_INSET
        height = round(usable * value / tallest)
        y = baseline - height
        bars.append(Bar(f"T{row.month}", row.month, x, y, BAR_WIDTH, height,
                        x + BAR_WIDTH // 2, y - VALUE_GAP, count(value)))
    return Chart(WIDTH, HEIGHT, tuple(bars), baseline, AXIS_START, WIDTH - AXIS_END_INSET,
                 baseline + LABEL_DROP, count(max(processed, default=0)))
