"""The importer (issue 5): pages saved from old portals -> Markdown articles.

Seeds are real pages from commune portals (../shared/seeds/); the fixtures in
tests/fixtures/import/ are made-up pages that mimic other portal families.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import importer
from generator.cli import main
from generator.importer.parse import ImportedPage, ImportProblem, parse_text
from generator.importer.lines import find_datetime, is_date_line, sentence_case

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
THEME = ROOT / "themes" / "default"

SEED_000 = SEEDS / "000_cc37e39484086325.txt"
SEED_002 = SEEDS / "002_e055f56dae86634c.txt"
SEED_003 = SEEDS / "003_8f4b27d5d56ef1d8.txt"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ is not beside the repository")
needs_bs4 = pytest.mark.skipif(importlib.util.find_spec("bs4") is None,
                               reason="beautifulsoup4 is not installed (add it to pyproject dependencies)")

#: portal furniture that must never reach an article (anywhere in the body)
BOILERPLATE = (
    "Skip Ribbon Commands", "Skip to main content", "Turn on more accessible mode", "Sign In",
    "image banner", "image advertisement", "TIN MỚI", "Đang truy cập", "Thống kê truy cập",
    "Đang online", "Trong tuần:", "Kết quả giải quyết TTHC", "Số hồ sơ xử lý", "Trước & đúng hạn",
    "Trễ hạn", "Tỉ lệ trễ hạn", "Cập nhật lúc", "Đến tháng 12", "TRANG THÔNG TIN ĐIỆN TỬ",
    "CỔNG THÔNG TIN ĐIỆN TỬ", "Trưởng Ban Biên tập", "Chịu trách nhiệm", "0979086097", "Dailamsontm",
    "{keywords}", "{title}", "Đang cập nhật dữ liệu", "In bài viết", "Gửi email", "Lượt xem",
    "Các tin khác", "Tin liên quan", "Hội nghị tổng kết công tác năm 2022", "Trao quà Tết",
    "Ra quân tuyên truyền an toàn", "Tập huấn phòng cháy", "Trang chủ", "UBND XÃ ĐỒNG TÂM",
    "Thông tin điện tử", "\u00a0",
)
#: furniture that is a line of its own ("Hôm nay: 0"); as words they may occur in real text
BOILERPLATE_LINES = ("Hôm nay", "Tất cả", "Chi tiết", "Địa chỉ:", "Điện thoại:", "Email:", "Chia sẻ",
                     "Giới thiệu", "100%", "0%")


def read(path: Path) -> ImportedPage | ImportProblem:
    return importer.read_page(path, path.name)


def body_of(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


def front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])


def assert_clean(markdown: str) -> None:
    body = body_of(markdown)
    for junk in BOILERPLATE:
        assert junk.lower() not in body.lower(), f"boilerplate survived: {junk!r}"
    for line in body.splitlines():
        assert not line.lstrip("-*+ ").startswith(BOILERPLATE_LINES), f"boilerplate line survived: {line!r}"
    assert unicodedata.is_normalized("NFC", markdown)
    assert "\n\n\n" not in markdown
    for line in markdown.splitlines():
        assert line == line.rstrip(), f"trailing space: {line!r}"
        assert not line.startswith("# ") or line.startswith(("# Nhập từ", "# TODO")), line


# --- the seeds: every extracted field ---------------------------------------------------

@needs_seeds
def test_seed_000_article_printed_twice():
    page = read(SEED_000)
    assert isinstance(page, ImportedPage)
    assert page.title == "Bước đầu triển khai xây dựng nông thôn mới nâng cao"
    assert page.category == "Nông thôn mới"
    assert page.date == "2022-02-23 08:40:17"
    assert page.author == "" and page.period == "" and not page.draft
    assert page.texts("heading") == [] and page.texts("item") == []
    paragraphs = page.texts("para")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Xây dựng nông thôn mới (NTM) được xác định")
    assert paragraphs[-1].startswith("Thực hiện hiệu quả các giải pháp")
    assert page.repeated_dropped == 5
    markdown = importer.to_markdown(page)
    body = body_of(markdown)
    # kept once, and the first (better) copy is the one kept
    assert body.count("được xác định là chương trình có điểm khởi đầu") == 1
    assert body.count("Ngoài ra, thực hiện tốt việc lồng ghép") == 1
    assert "cũng cần vượt qua" in body and "phải phải" not in body
    # the title printed again between the first paragraphs is not duplicated
    assert page.title not in body
    assert_clean(markdown)
    fm = front_matter(markdown)
    assert fm == {"title": page.title, "date": "2022-02-23 08:40:17", "category": "Nông thôn mới"}


@needs_seeds
def test_seed_000_footer_and_tthc_become_suggestions():
    page = read(SEED_000)
    assert page.masthead is not None and page.tthc is not None
    assert importer.site_suggestion(page.masthead) == {
        "name": "Trang thông tin điện tử xã Lam Sơn",
        "parent": "huyện Thanh Miện",
        "masthead": {
            "editor_in_chief": "Trương Mậu Nhân - Chủ tịch UBND xã",
            "address": "xã Lam Sơn - Thanh Miện - Hải Dương",
            "phone": "0979086097",
            "email": "Dailamsontm@gmail.com",
        },
    }
    assert page.tthc.updated == "2023-12-11 10:17:19"
    assert (page.tthc.received, page.tthc.on_time, page.tthc.late) == (3340, 3338, 2)
    assert page.tthc.rate == "100%"
    assert importer.tthc_suggestion(page.tthc) == {"updated": "2023-12-11 10:17:19"}
    text = importer.tthc_suggestion_yaml(page.tthc)
    assert yaml.safe_load(text) == {"updated": "2023-12-11 10:17:19"}
    assert "3.340" in text and "3.338" in text and "trễ hạn 2" in text and "từng tháng" in text


@needs_seeds
def test_seed_002_no_date_split_title_byline():
    page = read(SEED_002)
    assert isinstance(page, ImportedPage)
    assert page.title == ("Huyện Kiến Thuỵ tập trung thực hiện đồng bộ các giải pháp để xây dựng "
                          "thành công huyện NTM vào năm 2025")
    assert page.date == "" and page.draft
    assert page.category == "" and page.period == ""
    assert page.author == "Mai Chi"
    paragraphs = page.texts("para")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Tiếp tục hành trình xây dựng NTM, giai đoạn 2020 - 2025")
    assert paragraphs[-1].startswith("Để đạt mục tiêu trên")
    assert page.repeated_dropped == 0
    markdown = importer.to_markdown(page)
    body = body_of(markdown)
    # the title repeated over two lines at the top of the body is gone
    assert "Huyện Kiến Thuỵ tập trung thực hiện đồng bộ các giải pháp\n" not in body
    assert "để xây dựng thành công huyện NTM vào năm 2025" not in body
    assert "Mai Chi" not in body
    assert "NTM kiểu mẫu. Những ngày này" in body  # runs of spaces collapsed
    assert_clean(markdown)
    fm = front_matter(markdown)
    assert fm == {"title": page.title, "author": "Mai Chi", "draft": True}
    assert "\n# TODO: điền ngày đăng bài (date: " in markdown
    assert any("không ghi ngày" in w for w in page.warnings)


@needs_seeds
def test_seed_003_monthly_bulletin_structure():
    page = read(SEED_003)
    assert isinstance(page, ImportedPage)
    assert page.title == "Bản tin nông thôn mới tháng 7/2023"
    assert page.is_bulletin and page.period == "2023-07"
    assert page.category == "Nông thôn mới"
    assert page.author == "Bản tin NTM"
    assert page.date == "" and page.draft
    assert page.texts("heading") == ["1. Về công tác chỉ đạo, điều hành", "2. Kết quả thực hiện",
                                     "3. Nhiệm vụ thời gian tới"]
    items = page.texts("item")
    assert len(items) == 6
    assert items[0].startswith("Đôn đốc 03 xã Nguyên Lý, Công Lý, Tiến Thắng")
    assert items[-1].startswith("Các ngành liên quan căn cứ chức năng")
    assert [s.split(":")[0] for s in page.texts("subitem")] == ["Xã Nguyên Lý", "Xã Công Lý", "Xã Tiến Thắng"]
    paragraphs = page.texts("para")
    assert len(paragraphs) == 7
    assert paragraphs[-1].startswith("* Bên cạnh những kết quả đạt được")
    assert page.repeated_dropped == 0
    markdown = importer.to_markdown(page)
    body = body_of(markdown)
    assert "\n## 1. Về công tác chỉ đạo, điều hành\n" in body
    assert "\n## 3. Nhiệm vụ thời gian tới\n" in body
    assert "\n- Đôn đốc 03 xã Nguyên Lý" in body
    assert "\n    - Xã Nguyên Lý: đạt 17/19 tiêu chí" in body
    assert "\n    - Xã Công Lý: đạt 16/19 tiêu chí" in body
    assert "\n\\* Bên cạnh những kết quả" in body  # a paragraph, not a list
    assert body.count("Bản tin nông thôn mới tháng 7/2023") == 0
    assert "Bản tin NTM" not in body and "Bản tin Nông thôn mới" not in body
    assert_clean(markdown)
    fm = front_matter(markdown)
    assert fm == {"title": page.title, "period": "2023-07", "category": "Nông thôn mới",
                  "author": "Bản tin NTM", "draft": True}
    assert '# TODO: điền ngày đăng bài (date: "2023-07-31 08:00:00")' in markdown


@needs_seeds
def test_rendered_bulletin_lists_nest():
    import markdown as md

    html = md.markdown(body_of(importer.to_markdown(read(SEED_003))))
    assert "<h2>1. Về công tác chỉ đạo, điều hành</h2>" in html
    assert re.search(r"<li>Đôn đốc 03 xã[^<]*\s*<ul>\s*<li>Xã Nguyên Lý", html)
    assert "<p>* Bên cạnh" in html


# --- other portal families (made-up pages) ------------------------------------------------

@needs_bs4
def test_sharepoint_html_bulletin():
    page = read(FIXTURES / "sharepoint-ban-tin.html")
    assert isinstance(page, ImportedPage)
    assert page.title == "Bản tin văn hóa - xã hội tháng 8/2023"
    assert page.period == "2023-08" and page.date == "2023-08-31 16:20"
    assert page.category == "Văn hóa - Xã hội"
    assert page.author == "Ban Văn hóa xã"
    headings = [(b.level, b.text) for b in page.blocks if b.kind == "heading"]
    assert headings == [(2, "I. TÌNH HÌNH CHUNG"), (3, "1. Công tác văn hóa, thông tin"),
                        (3, "2. Công tác giáo dục"), (2, "II. NHIỆM VỤ THÁNG 9")]
    assert page.texts("item") == [
        "Treo 40 băng rôn, khẩu hiệu trên các trục đường chính.",
        "Tổ chức 02 buổi chiếu phim lưu động tại nhà văn hóa thôn.",
        "Hoàn thành tuyển sinh vào lớp 1 và lớp 6 năm học 2023 - 2024.",
        "Sửa chữa 06 phòng học trước ngày khai giảng"]
    assert page.texts("subitem") == ["Thôn Bắc: 01 buổi, khoảng 150 người xem.",
                                     "Thôn Nam: 01 buổi, khoảng 120 người xem.",
                                     "Trường tiểu học: 04 phòng.", "Trường mầm non: 02 phòng."]
    assert len(page.texts("para")) == 3
    assert page.masthead.name == "Cổng thông tin điện tử xã Tân Phú"
    assert page.masthead.parent == "huyện Nam Đàn"
    assert page.masthead.editor_in_chief == "Lê Thị Hoa - Phó Chủ tịch UBND xã"
    assert (page.masthead.phone, page.masthead.email) == ("0238 3600 111", "ubnd.tanphu@example.vn")
    assert_clean(importer.to_markdown(page))


@needs_bs4
def test_vendor_cms_html_with_related_list_after_byline():
    page = read(FIXTURES / "cms-tin-lien-quan.html")
    assert isinstance(page, ImportedPage)
    assert page.title == "Xã Đồng Tâm ra quân tổng vệ sinh môi trường đón Tết"
    assert page.date == "2023-01-14 07:45"
    assert page.category == "Môi trường"  # from the breadcrumb
    assert page.author == "Hoàng Lan"
    assert page.summary.startswith("Sáng 14/1, hơn 500 đoàn viên")
    assert page.tags == ("môi trường", "vệ sinh", "Tết")
    assert len(page.texts("para")) == 3
    assert page.texts("para")[-1].startswith("Ông Nguyễn Văn Thịnh")
    assert (page.tthc.received, page.tthc.on_time, page.tthc.late) == (1204, 1186, 18)
    assert page.tthc.updated == "2023-01-13 17:02:45"
    assert page.masthead.name == "Trang thông tin điện tử xã Đồng Tâm"
    markdown = importer.to_markdown(page)
    assert_clean(markdown)
    assert front_matter(markdown)["tags"] == ["môi trường", "vệ sinh", "Tết"]


@needs_bs4
def test_html_page_with_images_captions_and_placeholders():
    page = read(FIXTURES / "trang-co-anh.html")
    assert isinstance(page, ImportedPage)
    assert page.title == "Khai mạc hội thi gói bánh chưng các thôn năm 2024"
    assert page.category == "Văn hóa - xã hội"
    assert page.date == "2024-02-02 08:30" and page.author == "Thu Hà"
    assert page.texts("caption") == ["Ảnh: Các đội thi gói bánh chưng tại sân nhà văn hóa",
                                     "Lãnh đạo xã trao giải cho các đội đạt giải"]
    assert [b.src for b in page.blocks if b.kind == "image"] == [
        "trang-co-anh_files/hoi-thi.png", "https://cong-cu.example.vn/Uploads/2024/trao-giai.jpg"]
    assert len(page.texts("para")) == 3
    assert_clean(importer.to_markdown(page))


def test_text_page_with_date_before_title_and_related_list():
    page = read(FIXTURES / "ngay-truoc-tieu-de.txt")
    assert isinstance(page, ImportedPage)
    assert page.title == "Công an xã tuyên truyền phòng chống lừa đảo qua mạng cho người cao tuổi"
    assert page.date == "2023-09-12 15:05"
    assert page.category == "An ninh trật tự"
    assert page.author == "Đức Anh"
    assert page.texts("item") == ["Không cung cấp mã OTP cho bất kỳ ai.",
                                  "Không chuyển tiền khi chưa xác minh người nhận.",
                                  "Báo ngay cho công an xã khi nghi ngờ bị lừa đảo."]
    assert_clean(importer.to_markdown(page))


def test_page_without_title_is_a_problem_with_reason():
    problem = read(FIXTURES / "khong-tieu-de.txt")
    assert isinstance(problem, ImportProblem)
    assert problem.code == "no_title" and "tiêu đề" in problem.reason


# --- small rules -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("23/02/2022 08:40:17", ("2022-02-23", "08:40:17")),
    ("Thứ Năm, 23/02/2022 - 08:40", ("2022-02-23", "08:40")),
    ("08:40 23-2-2022", ("2022-02-23", "08:40")),
    ("Ngày đăng: 5.3.2023", ("2023-03-05", "")),
    ("2024-02-02T08:30:00+07:00", ("2024-02-02", "08:30:00")),
    ("31/02/20222", None),
])
def test_find_datetime(text, expected):
    assert find_datetime(text) == expected


def test_date_line_is_only_a_date():
    assert is_date_line("Thứ Ba, 12/09/2023 | 15:05")
    assert is_date_line("Ngày 02/02/2024 lúc 08:30")
    assert not is_date_line("Hội nghị tổng kết ngày 12/09/2023 tại hội trường")


@pytest.mark.parametrize("text, expected", [
    ("NÔNG THÔN MỚI", "Nông thôn mới"),
    ("VĂN HÓA - XÃ HỘI", "Văn hóa - xã hội"),
    ("TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN", "Trang thông tin điện tử xã Lam Sơn"),
    ("UBND THỊ TRẤN NAM SÁCH", "UBND thị trấn Nam Sách"),
])
def test_sentence_case(text, expected):
    assert sentence_case(text) == expected


def test_lines_differing_in_figures_are_not_duplicates():
    text = ("Tiêu đề bài thử về kết quả các xã\n01/02/2023 08:00\n\n"
            "- Xã A: đạt 17/19 tiêu chí với 54/57 chỉ tiêu nông thôn mới nâng cao năm nay.\n"
            "- Xã B: đạt 16/19 tiêu chí với 53/57 chỉ tiêu nông thôn mới nâng cao năm nay.\n")
    page = parse_text(text)
    assert isinstance(page, ImportedPage) and len(page.texts("item")) == 2


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.sampled_from(
    ["", "NÔNG THÔN MỚI", "23/02/2022 08:40:17", "- mục", "+ mục con", "Mai Chi", "TIN MỚI",
     "Kết quả giải quyết TTHC", "Hôm nay: 1", "Địa chỉ: x", "1. Về công tác", "* Bên cạnh"])),
    max_size=30))
def test_parser_never_raises(lines):
    result = parse_text("\n".join(lines), "x.txt")
    assert isinstance(result, (ImportedPage, ImportProblem))
    if isinstance(result, ImportedPage):
        fm = front_matter(importer.to_markdown(result))
        assert fm["title"] == result.title


@needs_bs4
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_html_parser_never_raises(text):
    result = importer.parse_html(f"<html><body><p>{text}</p><h1>{text}</h1></body></html>", "x.html")
    assert isinstance(result, (ImportedPage, ImportProblem))


# --- the command: python build.py import ------------------------------------------------------

def pages_dir(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "trang-cu"
    folder.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, folder / file.name)
        saved = file.parent / (file.stem + "_files")
        if saved.is_dir():
            shutil.copytree(saved, folder / saved.name, dirs_exist_ok=True)
    return folder


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_seeds
def test_cli_imports_seeds_and_prints_summary_and_suggestions(tmp_path, capsys):
    content = tmp_path / "content"
    code = main(["import", str(SEEDS), "--to", str(content / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 0
    written = sorted(str(p.relative_to(content)) for p in content.rglob("*.md"))
    assert written == [
        "ban-tin/2023/ban-tin-nong-thon-moi-thang-7-2023.md",
        "tin-tuc/2022/buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao.md",
        "tin-tuc/huyen-kien-thuy-tap-trung-thuc-hien-dong-bo-cac-giai-phap-de-xay-dung-thanh.md",
    ]
    assert "Tổng kết: đã nhập 3 trang (1 bản tin, 2 bài nháp vì trang không ghi ngày)." in out
    assert "Gợi ý cho" in out and "site.yml" in out and "tthc.yml" in out
    site_yaml = out.split("site.yml (lấy từ chân trang", 1)[1].split("\n", 1)[1].split("\n\n", 1)[0]
    assert yaml.safe_load(site_yaml)["masthead"]["phone"] == "0979086097"
    assert 'updated: "2023-12-11 10:17:19"' in out
    assert "Traceback" not in out
    for file in content.rglob("*.md"):
        assert_clean(file.read_text(encoding="utf-8"))


@needs_seeds
@needs_bs4
def test_dry_run_writes_nothing(tmp_path, capsys):
    content = tmp_path / "content"
    (content / "tin-tuc").mkdir(parents=True)
    (content / "site.yml").write_text("name: X\n", encoding="utf-8")
    before = files_under(content)
    src = pages_dir(tmp_path, SEED_000, SEED_003, FIXTURES / "trang-co-anh.html")
    code = main(["import", str(src), "--to", str(content / "tin-tuc"), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert files_under(content) == before
    assert out.count("Sẽ nhập: ") == 3
    assert "chưa ghi tệp nào" in out


@needs_seeds
def test_never_overwrites_an_existing_file(tmp_path, capsys):
    content = tmp_path / "content"
    target = content / "tin-tuc" / "2022" / "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao.md"
    target.parent.mkdir(parents=True)
    target.write_text("bản nháp viết tay, không có phần đầu bài\n", encoding="utf-8")
    code = main(["import", str(SEED_000), str(SEED_002), "--to", str(content / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 1
    assert target.read_text(encoding="utf-8") == "bản nháp viết tay, không có phần đầu bài\n"
    assert "không ghi đè" in out and "trùng tên tệp đã có" in out
    assert "đã nhập 1 trang" in out  # the other page still went through


@needs_seeds
def test_same_page_is_never_imported_twice(tmp_path, capsys):
    content = tmp_path / "content"
    src = pages_dir(tmp_path, SEED_000, SEED_002, SEED_003)
    shutil.copy(SEED_000, src / "ban-sao-cua-000.txt")  # the same page saved twice
    assert main(["import", str(src), "--to", str(content / "tin-tuc")]) == 0
    first = capsys.readouterr().out
    assert "đã nhập 3 trang" in first and "Bỏ qua 1 trang đã nhập trước đó" in first
    snapshot = files_under(content)
    assert main(["import", str(src), "--to", str(content / "tin-tuc")]) == 0  # run again
    again = capsys.readouterr().out
    assert files_under(content) == snapshot
    assert "đã nhập 0 trang" in again and "Bỏ qua 4 trang đã nhập trước đó" in again
    assert again.count(": đã có bài cùng tiêu đề và ngày đăng: ") == 2
    assert again.count(": đã có bài cùng tiêu đề (trang cũ không ghi ngày): ") == 2


@needs_seeds
def test_same_title_other_date_gets_its_own_address(tmp_path, capsys):
    content = tmp_path / "content"
    old = content / "tin-tuc" / "2023" / "bai-cu.md"
    old.parent.mkdir(parents=True)
    old.write_text('---\ntitle: "Bước đầu triển khai xây dựng nông thôn mới nâng cao"\n'
                   'date: "2023-02-20 08:40:17"\n---\nBài viết lại.\n', encoding="utf-8")
    assert main(["import", str(SEED_000), "--to", str(content / "tin-tuc")]) == 0
    out = capsys.readouterr().out
    written = content / "tin-tuc" / "2022" / "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao-2022-02-23.md"
    assert front_matter(written.read_text(encoding="utf-8"))["slug"] == \
        "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao-2022-02-23"
    assert "đã dùng địa chỉ" in out


@needs_seeds
def test_no_title_is_skipped_with_reason_and_the_rest_go_on(tmp_path, capsys):
    content = tmp_path / "content"
    src = pages_dir(tmp_path, SEED_000, FIXTURES / "khong-tieu-de.txt")
    code = main(["import", str(src), "--to", str(content / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 1
    assert "khong-tieu-de.txt: không tìm thấy tiêu đề bài" in out
    assert "Bỏ qua 1 trang vì lỗi: 1 không tìm thấy tiêu đề." in out
    assert len(list(content.rglob("*.md"))) == 1


@needs_seeds
def test_no_date_is_imported_as_draft_and_reported(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["import", str(SEED_002), "--to", str(content / "tin-tuc")]) == 0
    out = capsys.readouterr().out
    assert "không ghi ngày đăng" in out and "1 bài nháp" in out
    (written,) = content.rglob("*.md")
    fm = front_matter(written.read_text(encoding="utf-8"))
    assert fm["draft"] is True and "date" not in fm


def test_category_option_overrides(tmp_path, capsys):
    content = tmp_path / "content"
    code = main(["import", str(FIXTURES / "ngay-truoc-tieu-de.txt"), "--to", str(content / "thong-bao"),
                 "--category", "  An ninh   quốc phòng "])
    assert code == 0
    (written,) = (content / "thong-bao").rglob("*.md")
    assert front_matter(written.read_text(encoding="utf-8"))["category"] == "An ninh quốc phòng"


@needs_bs4
def test_html_images_saved_beside_the_page_are_copied(tmp_path, capsys):
    content = tmp_path / "content"
    src = pages_dir(tmp_path, FIXTURES / "trang-co-anh.html")
    assert main(["import", str(src), "--to", str(content / "tin-tuc")]) == 0
    out = capsys.readouterr().out
    (written,) = content.rglob("*.md")
    markdown = written.read_text(encoding="utf-8")
    fm = front_matter(markdown)
    assert fm["image"] == "media/2024/khai-mac-hoi-thi-goi-banh-chung-cac-thon-nam-2024-1.png"
    assert fm["image_alt"] == "Các đội thi gói bánh chưng tại sân nhà văn hóa"
    assert (content / fm["image"]).read_bytes() == (src / "trang-co-anh_files" / "hoi-thi.png").read_bytes()
    assert "*Lãnh đạo xã trao giải cho các đội đạt giải*" in markdown  # the remote image's caption
    assert "trao-giai.jpg chưa được tải về" in out
    assert len(list(content.rglob("*.md"))) == 1  # the _files folder is not read as pages


def test_usage_errors_and_help(tmp_path, capsys):
    assert main(["import", str(tmp_path / "khong-co")]) == 2
    assert "không tìm thấy" in capsys.readouterr().err
    assert main(["import", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Ví dụ:" in out and "--dry-run" in out and "--category" in out


def test_unreadable_input_is_reported_not_raised(tmp_path, capsys):
    src = tmp_path / "cu"
    src.mkdir()
    (src / "latin1.txt").write_bytes("Tiêu đề bài thử nghiệm có dấu\n".encode("utf-8")[:-4] + b"\xe0\xe1\n")
    (src / "rong.txt").write_bytes(b"")
    code = main(["import", str(src), "--to", str(tmp_path / "content" / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 1
    assert "UTF-8" in out and "tệp rỗng" in out and "Traceback" not in out


# --- finally: the imported articles build into a site -----------------------------------------

SITE_YML = """\
name: Trang thông tin điện tử xã Lam Sơn
masthead:
  editor_in_chief: Nguyễn Văn A - Chủ tịch UBND xã
