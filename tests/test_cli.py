"""``python build.py`` as an editor runs it: exit codes, messages, the previous site kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import article, make_site, run_build


def tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def build(content: Path, out: Path, *extra: str):
    return run_build("--content", str(content), "--output", str(out), *extra)


def test_success_prints_a_one_line_summary(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/a.md": article("Bài một"), "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nXã…\n"})
    result = build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Đã tạo ") and " trang " in lines[0] and "giây" in lines[0]


def test_all_errors_are_listed_and_the_previous_site_is_untouched(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/a.md": article("Bài một")})
    out = tmp_path / "out"
    assert build(content, out).returncode == 0
    before = tree_hash(out)

    (content / "tin-tuc" / "le-hoi.md").write_text("---\ntitle: Lễ hội\ndate: 31/02/2023\n---\nx\n", encoding="utf-8")
    (content / "tin-tuc" / "khong-tieu-de.md").write_text("---\ndate: 2023-01-01\n---\nx\n", encoding="utf-8")
    (content / "thong-bao").mkdir()
    (content / "thong-bao" / "loi-yaml.md").write_text("---\ntitle: a: b\ndate: 2023-01-01\n---\n", encoding="utf-8")
    (content / "tthc.yml").write_text("months:\n  - {month: 2023-01, on_time: -5, late: 0}\n", encoding="utf-8")
    result = build(content, out)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    err = result.stderr
    assert 'tin-tuc/le-hoi.md:3: ngày "31/02/2023" không hợp lệ — dùng dạng 23/02/2022 08:40:17' in err
    assert 'tin-tuc/khong-tieu-de.md:2: thiếu trường bắt buộc "title"' in err
    assert 'thong-bao/loi-yaml.md:2: giá trị có dấu hai chấm ":" mà không đặt trong ngoặc kép — đặt cả giá trị trong ngoặc kép: title: "a: b"' in err
    assert "tthc.yml:2: dòng số liệu tháng 1/2023: on_time là số âm" in err
    assert "4 lỗi" in err and "giữ nguyên" in err
    assert tree_hash(out) == before


def test_two_articles_with_the_same_url_name_both_files(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/2023/hop-dan.md": article("Họp dân"),
                                   "tin-tuc/2024/hop-dan.md": article("Họp dân", "2024-01-01")})
    result = build(content, tmp_path / "out")
    assert result.returncode == 1
    assert "tin-tuc/2023/hop-dan.md" in result.stderr and "tin-tuc/2024/hop-dan.md" in result.stderr
    assert "/tin-tuc/hop-dan/" in result.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2_in_vietnamese(tmp_path):
    result = run_build("--content", str(tmp_path / "khong-co"))
    assert result.returncode == 2 and "không tìm thấy thư mục nội dung" in result.stderr
    result = run_build("--khong-biet")
    assert result.returncode == 2 and "tham số không nhận ra" in result.stderr
    result = run_build("--base-url", "lamson.example.vn", "--output", str(tmp_path / "out"))
    assert result.returncode == 2 and "không phải địa chỉ web" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_is_in_vietnamese():
    result = run_build("--help")
    assert result.returncode == 0
    for text in ("Cách dùng:", "--drafts", "--base-url", "Ví dụ:", "hiện hướng dẫn này"):
        assert text in result.stdout


def test_missing_site_yml(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/a.md": article("A")}, site_yml=None)
    result = build(content, tmp_path / "out")
    assert result.returncode == 1 and "site.yml" in result.stderr and "masthead" in result.stderr


def test_future_articles_wait_and_drafts_flag_shows_them_marked(tmp_path):
    content = make_site(tmp_path, {
        "tin-tuc/a.md": article("Đã đăng", "2023-01-01"),
        "tin-tuc/b.md": article("Hẹn giờ", "2099-01-01 08:00"),
        "tin-tuc/c.md": article("Bản nháp", "2023-02-01", draft=True),
    })
    out = tmp_path / "out"
    assert build(content, out).returncode == 0
    assert not (out / "tin-tuc" / "hen-gio").exists() and not (out / "tin-tuc" / "ban-nhap").exists()
    listing = (out / "tin-tuc" / "index.html").read_text(encoding="utf-8")
    assert "Hẹn giờ" not in listing and "Bản nháp" not in listing

    preview = tmp_path / "preview"
    assert build(content, preview, "--drafts").returncode == 0
    draft = BeautifulSoup((preview / "tin-tuc" / "ban-nhap" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Bản nháp — chưa xuất bản" in draft.get_text()
    future = BeautifulSoup((preview / "tin-tuc" / "hen-gio" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Hẹn giờ đăng — chưa xuất bản" in future.get_text()
    assert future.find("p", class_="preview-banner") is not None


def test_base_url_option_makes_feed_and_canonical(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/a.md": article("A & B <c>")})
    out = tmp_path / "out"
    assert build(content, out, "--base-url", "https://xa.example.vn").returncode == 0
    page = BeautifulSoup((out / "tin-tuc" / "a-b-c" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://xa.example.vn/tin-tuc/a-b-c/"
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<title>A &amp; B &lt;c&gt;</title>" in feed
    assert "https://xa.example.vn/tin-tuc/a-b-c/" in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_category_pagination_through_the_command(tmp_path):
    files = {f"tin-tuc/bai-{i:02d}.md": article(f"Bài số {i:02d}", f"2023-01-{i % 28 + 1:02d} 08:{i:02d}",
                                                category="Kinh tế") for i in range(45)}
    content = make_site(tmp_path, files)
    out = tmp_path / "out"
    assert build(content, out).returncode == 0
    page2 = BeautifulSoup((out / "chuyen-muc" / "kinh-te" / "trang-2" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page2.find_all("li", class_="item")) == 20
    nav = page2.find("nav", class_="pagination")
    assert [a.get_text(strip=True).replace("Trang", "") for a in nav.find_all("a") if not a.get("rel")] == ["1", "2", "3"]
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(strip=True) == "2"
    assert (out / "chuyen-muc" / "kinh-te" / "trang-3" / "index.html").is_file()
    assert not (out / "chuyen-muc" / "kinh-te" / "trang-4").exists()


def test_a_broken_theme_is_reported_not_a_traceback(tmp_path):
    import shutil

    from tests.conftest import THEME
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    page = theme / "templates" / "page.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1>", "{{ article.date|iso }}<h1>"), encoding="utf-8")
    content = make_site(tmp_path, {"trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nx\n"})
    out = tmp_path / "out"
    result = run_build("--content", str(content), "--theme", str(theme), "--output", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "page.html:" in result.stderr and "lỗi trong giao diện" in result.stderr
    assert not out.exists()

    (theme / "templates" / "list.html").write_text("{% for x in %}", encoding="utf-8")
    result = run_build("--content", str(content), "--theme", str(theme), "--output", str(out))
    assert result.returncode == 1 and "list.html:1: lỗi trong giao diện" in result.stderr
