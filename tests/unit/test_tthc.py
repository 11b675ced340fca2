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
        "  - {month: 2023-01, received: 1680, on_time: 1669, late: 1, pending: 10}\n"
        "  - {month: 2023-12, received: 1673, on_time: 1669, late: 1, pending: 3}\n")
    assert [p.code for p in problems] == ["tthc_gap"]  # February to November are missing
    current = data.current
    assert current.year == 2023 and current.last_month == 12
    total = current.total
    assert (total.processed, total.on_time, total.late) == (3340, 3338, 2)
    assert total.received == 3353 and total.pending == 13
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
    data, problems = tthc(f"updated: 2023-12-11 10:17:19\nmonths:\n  - {{month: 2022-12, on_time: 1, late: 0}}\n  - {row}\n")
    assert data is None
    assert len(problems) == 1
    assert problems[0].line == 4
    assert needle in problems[0].message


def test_duplicate_month_names_both_lines():
    data, problems = tthc("months:\n  - {month: 2023-01, on_time: 1, late: 0}\n  - {month: 2023-01, on_time: 2, late: 0}\n")
    assert data is None
    assert problems[0].line == 3
    assert "dòng 2 và dòng 3" in problems[0].message


# --- figures that cannot be true ---------------------------------------------

def codes(problems):
    return [(p.code, p.line, p.level) for p in problems]


@pytest.mark.parametrize("row, code, needle", [
    # the adversary's example: more files done on time than received
    ("{month: 2023-01, received: 10, on_time: 749, late: 1}", "tthc_over_received", "750"),
    ("{month: 2023-01, received: 100, on_time: 90, late: 11}", "tthc_over_received", "101"),
    # processed and pending together more than received
    ("{month: 2023-01, received: 290, on_time: 279, late: 1, pending: 11}", "tthc_over_received", "291"),
    # a processed figure that is not on_time + late
    ("{month: 2023-01, on_time: 279, late: 1, processed: 281}", "tthc_processed_mismatch", "280"),
    # absurd counts (10^30 once showed "100%" beside a late file)
    ("{month: 2023-01, on_time: 1000000000000000000000000000000, late: 1}", "tthc_too_large", "100.000"),
    ("{month: 2023-01, on_time: 1, late: 100001}", "tthc_too_large", "late"),
    ("{month: 2023-01, received: 100001, on_time: 1, late: 0}", "tthc_too_large", "received"),
])
def test_impossible_figures_are_errors_naming_the_line(row, code, needle):
    data, problems = tthc(f"months:\n  - {{month: 2022-12, on_time: 1, late: 0}}\n  - {row}\n")
    assert data is None
    assert codes(problems) == [(code, 3, "error")]
    assert needle in problems[0].message and "1/2023" in problems[0].message


def test_the_largest_sane_count_is_accepted_and_rates_stay_exact():
    data, problems = tthc("months:\n  - {month: 2023-01, received: 100000, on_time: 99999, late: 1}\n")
    assert problems == []
    assert str(data.current.total.on_time_rate) == "99.9"


def test_consistent_figures_pass_and_processed_may_be_written_out():
    data, problems = tthc("months:\n  - {month: 2023-01, received: 290, on_time: 279, late: 1, pending: 10,"
                          " processed: 280}\n")
    assert problems == [] and data.current.total.processed == 280


def test_files_unaccounted_for_are_a_warning_only():
    # received 300, but processed 280 + pending 10 = 290: files returned or withdrawn can explain it
    data, problems = tthc("months:\n  - {month: 2023-01, received: 300, on_time: 279, late: 1, pending: 10}\n")
    assert data is not None
    assert codes(problems) == [("tthc_unaccounted", 2, "warning")]
    assert "thiếu 10 hồ sơ" in problems[0].message


# --- unknown keys --------------------------------------------------------------

BLOCK = """\
months:
  - month: 2023-01
    on_time: 279
    late: 1
    {extra}
"""


@pytest.mark.parametrize("extra, guess", [
    ("recieved: 290", '"received"'),  # a typo: the number would vanish from the table
    ("Received: 290", '"received"'),  # another case
    ("tiep_nhan: 290", '"received"'),  # the CSV's column name
    ("ton: 10", '"pending"'),
    ("recieved: '290'", '"received"'),  # close to a count even when quoted
    ("so_khac: 5", "received, on_time, late, pending"),  # a number under an unknown name
])
def test_an_unknown_key_that_could_hold_a_figure_is_an_error_on_its_line(extra, guess):
    data, problems = tthc(BLOCK.format(extra=extra))
    assert data is None
    assert codes(problems) == [("tthc_unknown_count", 5, "error")]
    assert guess in problems[0].message


def test_an_unknown_text_key_is_a_warning_and_the_figures_stand():
    data, problems = tthc(BLOCK.format(extra="ghi_chu: số liệu tạm tính"))
    assert data is not None and data.current.total.processed == 280
    assert codes(problems) == [("tthc_unknown_key", 5, "warning")]
    assert '"ghi_chu"' in problems[0].message


def test_an_unknown_top_level_key_is_a_warning_with_a_guess():
    data, problems = tthc("updatd: 2023-12-11 10:17:19\nmonths:\n  - {month: 2023-01, on_time: 1, late: 0}\n")
    assert data is not None
    assert codes(problems) == [("tthc_unknown_top", 1, "warning")]
    assert '"updated"' in problems[0].message


# --- gaps ---------------------------------------------------------------------

def test_a_gap_between_months_is_a_warning_naming_the_missing_months():
    data, problems = tthc("months:\n  - {month: 2023-11, on_time: 1, late: 0}\n"
                          "  - {month: 2023-12, on_time: 1, late: 0}\n"
                          "  - {month: 2026-10, on_time: 1, late: 0}\n")
    assert data is not None  # a warning: the figures given are true
    assert codes(problems) == [("tthc_gap", 4, "warning")]
    message = problems[0].message
    assert "12/2023" in message and "10/2026" in message
    assert "33 tháng, từ tháng 1/2024 đến tháng 9/2026" in message


def test_short_gaps_list_each_month_and_out_of_order_rows_are_sorted_first():
    data, problems = tthc("months:\n  - {month: 2023-05, on_time: 1, late: 0}\n"
                          "  - {month: 2023-01, on_time: 1, late: 0}\n"
                          "  - {month: 2023-03, on_time: 1, late: 0}\n")
    assert [(p.line, p.code) for p in problems] == [(4, "tthc_gap"), (2, "tthc_gap")]
    assert "không có số liệu tháng 2/2023" in problems[0].message
    assert "không có số liệu tháng 4/2023" in problems[1].message


def test_consecutive_months_across_a_new_year_are_no_gap():
    _, problems = tthc("months:\n  - {month: 2023-12, on_time: 1, late: 0}\n  - {month: 2024-01, on_time: 1, late: 0}\n")
    assert problems == []


def test_a_gap_is_reported_in_the_same_run_as_an_error_in_the_later_month():
    data, problems = tthc("months:\n  - {month: 2023-12, on_time: 1, late: 0}\n"
                          "  - {month: 2026-10, on_time: -1, late: 0}\n")
    assert data is None
    assert sorted((p.code, p.line) for p in problems) == [("tthc_gap", 3), ("tthc_row", 3)]
