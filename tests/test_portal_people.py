"""Issue 15, the people of a commune portal: leaders (/lanh-dao/)."""

from __future__ import annotations

import io

from generator.content import parse_article
from generator.content_types import STANDARD
from generator.errors import errors_of
from generator.pipeline import BuildOptions, build, load_site
from generator.source import Source
from tests.conftest import NOW, THEME, make_site
from tests.photos import picture


def leader(name: str, order: object, position: str = "Phó Chủ tịch UBND xã", **more: str) -> str:
    lines = [f"title: {name}", f"position: {position}", f"order: {order}"]
    lines += [f"{key}: {value}" for key, value in more.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\nTiểu sử của {name}.\n"


def jpeg(seed: int) -> bytes:
    out = io.BytesIO()
    picture(300, 400, seed).save(out, "JPEG", quality=85)
    return out.getvalue()


def options(tmp_path, content):
    return BuildOptions(content=content, theme=THEME, output=tmp_path / "public", now=NOW)


def messages(tmp_path, files):
    content = make_site(tmp_path, files)
    return sorted(d.format() for d in errors_of(load_site(options(tmp_path, content)).diagnostics))


def test_leaders_page_in_order_with_photo_position_links_and_biography(tmp_path):
    content = make_site(tmp_path, {
        "lanh-dao/c.md": leader("Lê Văn Cường", 3),
        "lanh-dao/a.md": leader("Nguyễn Văn An", 1, "Chủ tịch UBND xã", phone='"0220 3812 345"',
                                email="chutich@lamson.example.vn", image="media/lanh-dao/an.jpg"),
        "lanh-dao/b.md": leader("Trần Thị Bình", 2, phone='"0912 345 678 - 0220 3812 346"'),
        "media/lanh-dao/an.jpg": jpeg(1),
    })
    build(options(tmp_path, content))
    out = tmp_path / "public"
    page = (out / "lanh-dao" / "index.html").read_text(encoding="utf-8")
    # in `order`, not by name or file
    assert page.index("Nguyễn Văn An") < page.index("Trần Thị Bình") < page.index("Lê Văn Cường")
    assert '<p class="position">Chủ tịch UBND xã</p>' in page
    assert '<a href="tel:02203812345">0220 3812 345</a>' in page
    assert '<a href="tel:0912345678">0912 345 678</a> - <a href="tel:02203812346">0220 3812 346</a>' in page
    assert '<a href="mailto:chutich@lamson.example.vn">chutich@lamson.example.vn</a>' in page
    assert "<p>Tiểu sử của Trần Thị Bình.</p>" in page
    # the photo went through the image pipeline: variants with a srcset, never the original
    assert '<img class="portrait" src="../media/lanh-dao/an.300.' in page and 'srcset="' in page
    assert 'alt="Nguyễn Văn An"' in page
    assert not (out / "media" / "lanh-dao" / "an.jpg").exists()
    assert sorted(p.suffix for p in (out / "media" / "lanh-dao").iterdir()) == [".jpg", ".webp"]
    # one page for all: no page per person, no feed for the list
    assert sorted(p.name for p in (out / "lanh-dao").iterdir()) == ["index.html"]


def test_two_leaders_with_one_order_is_an_error_naming_both_files(tmp_path):
    found = messages(tmp_path, {"lanh-dao/a.md": leader("Nguyễn Văn An", 1),
                                "lanh-dao/b.md": leader("Trần Thị Bình", 1)})
    assert found == ['content/lanh-dao/b.md:4: "order: 1" trùng với tệp content/lanh-dao/a.md '
                     "(hai tệp không được cùng thứ tự) — đổi order ở một trong hai tệp"]
    # a draft does not take a place
    assert messages(tmp_path / "draft", {"lanh-dao/a.md": leader("Nguyễn Văn An", 1),
                                         "lanh-dao/b.md": leader("Trần Thị Bình", 1, draft="true")}) == []


def test_bad_leader_fields_are_named_with_file_and_line():
    text = ("---\ntitle: Nguyễn Văn An\nposition: Chủ tịch\norder: một\nphone: 0220312345\n"
            "email: \"a@b.vn\\\"><script>\"\n---\n\nTiểu sử.\n")
    item, problems = parse_article(Source("content/lanh-dao/a.md", text), STANDARD["lanh-dao"], None)
    assert item is None
    assert sorted(p.format() for p in problems) == [
        'content/lanh-dao/a.md:4: trường "order" phải là một số nguyên, không phải một dòng chữ — ví dụ: order: 1',
        'content/lanh-dao/a.md:5: trường "phone" phải là số điện thoại viết trong ngoặc kép, không phải một con số '
        '— ví dụ: phone: "0220 3812 345"',
        'content/lanh-dao/a.md:6: trường "email" có địa chỉ thư "a@b.vn"><script>" không hợp lệ — viết một địa chỉ '
        "dạng ten@xa.example.vn, ví dụ: email: chutich@lamson.example.vn",
    ]
    text = "---\ntitle: Nguyễn Văn An\n---\n\nTiểu sử.\n"
    item, problems = parse_article(Source("content/lanh-dao/a.md", text), STANDARD["lanh-dao"], None)
    assert item is None and sorted((p.code, p.line) for p in problems) == [("missing_field", 2)] * 2
