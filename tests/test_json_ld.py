"""Article pages carry schema.org NewsArticle data; no front matter value can escape it."""

import json

from bs4 import BeautifulSoup

from tests.conftest import article, make_site, run_build

HOSTILE = 'Họp dân </script><script>alert("x")</script> & <!-- --> \'x\''


def test_json_ld_holds_the_values_and_cannot_be_broken_out_of(tmp_path):
    content = make_site(tmp_path, {
        "tin-tuc/a.md": article(HOSTILE, "2023-02-23 08:40:17", slug="hop-dan", author="Mai </script> Chi",
                                category="Nông thôn mới", tags=["a</script>", "NTM"], summary="Tóm tắt \"có\" ngoặc"),
    })
    out = tmp_path / "out"
    result = run_build("--content", str(content), "--output", str(out), "--base-url", "https://xa.example.vn/")
    assert result.returncode == 0, result.stderr
    html = (out / "tin-tuc" / "hop-dan" / "index.html").read_text(encoding="utf-8")
    doc = BeautifulSoup(html, "html.parser")
    scripts = doc.find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]  # nothing executable
    data = json.loads(scripts[0].string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == HOSTILE
    assert data["author"] == {"@type": "Person", "name": "Mai </script> Chi"}
    assert data["keywords"] == ["a</script>", "NTM"]
    assert data["description"] == 'Tóm tắt "có" ngoặc'
    assert data["datePublished"] == "2023-02-23T08:40:17+07:00"
    assert data["mainEntityOfPage"] == "https://xa.example.vn/tin-tuc/hop-dan/"
    raw = html[html.index('<script type="application/ld+json">'):]
    raw = raw[:raw.index("</script>")]
    assert "<" not in raw[len('<script type="application/ld+json">'):]
    assert "Họp dân" in raw  # Vietnamese stays readable, not \\u escaped
