"""Issue 10.13 and 10.11 (iframes): content valid file by file, wrong together.

Before: two bulletins for one month, "Kinh tế" / "Kính tế" categories, an
iframe from a host not in embed_hosts (silently removed) all passed ``check``
with "Không có lỗi nào"; an editor's id="noi-dung" repeated the theme's id.
"""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from generator.markup import render_markdown
from tests.conftest import MINIMAL_SITE_YML, THEME, article, make_site

pytest.importorskip("bs4")
from bs4 import BeautifulSoup  # noqa: E402


def check(content, capsys) -> str:
    capsys.readouterr()
    main(["check", "--content", str(content), "--theme", str(THEME)])
    return capsys.readouterr().out


def bulletin(title: str, period: str) -> str:
    return article(title=title, period=period, date="2023-08-01 08:00:00", body="Nội dung bản tin.")


def test_two_bulletins_for_one_month_warn_naming_both(tmp_path, capsys):
    content = make_site(tmp_path, {"ban-tin/2023/thang-7.md": bulletin("Bản tin tháng 7", "2023-07"),
                                   "ban-tin/2023/thang-7-lan-2.md": bulletin("Bản tin tháng bảy", "2023-07"),
                                   "ban-tin/2023/thang-8.md": bulletin("Bản tin tháng 8", "2023-08")})
    out = check(content, capsys)
    lines = [line for line in out.splitlines() if "7/2023" in line]
    assert len(lines) == 1, out
    assert lines[0].startswith("content/ban-tin/2023/thang-7.md:") or lines[0].startswith(
        "content/ban-tin/2023/thang-7-lan-2.md:")
    assert "thang-7" in lines[0].split(":", 2)[2] and "cảnh báo" in lines[0]


@pytest.mark.parametrize("typo", ["Kính tế", "kinh tế", "KINH TẾ", "Kinh te", "Kinhh tế", "Knh tế"])
def test_a_category_a_typo_away_warns(tmp_path, capsys, typo):
    files = {f"tin-tuc/a{n}.md": article(title=f"Bài {n}", category="Kinh tế") for n in range(3)}
    files["tin-tuc/lac.md"] = article(title="Bài lạc", category=typo)
    out = check(make_site(tmp_path, files), capsys)
    line = next((line for line in out.splitlines() if line.startswith("content/tin-tuc/lac.md:4:")), "")
    assert "cảnh báo" in line and f'"{typo}"' in line and '"Kinh tế"' in line, out


def test_different_categories_do_not_warn(tmp_path, capsys):
    files = {"tin-tuc/a.md": article(title="A", category="Kinh tế"), "tin-tuc/b.md": article(title="B", category="Văn hóa"),
             "tin-tuc/c.md": article(title="C", category="Y tế"), "tin-tuc/d.md": article(title="D", category="Xã hội")}
    assert "có phải gõ nhầm" not in check(make_site(tmp_path, files), capsys)


def test_an_iframe_from_another_host_is_a_warning_on_its_line(tmp_path, capsys):
    body = ("Đoạn đầu.\n\n<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\n\n"
            "<iframe src=\"https://evil.example/x\"></iframe>\n\n<iframe src='http://www.youtube.com/embed/b'></iframe>\n")
    content = make_site(tmp_path, {"tin-tuc/a.md": article(title="Có video", body=body)},
                        site_yml=MINIMAL_SITE_YML + "embed_hosts: [www.youtube.com]\n")
    out = check(content, capsys)
    warned = [line for line in out.splitlines() if "khung nhúng" in line]
    assert [line.split(":")[1] for line in warned] == ["10", "12"], out
    assert "evil.example" in warned[0] and "www.youtube.com" in warned[0]


@pytest.mark.parametrize("theme_id", ["noi-dung", "tin-moi", "o-tim", "xem-them"])
def test_editor_ids_never_repeat_the_themes(tmp_path, theme_id):
    html = render_markdown(f'<p id="{theme_id}">x</p>\n\n[về đầu](#{theme_id})\n\n'
                           f'<div id="{theme_id}"><span id="{theme_id}">y</span></div>').html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find(id=theme_id)
    assert soup.find(id=f"nd-{theme_id}") and soup.find("a")["href"] == f"#nd-{theme_id}"


def test_a_built_article_page_has_each_id_once(tmp_path, capsys):
    body = '<div id="noi-dung">Đoạn của biên tập viên.</div>\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n'
    content = make_site(tmp_path, {"tin-tuc/a.md": article(title="Có id", body=body)})
    out = tmp_path / "public"
    assert main(["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"]) == 0
    page = (out / "tin-tuc" / "co-id" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids)), sorted(ids)
    soup = BeautifulSoup(page, "html.parser")
    for link in soup.find_all("a", href=re.compile("^#")):  # in-page links still land
        assert soup.find(id=link["href"][1:]), link
