"""generator/images.py and figures.py without a site: variant planning, markup, bad images."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from generator import images
from generator.markup import render_markdown
from tests.photos import phone_photo


def png(image: Image.Image, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **options)
    return buffer.getvalue()


def jpeg(image: Image.Image, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def with_size(data: bytes, width: int, height: int) -> bytes:
    """A PNG whose header claims *width*×*height* (a decompression bomb costs nothing to make)."""
    ihdr = struct.pack(">II", width, height) + data[24:29]
    chunk = b"IHDR" + ihdr
    return data[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + data[33:]


# --- planning -------------------------------------------------------------------------

def test_variants_are_never_upscaled_and_capped():
    assert images.variant_sizes(4000, 3000) == [(360, 270), (720, 540), (1200, 900), (1600, 1200),
                                               (2000, 1500)]
    assert images.variant_sizes(3000, 4000) == [(360, 480), (720, 960), (1200, 1600), (1500, 2000)]
    assert images.variant_sizes(800, 450) == [(360, 202), (720, 405), (800, 450)]
    assert images.variant_sizes(300, 80) == [(300, 80)]


def test_plan_names_carry_the_key_and_the_fallback_follows_transparency():
    photo = images.plan("media/2023/anh.jpg", "ab" * 32, 4000, 3000)
    assert photo.fallback.path == "media/2023/anh.720.ababababab.jpg"
    assert {v.format for v in photo.variants} == {"webp", "jpeg"}
    assert photo.og.width == 1200 and photo.full.width == 2000 and photo.full_url == "/" + photo.full.path
    logo = images.plan("media/logo.png", "cd" * 32, 300, 80, alpha=True)
    assert {v.format for v in logo.variants} == {"webp", "png"} and logo.fallback.width == 300
    original = images.plan("media/ban-do-goc.jpg", "ef" * 32, 4000, 3000)
    assert original.full_url == "/media/ban-do-goc.jpg"


# --- captions and markup ----------------------------------------------------------------

def test_a_titled_image_alone_in_its_paragraph_becomes_a_figure():
    html = render_markdown('![Mô tả ảnh](media/a.jpg "Chú thích ảnh")\n\n![x](media/b.jpg)\n\n'
                           'Chữ ![y](media/c.jpg "t") chữ').html
    assert '<figure><img alt="Mô tả ảnh"' in html and "<figcaption>Chú thích ảnh</figcaption></figure>" in html
    assert 'title="Chú thích ảnh"' not in html
    assert '<p><img alt="x"' in html and 'title="t"' in html  # no caption / inside text: unchanged


def test_body_images_become_pictures_and_links_to_photos_go_to_the_full_variant():
    picture = images.plan("media/a.jpg", "12" * 32, 4000, 3000)
    html = render_markdown('![Ảnh "đẹp"](media/a.jpg)\n\n[tải ảnh](media/a.jpg)\n\n'
                           '[![logo](media/a.jpg)](https://x.vn/)\n\n![ngoài](https://x.vn/b.jpg)').html
    out = images.rewrite_body(html, {"media/a.jpg": picture}, lambda u: "../.." + u)
    assert out.count("<picture>") == 2 and 'src="https://x.vn/b.jpg"' in out
    assert 'alt="Ảnh &quot;đẹp&quot;"' in out and 'width="720" height="540"' in out
    full = f'href="../../{picture.full.path}"'
    assert out.count(full) == 2  # the photo's own link and the editor's "tải ảnh"
    assert 'href="https://x.vn/"><picture>' in out  # an editor's link is kept, not wrapped again
    assert "../../media/a.jpg\"" not in out


# --- bad images --------------------------------------------------------------------

def inspect(data: bytes, name: str = "media/x.jpg") -> images.Inspected:
    return images.inspect_bytes(name, data)


def codes(found: images.Inspected) -> list[str]:
    return [p.code for p in found.problems]


def test_a_truncated_jpeg_is_refused():
    data = jpeg(Image.effect_noise((600, 400), 60).convert("RGB"), quality=90)
    assert codes(inspect(data[: len(data) // 2])) == ["image_broken"]


def test_a_file_named_jpg_that_is_not_an_image_is_refused():
    assert codes(inspect(b"title: not a photo\n" * 10)) == ["image_not_image"]
    assert codes(inspect(b"%PDF-1.4\n" + b"0" * 100)) == ["image_not_image"]


def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = with_size(png(Image.new("L", (8, 8))), 30000, 30000)
    found = inspect(bomb, "media/bom.png")
    assert codes(found) == ["image_bomb"] and found.problems[0].values["mp"] == "900"
    slightly = with_size(png(Image.new("L", (8, 8))), 12000, 11000)  # over bantin's limit, under Pillow's
    assert codes(inspect(slightly, "media/bom.png")) == ["image_bomb"]


def test_a_60_megapixel_image_is_published_with_a_warning(tmp_path):
    data = jpeg(Image.new("L", (9000, 7000), 120), quality=50)
    found = inspect(data)
    assert codes(found) == ["image_large"] and found.problems[0].level == "warning"
    assert found.picture.full.width == images.FULL_MAX


def test_cmyk_jpeg_is_converted_to_rgb_with_its_colours():
    data = jpeg(Image.new("CMYK", (400, 300), (0, 255, 255, 0)))  # pure red in print colours
    found = inspect(data)
    files = images.encode_bytes(data, found.picture)
    with Image.open(io.BytesIO(files["400.jpg"])) as out:
        assert out.mode == "RGB"
        r, g, b = out.getpixel((200, 150))
        assert r > 200 and g < 60 and b < 60


def test_16_bit_png_keeps_its_grey_levels():
    grey = Image.new("I;16", (300, 200), 32768)  # 50 % grey in 16 bits
    data = png(grey)
    found = inspect(data, "media/x.png")
    files = images.encode_bytes(data, found.picture)
    with Image.open(io.BytesIO(files["300.webp"])) as out:
        assert 118 <= out.convert("L").getpixel((10, 10)) <= 138


def test_an_animated_gif_is_published_as_its_first_frame_with_a_warning():
    frames = [Image.new("RGB", (200, 100), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0)
    found = inspect(buffer.getvalue(), "media/dong.gif")
    assert codes(found) == ["image_animated"]
    files = images.encode_bytes(buffer.getvalue(), found.picture)
    with Image.open(io.BytesIO(files["200.webp"])) as out:
        assert not getattr(out, "is_animated", False)
        r, g, b = out.convert("RGB").getpixel((100, 50))
        assert r > 200 and b < 60


@pytest.mark.parametrize("name, content, code", [
    ("media/logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "image_svg"),
    ("media/IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic", "image_heic"),
    ("tthc.yml", b"months: []\n", "image_outside_media"),
    ("media/nhap.md", b"---\ntitle: x\n---\n", "image_not_image"),
])
def test_files_that_are_not_photos_are_refused_by_name(tmp_path, name, content, code):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(content)
    data, problem = images.read_source(tmp_path, name)
    assert data is None and problem.code == code


def test_the_cache_is_verified_before_use(tmp_path):
    data = phone_photo(800, 600)
    picture = images.inspect_bytes("media/a.jpg", data).picture
    cache = images.ImageCache(tmp_path / "cache")
    assert not cache.complete(picture)
    cache.store(picture, images.encode_bytes(data, picture))
    assert cache.complete(picture)
    path = cache.path(picture, picture.fallback)
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")  # same size, other bytes
    assert not cache.complete(picture)


def test_an_original_asked_for_by_name_is_published_untouched_with_a_gps_warning():
    data = phone_photo(900, 600, gps=True)
    found = images.inspect_bytes("media/ban-do-goc.jpg", data)
    assert codes(found) == ["image_original_gps"]
    assert found.picture.original == "media/ban-do-goc.jpg"
    assert codes(images.inspect_bytes("media/ban-do.jpg", data)) == []


def test_a_drawing_is_kept_sharp_with_lossless_webp_and_a_png_fallback():
    from PIL import ImageDraw
    banner = Image.new("P", (300, 80), 0)
    banner.putpalette([255, 255, 255, 180, 20, 20, 0, 0, 0] + [0] * 759)
    ImageDraw.Draw(banner).rectangle((10, 10, 120, 70), fill=1)
    ImageDraw.Draw(banner).text((140, 30), "DICH VU CONG", fill=2)
    data = png(banner)
    found = inspect(data, "media/lien-ket/dvc.png")
    assert found.picture.lossless and found.picture.fallback_format == "png"
    files = images.encode_bytes(data, found.picture)
    for name in ("300.webp", "300.png"):
        with Image.open(io.BytesIO(files[name])) as out:
            assert out.convert("RGB").tobytes() == banner.convert("RGB").tobytes(), name
    photo = inspect(phone_photo(600, 400))
    assert not photo.picture.lossless and photo.picture.fallback_format == "jpeg"


def test_names_with_spaces_and_accents_give_plain_variant_urls():
    picture = images.plan("media/Ảnh 2024/Lúa chín (1).jpg", "ab" * 32, 2000, 1500)
    assert picture.fallback.path == "media/anh-2024/lua-chin-1.720.ababababab.jpg"
    html = render_markdown("![Lúa](<media/Ảnh 2024/Lúa chín (1).jpg>)").html
    out = images.rewrite_body(html, {"media/Ảnh 2024/Lúa chín (1).jpg": picture}, lambda u: "../.." + u)
    assert "<picture>" in out and " 360w" in out
    original = images.plan("media/Bản đồ-goc.jpg", "cd" * 32, 2000, 1500)
    assert original.full_url == "/media/B%E1%BA%A3n%20%C4%91%E1%BB%93-goc.jpg"
