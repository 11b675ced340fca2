"""Article tables on phones (generator/article_tables.py): number cells marked,
every table wrapped in its own labelled scrolling box."""

from xml.etree import ElementTree

import pytest

from generator.article_tables import TABLE_LABEL, is_number, wrap_tables
from generator.markup import render_markdown, sanitise


@pytest.mark.parametrize("text", ["126", "3.420", "1.234.567", "1.234,5", "99,9%", "7,5 %", "-2", "+12", "0"])
def test_numbers_as_vietnamese_write_them(text):
    assert is_number(text)


@pytest.mark.parametrize("text", ["Thôn Đông", "15/3/2024", "0912 345 678", "12 ha", "1,2,3", "3.42", "", "-"])
def test_not_numbers(text):
    assert not is_number(text)


def test_number_cells_and_all_number_columns_are_marked():
    html = render_markdown("| Thôn | Ngày | Số hộ | Ghi chú |\n| --- | --- | --- | --- |\n"
                           "| Đông | 15/3/2024 | 126 | - |\n| Tây | 17/3/2024 | - | 12 |\n"
                           "| Nam | 19/3/2024 | 3.420 | xong |").html
    root = ElementTree.fromstring(html)
    assert root.tag == "div" and root.get("class") == "bang" and root.get("role") == "region"
    assert root.get("tabindex") == "0" and root.get("aria-label") == TABLE_LABEL.format(n=1)
    heads = [th.get("class") for th in root.iter("th")]
    assert heads == [None, None, "so", None]  # "Ghi chú" mixes a number and text
    rows = [[td.get("class") for td in tr.findall("td")] for tr in root.find("table/tbody")]
    assert rows == [[None, None, "so", None], [None, None, None, "so"], [None, None, "so", None]]


def test_markdown_right_alignment_and_long_text_cells():
    long = "Một đoạn ghi chú rất dài của cán bộ thú y về lịch tiêm tại từng thôn trong xã Lam Sơn."
    html = render_markdown(f"| Tên | Diện tích |\n| --- | ---: |\n| {long} | 12 ha |").html
    assert '<td class="dai">' in html and '<td class="so">12 ha</td>' in html
    assert '<th class="so">Diện tích</th>' in html


def test_every_table_has_its_own_numbered_box():
    html = wrap_tables("<p>a</p><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>")
    assert html.count('<div class="bang"') == 2 and html.count("</table></div>") == 2
    assert TABLE_LABEL.format(n=2) in html
    # raw HTML tables from an editor are wrapped too; their own attributes never survive
    html = render_markdown('<table class="x" style="width:2000px"><tr><td>1</td></tr></table>').html
    assert html.startswith('<div class="bang" role="region" tabindex="0"') and "2000px" not in html


def test_the_sanitiser_keeps_only_the_cell_classes_it_knows():
    assert sanitise('<table><tr><td class="so">1</td><td class="dai">x</td></tr></table>') == \
        '<table><tbody><tr><td class="so">1</td><td class="dai">x</td></tr></tbody></table>'
    assert sanitise('<table><tr><td class="evil">1</td><th class="dai">x</th></tr></table>') == \
        "<table><tbody><tr><td>1</td><th>x</th></tr></tbody></table>"
