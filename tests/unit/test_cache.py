"""The caches are data, not code: a planted, damaged or foreign cache is ignored, never run."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.cache import ArticleCache, Invalid, decode, encode, read_store, write_store
from generator.content import parse_article
from generator.errors import Diagnostic
from generator.pipeline import BuildOptions, build
from generator.source import decode as decode_source
from tests.conftest import NOW, ROOT, THEME, article, make_site


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def options(content: Path, out: Path, cache: Path | None) -> BuildOptions:
    return BuildOptions(content=content, theme=THEME, output=out, now=NOW, base_url="https://xa.example.vn/",
                        cache=cache)


def parsed(text: str, path: str = "content/tin-tuc/a.md"):
    source, problems = decode_source(path, text.encode("utf-8"))
    assert not problems
    return parse_article(source, "tin-tuc", None)


def test_a_parsed_article_survives_the_json_round_trip_exactly():
    result = parsed(article("Lễ hội đền", "2023-02-23 08:40:17", body="Xem [bài](/tin-tuc/x/) ![ảnh](media/a.jpg)",
                            tags=["văn hóa", "lễ hội"], image="media/a.jpg", image_alt="Ảnh"))
    assert result[0] is not None
    back = decode(json.loads(json.dumps(encode(result))))
    assert back == result
    assert back[0].lines == result[0].lines and back[0].date.tzinfo.tzname(None) == "ICT"
    assert type(back[0].tags) is tuple and type(back[1]) is list


def test_decoding_refuses_what_encode_never_writes():
    for planted in ({"c": ["os:system", {}]}, {"c": ["generator.errors:Diagnostic", {"path": "x"}]},
                    {"c": ["builtins:dict", {}]}, {"x": 1}, {"t": [1], "m": []},
                    {"c": ["generator.errors:Diagnostic",
                           {"path": 1, "line": None, "message": "m", "level": "error", "code": ""}]}):
        with pytest.raises(Invalid):
            decode(planted)


def test_a_store_is_ignored_when_damaged_foreign_or_from_other_code(tmp_path):
    path = tmp_path / "store"
    assert write_store(path, "articles", "abc", {"k": [1, 2]})
    assert read_store(path, "articles", "abc") == {"k": [1, 2]}
    assert read_store(path, "articles", "other code") is None
    assert read_store(path, "pages", "abc") is None
    data = path.read_bytes()
    path.write_bytes(data[:-3] + b"[9]")  # same length, different payload: checksum fails
    assert read_store(path, "articles", "abc") is None
    path.write_bytes(data[: len(data) // 2])  # truncated
    assert read_store(path, "articles", "abc") is None


def test_a_planted_pickle_never_runs_and_the_build_is_the_same(tmp_path):
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article("Bài A"), "tin-tuc/b.md": article("Bài B")})
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.touch, (marker,))

    store = tmp_path / "state" / "articles"
    store.parent.mkdir()
    store.write_bytes(pickle.dumps({"fingerprint": cache_module.code_fingerprint(), "entries": Exploit()}))
    build(options(content, tmp_path / "cached", store))
    assert not marker.exists()
    build(options(content, tmp_path / "clean", None))
    assert tree(tmp_path / "cached") == tree(tmp_path / "clean")
    assert store.read_bytes().startswith(b'{"format": "bantin-cache/1"')  # rebuilt as data


def test_a_well_formed_planted_entry_with_the_wrong_shape_is_parsed_again(tmp_path):
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article("Bài A", body="Thật.")})
    store = tmp_path / "articles"
    build(options(content, tmp_path / "first", store))
    payload = read_store(store, "articles", cache_module.code_fingerprint())
    assert len(payload) == 1
    key = next(iter(payload))
    # a forger who knows the format and the fingerprint: the html field becomes a number,
    # then a whole entry that is not what parse_article returns
    wrong_type = json.loads(json.dumps(payload[key]))
    wrong_type["t"][0]["c"][1]["html"] = 7
    extra_field = json.loads(json.dumps(payload[key]))
    extra_field["t"][0]["c"][1]["x"] = "y"
    for forged in (wrong_type, extra_field, {"t": [None, {"t": []}]}):
        write_store(store, "articles", cache_module.code_fingerprint(), {key: forged})
        cache = ArticleCache(store)
        assert cache.get(key) is None
    build(options(content, tmp_path / "second", store))
    assert "Thật." in (tmp_path / "second" / "tin-tuc" / "bai-a" / "index.html").read_text(encoding="utf-8")


def test_the_fingerprint_covers_every_file_of_the_package(tmp_path, monkeypatch):
    copy = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "PACKAGE", copy)
    before = cache_module.code_fingerprint()
    (copy / "a_new_stage.py").write_text("RULE = 1\n", encoding="utf-8")  # in no hand-kept list
    added = cache_module.code_fingerprint()
    assert added != before
    (copy / "commands" / "options.py").write_bytes((copy / "commands" / "options.py").read_bytes() + b"#\n")
    assert cache_module.code_fingerprint() != added


def test_the_page_fingerprints_cover_the_whole_theme(tmp_path):
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article("Bài A")})
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    out, store = tmp_path / "out", tmp_path / "articles"
    opts = BuildOptions(content=content, theme=theme, output=out, now=NOW, cache=store)
    build(opts)
    assert build(opts).reused > 0
    (theme / "templates" / "partials-new.html").write_text("{# a new include #}", encoding="utf-8")
    assert build(opts).reused == 0


def test_diagnostics_of_a_bad_article_come_back_from_the_cache(tmp_path):
    result = parsed("---\ntitle: [\n---\nx\n")
    assert result[0] is None and result[1] and all(isinstance(d, Diagnostic) for d in result[1])
    cache = ArticleCache(tmp_path / "c")
    cache.put("k", result)
    cache.save()
    again = ArticleCache(tmp_path / "c")
    assert again.get("k") == result
    assert hashlib.sha256((tmp_path / "c").read_bytes()).hexdigest()  # a plain file, readable as text
    (tmp_path / "c").read_text(encoding="utf-8")
