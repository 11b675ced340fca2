"""Phone photos end to end (issue 13): an article whose cover and body photo are 4000×3000
phone JPEGs (one sideways with EXIF orientation 6, a GPS position and a camera serial)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator import images
from generator.pipeline import BuildOptions, build
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site
from tests.photos import SERIAL, phone_photo

#: a 360-px phone: the body column is 100vw - 2rem = 328 CSS px; at DPR 2 it wants 656 px
PHONE_SLOT = (360 - 32) * 2
BUDGET_720 = 150 * 1024

BASE = "base_url: https://xa.example.vn/\n"


@pytest.fixture(scope="module")
def photos() -> dict[str, bytes]:
    return {"media/2024/cover.jpg": phone_photo(4000, 3000, seed=3),
            "media/2024/doc.jpg": phone_photo(4000, 3000, seed=4, orientation=6, gps=True)}


def site_with(tmp_path: Path, photos: dict[str, bytes]) -> Path:
    body = ("Đoạn mở đầu.\n\n"
            '![Cán bộ xã đo ruộng](media/2024/doc.jpg "Đo đạc ruộng lúa ở thôn Đông, tháng 3/2024")\n\n'
            "Đoạn cuối.\n")
    return make_site(tmp_path, {
        **photos,
        "tin-tuc/anh.md": article("Ảnh thật", image="media/2024/cover.jpg",
                                   image_alt="Cánh đồng lúa", body=body),
    }, site_yml=MINIMAL_SITE_YML + BASE)


def options(content: Path, out: Path) -> BuildOptions:
    return BuildOptions(content=content, theme=THEME, output=out, now=NOW,
                        cache=out.parent / f".{out.name}.cache")


def picked(srcset: str, slot: int) -> str:
    """What a browser takes from a w-descriptor srcset for *slot* device pixels: the smallest
    candidate at least that wide, else the widest."""
    candidates = sorted((int(w[:-1]), url) for url, w in (item.split() for item in srcset.split(",")))
    return next((url for width, url in candidates if width >= slot), candidates[-1][1])


def test_phone_photos_are_light_upright_and_carry_no_metadata(tmp_path, photos, monkeypatch):
    assert all(len(data) > 3_500_000 for data in photos.values())  # phone-sized inputs
    calls = []
    real = images.encode_bytes
    monkeypatch.setattr(images, "encode_bytes", lambda data, picture: calls.append(picture.source) or
                        real(data, picture))
    content = site_with(tmp_path, photos)
    out = tmp_path / "public"
    report = build(options(content, out))
    assert sorted(calls) == ["media/2024/cover.jpg", "media/2024/doc.jpg"]
    assert report.images_encoded == 2

    page = out / "tin-tuc" / "anh-that" / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    pictures = soup.select("main picture")
    assert len(pictures) == 2
    for element in pictures:
        webp = element.find("source", type="image/webp")
        img = element.find("img")
        # the 360-px phone at DPR 2 downloads less than 150 KB
        chosen = page.parent / picked(webp["srcset"], PHONE_SLOT)
        assert chosen.suffix == ".webp" and chosen.stat().st_size < BUDGET_720, chosen
        # width/height are the displayed variant's real size, and every variant has that shape
        src = page.parent / img["src"]
        with Image.open(src) as shown:
            assert shown.size == (int(img["width"]), int(img["height"]))
        for entry in (webp["srcset"] + "," + img["srcset"]).split(","):
            url, _ = entry.split()
            with Image.open(page.parent / url) as variant:
                w, h = variant.size
            assert abs(w * int(img["height"]) / int(img["width"]) - h) <= 1, url

    cover, body = pictures
    assert cover.img["fetchpriority"] == "high" and cover.img["loading"] == "eager"
    assert body.img["loading"] == "lazy" and not body.img.has_attr("fetchpriority")
    assert body.img["alt"] == "Cán bộ xã đo ruộng"
    figure = body.find_parent("figure")
    assert figure.figcaption.get_text() == "Đo đạc ruộng lúa ở thôn Đông, tháng 3/2024"
    # the portrait photo stands upright
    assert int(body.img["width"]) < int(body.img["height"])
    assert int(cover.img["width"]) > int(cover.img["height"])
    # "xem ảnh gốc": a link to the largest variant, capped at 2000 px
    full = page.parent / body.find_parent("a")["href"]
    with Image.open(full) as image:
        assert max(image.size) == images.FULL_MAX and image.width < image.height

    # no published file carries EXIF (GPS, serial), XMP, an ICC profile, or the original
    published = [p for p in out.rglob("*") if p.is_file()]
    assert not any(p.name in ("cover.jpg", "doc.jpg") for p in published)
    for path in published:
        data = path.read_bytes()
        assert b"Exif\x00\x00" not in data and SERIAL.encode() not in data, path
        if path.suffix in (".jpg", ".webp", ".png"):
            with Image.open(path) as image:
                assert not image.getexif(), path
                assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info), path

    # a second build encodes nothing
    calls.clear()
    again = build(options(content, out))
    assert calls == [] and again.images_encoded == 0


def test_open_graph_on_articles_with_and_without_a_photo(tmp_path, photos):
    content = make_site(tmp_path, {
        "media/2024/cover.jpg": phone_photo(2400, 1800, seed=5),
        "tin-tuc/anh.md": article("Có ảnh", date="2024-03-05 07:30", image="media/2024/cover.jpg",
                                   image_alt="Cánh đồng"),
        "tin-tuc/chu.md": article("Không ảnh", date="2024-03-06 07:30"),
    }, site_yml=MINIMAL_SITE_YML + BASE)
    out = tmp_path / "public"
    build(options(content, out))

    def meta(slug: str) -> dict[str, str]:
        soup = BeautifulSoup((out / "tin-tuc" / slug / "index.html").read_text("utf-8"), "html.parser")
        return {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta")
                if m.get("property") or m.get("name")}

    photo = meta("co-anh")
    assert photo["og:type"] == "article" and photo["og:title"] == "Có ảnh"
    assert photo["og:url"] == "https://xa.example.vn/tin-tuc/co-anh/"
    assert photo["article:published_time"] == "2024-03-05T07:30:00+07:00"
    assert photo["twitter:card"] == "summary_large_image"
    assert photo["og:image"].startswith("https://xa.example.vn/media/2024/cover.1200.")
    with Image.open(out / photo["og:image"].removeprefix("https://xa.example.vn/")) as image:
        assert image.size == (int(photo["og:image:width"]), int(photo["og:image:height"])) == (1200, 900)
    import json
    ld = BeautifulSoup((out / "tin-tuc" / "co-anh" / "index.html").read_text("utf-8"), "html.parser")
    assert json.loads(ld.find("script", type="application/ld+json").string)["image"] == photo["og:image"]
    plain = meta("khong-anh")
    assert plain["og:type"] == "article" and "og:image" not in plain and plain["twitter:card"] == "summary"
    assert plain["og:description"]


def test_without_base_url_sharing_previews_are_off_and_said_once(tmp_path):
    content = make_site(tmp_path, {f"tin-tuc/bai-{i}.md": article(f"Bài {i}") for i in range(3)})
    out = tmp_path / "public"
    report = build(options(content, out))
    said = [w for w in report.warnings if w.code == "no_base_url_sharing"]
    assert len(said) == 1 and "Zalo" in said[0].message
    assert "og:" not in (out / "tin-tuc" / "bai-1" / "index.html").read_text("utf-8")


def test_bad_images_name_the_article_and_line_and_nothing_is_published(tmp_path):
    good = phone_photo(800, 600)
    body = "Mở đầu.\n\nĐoạn hai.\n\n![Ảnh hỏng](media/hong.jpg)\n\n![Bản đồ](media/ban-do.svg)\n"
    content = make_site(tmp_path, {
        "media/hong.jpg": good[: len(good) // 2],
        "media/gia.jpg": b"day khong phai anh",
        "media/ban-do.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        "tin-tuc/a.md": article("Bài có ảnh hỏng", body=body),
        "tin-tuc/b.md": article("Ảnh bìa là tệp số liệu", image="tthc.yml", image_alt="x"),
        "tin-tuc/c.md": article("Ảnh bìa giả", image="media/gia.jpg", image_alt="x"),
    })
    out = tmp_path / "public"
    from generator.errors import BuildFailed
    with pytest.raises(BuildFailed) as failed:
        build(options(content, out))
    found = {(d.path.split("content/", 1)[1], d.line, d.code) for d in failed.value.diagnostics}
    # article a: front matter is lines 1-4, body starts on line 6: the images are on lines 10 and 12
    # the SVG is refused twice over: as a media file (active content, media.py) and as
    # the article's picture (images.py), each message at its own place
    assert found == {("tin-tuc/a.md", 10, "image_broken"), ("tin-tuc/a.md", 12, "image_svg"),
                     ("media/ban-do.svg", None, "media_active"),
                     ("tin-tuc/b.md", 4, "image_outside_media"), ("tin-tuc/c.md", 4, "image_not_image")}
    assert all("—" in d.message for d in failed.value.diagnostics)  # each says how to fix it
    assert not out.exists()
