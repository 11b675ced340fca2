"""Issue 10.1: `import` copies only regular files inside the saved page's own
folder, and build/check never publish a file from outside content/.

The corpus page ``corpus/import/anh-tro-ra-ngoai.html`` names, in its <img>
tags, every way the adversary (and we) found to reach outside: ``..`` plain,
percent-encoded, with backslashes; ``file:`` URLs; absolute and drive paths;
symlinks (file and folder), a hard link, a FIFO. A secret file is planted
beside the saved page's folder; nothing of it may reach content/ or public/.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import options as build_command
from tests.conftest import MINIMAL_SITE_YML, MINIMAL_TTHC_YML, THEME, article, make_site

CORPUS = Path(__file__).parent / "corpus" / "import"
SECRET = b"\x89PNG\r\n\x1a\n BI-MAT-KHONG-DUOC-CONG-BO "


def _real_png(note: str) -> bytes:
    """A real (tiny) PNG: the build publishes only files that are images (issue 13)."""
    import io

    from PIL import Image, PngImagePlugin
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", note)
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


REAL = _real_png("anh that cua hoi nghi")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks/FIFOs need POSIX rights here")

pytest.importorskip("bs4")


def every_file(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def plant(tmp_path: Path) -> Path:
    """The saved page in tmp/saved/, its _files folder with one real image and
    traps, and secrets outside the page's folder. Returns the saved folder."""
    (tmp_path / "bi-mat.png").write_bytes(SECRET)
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "anh.png").write_bytes(SECRET)
    saved = tmp_path / "saved"
    files = saved / "anh-tro-ra-ngoai_files"
    files.mkdir(parents=True)
    shutil.copy(CORPUS / "anh-tro-ra-ngoai.html", saved)
    (files / "anh-that.png").write_bytes(REAL)
    (files / "tai-lieu.html").write_bytes(b"<script>alert(1)</script>")
    if sys.platform != "win32":
        (files / "lien-ket.png").symlink_to(tmp_path / "bi-mat.png")
        (files / "lien-ket-tuong-doi.png").symlink_to(Path("..") / ".." / "bi-mat.png")
        (saved / "thu-muc-lien-ket").symlink_to(outside, target_is_directory=True)
        os.link(tmp_path / "bi-mat.png", files / "lien-ket-cung.png")
        os.mkfifo(files / "ong.png")
    return saved


@posix_only
def test_import_copies_only_the_pages_own_regular_files(tmp_path, capsys):
    saved = plant(tmp_path)
    content = make_site(tmp_path / "site", {})
    code = main(["import", str(saved), "--to", str(content / "tin-tuc")])
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert code == 0, out
    copied = every_file(content / "media")
    assert list(copied.values()) == [REAL], copied.keys()  # the real image, nothing else
    assert "nằm ngoài thư mục của trang đã lưu" in out
    assert "liên kết tượng trưng" in out
    assert "không phải một tệp thường" in out  # the FIFO, read without blocking
    for name in every_file(content):
        assert b"BI-MAT" not in (content / name).read_bytes(), name
        assert b"root:" not in (content / name).read_bytes(), name

    # and the imported article builds; nothing from outside content/ in the site
    (written,) = content.rglob("*.md")
    text = written.read_text(encoding="utf-8")
    written.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    public = tmp_path / "public"
    assert main(["--content", str(content), "--theme", str(THEME), "--output", str(public), "-q"]) == 0
    for name, data in every_file(public).items():
        assert b"BI-MAT" not in data and b"root:x:0" not in data, name


@pytest.mark.parametrize("src", [
    "x_files/../../../../etc/passwd", "file:///etc/hostname", "file://localhost/etc/passwd",
    "FiLe:///etc/passwd", "/etc/passwd", "//localhost/etc/passwd", "x_files/%2e%2e/%2E%2E/a.png",
    "x_files%2f..%2f..%2fa.png", "x_files\\..\\..\\a.png", "..%5ca.png", "C:\\Windows\\a.png",
    "c:/a.png", "\\\\server\\share\\a.png", "x_files/%00/../a.png", "%2e%2e/a.png",
    "x_files/..", "x_files/../x_files/../../a.png",
])
def test_paths_leaving_the_page_folder_are_refused(tmp_path, src):
    """Pure rule: whatever exists on disk, these names are refused."""
    from generator.importer.files import local_image

    (tmp_path / "p").mkdir()
    (tmp_path / "a.png").write_bytes(SECRET)
    (tmp_path / "p" / "x_files").mkdir()
    path, why = local_image(tmp_path / "p" / "page.html", src)
    assert path is None and why in ("outside", "remote"), (src, why)


def test_a_real_image_beside_the_page_is_accepted(tmp_path):
    from generator.importer.files import local_image

    (tmp_path / "x_files").mkdir()
    (tmp_path / "x_files" / "anh 1.png").write_bytes(REAL)
    path, why = local_image(tmp_path / "page.html", "x_files/anh%201.png")
    assert why == "" and path == tmp_path / "x_files" / "anh 1.png"
    assert local_image(tmp_path / "page.html", "./x_files/anh 1.png")[1] == ""


# --- build and check: an image that is a link leaving content/ ---------------------------

@posix_only
@pytest.mark.parametrize("how", ["cover", "body", "media-only"])
def test_build_and_check_refuse_an_image_linked_outside_content(tmp_path, capsys, how):
    (tmp_path / "bi-mat.png").write_bytes(SECRET)
    body = "Nội dung bài.\n\n![Ảnh hội nghị](/media/2024/anh.png)\n" if how == "body" else "Nội dung bài."
    fields = {"image": "media/2024/anh.png", "image_alt": "Ảnh"} if how == "cover" else {}
    content = make_site(tmp_path, {"tin-tuc/2024/bai.md": article(title="Bài có ảnh", body=body, **fields)})
    (content / "media" / "2024").mkdir(parents=True)
    (content / "media" / "2024" / "anh.png").symlink_to(tmp_path / "bi-mat.png")
    public = tmp_path / "public"
    build_command.print_diagnostics.__defaults__ = (sys.stderr,)  # see test_robust_corpus.build
    code = main(["--content", str(content), "--theme", str(THEME), "--output", str(public), "-q"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "media/2024/anh.png" in err and "liên kết tượng trưng" in err and "Traceback" not in err
    assert not public.exists()
    assert main(["check", "--content", str(content), "--theme", str(THEME)]) == 1
    assert "media/2024/anh.png: liên kết tượng trưng" in capsys.readouterr().out
