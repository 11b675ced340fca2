"""Documents (văn bản) and procedures (thủ tục hành chính), issue 15: declared types,
their pages, their validation. Sites are built in-process without the search index."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from generator.commands.new import article_text, file_slug, target_path
from generator.content import parse_article
from generator.content_types import STANDARD
from generator.errors import errors_of
from generator.pipeline import BuildOptions, load_site
from generator.render import render_site
from generator.search import search_document
from generator.source import Source
from generator.text import VIETNAM_TZ
from generator.view.records import file_label, size_label
from tests.conftest import THEME, make_site

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=VIETNAM_TZ)
PDF = b"%PDF-1.4\n" + b"0" * 2500  # 2.509 bytes: "PDF, 3 KB"


def document(number="15/QĐ-UBND", type_="Quyết định", issued="2025-03-15", files="[media/vb/a.pdf]",
             extra="", body="") -> str:
    lines = ["---", "title: Về việc ban hành Kế hoạch phòng, chống thiên tai"]
    if number is not None:
        lines.append(f"number: {number}")
    lines += [f"type: {type_}", "issuer: UBND xã Lam Sơn", f"issued: {issued}"]
    if files is not None:
        lines.append(f"files: {files}")
    lines += [line for line in extra.split("\n") if line] + ["---", body]
    return "\n".join(lines) + "\n"


def procedure(title="Đăng ký khai sinh", field="Hộ tịch", extra="") -> str:
    return (f"---\ntitle: {title}\nfield: {field}\nduration: Trong ngày\nfee: Miễn lệ phí\n{extra}---\n\n"
            "## Trình tự thực hiện\n\nNộp hồ sơ tại Bộ phận một cửa.\n")


def build_pages(tmp_path, files: dict, now: datetime = NOW):
    content = make_site(tmp_path, files)
    options = BuildOptions(content=content, theme=THEME, output=tmp_path / "public", now=now)
    loaded = load_site(options)
    assert not errors_of(loaded.diagnostics), [d.format() for d in loaded.diagnostics]
    outputs, problems = render_site(loaded.site, THEME, now)
    assert problems == []
    return {o.url: BeautifulSoup(o.data.decode("utf-8"), "html.parser") for o in outputs if o.url.endswith("/")}, loaded


def problems_of(tmp_path, files: dict):
    content = make_site(tmp_path, files)
    loaded = load_site(BuildOptions(content=content, theme=THEME, now=NOW))
    return [d for d in loaded.diagnostics if d.level == "error"]


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def definitions(page) -> dict[str, str]:
    dl = page.find("dl", class_="record")
    return {text(div.find("dt")): text(div.find("dd")) for div in dl.find_all("div")}


# --- the view helpers --------------------------------------------------------------------

def test_file_sizes_are_written_the_vietnamese_way():
    assert size_label(245 * 1024) == "245 KB"
    assert size_label(10) == "1 KB"
    assert size_label(1_300_000) == "1,2 MB"
    assert size_label(1234 * 1024 * 1024) == "1.234 MB"
    assert file_label("media/a.PDF", 245 * 1024) == "PDF, 245 KB"
    assert file_label("media/b.docx", 3000) == "DOCX, 3 KB"


# --- documents ----------------------------------------------------------------------------

def test_a_document_page_shows_every_field_its_files_and_its_status(tmp_path):
    pages, _ = build_pages(tmp_path, {
        "van-ban/2025/a.md": document(extra="effective: 2025-04-01\nexpires: 2027-01-01\n"
                                            "signer: Nguyễn Văn An - Chủ tịch\nfield: Phòng, chống thiên tai",
                                      files="[media/vb/a.pdf, media/vb/phu-luc.docx]", body="Ghi chú riêng."),
        "media/vb/a.pdf": PDF, "media/vb/phu-luc.docx": b"PK\x03\x04" + b"1" * 300_000})
    page = pages["/van-ban/15-qd-ubnd-2025/"]  # slug from the number and the year, đ -> d
    assert text(page.find("h1")) == "Về việc ban hành Kế hoạch phòng, chống thiên tai"
    fields = definitions(page)
    assert fields["Số ký hiệu"] == "15/QĐ-UBND"
    assert fields["Loại văn bản"] == "Quyết định"
    assert fields["Cơ quan ban hành"] == "UBND xã Lam Sơn"
    assert fields["Ngày ban hành"] == "15/03/2025"
    assert fields["Ngày có hiệu lực"] == "01/04/2025"
    assert fields["Ngày hết hiệu lực"] == "01/01/2027"
    assert fields["Người ký"] == "Nguyễn Văn An - Chủ tịch"
    assert fields["Lĩnh vực"] == "Phòng, chống thiên tai"
    assert fields["Tình trạng hiệu lực"] == "Còn hiệu lực"
    assert "a.pdf (PDF, 3 KB)" in fields["Tệp văn bản"] and "phu-luc.docx (DOCX, 293 KB)" in fields["Tệp văn bản"]
    links = page.find("dl", class_="record").find_all("a")
    assert [a["href"] for a in links] == ["../../media/vb/a.pdf", "../../media/vb/phu-luc.docx"]
    assert all(a.has_attr("download") for a in links)
    assert "Ghi chú riêng." in text(page.find("main"))
    crumbs = [text(li) for li in page.find("nav", class_="crumbs").find_all("li")]
    assert crumbs[:2] == ["Trang chủ", "Văn bản"]


@pytest.mark.parametrize("extra, status", [
    ("", "Còn hiệu lực"),
    ("effective: 2026-07-01", "Chưa có hiệu lực"),
    ("expires: 2026-06-15", "Hết hiệu lực"),  # the day it expires it is no longer in force
    ("expires: 2026-06-16", "Còn hiệu lực"),
    ("effective: 2025-04-01\nexpires: 2026-01-01", "Hết hiệu lực"),
])
def test_validity_is_judged_on_the_build_day(tmp_path, extra, status):
    pages, _ = build_pages(tmp_path, {"van-ban/2025/a.md": document(extra=extra), "media/vb/a.pdf": PDF})
    assert definitions(pages["/van-ban/15-qd-ubnd-2025/"])["Tình trạng hiệu lực"] == status
    assert status in text(pages["/van-ban/"].find("main"))


def test_lists_newest_issued_first_with_year_and_type_pages(tmp_path):
    files = {"media/vb/a.pdf": PDF}
    specs = [("1/QĐ-UBND", "Quyết định", "2025-01-05"), ("2/KH-UBND", "Kế hoạch", "2026-02-01"),
             ("3/QĐ-UBND", "Quyết định", "2026-03-01"), ("4/TB-UBND", "Thông báo", "2025-12-31")]
    for number, kind, issued in specs:
        files[f"van-ban/{issued[:4]}/{number[0]}.md"] = document(number, kind, issued)
    pages, _ = build_pages(tmp_path, files)

    def numbers(url):
        return [text(h).split(":")[0] for h in pages[url].select("ul.documents h2")]

    assert numbers("/van-ban/") == ["3/QĐ-UBND", "2/KH-UBND", "4/TB-UBND", "1/QĐ-UBND"]
    assert numbers("/van-ban/2026/") == ["3/QĐ-UBND", "2/KH-UBND"]
    assert numbers("/van-ban/2025/") == ["4/TB-UBND", "1/QĐ-UBND"]
    assert numbers("/van-ban/loai/quyet-dinh/") == ["3/QĐ-UBND", "1/QĐ-UBND"]
    assert numbers("/van-ban/loai/ke-hoach/") == ["2/KH-UBND"]
    assert text(pages["/van-ban/loai/quyet-dinh/"].find("h1")) == "Văn bản - Loại văn bản: Quyết định"
    nav = {text(n.find("h2")): [text(li) for li in n.find_all("li")] for n in pages["/van-ban/"].select("nav.facets")}
    assert nav["Theo năm"] == ["2026 (2)", "2025 (2)"]
    assert nav["Theo loại văn bản"] == ["Kế hoạch (1)", "Quyết định (2)", "Thông báo (1)"]


def test_the_document_list_is_paginated(tmp_path):
    files = {"media/vb/a.pdf": PDF}
    for n in range(1, 23):
        files[f"van-ban/2025/{n}.md"] = document(f"{n}/QĐ-UBND", issued=f"2025-01-{n:02d}")
    pages, _ = build_pages(tmp_path, files)
    assert len(pages["/van-ban/"].select("ul.documents li")) == 20
    assert len(pages["/van-ban/trang-2/"].select("ul.documents li")) == 2
    assert "/van-ban/2025/trang-2/" in pages


def test_documents_are_searchable_by_their_fields_and_section(tmp_path):
    _, loaded = build_pages(tmp_path, {"van-ban/2025/a.md": document(), "media/vb/a.pdf": PDF})
    (item,) = loaded.site.sections["van-ban"]
    html = search_document(item, loaded.site)
    assert 'data-pagefind-meta="section[content]" content="van-ban"' in html
    assert "15/QĐ-UBND" in html and "UBND xã Lam Sơn" in html


# --- bad documents and procedures: every error at once, file and line, Vietnamese ---------------

def test_every_bad_document_and_procedure_is_reported_in_one_run(tmp_path):
    found = problems_of(tmp_path, {
        "media/vb/a.pdf": PDF, "media/vb/x.zip": b"PK\x03\x04",
        "van-ban/2025/khong-so.md": document(number=None),
        "van-ban/2025/thieu-tep.md": document("2/QĐ-UBND", files="[media/vb/khong-co.pdf]"),
        "van-ban/2025/sai-loai.md": document("3/QĐ-UBND", files="[media/vb/x.zip]"),
        "van-ban/2025/sai-ngay.md": document("4/QĐ-UBND", extra="expires: 2025-01-01"),
        "thu-tuc/sai-muc.md": procedure(extra="online: trực tuyến\n"),
        "thu-tuc/sai-url.md": procedure("Đăng ký kết hôn", extra="url: javascript:alert(1)\n"),
        "thu-tuc/ma-so.md": procedure("Đăng ký khai tử", extra="code: 1.001190\n"),
    })
    by_file = {d.path.rsplit("/", 1)[-1]: d for d in found}
    assert set(by_file) == {"khong-so.md", "thieu-tep.md", "sai-loai.md", "sai-ngay.md", "sai-muc.md",
                            "sai-url.md", "ma-so.md"}
    assert by_file["khong-so.md"].code == "missing_field" and '"number"' in by_file["khong-so.md"].message
    missing = by_file["thieu-tep.md"]
    assert (missing.code, missing.line) == ("missing_file", 7) and "media/vb/khong-co.pdf" in missing.message
    wrong = by_file["sai-loai.md"]
    assert (wrong.code, wrong.line) == ("bad_file_type", 7) and "PDF, DOC, DOCX, XLS, XLSX, ODT" in wrong.message
    order = by_file["sai-ngay.md"]
    assert (order.code, order.line) == ("date_order", 8)
    assert order.message.startswith("ngày hết hiệu lực (01/01/2025) trước ngày ban hành (15/03/2025)")
    online = by_file["sai-muc.md"]
    assert (online.code, online.line) == ("bad_choice", 6) and "toàn trình, một phần, không" in online.message
    url = by_file["sai-url.md"]
    assert (url.code, url.line) == ("bad_url", 6) and "https://" in url.message
    assert by_file["ma-so.md"].code == "field_quote" and 'code: "1.001193"' in by_file["ma-so.md"].message


def test_a_document_needs_no_body_but_a_procedure_does():
    item, problems = parse_article(Source("content/van-ban/2025/a.md", document()), STANDARD["van-ban"], None)
    assert item is not None and problems == []
    text_ = procedure().split("## ")[0]
    item, problems = parse_article(Source("content/thu-tuc/a.md", text_), STANDARD["thu-tuc"], None)
    assert item is None and [p.code for p in problems] == ["empty_article"]


def test_online_defaults_to_no_and_is_matched_without_case():
    ctype = STANDARD["thu-tuc"]
    item, _ = parse_article(Source("content/thu-tuc/a.md", procedure()), ctype, None)
    assert item.value("online") == "không"
    item, _ = parse_article(Source("content/thu-tuc/a.md", procedure(extra="online: Toàn trình\n")), ctype, None)
    assert item.value("online") == "toàn trình"


# --- procedures ------------------------------------------------------------------------------

def test_procedures_are_grouped_by_field_with_the_online_level(tmp_path):
    pages, _ = build_pages(tmp_path, {
        "thu-tuc/a.md": procedure(extra="online: toàn trình\nurl: https://dichvucong.gov.vn/\n"
                                        "forms: [media/tt/to-khai.pdf]\ncode: \"1.001193\"\n"),
        "thu-tuc/b.md": procedure("Đăng ký kết hôn", extra="online: một phần\n"),
        "thu-tuc/c.md": procedure("Chứng thực chữ ký", "Chứng thực"),
        "media/tt/to-khai.pdf": PDF})
    page = pages["/thu-tuc/"]
    groups = {text(s.find("h2")): [text(li) for li in s.find_all("li")] for s in page.find("main").find_all("section")}
    assert list(groups) == ["Chứng thực", "Hộ tịch"]
    assert groups["Hộ tịch"][0].startswith("Đăng ký kết hôn Dịch vụ công trực tuyến: Một phần")
    assert groups["Hộ tịch"][1].startswith("Đăng ký khai sinh Dịch vụ công trực tuyến: Toàn trình")
    assert groups["Chứng thực"][0].startswith("Chứng thực chữ ký Dịch vụ công trực tuyến: Không")
    assert page.find("a", href="../thong-ke-tthc/") is not None  # the statistics stay, linked
    one = pages["/thu-tuc/dang-ky-khai-sinh/"]
    fields = definitions(one)
    assert fields["Mã thủ tục"] == "1.001193" and fields["Thời hạn giải quyết"] == "Trong ngày"
    assert fields["Phí, lệ phí"] == "Miễn lệ phí" and fields["Dịch vụ công trực tuyến"] == "Toàn trình"
    assert fields["Mẫu đơn, tờ khai"] == "to-khai.pdf (PDF, 3 KB)"
    assert one.find("a", href="https://dichvucong.gov.vn/") is not None
    assert "Nộp hồ sơ tại Bộ phận một cửa." in text(one.find("main"))


# --- new ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["van-ban", "thu-tuc"])
def test_new_scaffolds_come_from_the_declarations_and_parse_as_drafts(key):
    ctype = STANDARD[key]
    asked = {"number": "21/QĐ-UBND"} if key == "van-ban" else {}
    written = article_text(ctype, "Về việc giao chỉ tiêu", NOW, "", asked)
    for spec in ctype.fields:
        if spec.scaffold:
            assert f"\n{spec.name}:" in written
    item, problems = parse_article(Source(f"content/{key}/a.md", written), ctype, None)
    assert item is not None and item.draft and errors_of(problems) == []


def test_new_document_is_filed_by_year_and_named_by_its_number(tmp_path):
    ctype = STANDARD["van-ban"]
    slug = file_slug(ctype, "Về việc giao chỉ tiêu", {"number": "21/QĐ-UBND"}, NOW)
    assert slug == "21-qd-ubnd-2026"
    assert target_path(tmp_path, ctype, slug, 2026) == tmp_path / "van-ban" / "2026" / "21-qd-ubnd-2026.md"
    assert target_path(tmp_path, STANDARD["thu-tuc"], "x", 2026) == tmp_path / "thu-tuc" / "x.md"
