"""Hostile or careless content: no script runs, nothing escapes its folder,
no draft or future article leaks anywhere in the output.

Pages are parsed (BeautifulSoup, the feed with ElementTree) and checked as a
browser or feed reader would see them, not by matching substrings of markup.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.pipeline import BuildOptions, build
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site

bs4 = pytest.importorskip("bs4")

SITE_WITH_FEED = MINIMAL_SITE_YML + "base_url: https://thunghiem.example.vn/\nembed_hosts: [www.youtube.com]\n"

#: values an attacker (or a careless paste) might put in any front matter field
EVIL = '<script>alert("x")</script>"\'><img src=x onerror=alert(1)>&amp;</title>]]>'

RAW_HTML_BODY = """\
Đoạn mở đầu an toàn.

<script>alert('body')</script>
<img src="x" onerror="alert(2)" alt="ảnh">
<a href="javascript:alert(3)">bấm</a>
<a href="JaVaScRiPt:alert(4)">bấm</a>
<a href=" &#106;avascript:alert(5)">bấm</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==">bấm</a>
<p style="position:fixed;top:0;left:0;width:100%;height:100%" onclick="alert(7)">phủ kín</p>
<style>body { display: none }</style>
<svg onload="alert(8)"><circle r="1"/></svg>
<math><mi xlink:href="javascript:alert(9)">x</mi></math>
<form action="https://evil.example/"><input name="p"></form>
<iframe src="https://www.youtube.com/embed/abc"></iframe>
<iframe src="https://evil.example/embed/abc"></iframe>
<iframe src="http://www.youtube.com/embed/abc"></iframe>
<object data="x.swf"></object><embed src="x.swf">
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">

