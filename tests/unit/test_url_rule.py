"""The one URL rule: article links and every address of the configuration are judged by
the same functions (url_rule.py), whatever trick hides the scheme."""

from __future__ import annotations

import pytest

from generator import markup, url_rule
from generator.check_rules import url_findings
from generator.config import normalise_base_url, parse_site_config
from generator.content import parse_article
from generator.content_types import STANDARD
from generator.source import Source
from generator.url_rule import allowed_url, host_name, url_mistake

HOSTILE = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    " javascript:alert(1)", "\x01javascript:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "file:///etc/passwd",
    "jar:file:///x!/", "",
]
FINE = ["https://dichvucong.gov.vn/", "http://x.vn/a?b=1&c=2#d", "/trang/gioi-thieu/", "media/a.jpg",
        "#noi-dung", "mailto:ubnd@x.vn", "tel:02203812345", "//cdn.x.vn/a.png", "../tin-tuc/"]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_addresses_are_refused(url):
    assert not allowed_url(url)


@pytest.mark.parametrize("url", FINE)
def test_ordinary_addresses_pass(url):
    assert allowed_url(url)


def test_article_links_use_the_same_rule(monkeypatch):
    body = '[a](https://x.vn) <a href="/trang/b/">b</a>'
    assert 'href="https://x.vn"' in markup.render_markdown(body).html
    # the sanitiser asks url_rule.allowed_url: refusing everything there removes every link
    monkeypatch.setattr(markup, "allowed_url", lambda value: False)
    assert "href=" not in markup.render_markdown(body).html
    for url in HOSTILE[:-1]:
        html = markup.render_markdown(f'<a href="{url}">x</a> [y]({url})').html
        assert "href" not in html.replace('href="https', ""), (url, html)


SITE = "name: Xã A\nmasthead:\n  editor_in_chief: A\n"


def site(extra: str):
    return parse_site_config(Source("content/site.yml", SITE + extra))


@pytest.mark.parametrize("url", [u for u in HOSTILE if u.strip() and "\n" not in u and "\x01" not in u])
def test_menu_and_links_urls_go_through_the_rule_naming_their_line(url):
    quoted = url.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\x01", "\\x01")
    for key in ("menu", "links"):
        config, problems = site(f'{key}:\n  - {{title: Trang, url: /trang/a/}}\n  - title: Xấu\n    url: "{quoted}"\n')
        assert config is None
        assert [(p.line, p.code) for p in problems] == [(7, "site_field")], problems
        assert "không được phép" in problems[0].message and "https://" in problems[0].message
        assert "\t" not in problems[0].message


@pytest.mark.parametrize("raw, meant", [
    ("htps//haiduong.gov.vn", "https://haiduong.gov.vn"), ("http//x.vn", "http://x.vn"),
    ("https:/x.vn/a", "https://x.vn/a"), ("htp://x.vn", "http://x.vn"), ("https;//x.vn", "https://x.vn"),
    ("www.haiduong.gov.vn", "https://www.haiduong.gov.vn"), ("haiduong.gov.vn/tin-tuc", "https://haiduong.gov.vn/tin-tuc"),
])
def test_malformed_urls_get_the_address_meant(raw, meant):
    assert url_mistake(raw) == meant
    config, problems = site(f"menu:\n  - {{title: Tỉnh, url: \"{raw}\"}}\n")
    assert config is None and problems[0].line == 5 and meant in problems[0].message


@pytest.mark.parametrize("url", FINE + ["ten-bai-khac/", "bao-cao.pdf", "lien-he.html", "Https://x.vn"])
def test_good_addresses_are_not_typos(url):
    assert url_mistake(url) is None


@pytest.mark.parametrize("entry", ["www.youtube.com; script-src 'unsafe-inline'", "*", "https://*",
                                   "https://www.youtube.com/", "www.youtube.com/embed", "youtube.com:443",
                                   "\"www.youtube.com\"", "www.you tube.com", "*.youtube.com", "'self'", "data:"])
def test_embed_hosts_must_be_host_names(entry):
    assert host_name(entry) is None
    quoted = entry.replace("\\", "\\\\").replace('"', '\\"')
    config, problems = site(f'embed_hosts:\n  - www.youtube.com\n  - "{quoted}"\n')
    assert config is None
    assert [(p.line, p.code) for p in problems] == [(6, "site_field")]
    assert "tên miền" in problems[0].message


def test_embed_hosts_that_are_hosts_pass_lower_cased():
    config, problems = site("embed_hosts: [www.YouTube.com, www.google.com, maps.xã.vn]\n")
    assert problems == []
    assert config.embed_hosts == ("www.youtube.com", "www.google.com", "maps.xn--x-yfa.vn")


@pytest.mark.parametrize("value", ["https://x.vn/?trang=1", "https://x.vn/#dau", "https://x.vn/?",
                                   "https://u:p@x.vn/", "javascript:alert(1)//", "https://x.vn\"/", "https:///"])
def test_base_url_with_a_query_fragment_or_user_is_refused(value):
    assert normalise_base_url(value) is None
    config, problems = site(f'base_url: "{value}"\n'.replace('\\"', ''))
    assert config is None and problems[0].line == 4 and "base_url" in problems[0].message


def test_base_url_fine_forms():
    assert normalise_base_url("https://lamson.example.vn") == "https://lamson.example.vn/"
    assert normalise_base_url("http://localhost:8000/xa/") == "http://localhost:8000/xa/"
    assert site("base_url: https://x.vn/?a=1\n")[1][0].message.endswith("viết base_url: https://x.vn/")


def test_check_names_typos_and_refused_links_in_bodies():
    text = ("---\ntitle: Bài\ndate: 2023-01-01\n---\n\nXem [cổng tỉnh](htps//haiduong.gov.vn) và "
            "[xã](http//x.vn).\n\n<a href=\"javascript:alert(1)\">bấm</a>\n\n[ok](https://x.vn) [trang](/trang/a/)\n")
    article, problems = parse_article(Source("content/tin-tuc/a.md", text), STANDARD["tin-tuc"], None)
    assert problems == []
    found = sorted((d.line, d.code, d.level) for d in url_findings(article, text))
    assert found == [(6, "url_typo", "warning"), (6, "url_typo", "warning"), (8, "url_refused", "warning")]
    assert 'có phải ý bạn là "https://haiduong.gov.vn"' in url_findings(article, text)[0].message


def test_the_markup_module_has_no_scheme_list_of_its_own():
    assert markup.URL_SCHEMES is url_rule.URL_SCHEMES


@pytest.mark.parametrize("value, meant", [("javascript:alert(1)", None), ("java\\tscript:x", None),
                                          ("htps//dichvucong.gov.vn", "https://dichvucong.gov.vn"),
                                          ("mailto:a@b.vn", None)])
def test_tthc_source_url_goes_through_the_rule(value, meant):
    from datetime import date

    from generator.tthc import parse_tthc
    tthc, problems = parse_tthc(Source("content/tthc.yml", f'source_url: "{value}"\nmonths: []\n'), date(2026, 1, 1))
    assert [(p.line, p.code) for p in problems if p.code == "tthc_field"][:1] == [(1, "tthc_field")]
    if meant:
        assert meant in problems[0].message
