"""Issue 10.15 (FIFOs, devices, sockets) and 10.11 (linked section folders).

A FIFO named ``x.md`` used to block the build forever (and serve's rebuild
thread with it). Every file bantin reads goes through safefs.read_regular, so
anything that is not a regular file is named in an error and never opened in
a blocking way. Commands run in a subprocess with a timeout: a hang fails the
test instead of hanging the suite.

A linked folder is followed when it stays inside content/ and refused (named)
when it leaves it or loops — never silently ignored.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.pipeline import BuildOptions
from tests.conftest import NOW, ROOT, THEME, article, make_site

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"),
                                reason="FIFOs and POSIX symlinks")
HANG = 60  # seconds: far more than any of these builds takes; reaching it means a hang


def bantin(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=HANG)


def site(tmp_path: Path) -> Path:
    return make_site(tmp_path, {"tin-tuc/2023/bai-tot.md": article(title="Bài viết tốt")})


def special(kind: str, path: Path) -> object:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
        return None
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock


@pytest.mark.parametrize("kind", ["fifo", "socket"])
@pytest.mark.parametrize("where", ["tin-tuc/2023/x.md", "tin-tuc/x.markdown", "media/2023/anh.jpg", "site.yml",
                                   "tthc.yml"])
def test_build_and_check_name_a_special_file_and_do_not_block(tmp_path, kind, where):
    content = site(tmp_path)
    if where in ("site.yml", "tthc.yml"):
        (content / where).unlink()
    keep = special(kind, content / where)
    try:
        result = bantin("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert f"content/{where}: không phải tệp thường" in result.stderr
        assert "Traceback" not in result.stderr and not (tmp_path / "public").exists()
        result = bantin("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
        assert result.returncode == 1 and f"content/{where}: không phải tệp thường" in result.stdout
    finally:
        if keep is not None:
            keep.close()


def test_serve_rebuild_does_not_block_on_a_fifo(tmp_path):
    from generator.commands.serve import Preview

    content = site(tmp_path)
    os.mkfifo(content / "tin-tuc" / "2023" / "ong.md")
    preview = Preview(BuildOptions(content=content, theme=THEME, output=tmp_path / "xem", drafts=True,
                                   force=True, now=NOW), quiet=True)
    thread = threading.Thread(target=preview.rebuild, daemon=True)
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), "the preview's rebuild is blocked"
    errors, version = preview.state()
    assert version == 1 and [d.code for d in errors] == ["not_regular"]


def test_import_reports_a_fifo_page_and_imports_the_rest(tmp_path):
    src = tmp_path / "cu"
    src.mkdir()
    os.mkfifo(src / "ong.html")
    os.mkfifo(src / "ong2.txt")
    (src / "bai.txt").write_text("Họp dân thôn Đông bàn kế hoạch làm đường\n23/02/2022 08:40\n\n"
                                 "Sáng nay thôn Đông họp dân bàn kế hoạch làm đường bê tông.\n", encoding="utf-8")
    result = bantin("import", "cu", "--to", "content/tin-tuc", cwd=tmp_path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stdout.count("không phải tệp thường") == 2
    assert len(list((tmp_path / "content").rglob("*.md"))) == 1
    result = bantin("import", "cu/ong.html", "--to", "content/tin-tuc", cwd=tmp_path)
    assert result.returncode == 1 and "không phải tệp thường" in result.stdout


# --- linked folders ------------------------------------------------------------------

def test_a_linked_section_inside_content_is_followed(tmp_path):
    content = site(tmp_path)
    for n in range(4):
        (content / "tin-tuc" / "2022").mkdir(exist_ok=True)
        (content / "tin-tuc" / "2022" / f"b{n}.md").write_text(article(title=f"Bài năm cũ {n}"), encoding="utf-8")
    (content / "thong-bao").symlink_to(content / "tin-tuc" / "2022", target_is_directory=True)
    result = bantin("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for n in range(4):
        assert (tmp_path / "public" / "thong-bao" / f"bai-nam-cu-{n}" / "index.html").is_file()


@pytest.mark.parametrize("link, target, code", [
    ("thong-bao", "../ngoai", "liên kết tượng trưng trỏ ra ngoài"),
    ("tin-tuc/2024", "../../ngoai", "liên kết tượng trưng trỏ ra ngoài"),
    ("tin-tuc/2024", "/", "liên kết tượng trưng trỏ ra ngoài"),
    ("tin-tuc/vong", ".", "liên kết tượng trưng trỏ về chính thư mục chứa nó (vòng lặp)"),
    ("tin-tuc/2023/vong", "../..", "liên kết tượng trưng trỏ về chính thư mục chứa nó (vòng lặp)"),
])
def test_a_linked_folder_leaving_content_or_looping_is_an_error(tmp_path, link, target, code):
    (tmp_path / "ngoai").mkdir()
    (tmp_path / "ngoai" / "bi-mat.md").write_text(article(title="BÍ MẬT"), encoding="utf-8")
    content = site(tmp_path)
    (content / link).parent.mkdir(parents=True, exist_ok=True)
    (content / link).symlink_to(target, target_is_directory=True)
    result = bantin("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"content/{link}: {code}" in result.stderr
    result = bantin("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    assert result.returncode == 1 and f"content/{link}: {code}" in result.stdout


# --- found by the adversary round ---------------------------------------------------

@pytest.mark.parametrize("target", ["..", "../tin-tuc", ".", "../media"])
def test_a_link_in_media_may_not_reach_the_rest_of_content_or_loop(tmp_path, target):
    content = site(tmp_path)
    (content / "tin-tuc" / "nhap").mkdir()
    (content / "tin-tuc" / "nhap" / "bao-cao-nhap.pdf").write_bytes(b"%PDF-1.4 BAN-NHAP")
    (content / "media").mkdir()
    (content / "media" / "lien-ket").symlink_to(target, target_is_directory=True)
    result = bantin("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/media/lien-ket: liên kết tượng trưng" in result.stderr
    assert not (tmp_path / "public").exists()
