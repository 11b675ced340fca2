"""Every page type in a real Chromium: accessibility, clean loading, phones, keyboard."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser_checks import PAGE_BUDGET, PHOTO, REPORT, axe_violations, phone_problems
from browser_support import DESKTOP, PAGE_TYPES, PHONE, THEME, page_url

BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}


def ids(page_types):
    return [page_type.name for page_type in page_types]


def test_every_page_type_is_covered():
    """A new page template must be added to PAGE_TYPES, and each entry really uses its template."""
    import sys
    from datetime import datetime

    from browser_support import ROOT, SAMPLE_CONTENT
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator.pages import plan_pages
    from generator.pipeline import BuildOptions, load_site
    from generator.text import VIETNAM_TZ

    loaded = load_site(BuildOptions(content=SAMPLE_CONTENT, now=datetime.now(VIETNAM_TZ)))
    plan = {p.url: p.template for p in plan_pages(loaded.site)}
    for page_type in PAGE_TYPES:
        if page_type.site == "sample" and page_type.status == 200:
            assert plan.get(page_type.path) == page_type.template, page_type
    assert plan["/404.html"] == BY_NAME["not-found"].template
    # the province index is not a commune page: `bantin province` builds it, and
    # tests/browser/test_browser_province.py runs the same checks on it
    province_pages = {"province.html"}
    assert (ROOT / "tests" / "browser" / "test_browser_province.py").is_file()
    page_templates = {p.name for p in (THEME / "templates").glob("*.html")} - {"base.html", "macros.html"} \
        - province_pages
    assert set(plan.values()) <= page_templates
    assert page_templates <= {page_type.template for page_type in PAGE_TYPES}


#: axe on every page type at phone width (our readers), and at desktop width on the
#: pages whose wide layout differs most (two columns, cover photo, table and chart);
#: the rules read the same DOM at both widths, so this keeps the suite fast.
AXE_RUNS = [pytest.param(t, PHONE, id=f"{t.name}-360px") for t in PAGE_TYPES] + \
    [pytest.param(BY_NAME[n], DESKTOP, id=f"{n}-1280px") for n in ("home", "article", "statistics")]


@pytest.mark.parametrize(("page_type", "viewport"), AXE_RUNS)
def test_no_accessibility_violations(servers, open_tab, axe, page_type, viewport):
    tab = open_tab(viewport)
    tab.goto(page_url(servers, page_type), page_type.status)
    violations = axe_violations(axe, tab.page)
    row = REPORT.setdefault(page_type.name, {})
    row["axe violations"] = row.get("axe violations", 0) + len(violations)
    assert violations == []


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_loads_cleanly_from_own_server_only(servers, open_tab, page_type):
    """No console errors, no failed or third-party requests, no broken images, no web fonts."""
    tab = open_tab(PHONE)
    url = page_url(servers, page_type)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    requests = []
    tab.page.on("request", lambda request: requests.append(request))
    tab.goto(url, page_type.status)
    tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
    tab.page.wait_for_load_state("networkidle")

    errors = list(tab.console_errors)
    if page_type.status == 404:  # Chromium logs the 404 status of the document itself; nothing else
        errors = [e for e in errors if not (e.startswith("Failed to load resource") and f"[{url}]" in e)]
    assert errors == []
    assert tab.failed == []
    assert [r.url for r in requests if not r.url.startswith((origin + "/", "data:"))] == []
    assert [(r.url, r.status) for r in tab.responses if r.status >= 400 and r.url != url] == []
    assert tab.page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                             ".map(i => i.src)") == []
    assert [r.url for r in requests if r.resource_type == "font"] == []
    assert tab.page.evaluate("document.fonts.size") == 0

    transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                      for r in requests if r.resource_type != "image" or not PHOTO.search(urlsplit(r.url).path))
    REPORT.setdefault(page_type.name, {})["transferred KB"] = f"{transferred / 1024:.1f}"
    assert transferred < PAGE_BUDGET  # the article's budget holds for every page type


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_fits_a_phone(servers, open_tab, page_type):
    """At 360x740: no sideways scrolling, text at least 16px, tap targets at least 44x44px."""
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, page_type), page_type.status)
    problems = phone_problems(tab.page)
    assert problems == {"overflow": 0, "small_text": [], "small_targets": []}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_landmarks_and_heading_order(servers, open_tab, page_type):
    tab = open_tab(DESKTOP)
    tab.goto(page_url(servers, page_type), page_type.status)
    page = tab.page
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("contentinfo").count() == 1
    if page_type.chrome:
        assert page.get_by_role("complementary", name="Thông tin thêm").count() == 1
        assert page.get_by_role("navigation", name="Menu chính").count() == 1
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert skips == []


def test_skip_link_and_visible_focus(servers, open_tab):
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, BY_NAME["article"]))
    page = tab.page
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const el = document.activeElement, box = el.getBoundingClientRect();
        return {cls: el.className, text: el.textContent, top: box.top, left: box.left,
                bottom: box.bottom, right: box.right}; }""")
    assert skip["cls"] == "skip" and "nội dung chính" in skip["text"]
    assert skip["top"] >= 0 and skip["left"] >= 0 and skip["right"] <= PHONE["width"], "skip link off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    # every following tab stop, to the end of the page, shows a focus ring and is in view
    stops = []
    for _ in range(150):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => { const el = document.activeElement, s = getComputedStyle(el),
            box = el.getBoundingClientRect();
            return {what: el.tagName + ' ' + el.textContent.trim().slice(0, 30), style: s.outlineStyle,
                    width: parseFloat(s.outlineWidth), inView: box.bottom > 0 && box.top < innerHeight,
                    end: el === document.body || el.classList.contains('skip')}; }""")
        if state.pop("end"):
            break
        stops.append(state)
    else:
        pytest.fail("Tab never reached the end of the page")
    assert len(stops) > 10
    assert [s for s in stops if s["style"] == "none" or s["width"] < 2 or not s["inView"]] == []


def test_menu_is_usable_on_a_phone(servers, open_tab):
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, BY_NAME["article"]))
    page = tab.page
    # closed, the menu is one button in the header and leaves the screen to the content
    toggle = page.locator("header summary", has_text="Menu")
    header = page.locator("header.site-header").bounding_box()
    assert header["y"] + header["height"] <= 120
    toggle.tap()  # a <details>: opens without JavaScript
    menu = page.get_by_role("navigation", name="Menu chính")
    links = menu.get_by_role("link")
    assert links.count() >= 5
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], links.nth(i).inner_text()
        assert box["height"] >= 44 and box["width"] >= 44, links.nth(i).inner_text()
    menu.get_by_role("link", name="Tin tức", exact=True).tap()
    page.wait_for_url(re.compile(r"/tin-tuc/$"))
    current = page.locator("nav.menu [aria-current=page]")
    assert current.text_content() == "Tin tức"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tin tức")


def test_statistics_table_and_chart_semantics(servers, open_tab):
    tab = open_tab(DESKTOP)
    tab.goto(page_url(servers, BY_NAME["statistics"]))
    page = tab.page
    table = page.get_by_role("table", name="Hồ sơ thủ tục hành chính năm 2023 theo tháng")
    assert table.get_by_role("columnheader").count() == 7
    assert table.get_by_role("rowheader").count() == 12 + 1  # months and the year's total
    # the chart's text alternative: its title, then every month's figure
    chart = page.get_by_role("img", name=re.compile(
        r"^Biểu đồ số hồ sơ đã xử lý theo tháng, năm 2023 Tháng 1: [\d.]+ hồ sơ\..*Tháng 12: [\d.]+ hồ sơ\.$"))
    assert chart.count() == 1
