"""An article's "In bài" (print version) and "Lưu bài" (saved copy) in a real Chromium (issue 15)."""

from __future__ import annotations

import re

from browser_support import PAGE_TYPES, PHONE, page_url

BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
BRAND = "rgb(155, 28, 28)"  # --brand in style.css: the header of the saved copy


def test_the_saved_copy_opens_from_disk_with_no_network_and_keeps_its_styles(servers, open_tab):
    saved = BY_NAME["saved"]
    file = servers["sample"].root / saved.path.lstrip("/")
    tab = open_tab(PHONE)
    asked = []

    def block(route):  # nothing but the file itself may load
        asked.append(route.request.url)
        route.abort() if not route.request.url.startswith("file://") else route.continue_()

    tab.context.route("**/*", block)
    tab.page.goto(file.as_uri(), wait_until="load")
    page = tab.page
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == BRAND
    assert page.evaluate("getComputedStyle(document.querySelector('.byline')).textAlign") == "right"
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.styleSheets.length") == 1  # the inline one, allowed by its hash
    # only the photos were asked for (absolute links to the site) and refused offline: no CSP report
    assert all(not url.startswith("file://") or url == file.as_uri() for url in asked)
    assert [e for e in tab.console_errors if "Content Security Policy" in e] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "Bê tông hóa tuyến đường trục thôn Phú Xá" in page.inner_text("h1")


def test_the_print_version_shows_the_address_and_the_date_printed(servers, open_tab):
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, BY_NAME["print"]))
    page = tab.page
    today = page.evaluate("(() => { const d = new Date(), two = n => String(n).padStart(2, '0');"
                          " return two(d.getDate()) + '/' + two(d.getMonth() + 1) + '/' + d.getFullYear(); })()")
    assert page.inner_text("[data-ngay-in]") == today
    assert page.is_visible("#nut-in")  # the button needs JavaScript, so JavaScript shows it
    page.emulate_media(media="print")
    foot = page.inner_text(".print-foot")
    assert f"Ngày in: {today}" in foot
    address = servers["sample"].url + "tin-tuc/be-tong-hoa-tuyen-duong-truc-thon-phu-xa/"
    assert f"Địa chỉ bài: {address}" in foot
    assert not page.is_visible(".print-actions")
    assert tab.console_errors == []


def test_the_print_version_needs_no_javascript(servers, open_tab):
    tab = open_tab(PHONE, java_script_enabled=False)
    tab.goto(page_url(servers, BY_NAME["article"]))
    tab.page.click("text=In bài")
    tab.page.wait_for_load_state("load")
    assert tab.page.url.endswith("/be-tong-hoa-tuyen-duong-truc-thon-phu-xa/in/")
    assert re.fullmatch(r"…+/…+/…+", tab.page.inner_text("[data-ngay-in]"))  # a blank to write the date in
    assert not tab.page.is_visible("#nut-in")
    pdf_ready = tab.page.inner_text(".print-foot")
    assert "Địa chỉ bài:" in pdf_ready
