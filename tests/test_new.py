"""``python build.py new``: a new draft with filled-in front matter, that then builds."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import yaml

from generator.cli import main
from generator.content_types import BULLETIN_HEADINGS
from generator.text import VIETNAM_TZ, parse_datetime, slugify
from tests.conftest import ROOT, THEME, make_site, run_build


def run_new(cwd, *args, author=None):
    env = dict(os.environ)
    env.pop("BANTIN_AUTHOR", None)
    if author is not None:
        env["BANTIN_AUTHOR"] = author
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "new", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    head, body = text.split("---\n", 2)[1:]
    return yaml.safe_load(head), body


def test_new_article_has_front_matter_and_then_builds(tmp_path):
    make_site(tmp_path, {})
    title = "Hội nghị tiếp xúc cử tri đợt 2"
    before = datetime.now(VIETNAM_TZ).replace(microsecond=0)
    result = run_new(tmp_path, "tin-tuc", title, author="Mai Chi")
    after = datetime.now(VIETNAM_TZ)
    assert result.returncode == 0, result.stderr
    rel = result.stdout.strip()
    meta, _ = front_matter(tmp_path / rel)
    assert meta["title"] == title
    assert meta["category"] == "Tin tức"
    assert meta["author"] == "Mai Chi"
    assert meta["draft"] is True
    written = parse_datetime(meta["date"])
    assert before - timedelta(seconds=1) <= written <= after  # now, in Việt Nam time
    assert rel == f"content/tin-tuc/{written.year}/{slugify(title)}.md"

    built = run_build("--drafts", "--content", "content", "--theme", str(THEME), "--output", "out",
                      cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    page = tmp_path / "out" / "tin-tuc" / slugify(title) / "index.html"
    assert title in page.read_text(encoding="utf-8")
    # a draft is never published by the normal build
    published = run_build("--content", "content", "--theme", str(THEME), "--output", "pub", cwd=tmp_path)
    assert published.returncode == 0, published.stderr
    assert not (tmp_path / "pub" / "tin-tuc" / slugify(title)).exists()


def test_author_is_empty_without_the_environment_variable(tmp_path):
    make_site(tmp_path, {})
    result = run_new(tmp_path, "thong-bao", "Lịch tiếp công dân")
    assert result.returncode == 0, result.stderr
    meta, _ = front_matter(tmp_path / result.stdout.strip())
    assert meta["author"] == "" and meta["category"] == "Thông báo"


def test_refuses_to_overwrite(tmp_path):
    make_site(tmp_path, {})
    first = run_new(tmp_path, "tin-tuc", "Bài trùng tên")
    path = tmp_path / first.stdout.strip()
    path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn đã viết.\n", encoding="utf-8")
    kept = path.read_text(encoding="utf-8")
    second = run_new(tmp_path, "tin-tuc", "Bài trùng tên")
    assert second.returncode == 1
    assert first.stdout.strip() in second.stderr and "không ghi đè" in second.stderr
    assert path.read_text(encoding="utf-8") == kept


def test_refuses_a_file_name_used_in_another_year(tmp_path):
    make_site(tmp_path, {"tin-tuc/2020/bai-cu.md": "---\ntitle: Bài cũ\ndate: 2020-01-01\n---\n\nCũ.\n"})
    result = run_new(tmp_path, "tin-tuc", "Bài cũ")
    assert result.returncode == 1
    assert "content/tin-tuc/2020/bai-cu.md" in result.stderr


def test_bulletin_for_a_month_has_the_usual_headings_and_builds(tmp_path):
    make_site(tmp_path, {})
    result = run_new(tmp_path, "ban-tin", "--period", "2023-07")
    assert result.returncode == 0, result.stderr
    path = tmp_path / result.stdout.strip()
    assert path.parent.name == "2023"
    meta, body = front_matter(path)
    assert meta["period"] == "2023-07" and meta["draft"] is True
    assert "tháng 7/2023" in meta["title"]
    positions = [body.index(f"## {heading}") for heading in BULLETIN_HEADINGS]
    assert positions == sorted(positions)
    built = run_build("--drafts", "--content", "content", "--theme", str(THEME), "--output", "out",
                      cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "out" / "ban-tin" / path.stem / "index.html").read_text(encoding="utf-8")
    assert BULLETIN_HEADINGS[1] in html


def test_page_section_has_no_year_folder(tmp_path):
    make_site(tmp_path, {})
    result = run_new(tmp_path, "trang", "Liên hệ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/trang/lien-he.md"


def test_usage_errors_are_explained_in_vietnamese(tmp_path, capsys):
    make_site(tmp_path, {})
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["new"]) == 2
        assert "thiếu chuyên trang" in capsys.readouterr().err
        assert main(["new", "tin-tuc", "Bài", "--period", "2023-07"]) == 2
        assert main(["new", "ban-tin", "--period", "2023-13"]) == 2
        assert "không hợp lệ" in capsys.readouterr().err
        assert main(["new", "tin-tuc"]) == 2
        assert main(["new", "khong-co", "Bài"]) == 2
        assert "lựa chọn không hợp lệ" in capsys.readouterr().err
    finally:
        os.chdir(cwd)
    assert not any((tmp_path / "content").rglob("*.md"))


def test_help_is_vietnamese_with_an_example():
    result = run_build("new", "--help")
    assert result.returncode == 0
    assert "Ví dụ:" in result.stdout and 'python build.py new tin-tuc "' in result.stdout
    assert "BANTIN_AUTHOR" in result.stdout


def news(category, n, draft=False):
    from tests.conftest import article
    return article(f"Tin số {n} của chuyên mục {category}", category=category, body="Nội dung.",
                   **({"draft": True} if draft else {}))


def site_with_categories(tmp_path):
    make_site(tmp_path, {
        "tin-tuc/2024/a.md": news("Tin tức - Sự kiện", 1), "tin-tuc/2024/b.md": news("Tin tức - Sự kiện", 2),
        "tin-tuc/2024/c.md": news("Nông thôn mới", 3),
        "tin-tuc/2024/d.md": news("Nông thôn mới", 4, draft=True), "tin-tuc/2024/e.md": news("Nông thôn mới", 5, draft=True),
        "thong-bao/2024/f.md": news("Thông báo khẩn", 6),
    })


def test_new_takes_the_category_most_used_in_the_section(tmp_path):
    site_with_categories(tmp_path)
    result = run_new(tmp_path, "tin-tuc", "Hội nghị tổng kết năm")
    assert result.returncode == 0, result.stderr
    assert front_matter(tmp_path / result.stdout.strip())[0]["category"] == "Tin tức - Sự kiện"  # drafts do not count
    notice = run_new(tmp_path, "thong-bao", "Lịch cắt điện")
    assert front_matter(tmp_path / notice.stdout.strip())[0]["category"] == "Thông báo khẩn"


def test_category_option_uses_the_spelling_in_use_or_suggests_the_closest(tmp_path):
    site_with_categories(tmp_path)
    same = run_new(tmp_path, "tin-tuc", "Ra quân làm đường", "--category", "tin tuc - su kien")
    assert same.returncode == 0, same.stderr
    assert front_matter(tmp_path / same.stdout.strip())[0]["category"] == "Tin tức - Sự kiện"
    typo = run_new(tmp_path, "tin-tuc", "Làm đường thôn Đông", "--category", "Nông thông mới")
    assert typo.returncode == 2 and '"Nông thôn mới"' in typo.stderr and "--category" in typo.stderr
    assert not list((tmp_path / "content").rglob("lam-duong-thon-dong.md"))
    new = run_new(tmp_path, "tin-tuc", "Khám sức khoẻ", "--category", "Y tế")
    assert new.returncode == 0 and "chuyên mục mới" in new.stderr
    assert front_matter(tmp_path / new.stdout.strip())[0]["category"] == "Y tế"


def test_list_shows_sections_and_their_categories_with_counts(tmp_path):
    site_with_categories(tmp_path)
    result = run_new(tmp_path, "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    news_at = lines.index("tin-tuc (Tin tức): 3 bài")
    assert lines[news_at + 1:news_at + 3] == ["  Tin tức - Sự kiện: 2 bài", "  Nông thôn mới: 1 bài"]
    assert "thong-bao (Thông báo): 1 bài" in lines and "  Thông báo khẩn: 1 bài" in lines
    assert "ban-tin (Bản tin): 0 bài" in lines


def test_a_bulletin_without_period_is_this_months(tmp_path):
    make_site(tmp_path, {})
    now = datetime.now(VIETNAM_TZ)
    result = run_new(tmp_path, "ban-tin")
    assert result.returncode == 0, result.stderr
    meta, _ = front_matter(tmp_path / result.stdout.strip())
    later = datetime.now(VIETNAM_TZ)
    assert meta["period"] in (f"{now.year:04d}-{now.month:02d}", f"{later.year:04d}-{later.month:02d}")
    assert f"tháng {int(meta['period'][5:])}/{meta['period'][:4]}" in meta["title"]
