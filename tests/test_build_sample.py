"""The sample site, built through the real command, checked page type by page type.

HTML is parsed (BeautifulSoup), so the checks look at elements, not substrings.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.content_types import STANDARD
from tests.conftest import SAMPLE_CONTENT

MASTHEAD = "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def sample_articles():
    """Front matter of every published sample article (read independently of the generator)."""
    items = []
    for file in sorted(SAMPLE_CONTENT.glob("*/**/*.md")):
        head = yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])
        if not head.get("draft"):
            items.append((file, head))
    return items


def html_pages(root: Path, variants: bool = False) -> list[Path]:
    """Every HTML page; an article's print version (in/) and saved copy (<slug>.html) only
    with *variants*: they carry no site chrome (issue 15)."""
    pages = sorted(root.rglob("*.html"))
    if variants:
        return pages
    return [p for p in pages if p.parent.name != "in" and p.name in ("index.html", "404.html")]


def test_summary_line(built_sample):
    assert (built_sample / "index.html").is_file()


def test_every_page_has_lang_masthead_and_tthc_widget(built_sample):
    site = yaml.safe_load((SAMPLE_CONTENT / "site.yml").read_text(encoding="utf-8"))
    pages = html_pages(built_sample)
    assert len(pages) > 40
    for page in pages:
        doc = soup(page)
        assert doc.html["lang"] == "vi", page
        footer = doc.find("footer", class_="masthead")
        assert footer is not None, page
        assert text_of(footer.find(class_="masthead-title")) == MASTHEAD
        lines = [text_of(p) for p in footer.find_all("p")]
        assert f"Trưởng Ban Biên tập: {site['masthead']['editor_in_chief']}" in lines
        assert f"Địa chỉ: {site['masthead']['address']}" in lines
        assert f"Điện thoại: {site['masthead']['phone']}" in lines
        assert f"Email: {site['masthead']['email']}" in lines
        assert footer.find("a", href=re.compile(r"^tel:0\d+$")) is not None
        assert footer.find("a", href=f"mailto:{site['masthead']['email']}") is not None
        assert "truy cập" not in text_of(doc).lower()  # no invented visitor counter

        widget = doc.find("section", class_="tthc")
        assert widget is not None, page
        assert text_of(widget.find("h2")) == "Kết quả giải quyết TTHC"
        assert text_of(widget.find(class_="tthc-rate")) == "Từ tháng 1 đến tháng 12/2023 đã giải quyết: 99,9%"
        figures = {text_of(d.find("dt")): text_of(d.find("dd")) for d in widget.find("dl").find_all("div")}
        assert figures == {"Số hồ sơ xử lý:": "3.340", "Trước & đúng hạn:": "3.338",
                           "Trễ hạn:": "2", "Tỉ lệ trễ hạn:": "0,1%"}
        link = next((a for a in widget.find_all("a") if text_of(a).startswith("Chi tiết")), None)
        assert link is not None
        resolved = (page.parent / link["href"]).resolve()
        assert resolved == (built_sample / "thong-ke-tthc").resolve() or page.name == "404.html"
        assert text_of(widget.find(class_="updated")) == "(Cập nhật lúc: 11/12/2023 10:17:19)"


def test_article_page(built_sample):
    file, head = next((f, h) for f, h in sample_articles()
                      if "tin-tuc" in f.parts and h.get("author") and h.get("tags"))
    from generator.text import slugify
    page = built_sample / "tin-tuc" / (head.get("slug") or slugify(head["title"])) / "index.html"
    doc = soup(page)
    h1s = doc.find_all("h1")
    assert [text_of(h) for h in h1s] == [head["title"]]
    assert text_of(doc.find(class_="category-label")) == head["category"]
    time = doc.find("article").find("time")
    day, clock = str(head["date"]).split(" ")
    y, m, d = day.split("-")
    assert time["datetime"] == f"{y}-{m}-{d}T{clock}+07:00"
    assert text_of(time) == f"{d}/{m}/{y} {clock}"
    assert text_of(doc.find(class_="byline")) == head["author"]
    assert [text_of(a) for a in doc.find(class_="tags").find_all("a")] == head["tags"]
    crumbs = [text_of(li) for li in doc.find("nav", class_="crumbs").find_all("li")]
    assert crumbs[0] == "Trang chủ" and crumbs[-1] == head["title"]
    assert doc.find("title").get_text().startswith(head["title"])

    related = doc.find("section", class_="related")
    same_category = [h for f, h in sample_articles() if h.get("category") == head["category"]
                     and h["title"] != head["title"]]
    titles = [text_of(h) for h in related.find_all("h3")]
    expected = [h["title"] for h in sorted(same_category, key=lambda h: str(h["date"]), reverse=True)][:5]
    assert titles == expected
    assert related.find(class_="summary") is not None
    neighbours = doc.find("nav", class_="neighbours")
    assert neighbours.find("a", rel="prev") or neighbours.find("a", rel="next")


def test_every_published_article_has_a_page_and_drafts_have_none(built_sample):
    from generator.text import slugify
    for file, head in sample_articles():
        section = file.relative_to(SAMPLE_CONTENT).parts[0]
        if "title" not in head:  # a week's schedule: its address comes from its week
            assert (built_sample / section / slugify(str(head["week"])) / "index.html").is_file(), file
            continue
        if not STANDARD[section].item_pages:  # leaders: all on the type's one page
            assert head["title"] in (built_sample / section / "index.html").read_text(encoding="utf-8")
            continue
        # a document's address comes from its number and year (issue 15)
        slug = slugify(f'{head["number"]} {str(head["issued"])[:4]}') if "number" in head else slugify(head["title"])
        assert (built_sample / section / slug / "index.html").is_file(), file
    drafts = [f for f in SAMPLE_CONTENT.rglob("*.md") if "draft: true" in f.read_text(encoding="utf-8")]
    assert drafts, "the sample site shows a draft"
    everything = "".join(p.read_text(encoding="utf-8") for p in built_sample.rglob("*") if p.suffix in (".html", ".xml"))
    for draft in drafts:
        title = yaml.safe_load(draft.read_text(encoding="utf-8").split("---")[1])["title"]
        assert title not in everything
        assert not (built_sample / "tin-tuc" / slugify(title)).exists()


def test_home_page(built_sample):
    doc = soup(built_sample / "index.html")
    assert text_of(doc.find("h1")) == "Trang thông tin điện tử xã Lam Sơn"
    news = [h for f, h in sample_articles() if f.relative_to(SAMPLE_CONTENT).parts[0] == "tin-tuc"]
    newest = max(news, key=lambda h: str(h["date"]))
    latest = doc.find("section", attrs={"aria-labelledby": "tin-moi-nhat"})
    assert text_of(latest.find("h3")) == newest["title"]
    blocks = doc.find_all("section", class_="category-block")
    assert len(blocks) >= 4
    bulletin = doc.find("section", class_="bulletin-latest")
    assert "tháng 8/2023" in text_of(bulletin)


def test_bulletin_page_and_index(built_sample):
    doc = soup(built_sample / "ban-tin" / "index.html")
    assert text_of(doc.find("h1")) == "Bản tin"
    assert [text_of(h) for h in doc.find_all("h2", id=re.compile("^nam-"))] == ["Năm 2023"]
    links = doc.find("ul", class_="bulletins").find_all("a")
    assert len(links) == 3
    middle = soup((built_sample / "ban-tin" / "index.html").parent / links[1]["href"] / "index.html")
    assert "Kỳ bản tin: tháng 7/2023" in text_of(middle.find(class_="meta"))
    nav = middle.find("nav", class_="neighbours")
    assert "tháng 6/2023" in text_of(nav.find("a", rel="prev"))
    assert "tháng 8/2023" in text_of(nav.find("a", rel="next"))
    headings = [text_of(h) for h in middle.find(class_="body").find_all("h2")]
    assert headings[:3] == ["1. Về công tác chỉ đạo, điều hành", "2. Kết quả thực hiện", "3. Nhiệm vụ thời gian tới"]


def test_category_and_section_pages(built_sample):
    doc = soup(built_sample / "chuyen-muc" / "nong-thon-moi" / "index.html")
    assert text_of(doc.find("h1")) == "Nông thôn mới"
    dates = [t["datetime"] for t in doc.find("ul", class_="items").find_all("time")]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 4
    section = soup(built_sample / "tin-tuc" / "index.html")
    assert len(section.find("ul", class_="items").find_all("li", class_="item")) == \
        sum(1 for f, _ in sample_articles() if f.relative_to(SAMPLE_CONTENT).parts[0] == "tin-tuc")


def test_archive(built_sample):
    doc = soup(built_sample / "luu-tru" / "index.html")
    months = doc.find_all("ul", class_="months")
    assert months and all(re.fullmatch(r"\d{4}/\d{2}/", a["href"]) for ul in months for a in ul.find_all("a"))
    first = months[0].find("a")
    page = soup(built_sample / "luu-tru" / first["href"] / "index.html")
    assert page.find("ul", class_="items").find("li") is not None


def test_statistics_page_table_chart_and_csv(built_sample):
    doc = soup(built_sample / "thong-ke-tthc" / "index.html")
    table = doc.find("table", id="bang-2023")
    assert [text_of(th) for th in table.find("thead").find_all("th")][:5] == \
        ["Tháng", "Tiếp nhận", "Đã xử lý", "Trước & đúng hạn", "Trễ hạn"]
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 12 and all(r.find("th", scope="row") for r in rows)
    total = [text_of(c) for c in table.find("tfoot").find_all(["th", "td"])]
    assert total[0] == "Cả năm" and total[2:] == ["3.340", "3.338", "2", "99,9%", "0,1%"]
    svg = doc.find("section", attrs={"aria-labelledby": "nam-2023"}).find("svg")
    assert svg["role"] == "img"
    assert svg.find("title") is not None and "Tháng 1:" in text_of(svg.find("desc"))
    assert len(svg.find_all("rect")) == 12
    assert doc.find("table", id="bang-2022") is not None
    link = doc.find("a", href=re.compile(r"tthc\.csv$"))
    data = list(csv.DictReader(io.StringIO((built_sample / "thong-ke-tthc" / "tthc.csv").read_text())))
    assert link is not None and len(data) == 24
    assert sum(int(r["truoc_va_dung_han"]) for r in data if r["thang"].startswith("2023")) == 3338


def test_404_page(built_sample):
    doc = soup(built_sample / "404.html")
    assert text_of(doc.find("h1")) == "Không tìm thấy trang"
    # served at any depth: links must not be relative
    assert all(a["href"].startswith(("https://", "/", "tel:", "mailto:")) for a in doc.find_all("a", href=True)
               if not a["href"].startswith("#"))


def test_links_are_relative_without_base_url(tmp_path):
    from tests.conftest import article, make_site, run_build
    content = make_site(tmp_path, {"tin-tuc/a.md": article("A")})
    result = run_build("--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    doc = soup(tmp_path / "out" / "tin-tuc" / "a" / "index.html")
    hrefs = [a["href"] for a in doc.find_all("a", href=True)]
    assert "../../" in hrefs
    assert not any(h.startswith("/") for h in hrefs)
    assert not (tmp_path / "out" / "feed.xml").exists()


def test_every_internal_link_resolves(built_sample):
    missing = []
    for page in html_pages(built_sample, variants=True):
        if page.name == "404.html":
            continue
        for node in soup(page).find_all(["a", "img", "link"]):
            ref = node.get("href") or node.get("src")
            if not ref or re.match(r"^(https?:|mailto:|tel:|#)", ref):
                continue
            target = (page.parent / ref.split("#")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append((page.relative_to(built_sample).as_posix(), ref))
    assert missing == []


def test_a_partial_year_is_never_presented_as_the_whole(tmp_path):
    """tthc.yml with 2023-12 then 2026-10: a warning names the missing months, and the
    widget and statistics page say the 2026 figures cover October only."""
    from tests.conftest import make_site, run_build

    content = make_site(tmp_path, {}, tthc_yml=(
        "months:\n  - {month: 2023-12, on_time: 300, late: 0}\n  - {month: 2026-10, on_time: 99, late: 1}\n"))
    out = tmp_path / "out"
    result = run_build("--content", str(content), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "tthc.yml:3: cảnh báo: sau tháng 12/2023 là tháng 10/2026" in result.stderr
    assert "33 tháng, từ tháng 1/2024 đến tháng 9/2026" in result.stderr
    home = soup(out / "index.html")
    assert text_of(home.find(class_="tthc-rate")) == "Tháng 10/2026 đã giải quyết: 99%"
    stats = soup(out / "thong-ke-tthc" / "index.html")
    section = stats.find("section", attrs={"aria-labelledby": "nam-2026"})
    assert text_of(section.find("p")).startswith("Tháng 10/2026: đã xử lý 100 hồ sơ")
    assert text_of(section.find("tfoot").find("th")) == "Cộng"
