"""Article tables on the smallest phones: the page never scrolls sideways, the
table scrolls inside its own labelled box, text cells left, numbers right."""

from __future__ import annotations

import shutil
import sys

import pytest

from browser_checks import axe_violations, phone_problems
from browser_support import ROOT, SAMPLE_CONTENT, SiteServer, build

SMALL_PHONE = {"width": 320, "height": 640}

LONG_CELL = ("Thôn Đông, hộ chăn nuôi lợn quy mô vừa, đã tiêm đủ các mũi vắc xin năm 2023 theo sổ theo dõi; "
             "đề nghị cán bộ thú y đến tiêm tại chuồng vào buổi sáng vì gia đình đi làm đồng từ trưa, liên hệ "
             "trước qua điện thoại để hẹn giờ và chuẩn bị dụng cụ cố định vật nuôi cho an toàn cho cả người và vật nuôi nhé.")
assert len(LONG_CELL) == 300

BODY = f"""Danh sách hộ đăng ký tiêm phòng đợt 1:

| STT | Họ và tên | Địa chỉ và ghi chú | Số con | Tỉ lệ |
| --- | --- | --- | --- | --- |
| 1 | Nguyễn Văn An | {LONG_CELL} | 1.250 | 99,9% |
| 2 | Trần Thị Bình | Thôn Tây | 36 | 100% |

Lịch tiêm từng thôn (dán từ Word):
Thôn\tNgày tiêm\tSố hộ\tSố con
Thôn Đông\t15/3/2024\t126\t3.420
Thôn Nam Hoà\t19/3/2024\t143\t4.006
"""

PROBE = """() => Array.from(document.querySelectorAll('.body table'), table => {
  const box = table.parentElement;
  const cell = (selector) => getComputedStyle(table.querySelector(selector)).textAlign;
  return {wrapper: box.className, role: box.getAttribute('role'), tabindex: box.getAttribute('tabindex'),
          label: box.getAttribute('aria-label'), scrolls: box.scrollWidth > box.clientWidth,
          overflowX: getComputedStyle(box).overflowX, boxRight: box.getBoundingClientRect().right,
          text: cell('tbody td:nth-child(2)'), number: cell('tbody td:nth-child(4)'),
          numberHeader: cell('thead th:nth-child(4)')};
})"""


@pytest.fixture(scope="module")
def table_site(tmp_path_factory):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.conftest import article, make_site

    root = tmp_path_factory.mktemp("tables")
    content = make_site(root, {"thong-bao/2024/dang-ky-tiem-phong.md": article(
        "Danh sách hộ đăng ký tiêm phòng gia súc đợt 1 năm 2024", "2024-03-10 08:00:00", BODY,
        category="Thông báo")}, site_yml=(SAMPLE_CONTENT / "site.yml").read_text(encoding="utf-8"),
        tthc_yml=(SAMPLE_CONTENT / "tthc.yml").read_text(encoding="utf-8"))
    shutil.copytree(SAMPLE_CONTENT / "media" / "lien-ket", content / "media" / "lien-ket")
    with SiteServer(root / "public") as server:
        build(content, root / "public", server.url)
        yield server.url + "thong-bao/danh-sach-ho-dang-ky-tiem-phong-gia-suc-dot-1-nam-2024/"


def test_a_300_character_cell_never_widens_the_page_at_320px(open_tab, axe, table_site):
    tab = open_tab(SMALL_PHONE, is_mobile=True, has_touch=True)
    tab.goto(table_site)
    assert phone_problems(tab.page)["overflow"] == 0
    tables = tab.page.evaluate(PROBE)
    assert len(tables) == 2
    for table in tables:
        assert table["wrapper"] == "bang" and table["role"] == "region" and table["tabindex"] == "0"
        assert table["label"].startswith("Bảng ") and table["overflowX"] == "auto"
        assert table["boxRight"] <= SMALL_PHONE["width"]
        assert table["text"] in ("left", "start") and table["number"] == "right"
        assert table["numberHeader"] == "right"
    assert tables[0]["scrolls"]  # the wide table scrolls inside its box, not the page
    # a focusable, named scrolling region passes axe (scrollable-region-focusable, aria rules)
    assert axe_violations(axe, tab.page) == []
