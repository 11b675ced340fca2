"""What a citizen sees first on a phone (issue 14): a compact header whose menu opens
without JavaScript, and the statistics page's figures before its wide boxes."""

from __future__ import annotations

import pytest

from browser_support import PAGE_TYPES, page_url

BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
SCREEN = {"width": 360, "height": 800}
#: the header and the (closed) menu together, of an 800-px-high phone screen
HEADER_BUDGET = 120


@pytest.mark.parametrize("name", ["home", "article", "statistics", "search"])
def test_header_and_menu_take_at_most_120px_of_a_phone(servers, open_tab, name):
    tab = open_tab(SCREEN, is_mobile=True, has_touch=True)
    tab.goto(page_url(servers, BY_NAME[name]))
    height = tab.page.evaluate("document.querySelector('header.site-header').getBoundingClientRect().height")
    assert height <= HEADER_BUDGET, height
    # the search box is in that header, ready to type into
    box = tab.page.locator("header #o-tim").bounding_box()
    assert box and box["y"] + box["height"] <= HEADER_BUDGET


def test_the_menu_opens_without_javascript(servers, open_tab):
    tab = open_tab(SCREEN, is_mobile=True, has_touch=True, java_script_enabled=False)
    tab.goto(page_url(servers, BY_NAME["article"]))
    page = tab.page
    menu = page.get_by_role("navigation", name="Menu chính")
    assert not page.get_by_role("link", name="Thông báo", exact=True).first.is_visible()
    page.locator("summary", has_text="Menu").tap()
    assert menu.is_visible()
    link = menu.get_by_role("link", name="Thông báo", exact=True)
    link.tap()
    page.wait_for_url("**/thong-bao/")


def test_the_menu_is_open_on_a_desktop(servers, open_tab):
    tab = open_tab({"width": 1280, "height": 900})
    tab.goto(page_url(servers, BY_NAME["home"]))
    assert tab.page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Thông báo").is_visible()
    assert not tab.page.locator("summary", has_text="Menu").is_visible()


def test_statistics_on_a_phone_figures_first_wide_boxes_scroll_visibly(servers, open_tab):
    tab = open_tab(SCREEN, is_mobile=True, has_touch=True)
    tab.goto(page_url(servers, BY_NAME["statistics"]))
    page = tab.page
    state = page.evaluate("""() => {
        const section = document.querySelector('.stats-year');
        const text = section.querySelector('p');
        const wrap = section.querySelector('.table-wrap');
        const style = getComputedStyle(wrap);
        return {
          pageScroll: document.documentElement.scrollWidth - innerWidth,
          text: text.textContent, textBottom: text.getBoundingClientRect().bottom,
          tableTop: wrap.getBoundingClientRect().top,
          wrapScrolls: wrap.scrollWidth > wrap.clientWidth, overflow: style.overflowX,
          border: style.borderTopStyle, hint: section.querySelector('.scroll-hint')?.offsetHeight || 0,
          chart: section.querySelector('.chart-scroll').scrollWidth > section.querySelector('.chart-scroll').clientWidth,
        }; }""")
    assert state["pageScroll"] <= 0  # the page itself never scrolls sideways
    assert "%" in state["text"] and state["textBottom"] <= state["tableTop"]  # the year's rates come first
    assert state["wrapScrolls"] and state["overflow"] == "auto" and state["border"] != "none"
    assert state["hint"] > 0  # and says so in words
    assert state["chart"]  # the chart keeps its 16-px labels and scrolls in its box
