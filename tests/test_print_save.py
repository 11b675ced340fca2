"""Every article's "In bài" and "Lưu bài" (issue 15): links, print version, saved copy."""

from __future__ import annotations

import base64
import hashlib
import re

from bs4 import BeautifulSoup

from generator.pipeline import BuildOptions, load_site
from generator.render import render_site
from generator.view.feeds import sitemap_entries
from generator.pages import plan_pages
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site

BODY = "Đoạn đầu có [liên kết](/tin-tuc/bai-khac/) và ![Ảnh](/media/a.pdf).\n"


def outputs(tmp_path, site_yml=MINIMAL_SITE_YML + "base_url: https://xa.example.vn/\n"):
    content = make_site(tmp_path, {"tin-tuc/2023/le-hoi.md": article("Lễ hội đình làng", body=BODY),
                                   "tin-tuc/2023/bai-khac.md": article("Bài khác"),
                                   "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nXã.\n"},
                        site_yml=site_yml)
    loaded = load_site(BuildOptions(content=content, theme=THEME, now=NOW))
    assert loaded.site is not None, [d.format() for d in loaded.diagnostics]
    rendered, problems = render_site(loaded.site, THEME, NOW)
    assert problems == []
    return {o.url: o.data.decode("utf-8") for o in rendered}, loaded.site


def test_every_article_links_its_print_version_and_its_saved_copy(tmp_path):
    pages, _ = outputs(tmp_path)
    doc = BeautifulSoup(pages["/tin-tuc/le-hoi-dinh-lang/"], "html.parser")
    tools = doc.find("p", class_="article-tools")
    printed, saved = tools.find_all("a")
    assert (printed.get_text(), printed["href"]) == ("In bài", "in/")
    assert (saved.get_text(), saved["href"], saved["download"]) == ("Lưu bài", "le-hoi-dinh-lang.html",
                                                                    "le-hoi-dinh-lang.html")
    page = BeautifulSoup(pages["/trang/gioi-thieu/"], "html.parser")  # a standalone page is not an article
    assert page.find("p", class_="article-tools") is None and "/trang/gioi-thieu/in/" not in pages


def test_the_print_version_names_the_address_and_runs_only_the_sites_script(tmp_path):
    pages, _ = outputs(tmp_path)
    doc = BeautifulSoup(pages["/tin-tuc/le-hoi-dinh-lang/in/"], "html.parser")
    assert doc.find("h1").get_text() == "Lễ hội đình làng"
    assert "Địa chỉ bài: https://xa.example.vn/tin-tuc/le-hoi-dinh-lang/" in " ".join(doc.find("footer").get_text(" ").split())
    assert doc.find(attrs={"data-ngay-in": True}) is not None
    (script,) = doc.find_all("script")
    assert script["src"] == "../../../static/print.js" and not script.string
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert doc.find("link", rel="canonical")["href"] == "https://xa.example.vn/tin-tuc/le-hoi-dinh-lang/"
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert (THEME / "static" / "print.js").is_file()


def test_the_saved_copy_is_one_standalone_file(tmp_path):
    pages, _ = outputs(tmp_path)
    html = pages["/tin-tuc/le-hoi-dinh-lang/le-hoi-dinh-lang.html"]
    doc = BeautifulSoup(html, "html.parser")
    assert doc.find_all("script") == [] and doc.find_all("link", rel="stylesheet") == []
    (style,) = doc.find_all("style")
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert css == (THEME / "static" / "style.css").read_text(encoding="utf-8")  # the theme, inline
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy and "unsafe-inline" not in policy
    assert "img-src https://xa.example.vn data:" in policy and "script-src" not in policy
    links = [a["href"] for a in doc.find_all("a")] + [i["src"] for i in doc.find_all("img")]
    assert links and all(link.startswith("https://xa.example.vn/") for link in links), links
    assert "https://xa.example.vn/tin-tuc/bai-khac/" in links


def test_variants_are_not_in_the_sitemap(tmp_path):
    _, site = outputs(tmp_path)
    listed = [url for url, _ in sitemap_entries(site, plan_pages(site))]
    assert "https://xa.example.vn/tin-tuc/le-hoi-dinh-lang/" in listed
    assert not [url for url in listed if url.endswith(("/in/", ".html"))]


def test_without_a_base_url_the_saved_copy_allows_only_embedded_images(tmp_path):
    pages, _ = outputs(tmp_path, MINIMAL_SITE_YML)
    doc = BeautifulSoup(pages["/tin-tuc/le-hoi-dinh-lang/le-hoi-dinh-lang.html"], "html.parser")
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "img-src data:" in policy


def test_the_print_version_keeps_the_bodys_links_working_one_folder_deeper(tmp_path):
    pages, _ = outputs(tmp_path)
    article = BeautifulSoup(pages["/tin-tuc/le-hoi-dinh-lang/"], "html.parser").find("div", class_="body")
    printed = BeautifulSoup(pages["/tin-tuc/le-hoi-dinh-lang/in/"], "html.parser").find("div", class_="body")
    assert [a["href"] for a in article.find_all("a")] == ["../../tin-tuc/bai-khac/"]
    assert [a["href"] for a in printed.find_all("a")] == ["../../../tin-tuc/bai-khac/"]
