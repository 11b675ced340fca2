"""The view layer: what readers see, computed from data records (no disk, no Jinja)."""

from __future__ import annotations

import pytest

from generator.config import Masthead, SiteConfig
from generator.view.chrome import chrome, document_title, masthead_heading
from generator.view.contact import phone_links
from generator.tthc import Tthc
from generator.view.csp import content_security_policy


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in out, f"directive {name} twice"
        out[name] = values
    return out


def test_policy_allows_nothing_from_elsewhere_without_embed_hosts():
    policy = directives(content_security_policy())
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "frame-src" not in policy and "script-src" not in policy
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]  # the search box in the header, to our own page


def test_search_policy_adds_only_own_scripts_wasm_worker_and_fetch():
    plain, search = directives(content_security_policy()), directives(content_security_policy(search=True))
    assert search["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # no eval of text, no inline
    assert search["worker-src"] == ["'self'"] and search["connect-src"] == ["'self'"]
    assert {k: v for k, v in search.items() if k not in ("script-src", "worker-src", "connect-src")} == plain


def test_policy_frames_only_the_embed_hosts_over_https():
    policy = directives(content_security_policy(("www.youtube.com", "player.vimeo.com")))
    assert policy["frame-src"] == ["https://www.youtube.com", "https://player.vimeo.com"]


@pytest.mark.parametrize("host", ["www.youtube.com; script-src 'unsafe-inline'", "*", "a.vn/x",
                                  "a.vn:8080", "", "-a.vn", 'a.vn"', "a.vn https://evil.vn"])
def test_policy_refuses_anything_but_a_host_name(host):
    with pytest.raises(ValueError):
        content_security_policy((host,))


def config(**fields) -> SiteConfig:
    masthead = Masthead("Nguyễn Văn A", phone=fields.pop("phone", ""))
    return SiteConfig(name=fields.pop("name", "Trang thông tin điện tử xã Lam Sơn"), masthead=masthead, **fields)


def test_chrome_keeps_the_policy_quotes_for_the_attribute():
    view = chrome(config(embed_hosts=("www.youtube.com",)), Tthc(None, "", ()))
    assert str(view.csp).startswith("default-src 'none';")
    assert hasattr(view.csp, "__html__")  # Jinja prints it as is: no &#39; in the attribute


@pytest.mark.parametrize("line, expected", [
    ("0220 3812 345", [("0220 3812 345", "tel:02203812345")]),
    ("0220.3812.345", [("0220.3812.345", "tel:02203812345")]),
    ("(0220) 3812-345", [("(0220) 3812-345", "tel:02203812345")]),
    ("+84 220 3812 345", [("+84 220 3812 345", "tel:+842203812345")]),
    ("0220 3812 345 - 0912 345 678", [("0220 3812 345", "tel:02203812345"), (" - ", ""),
                                      ("0912 345 678", "tel:0912345678")]),
    ("0220 3812 345; 0912.345.678", [("0220 3812 345", "tel:02203812345"), ("; ", ""),
                                     ("0912.345.678", "tel:0912345678")]),
    ("0220 3812 345 hoặc 113", [("0220 3812 345", "tel:02203812345"), (" hoặc ", ""), ("113", "tel:113")]),
    ("liên hệ văn phòng", [("liên hệ văn phòng", "")]),
])
def test_each_phone_number_is_its_own_tel_link(line, expected):
    pieces = phone_links(line)
    assert [(p.text, p.href) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == line  # the line reads as the editor wrote it


def test_masthead_heading_and_document_title():
    assert masthead_heading(config(parent="huyện Thanh Miện")) == \
        "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"
    assert masthead_heading(config()) == "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN"
    assert document_title("Lưu trữ", "Xã A", home=False) == "Lưu trữ - Xã A"
    assert document_title("Trang chủ", "Xã A", home=True) == "Xã A"


# --- TTHC: figures, chart ---------------------------------------------------

from generator.tthc import Figures, MonthRow, YearStats  # noqa: E402
from generator.view.chart import HEIGHT, WIDTH, chart_for  # noqa: E402
from generator.view.tthc import statistics, widget  # noqa: E402


def year_of(*processed: int, year: int = 2023) -> YearStats:
    return YearStats(year, tuple(MonthRow(year, m, Figures(p, 0)) for m, p in enumerate(processed, start=1)))


def test_chart_bars_are_proportional_and_the_tallest_fills_the_plot():
    chart = chart_for(year_of(100, 50, 0, 1200))
    heights = [bar.height for bar in chart.bars]
    tallest = max(heights)
    assert heights == [round(tallest * v / 1200) for v in (100, 50, 0, 1200)]
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)  # bars stand on the axis
    top = min(bar.y for bar in chart.bars)
    assert 0 < top - 4 and chart.label_y < HEIGHT  # labels stay inside the viewBox
    assert [bar.value for bar in chart.bars] == ["100", "50", "0", "1.200"]
    assert [bar.label for bar in chart.bars] == ["T1", "T2", "T3", "T4"]


def test_chart_of_twelve_months_fits_its_view_box_without_overlap():
    chart = chart_for(year_of(*range(1, 13)))
    for left, right in zip(chart.bars, chart.bars[1:]):
        assert left.x + left.width < right.x
    last = chart.bars[-1]
    assert last.x + last.width <= chart.axis_end <= WIDTH
    assert chart.axis_start < chart.bars[0].x
    assert all(bar.x < bar.middle < bar.x + bar.width for bar in chart.bars)
    assert all(bar.value_y < bar.y for bar in chart.bars)


def test_chart_without_files_has_flat_bars():
    chart = chart_for(year_of(0, 0))
    assert [bar.height for bar in chart.bars] == [0, 0] and chart.max_value == "0"


def test_statistics_and_widget_are_text_for_the_templates():
    rows = (MonthRow(2022, 12, Figures(5, 5)), MonthRow(2023, 1, Figures(3338, 2, 3350, 10)))
    stats = statistics(Tthc(None, "", rows))
    assert [y.year for y in stats.years] == [2023, 2022]
    month = stats.years[0].months[0]
    assert month.label == "1/2023"
    assert (month.figures.received, month.figures.processed, month.figures.pending) == ("3.350", "3.340", "10")
    assert (month.figures.on_time_rate, month.figures.late_rate) == ("99,9%", "0,1%")
    assert stats.updated == ""
    box = widget(Tthc(None, "", rows))
    assert (box.year, box.period, box.total.on_time_rate) == (2023, "Tháng 1/2023", "99,9%")
    assert widget(Tthc(None, "", ())) is None


# --- UI text ----------------------------------------------------------------

from generator.view import ui  # noqa: E402


def test_list_titles_number_their_pages_after_the_first():
    assert ui.numbered("Tin tức", 1) == "Tin tức"
    assert ui.numbered("Tin tức", 2) == "Tin tức - trang 2"
    assert ui.numbered(ui.tag_title("OCOP"), 3) == "Thẻ: OCOP - trang 3"
    assert ui.month_title("tháng 7/2023") == "Lưu trữ tháng 7/2023"


# --- the period TTHC figures cover --------------------------------------------

from generator.view.tthc import period, year_view  # noqa: E402


def months_of(year: int, *months: int) -> YearStats:
    return YearStats(year, tuple(MonthRow(year, m, Figures(1, 0)) for m in months))


@pytest.mark.parametrize("months, expected", [
    ((10,), "Tháng 10/2026"),  # 2023-12 then 2026-10: one month, said as one month
    (tuple(range(1, 11)), "Từ tháng 1 đến tháng 10/2026"),
    ((3, 4, 5), "Từ tháng 3 đến tháng 5/2026"),
    ((1, 2, 5, 6), "Từ tháng 1 đến tháng 6/2026, trừ tháng 3, 4"),
    (tuple(range(1, 13)), "Từ tháng 1 đến tháng 12/2026"),
])
def test_the_period_says_which_months_the_figures_cover(months, expected):
    assert period(months_of(2026, *months)) == expected


def test_only_twelve_months_of_data_are_called_the_whole_year():
    assert year_view(months_of(2026, *range(1, 13))).total_label == "Cả năm"
    assert year_view(months_of(2026, *range(1, 12))).total_label == "Cộng"
    assert year_view(months_of(2026, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12)).total_label == "Cộng"
