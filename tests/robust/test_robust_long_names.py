"""Issue 10.14 (parsing side): names too long for a file system, unreadable
media. Before: a ~360-character title (in build and in ``new``), a slug over
255 bytes, a very long category or tag name ended in "File name too long";
an unreadable media file in a traceback. Now: slugs made from titles and names
are cut to text.MAX_SLUG at a word; a ``slug:`` longer than that is an error
on its line; an unreadable file is named with the fix.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from generator.cli import main
from generator.text import MAX_SLUG, slugify
from tests.conftest import ROOT, THEME, article, make_site

LONG_TITLE = ("Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ "
              "phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2024 với sự tham dự của đại biểu "
              "các thôn, các đoàn thể chính trị - xã hội, các hợp tác xã, doanh nghiệp trên địa bàn và "
              "đông đảo nhân dân ở tất cả các thôn trong toàn xã, tổng kết phong trào thi đua yêu nước năm 2023")
LONG_NAME = "Chuyên mục " + "rất dài " * 60


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content: Path, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"])
    return code, capsys.readouterr().err


def test_slugs_are_cut_at_a_word():
    assert len(LONG_TITLE) > 340
    slug = slugify(LONG_TITLE)
    assert len(slug) <= MAX_SLUG and not slug.endswith("-")
    assert slugify(LONG_TITLE[:40]) == slug[:len(slugify(LONG_TITLE[:40]))]  # the start is kept
    assert slugify("a" * 400) == "a" * MAX_SLUG  # one long word: cut anyway
    assert slugify("Họp dân thôn Đông") == "hop-dan-thon-dong"  # short slugs unchanged


def test_a_very_long_title_category_and_tag_build(tmp_path, capsys):
    content = make_site(tmp_path, {"tin-tuc/2024/dai.md": article(title=LONG_TITLE, category=LONG_NAME,
                                                                  tags=[LONG_NAME + " thẻ"])})
    out = tmp_path / "public"
    code, err = build(content, out, capsys)
    assert code == 0 and "Traceback" not in err, err
    page = out / "tin-tuc" / slugify(LONG_TITLE) / "index.html"
    assert LONG_TITLE in page.read_text(encoding="utf-8")
    assert (out / "chuyen-muc" / slugify(LONG_NAME) / "index.html").is_file()


def test_a_slug_field_over_the_limit_is_an_error_on_its_line(tmp_path, capsys):
    content = make_site(tmp_path, {"tin-tuc/a.md": article(title="Bài tốt")})
    out = tmp_path / "public"
    assert build(content, out, capsys)[0] == 0
    before = digest(out)
    (content / "tin-tuc" / "b.md").write_text(article(title="Bài", slug="a-" * 150 + "b"), encoding="utf-8")
    code, err = build(content, out, capsys)
    assert code == 1 and "Traceback" not in err
    assert err.startswith("content/tin-tuc/b.md:4: slug") and "tối đa 150 ký tự" in err
    assert digest(out) == before


def test_new_with_a_very_long_title_makes_a_file_that_builds(tmp_path):
    make_site(tmp_path, {})
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "new", "tin-tuc", LONG_TITLE], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    (made,) = (tmp_path / "content" / "tin-tuc").rglob("*.md")
    assert len(made.name.encode()) <= MAX_SLUG + 3


def test_an_unreadable_media_file_is_named_not_a_traceback(tmp_path, capsys, monkeypatch):
    import generator.media as media

    content = make_site(tmp_path, {"tin-tuc/a.md": article(), "media/van-ban.pdf": b"%PDF-1.4"})
    real = media.read_regular

    def refuse(path, *args, **kwargs):
        if Path(path).name == "van-ban.pdf":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(media, "read_regular", refuse)
    code, err = build(content, tmp_path / "public", capsys)
    assert code == 1 and "Traceback" not in err
    assert any(line.endswith("content/media/van-ban.pdf: không đọc được tệp (Permission denied) — kiểm tra "
                             "quyền truy cập tệp") or line.startswith("content/media/van-ban.pdf: không đọc được tệp")
               for line in err.splitlines()), err
    assert not (tmp_path / "public").exists()
