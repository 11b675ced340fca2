"""Page weight over the wire, and the monthly bulletin printed to an A4 PDF."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import urlsplit

from browser_checks import PAGE_BUDGET, PHOTO, unavailable
from browser_support import PAGE_TYPES, PHONE, page_url

BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}

A4_POINTS = (595, 842)  # 210 x 297 mm


def test_article_page_weight_budget(servers, open_tab):
    tab = open_tab(PHONE)  # fresh context: empty cache, as a first visit
    requests = []
    tab.context.on("request", lambda request: requests.append(request))
    url = page_url(servers, BY_NAME["article"])
    document = tab.goto(url)
    tab.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    tab.page.wait_for_load_state("networkidle")

    assert document.header_value("content-encoding") == "gzip"  # measured as real servers send it
    assert requests and all(r.url.startswith(servers["sample"].url) for r in requests)
    counted = [r for r in requests if not PHOTO.search(urlsplit(r.url).path)]
    assert any(r.resource_type == "stylesheet" for r in counted)
    sizes = {r.url: r.sizes() for r in counted}
    transferred = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes.values())
    assert transferred < PAGE_BUDGET, {u: s["responseBodySize"] for u, s in sizes.items()}
    # no web fonts, so nothing can block text from rendering
    assert [r.url for r in requests if r.resource_type == "font"] == []
    assert tab.page.evaluate("document.fonts.size") == 0


def pdf_text_and_sizes(pdf: bytes):
    try:
        import pypdf
    except ImportError:
        unavailable("pypdf is not installed (pip install pypdf): needed to read the printed PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in reader.pages))
    return sizes, " ".join(text.split()), len(reader.pages)


def test_bulletin_prints_on_a4_with_masthead_and_without_menus(servers, open_tab):
    tab = open_tab()
    tab.goto(page_url(servers, BY_NAME["bulletin"]))
    page = tab.page
    screen = page.evaluate("""() => ({
        menu: [...document.querySelectorAll('nav.menu a')].map(a => a.textContent.trim()),
        sidebar: [...document.querySelectorAll('.sidebar h2')].map(h => h.textContent.trim()),
        main: document.querySelector('main').innerText,
        title: document.querySelector('h1').textContent.trim()})""")
    page.emulate_media(media="print")
    # Playwright's default paper is Letter: A4 only comes from the print stylesheet's @page
    sizes, text, pages = pdf_text_and_sizes(page.pdf(prefer_css_page_size=True))

    assert sizes == {A4_POINTS}
    assert pages <= 4
    assert "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN" in text
    assert "Trưởng Ban Biên tập:" in text
    assert screen["title"] in text
    assert "Tin mới" in screen["sidebar"] and "Kết quả giải quyết TTHC" in screen["sidebar"]
    for heading in screen["sidebar"]:
        assert heading not in text
    assert "Bỏ qua menu" not in text
    menu_only = [item for item in screen["menu"] if item not in screen["main"]]
    assert len(menu_only) >= 3
    for item in menu_only:
        assert item not in text
