import pytest

from generator.content import first_paragraph_summary, parse_article, safe_content_path
from generator.source import Source
from tests.conftest import article


def parse(text, section="tin-tuc"):
    return parse_article(Source(f"content/{section}/2023/bai.md", text), section, None)


def test_a_complete_article():
    text = article("Bước đầu triển khai xây dựng nông thôn mới nâng cao", "23/02/2022 08:40:17",
                   "Đoạn mở đầu.\n\n## Mục\n\n- một\n- hai", category="Nông thôn mới",
                   author="Mai Chi", tags=["NTM", "giao thông"], image="media/a.jpg", image_alt="Ảnh")
    item, problems = parse(text)
    assert problems == []
    assert item.slug == "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao"
    assert item.url == "/tin-tuc/buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao/"
    assert item.date.isoformat() == "2022-02-23T08:40:17+07:00"
    assert item.category == "Nông thôn mới" and item.author == "Mai Chi"
    assert item.tags == ("NTM", "giao thông")
    assert item.summary == "Đoạn mở đầu."
    assert "<h2>Mục</h2>" in item.html and "<li>một</li>" in item.html


def test_defaults_category_and_summary():
    item, _ = parse(article("Tin", body="Câu thứ nhất.\n\nCâu thứ hai."), "thong-bao")
    assert item.category == "Thông báo"
    assert not item.category_given and not item.summary_given
    assert item.summary == "Câu thứ nhất."


def test_summary_is_cut_on_a_word_boundary():
    text = "Nông thôn mới " * 40
    summary = first_paragraph_summary(f"<p>{text}</p>", limit=50)
    assert summary.endswith("…")
    assert len(summary) <= 51
    assert summary[:-1].split()[-1] in ("Nông", "thôn", "mới")


def test_bulletin_needs_period():
    item, problems = parse(article("Bản tin tháng 7/2023"), "ban-tin")
    assert item is None and problems[0].code == "missing_period"
    item, problems = parse(article("Bản tin tháng 7/2023", period="2023-07"), "ban-tin")
    assert item.period == (2023, 7)


def test_pages_need_no_date():
    item, problems = parse("---\ntitle: Giới thiệu\n---\nXã Lam Sơn…\n", "trang")
    assert problems == [] and item.date is None and item.url == "/trang/gioi-thieu/"


def test_a_draft_may_lack_its_date_but_an_article_may_not():
    item, problems = parse("---\ntitle: Nháp\ndraft: true\n---\nx\n")
    assert problems == [] and item.draft
    item, problems = parse("---\ntitle: Không ngày\n---\nx\n")
    assert item is None and problems[0].code == "missing_field" and "date" in problems[0].message


def test_every_field_error_is_reported_with_its_line():
    text = ("---\ntitle: [a, b]\ndate: 31/02/2023\ntags: abc\ndraft: có\n"
            "image: ../../etc/passwd\nslug: Không Hợp Lệ\n---\nx\n")
    item, problems = parse(text)
    assert item is None
    by_code = {(p.code, p.line) for p in problems}
    assert ("field_type", 2) in by_code  # title a list
    assert ("bad_date", 3) in by_code
    assert ("field_type", 4) in by_code  # tags a string
    assert ("bad_draft", 5) in by_code
    assert ("bad_path", 6) in by_code
    assert ("bad_slug", 7) in by_code
    date_message = next(p.message for p in problems if p.code == "bad_date")
    assert date_message.startswith('ngày "31/02/2023" không hợp lệ — dùng dạng 23/02/2022 08:40:17')


def test_date_as_a_number_is_a_type_error():
    item, problems = parse("---\ntitle: A\ndate: 20230101\n---\n")
    assert item is None and problems[0].code == "field_type" and problems[0].line == 3


def test_missing_title():
    item, problems = parse("---\ndate: 2023-01-01\n---\nx")
    assert item is None and problems[0].code == "missing_field" and "title" in problems[0].message


@pytest.mark.parametrize("raw, safe", [
    ("media/a.jpg", "media/a.jpg"), ("/media/2023/a.jpg", "media/2023/a.jpg"),
    ("../../etc/passwd", None), ("media/../../x", None), ("C:\\Windows\\a.jpg", None),
    ("https://x.vn/a.jpg", None), ("", None),
])
def test_safe_content_path(raw, safe):
    assert safe_content_path(raw) == safe


def test_unknown_field_warns_with_a_suggestion():
    item, problems = parse(article("A", catgory="X"))
    assert item is not None
    assert problems[0].level == "warning" and '"category"' in problems[0].message


def test_body_links_are_made_relative_and_collected():
    item, _ = parse(article("A", body="[bài](/tin-tuc/b/) ![ảnh](media/x.jpg)"))
    assert 'href="../../tin-tuc/b/"' in item.html
    assert 'src="../../media/x.jpg"' in item.html
    assert item.links == ("/tin-tuc/b/",)
    assert item.images == (("/media/x.jpg", "ảnh"),)


def test_raw_html_is_sanitised():
    item, _ = parse(article("A", body='<script>alert(1)</script><p onclick="x()">a</p>'
                                       '<a href="javascript:alert(1)">b</a><iframe src="https://evil.example/"></iframe>'))
    assert "<script" not in item.html and "alert" not in item.html
    assert "onclick" not in item.html and "javascript:" not in item.html
    assert "<iframe" not in item.html


def test_a_heading_1_in_the_body_is_demoted():
    item, _ = parse(article("A", body="# Lớn\n\n## Nhỏ"))
    assert "<h1>" not in item.html
    assert "<h2>Lớn</h2>" in item.html and "<h3>Nhỏ</h3>" in item.html