[liên kết](javascript:alert(10)) ![ảnh](javascript:alert(11))
"""


def _build(tmp_path: Path, files: dict, site_yml: str = SITE_WITH_FEED, drafts: bool = False) -> Path:
    content = make_site(tmp_path, files, site_yml=site_yml)
    out = tmp_path / "public"
    build(BuildOptions(content=content, theme=THEME, output=out, now=NOW, drafts=drafts))
    return out


def _pages(out: Path):
    for path in sorted(out.rglob("*.html")):
        yield path, bs4.BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _unsafe_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    evil_fields = dict(category=EVIL, author=EVIL, summary=EVIL, tags=[EVIL, "thẻ thường"],
                       image_alt=EVIL, slug="bai-doc-hai")
    files = {
        "tin-tuc/2023/doc-hai.md": article(title=EVIL, body=RAW_HTML_BODY, **evil_fields),
        "tin-tuc/2023/ban-cung-muc.md": article(title="Bài cùng chuyên mục", category=EVIL,
                                                 date="2023-02-20 08:00"),
    }
    return _build(root, files)


def test_no_script_or_event_handler_anywhere(hostile_site):
    for path, soup in _pages(hostile_site):
        # the only script allowed is the JSON-LD data block in <head>: not executable,
        # and it must still be one valid JSON document whatever the values were
        for data_block in soup.find_all("script", type="application/ld+json"):
            assert data_block.parent.name == "head", path
            json.loads(data_block.string)
            data_block.decompose()
        # the theme's own: the header search box (a GET form to our search page) and,
        # on the search page alone, its one script file; never anything from content
        for form in soup.find_all("form", class_=["search-box", "search-form"]):
            here = path.parent.name == "tim-kiem" and form["action"] == "./"
            assert (here or form["action"].endswith("tim-kiem/")) and form["method"] == "get", path
            form.decompose()
        if path.parent.name == "tim-kiem":
            scripts = soup.find_all("script")
            assert [(s.get("type"), s.get("src"), s.string) for s in scripts] == \
                [("module", "../static/search.js", None)], path
            scripts[0].decompose()
        if path.parent.name == "in":  # an article's print version: the theme's print.js, nothing else
            scripts = soup.find_all("script")
            assert [(s.get("src"), s.string) for s in scripts] == [("../../../static/print.js", None)], path
            scripts[0].decompose()
        assert not soup.find_all(["script", "object", "embed", "form", "base"]), path
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (path, tag.name, name)
                values = value if isinstance(value, list) else [value]
                if name in ("href", "src", "action", "formaction", "xlink:href", "data"):
                    assert not any(_unsafe_url(v) for v in values), (path, tag)


def test_article_styles_and_extra_head_tags_do_not_escape(hostile_site):
    soup = bs4.BeautifulSoup((hostile_site / "tin-tuc/bai-doc-hai/index.html").read_text(encoding="utf-8"),
                             "html.parser")
    main = soup.find("main")
    assert main is not None and not main.find_all(["style", "link", "meta", "svg", "math"])
    assert not any(tag.has_attr("style") for tag in main.find_all(True))
    refresh = [m for m in soup.find_all("meta") if (m.get("http-equiv") or "").lower() == "refresh"]
    assert not refresh
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert all(not urlsplit(href).netloc for href in stylesheets)


def test_iframes_only_from_listed_hosts_over_https(hostile_site):
    soup = bs4.BeautifulSoup((hostile_site / "tin-tuc/bai-doc-hai/index.html").read_text(encoding="utf-8"),
                             "html.parser")
    sources = [frame.get("src", "") for frame in soup.find_all("iframe")]
    assert sources == ["https://www.youtube.com/embed/abc"]


def test_front_matter_values_survive_as_text_in_html_and_attributes(hostile_site):
    soup = bs4.BeautifulSoup((hostile_site / "tin-tuc/bai-doc-hai/index.html").read_text(encoding="utf-8"),
                             "html.parser")
    assert soup.find("h1").get_text() == EVIL  # shown literally, not interpreted
    assert soup.find("title").get_text().startswith(EVIL)
    assert soup.find("meta", attrs={"name": "description"})["content"] == EVIL
    # the category link and tag links carry the text, never markup
    texts = [a.get_text() for a in soup.find_all("a")]
    assert EVIL in texts


def test_feed_is_well_formed_and_carries_values_as_text(hostile_site):
    tree = ET.parse(hostile_site / "feed.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = tree.getroot().findall("a:entry", ns)
    entry = next(e for e in entries if e.find("a:title", ns).text == EVIL)
    assert entry.find("a:summary", ns).text == EVIL
    assert entry.find("a:author/a:name", ns).text == EVIL
    assert entry.find("a:category", ns).get("term") == EVIL
    ET.parse(hostile_site / "sitemap.xml")  # well-formed too


def test_csp_meta_is_strict_on_every_page(hostile_site):
    for path, soup in _pages(hostile_site):
        metas = [m for m in soup.find_all("meta")
                 if (m.get("http-equiv") or "").lower() == "content-security-policy"]
        assert len(metas) == 1, path
        policy = {part.split()[0]: part.split()[1:] for part in metas[0]["content"].split(";") if part.strip()}
        assert policy["default-src"] == ["'none'"], path
        if path.parent.name == "tim-kiem":  # the search page: its own scripts and WebAssembly only
            assert policy.pop("script-src") == ["'self'", "'wasm-unsafe-eval'"]
            assert policy.pop("worker-src") == ["'self'"] and policy.pop("connect-src") == ["'self'"]
        if path.parent.name == "in":  # an article's print version: the theme's print.js only
            assert policy.pop("script-src") == ["'self'"]
        assert "script-src" not in policy  # falls back to 'none': no script at all
        assert all("'unsafe" not in v for values in policy.values() for v in values)
        if path.name not in ("index.html", "404.html"):  # an article's saved copy, read offline: its inline style by hash
            (style,) = policy["style-src"]
            assert style.startswith("'sha256-") and "frame-src" not in policy, path
            continue
        assert policy.get("frame-src") == ["https://www.youtube.com"]


# --- paths ---------------------------------------------------------------------

@pytest.mark.parametrize("field,value,code", [
    ("slug", "../../etc/passwd", "bad_slug"),
    ("slug", "/tmp/x", "bad_slug"),
    ("slug", "C:\\x", "bad_slug"),
    ("image", "../../../../etc/passwd", "bad_path"),
    ("image", "C:/Windows/win.ini", "bad_path"),
    ("image", "media/../../secret.jpg", "bad_path"),
    ("image", "file:///etc/passwd", "bad_path"),
])
def test_paths_cannot_leave_their_folder(tmp_path, field, value, code):
    from generator.errors import BuildFailed
    with pytest.raises(BuildFailed) as failed:
        _build(tmp_path, {"tin-tuc/a.md": article(**{field: value})})
    assert [d.code for d in failed.value.diagnostics] == [code]
    assert not (tmp_path / "public").exists()


def test_links_in_the_body_never_point_above_the_site_root(tmp_path):
    out = _build(tmp_path, {"tin-tuc/a.md": article(
        slug="a", body="[x](/../../../etc/passwd) ![y](media/../../../../etc/shadow)")})
    page = out / "tin-tuc/a/index.html"
    soup = bs4.BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find("main").find_all(["a", "img"]):
        url = tag.get("href") or tag.get("src")
        if url and not urlsplit(url).scheme:
            resolved = (page.parent / urlsplit(url).path).resolve()
            assert out.resolve() in resolved.parents or resolved == out.resolve(), url
    assert sorted(p.name for p in out.rglob("passwd")) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlinks_leading_outside_content_are_not_followed(tmp_path):
    secret_dir = tmp_path / "ngoai"
    secret_dir.mkdir()
    (secret_dir / "mat-khau.txt").write_text("BÍ-MẬT-1")
    (secret_dir / "bai.md").write_text(article(title="Bài ngoài BÍ-MẬT-2"), encoding="utf-8")
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article(), "media/anh.txt": "ảnh thật"})
    (content / "media" / "lien-ket.txt").symlink_to(secret_dir / "mat-khau.txt")
    (content / "media" / "thu-muc-ngoai").symlink_to(secret_dir, target_is_directory=True)
    (content / "tin-tuc" / "thu-muc-ngoai").symlink_to(secret_dir, target_is_directory=True)
    out = tmp_path / "public"
    from generator.errors import BuildFailed
    with pytest.raises(BuildFailed) as failed:  # never silently skipped: each link is named
        build(BuildOptions(content=content, theme=THEME, output=out, now=NOW))
    assert {(d.code, d.path.split("/", 1)[1]) for d in failed.value.diagnostics} >= {
        ("symlink_outside", "media/lien-ket.txt"), ("symlink_outside", "media/thu-muc-ngoai")}
    assert not out.exists()
    (content / "media" / "lien-ket.txt").unlink()
    (content / "media" / "thu-muc-ngoai").unlink()
    (content / "tin-tuc" / "thu-muc-ngoai").unlink()
    build(BuildOptions(content=content, theme=THEME, output=out, now=NOW))
    assert (out / "media" / "anh.txt").exists()  # the real file is published
    for file in out.rglob("*"):
        assert not file.is_symlink(), file
        if file.is_file():
            data = file.read_bytes()
            assert "BÍ-MẬT".encode() not in data, file

    (content / "tin-tuc" / "bai-ngoai.md").symlink_to(secret_dir / "bai.md")
    with pytest.raises(BuildFailed) as failed:
        build(BuildOptions(content=content, theme=THEME, output=out, now=NOW))
    assert [d.code for d in failed.value.diagnostics] == ["symlink_outside"]


# --- drafts and future articles -------------------------------------------------

def test_drafts_and_future_articles_appear_nowhere(tmp_path):
    secret = {
        "tin-tuc/2023/nhap.md": article(title="Dự thảo MẬT-NHÁP", category="Chuyên mục MẬT-NHÁP",
                                        tags=["thẻ MẬT-NHÁP", "chung"], slug="du-thao-mat-nhap",
                                        draft=True, body="Nội dung MẬT-NHÁP chưa duyệt."),
        "tin-tuc/2027/tuong-lai.md": article(title="Hẹn giờ MẬT-TƯƠNG-LAI", date="2027-01-01 08:00",
                                             category="Chuyên mục MẬT-TƯƠNG-LAI", tags=["thẻ MẬT-TƯƠNG-LAI", "chung"],
                                             slug="hen-gio-mat-tuong-lai", body="Nội dung MẬT-TƯƠNG-LAI."),
        "trang/nhap.md": article(title="Trang MẬT-NHÁP", date=None, draft=True, slug="trang-mat-nhap",
                                 body="Trang MẬT-NHÁP."),
        "ban-tin/nhap.md": article(title="Bản tin MẬT-NHÁP", period="2023-02", draft=True,
                                   slug="ban-tin-mat-nhap", body="Bản tin MẬT-NHÁP."),
    }
    public = {f"tin-tuc/2023/cong-khai-{i}.md": article(title=f"Bài công khai {i}", category="Tin chung",
                                                         tags=["chung"], date=f"2023-02-{10 + i} 08:00")
              for i in range(3)}
    out = _build(tmp_path, {**secret, **public})
    assert (out / "tin-tuc" / "bai-cong-khai-1" / "index.html").exists()
    leaks = []
    for file in out.rglob("*"):
        rel = file.relative_to(out).as_posix()
        if "mat-nhap" in rel or "mat-tuong-lai" in rel:
            leaks.append(rel)
        if file.is_file():
            text = file.read_bytes().decode("utf-8", "replace")
            for word in ("MẬT-NHÁP chưa", "Dự thảo", "MẬT-TƯƠNG-LAI", "Trang MẬT", "Bản tin MẬT",
                         "du-thao", "hen-gio", "thẻ MẬT", "the-mat"):
                if word in text:
                    leaks.append(f"{rel}: {word}")
    assert leaks == []


def test_future_article_is_published_once_its_date_has_come(tmp_path):
    files = {"tin-tuc/a.md": article(title="Hẹn giờ", date="2026-11-23 08:59", slug="hen-gio"),
             "tin-tuc/b.md": article(title="Chưa đến giờ", date="2026-11-23 09:01", slug="chua-den-gio")}
    out = _build(tmp_path, files)
    assert (out / "tin-tuc/hen-gio/index.html").exists()
    assert not (out / "tin-tuc/chua-den-gio").exists()
