"""Issue 15: English information (/en/), the feedback link and head_scripts on every page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from generator.config import parse_site_config
from generator.pipeline import BuildOptions, build
from generator.source import Source
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site

ENGLISH = """\
english:
  name: Thu Nghiem Commune
  address: Thu Nghiem Commune, Mau District, Viet Nam
  intro: The official information website of the commune.
feedback_url: https://dichvucong.gov.vn/p/home/dvc-danh-gia-hai-long.html
head_scripts:
  - https://theodoi.example.gov.vn/sdk/emc.js?id=lamson&v=2
  - https://cdn.example.vn/ga.js
"""

LEADER = """---
title: Nguyễn Văn An
position: Chủ tịch UBND xã
position_en: Chairman of the Commune People's Committee
order: 1
---

Tiểu sử.
"""


def built(tmp_path, site_yml):
    content = make_site(tmp_path, {"tin-tuc/2023/bai.md": article("Bài thử"), "lanh-dao/an.md": LEADER},
                        site_yml=site_yml)
    build(BuildOptions(content=content, theme=THEME, output=tmp_path / "public", now=NOW))
    return tmp_path / "public"


def pages(out):
    """Every page of the site; the saved copies ("Lưu bài", <bài>/<bài>.html) are standalone
    files without header, footer or any script by design (tests/test_print_save.py).
    The print versions (<bài>/in/) are the article laid out for paper, without the site's
    header, menu and footer, and run only the print script (tests/test_print_save.py)."""
    return {p: p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))
            if p.name in ("index.html", "404.html") and p.parent.name != "in"}


def test_the_english_page_in_english_with_contact_and_leaders(tmp_path):
    out = built(tmp_path, MINIMAL_SITE_YML + ENGLISH)
    page = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<main id="noi-dung" tabindex="-1" lang="en">' in page
    assert "<h1>Thu Nghiem Commune</h1>" in page
    assert "<dt>Address</dt><dd>Thu Nghiem Commune, Mau District, Viet Nam</dd>" in page
    assert '<a href="tel:02203000000">0220 3000 000</a>' in page
    assert '<a href="mailto:ubnd@thunghiem.example.vn">' in page
    assert '<span lang="vi">Nguyễn Văn An</span> – Chairman of the Commune People&#39;s Committee' in page


def test_every_page_links_english_and_feedback_and_loads_exactly_the_head_scripts(tmp_path):
    out = built(tmp_path, MINIMAL_SITE_YML + ENGLISH)
    found = pages(out)
    assert len(found) > 8
    for path, html in found.items():
        href = re.search(r'<a href="([^"]*)" hreflang="en" lang="en">English</a>', html).group(1)
        here = "/" + path.parent.relative_to(out).as_posix() + "/"
        assert urljoin(here.replace("/./", "/"), href) == "/en/", path
        assert 'rel="alternate" hreflang="en"' in html, path
        assert ('<a href="https://dichvucong.gov.vn/p/home/dvc-danh-gia-hai-long.html">Góp ý, đánh giá</a>'
                in html), path
        assert re.findall(r'<script src="([^"]*)" defer></script>', html) == [
            "https://theodoi.example.gov.vn/sdk/emc.js?id=lamson&amp;v=2", "https://cdn.example.vn/ga.js"], path
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        script_src = [d for d in csp.split("; ") if d.startswith("script-src")]
        expected = "https://theodoi.example.gov.vn/sdk/emc.js https://cdn.example.vn/ga.js"
        if path.parent.name == "tim-kiem":  # the search page also runs its own scripts
            assert script_src == ["script-src 'self' 'wasm-unsafe-eval' " + expected], path
        else:
            assert script_src == ["script-src " + expected], path


def test_absent_by_default(tmp_path):
    out = built(tmp_path, MINIMAL_SITE_YML)
    assert not (out / "en").exists()
    for path, html in pages(out).items():
        assert "English" not in html and "Góp ý, đánh giá" not in html and "<script src=\"https" not in html
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        assert "script-src" not in csp or path.parent.name == "tim-kiem"


def problems(text):
    config, found = parse_site_config(Source("content/site.yml", MINIMAL_SITE_YML + text))
    return config, [d.format() for d in found if d.level == "error"]


def test_unsafe_head_scripts_are_refused_with_their_line():
    fix = ("chỉ ghi địa chỉ https:// của tệp mã (.js) do cơ quan cấp trên cung cấp, ví dụ "
           "https://theodoi.example.gov.vn/ma.js — không dán mã <script> vào đây")
    config, found = problems(
        "head_scripts:\n"
        "  - http://theodoi.example.gov.vn/ma.js\n"
        "  - \"<script>alert(1)</script>\"\n"
        "  - \"data:text/javascript,alert(1)\"\n"
        "  - \"javascript:alert(1)\"\n"
        "  - \"https://a.example.vn/ma.js; script-src *\"\n"
        "  - \"https://a.example.vn/ma.js\\\" onload=\\\"alert(1)\"\n"
        "  - https://a.example.vn/\n"
        "  - https://a.example.vn/ma.js\n")
    assert config is None
    assert found == [
        f'content/site.yml:{9 + n}: trường "head_scripts (mục {n + 1})" {reason} — {fix}' for n, reason in enumerate([
            'có địa chỉ "http://theodoi.example.gov.vn/ma.js" không phải https:// (chỉ nhận địa chỉ https)',
            'có "<script>alert(1)</script>" là mã viết thẳng, không phải địa chỉ một tệp mã',
            'có địa chỉ "data:text/javascript,alert(1)" dùng data: (mã viết thẳng, không phải một tệp)',
            'có địa chỉ "javascript:alert(1)" dùng javascript: (mã viết thẳng, không phải một tệp)',
            'có địa chỉ "https://a.example.vn/ma.js; script-src *" có ký tự hoặc phần không được phép (dấu cách, '
            "; , ngoặc kép, < >, #…, tên người dùng, tên miền có dấu)",
            'có địa chỉ "https://a.example.vn/ma.js" onload="alert(1)" có ký tự hoặc phần không được phép (dấu cách, '
            "; , ngoặc kép, < >, #…, tên người dùng, tên miền có dấu)",
            'có địa chỉ "https://a.example.vn/" không phải địa chỉ của một tệp mã (…/ten-tep.js)',
        ])]


def test_bad_feedback_url_and_english_block_are_refused():
    _, found = problems("feedback_url: \"javascript:alert(1)\"\n")
    assert len(found) == 1 and found[0].startswith('content/site.yml:8: trường "feedback_url" có địa chỉ '
                                                   '"javascript:alert(1)" không được phép')
    _, found = problems("feedback_url: htps//dichvucong.gov.vn/danh-gia\n")
    assert found == ['content/site.yml:8: trường "feedback_url" có địa chỉ "htps//dichvucong.gov.vn/danh-gia" '
                     "viết sai — có phải ý bạn là https://dichvucong.gov.vn/danh-gia?"]
    _, found = problems("english:\n  name: Thu Nghiem Commune\n")
    assert found == ['content/site.yml:8: trường "english.address" bị thiếu — thêm dòng address: … vào site.yml']


def test_the_policy_refuses_a_script_config_did_not_validate():
    import pytest

    from generator.view.csp import content_security_policy
    assert content_security_policy(scripts=("https://a.example.vn/x.js?id=1",)).split("; ")[3] == \
        "script-src https://a.example.vn/x.js"
    for bad in ("https://a.example.vn/x.js; script-src *", "https://a.example.vn/", "http://a.example.vn/x.js",
                "https://a.example.vn/x.js 'unsafe-inline'", "https://a.example.vn/x\".js"):
        with pytest.raises(ValueError):
            content_security_policy(scripts=(bad,))