"""


def _fill_in_dates(content: Path) -> None:
    """What the editor does for drafts: write the date, drop draft and the TODO line."""
    for file in content.rglob("*.md"):
        text = file.read_text(encoding="utf-8")
        if "draft: true" in text:
            text = text.replace("draft: true\n", 'date: "2023-07-31 08:00:00"\n')
            text = re.sub(r"# TODO:.*\n", "", text)
            file.write_text(text, encoding="utf-8")


@needs_seeds
@needs_bs4
def test_imported_articles_build_into_a_site(tmp_path, capsys):
    pytest.importorskip("generator.commands.build")
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    src = pages_dir(tmp_path, SEED_000, SEED_002, SEED_003, *sorted(FIXTURES.glob("*.html")),
                    FIXTURES / "ngay-truoc-tieu-de.txt")
    assert main(["import", str(src), "--to", str(content / "tin-tuc")]) == 0
    capsys.readouterr()

    out = tmp_path / "public"
    code = main(["--content", str(content), "--output", str(out), "--theme", str(THEME)])
    log = capsys.readouterr()
    assert code == 0, log.out + log.err
    page = out / "tin-tuc" / "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<h1>Bước đầu triển khai xây dựng nông thôn mới nâng cao</h1>" in html
    article = html.split('<div class="body">', 1)[1].split("</article>", 1)[0]
    assert article.count("được xác định là chương trình có điểm khởi đầu") == 1
    assert article.count("<p>") == 5
    for junk in ("Skip Ribbon", "image advertisement", "Số hồ sơ xử lý", "Trương Mậu Nhân", "Đang truy cập"):
        assert junk not in html
    assert (out / "ban-tin" / "ban-tin-van-hoa-xa-hoi-thang-8-2023" / "index.html").is_file()
    # the imported photo is published as resized variants (issue 13), not as the original file
    assert list((out / "media" / "2024").glob("khai-mac-hoi-thi-goi-banh-chung-cac-thon-nam-2024-1.*.webp"))
    # drafts (no date on the old page) are not published until the editor dates them
    assert not (out / "ban-tin" / "ban-tin-nong-thon-moi-thang-7-2023").exists()

    _fill_in_dates(content)
    out2 = tmp_path / "public2"
    code = main(["--content", str(content), "--output", str(out2), "--theme", str(THEME)])
    log = capsys.readouterr()
    assert code == 0, log.out + log.err
    bulletin = (out2 / "ban-tin" / "ban-tin-nong-thon-moi-thang-7-2023" / "index.html").read_text(encoding="utf-8")
    assert "<h2>1. Về công tác chỉ đạo, điều hành</h2>" in bulletin
    assert "Bản tin NTM" in bulletin  # the byline
    kien_thuy = out2 / "tin-tuc" / ("huyen-kien-thuy-tap-trung-thuc-hien-dong-bo-cac-giai-phap-de-xay-dung-"
                                    "thanh-cong-huyen-ntm-vao-nam-2025") / "index.html"
    assert "Mai Chi" in kien_thuy.read_text(encoding="utf-8")


def test_site_name_above_the_title_is_not_a_category():
    page = parse_text("UBND XÃ ĐỒNG TÂM\nTổ chức lễ ra quân nhập ngũ năm 2024\n20/02/2024 07:30\n\n"
                      "Sáng 20/2, xã tổ chức lễ giao nhận quân cho 15 thanh niên lên đường nhập ngũ.\n")
    assert isinstance(page, ImportedPage)
    assert page.title == "Tổ chức lễ ra quân nhập ngũ năm 2024" and page.category == ""


@needs_bs4
def test_to_must_be_a_section_folder(tmp_path, capsys):
    page = FIXTURES / "ngay-truoc-tieu-de.txt"
    assert main(["import", str(page), "--to", str(tmp_path / "content")]) == 2
    assert "chuyên trang" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()
    # a folder inside a section is fine; bulletins still go to the section beside it
    year_folder = tmp_path / "content" / "tin-tuc" / "luu-tru"
    assert main(["import", str(page), str(FIXTURES / "sharepoint-ban-tin.html"), "--to", str(year_folder)]) == 0
    capsys.readouterr()
    written = sorted(str(p.relative_to(tmp_path / "content")) for p in (tmp_path / "content").rglob("*.md"))
    assert written == ["ban-tin/2023/ban-tin-van-hoa-xa-hoi-thang-8-2023.md",
                       "tin-tuc/luu-tru/2023/cong-an-xa-tuyen-truyen-phong-chong-lua-dao-qua-mang-cho-nguoi-cao-tuoi.md"]


@needs_seeds
def test_undated_page_dated_by_the_editor_is_not_imported_again(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["import", str(SEED_002), str(SEED_003), "--to", str(content / "tin-tuc")]) == 0
    _fill_in_dates(content)
    snapshot = files_under(content)
    assert main(["import", str(SEED_002), str(SEED_003), "--to", str(content / "tin-tuc")]) == 0
    out = capsys.readouterr().out
    assert files_under(content) == snapshot
    assert "Bỏ qua 2 trang đã nhập trước đó" in out


def test_html_without_beautifulsoup_is_reported_not_raised(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(importer.parse, "html_available", lambda: False)
    code = main(["import", str(FIXTURES / "cms-tin-lien-quan.html"), str(FIXTURES / "ngay-truoc-tieu-de.txt"),
                 "--to", str(tmp_path / "content" / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 1
    assert "pip install beautifulsoup4" in out and "đã nhập 1 trang" in out
