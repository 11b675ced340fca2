from datetime import date
from decimal import Decimal

import pytest

from generator.source import Source
from generator.tthc import Figures, parse_tthc
from generator.view.tthc import csv_text, figures_view

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("on_time, late, rate, late_rate", [
    (3338, 2, "99,9%", "0,1%"),
    (749, 1, "99,8%", "0,2%"),
    (750, 0, "100%", "0%"),
    (1, 9999, "0%", "100%"),
    (0, 1, "0%", "100%"),
])
def test_rates_round_down_and_add_up(on_time, late, rate, late_rate):
    figures = Figures(on_time, late)
    assert figures_view(figures).on_time_rate == rate
    assert figures_view(figures).late_rate == late_rate
    assert figures.on_time_rate + figures.late_rate == Decimal(100)


def test_a_late_file_never_shows_100_or_0():
    for processed in range(2, 5000, 7):
        shown = figures_view(Figures(processed - 1, 1))
        assert shown.on_time_rate != "100%"
        assert shown.late_rate != "0%"


def test_nothing_processed_shows_a_dash():
    shown = figures_view(Figures(0, 0))
    assert shown.on_time_rate == "—"
    assert shown.late_rate == "—"
    assert shown.processed == "0"
    assert shown.received == "—"


def tthc(text: str):
    return parse_tthc(Source("content/tthc.yml", text), TODAY)


def test_year_to_date_for_the_latest_year():
    data, problems = tthc(
        "updated: 2023-12-11 10:17:19\nmonths:\n"
        "  - {month: 2022-12, on_time: 5, late: 5}\n"
        "  - {month: 2023-01, received: 290, on_time: 1669, late: 1, pending: 10}\n"
        "  - {month: 2023-12, received: 300, on_time: 1669, late: 1, pending: 3}\n")
    assert problems == []
    current = data.current
    assert current.year == 2023 and current.last_month == 12
    total = current.total
    assert (total.processed, total.on_time, total.late) == (3340, 3338, 2)
    assert total.received == 590 and total.pending == 13
    shown = figures_view(total)
    assert (shown.processed, shown.on_time_rate, shown.late_rate) == ("3.340", "99,9%", "0,1%")
    assert [y.year for y in data.years] == [2023, 2022]


def test_csv_has_every_month():
    data, _ = tthc("months:\n  - {month: 2023-02, on_time: 3, late: 1}\n  - {month: 2023-01, on_time: 2, late: 0}\n")
    lines = csv_text(data).splitlines()
    assert lines[0].startswith("thang,")
    assert lines[1].startswith("2023-01,,2,2,0,,100.0,0.0")
    assert lines[2].startswith("2023-02,,4,3,1,,75.0,25.0")


@pytest.mark.parametrize("row, needle", [
    ("{month: 2023-01, on_time: -1, late: 0}", "số âm"),
    ("{month: 2023-01, on_time: x, late: 0}", "số nguyên"),
    ("{month: 2023-01, on_time: 1}", "thiếu late"),
    ("{month: 2023-14, on_time: 1, late: 0}", "không hợp lệ"),
    ("{month: 2099-01, on_time: 1, late: 0}", "chưa đến"),
    ("[1, 2]", "nhóm trường"),
])
def test_bad_rows_are_reported_with_their_line(row, needle):
    data, problems = tthc(f"updated: 2023-12-11 10:17:19\nmonths:\n  - {{month: 2022-01, on_time: 1, late: 0}}\n  - {row}\n")
    assert data is None
    assert len(problems) == 1
    assert problems[0].line == 4
    assert needle in problems[0].message


def test_duplicate_month_names_both_lines():
    data, problems = tthc("months:\n  - {month: 2023-01, on_time: 1, late: 0}\n  - {month: 2023-01, on_time: 2, late: 0}\n")
    assert data is None
    assert problems[0].line == 3
    assert "dòng 2 và dòng 3" in problems[0].message
