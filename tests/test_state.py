"""Where bantin keeps its state, and what happens around the output folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from generator import pipeline
from generator.pipeline import BuildOptions, build
from tests.conftest import NOW, THEME, article, make_site


def test_a_build_started_earlier_never_publishes_over_a_later_one(tmp_path, monkeypatch):
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article("Bài A", body="Bản cũ.")})
    out = tmp_path / "public"
    options = BuildOptions(content=content, theme=THEME, output=out, now=NOW)
    rendering, real_render = threading.Event(), pipeline.render
    calls = []

    def slow_first_render(*args, **kwargs):
        result = real_render(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:  # the first build has read the old text and is slow to finish
            rendering.set()
            time.sleep(3)
        return result
    monkeypatch.setattr(pipeline, "render", slow_first_render)
    first = threading.Thread(target=build, args=(options,))
    first.start()
    assert rendering.wait(60)
    (content / "tin-tuc" / "a.md").write_text(article("Bài A", body="Bản mới."), encoding="utf-8")
    second = threading.Thread(target=build, args=(options,))
    second.start()
    first.join(60)
    second.join(60)
    page = (out / "tin-tuc" / "bai-a" / "index.html").read_text(encoding="utf-8")
    assert "Bản mới." in page and "Bản cũ." not in page


# --- the state folder: out of the web root ----------------------------------------

import errno
import functools
import http.server
import os
import pathlib
import shutil
import threading
import urllib.error
import urllib.request

from generator import writer
from generator.cli import main

DRAFT_TEXT = "Nội dung nháp bí mật chưa đăng"


def project(tmp_path: Path) -> tuple[Path, Path]:
    """content/ in a project folder, the site written into a shared web root."""
    content = make_site(tmp_path / "du-an", {
        "tin-tuc/a.md": article("Bài A", body="Đã đăng."),
        "tin-tuc/nhap.md": article("Bài nháp", body=DRAFT_TEXT, draft=True),
        "media/tep.pdf": b"%PDF-1.4 first",
    })
    return content, tmp_path / "webroot" / "xa-01"


def cli_build(content: Path, out: Path, *extra: str) -> int:
    return main(["--content", str(content), "--output", str(out), "--theme", str(THEME), *extra])


def served(root: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def status(server, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}{path}", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_web_root_holds_the_site_and_nothing_else(tmp_path, capsys):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    assert cli_build(content, out) == 0  # a second build has a previous generation and caches
    webroot = out.parent
    assert [p.name for p in webroot.iterdir()] == ["xa-01"]
    state = content.parent / ".bantin"
    assert any(state.rglob("articles")) and any(state.rglob("previous"))  # (a soft lock's file goes on release)
    server = served(webroot)
    try:
        assert status(server, "/xa-01/") == 200
        for leftover in ("/.xa-01.cache", "/.xa-01.cache-pages", "/.xa-01.lock", "/.xa-01.prev/", "/.bantin/"):
            assert status(server, leftover) == 404, leftover
    finally:
        server.shutdown()
        server.server_close()
    for file in webroot.rglob("*"):
        if file.is_file():
            assert DRAFT_TEXT.encode() not in file.read_bytes(), file


def test_the_state_folder_is_safe_to_delete(tmp_path, capsys):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shutil.rmtree(content.parent / ".bantin")
    assert cli_build(content, out) == 0
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == first


def test_state_can_be_chosen_but_never_inside_the_output(tmp_path, capsys):
    content, out = project(tmp_path)
    chosen = tmp_path / "trang-thai"
    assert cli_build(content, out, "--state", str(chosen)) == 0
    assert (chosen / "articles").exists() and not (content.parent / ".bantin").exists()
    capsys.readouterr()
    assert cli_build(content, out, "--state", str(out / "x")) == 2
    assert "--state" in capsys.readouterr().err


def test_leftovers_of_older_versions_beside_the_output_are_removed_with_a_note(tmp_path, capsys):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    webroot = out.parent
    (webroot / ".xa-01.cache").write_bytes(b"\x80\x05old pickle with " + DRAFT_TEXT.encode())
    (webroot / ".xa-01.cache-pages").write_bytes(b"\x80\x05")
    (webroot / ".xa-01.lock").write_bytes(b"")
    (webroot / ".xa-01.prev").mkdir()
    (webroot / ".xa-01.prev" / writer.MARKER).write_bytes(writer.MARKER_TEXT)
    elsewhere = tmp_path / "khong-lien-quan"
    elsewhere.mkdir()
    (elsewhere / "giu.txt").write_text("giữ nguyên", encoding="utf-8")
    (webroot / ".xa-01.staging").symlink_to(elsewhere)  # planted: removed as a link, never followed
    capsys.readouterr()
    assert cli_build(content, out) == 0
    err = capsys.readouterr().err
    assert [p.name for p in webroot.iterdir()] == ["xa-01"]
    assert "đã xoá" in err and ".xa-01.cache" in err
    assert (elsewhere / "giu.txt").read_text(encoding="utf-8") == "giữ nguyên"


def test_a_planted_link_in_the_state_folder_is_removed_not_followed(tmp_path, capsys):
    content, out = project(tmp_path)
    state = tmp_path / "state"
    assert cli_build(content, out, "--state", str(state)) == 0
    assert cli_build(content, out, "--state", str(state)) == 0
    elsewhere = tmp_path / "khong-lien-quan"
    elsewhere.mkdir()
    (elsewhere / "giu.txt").write_text("giữ nguyên", encoding="utf-8")
    shutil.rmtree(state / "previous")
    (state / "previous").symlink_to(elsewhere)
    assert cli_build(content, out, "--state", str(state)) == 0
    assert cli_build(content, out, "--state", str(state)) == 0  # and every later build works too
    assert (elsewhere / "giu.txt").read_text(encoding="utf-8") == "giữ nguyên"
    assert "Đã đăng." in (out / "tin-tuc" / "bai-a" / "index.html").read_text(encoding="utf-8")


def test_a_media_file_replaced_with_the_same_size_and_time_is_published(tmp_path, capsys):
    content, out = project(tmp_path)
    media = content / "media" / "tep.pdf"
    assert cli_build(content, out) == 0
    stat = media.stat()
    media.write_bytes(b"%PDF-1.4 other")  # same length
    os.utime(media, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert media.stat().st_size == stat.st_size and media.stat().st_mtime_ns == stat.st_mtime_ns
    assert cli_build(content, out) == 0
    assert (out / "media" / "tep.pdf").read_bytes() == b"%PDF-1.4 other"


def site_tree(out: Path) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_full_disk_gives_a_vietnamese_message_and_keeps_the_old_site(tmp_path, capsys, monkeypatch):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    before = site_tree(out)
    (content / "tin-tuc" / "a.md").write_text(article("Bài A", body="Bản mới hơn."), encoding="utf-8")
    real = pathlib.Path.write_bytes

    def full(self, data):
        if "staging" in self.parts:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)
    monkeypatch.setattr(pathlib.Path, "write_bytes", full)
    capsys.readouterr()
    assert cli_build(content, out) == 1
    err = capsys.readouterr().err
    assert "ổ đĩa đầy" in err and "staging" in err and "giải phóng chỗ trống" in err
    assert "Traceback" not in err and "No space" not in err
    assert site_tree(out) == before


def test_an_output_folder_that_cannot_be_replaced_gives_a_message_and_keeps_the_old_site(
        tmp_path, capsys, monkeypatch):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    before = site_tree(out)
    (content / "tin-tuc" / "a.md").write_text(article("Bài A", body="Bản mới hơn."), encoding="utf-8")
    real = os.rename

    def read_only(source, target, *args, **kwargs):
        if Path(source) == out.absolute():
            raise OSError(errno.EROFS, "Read-only file system", str(source))
        return real(source, target, *args, **kwargs)
    monkeypatch.setattr(writer.os, "rename", read_only)
    monkeypatch.setattr(writer, "_exchange", lambda a, b: False)  # as on Windows: two renames
    capsys.readouterr()
    assert cli_build(content, out) == 1
    err = capsys.readouterr().err
    assert "không có quyền ghi" in err and str(out) in err and "--output" in err
    assert "Traceback" not in err and "Read-only" not in err
    assert site_tree(out) == before
    monkeypatch.undo()
    assert cli_build(content, out) == 0  # the state is not stuck
    assert "Bản mới hơn." in (out / "tin-tuc" / "bai-a" / "index.html").read_text(encoding="utf-8")


def test_a_failed_second_rename_puts_the_old_site_back_at_once(tmp_path, capsys, monkeypatch):
    content, out = project(tmp_path)
    assert cli_build(content, out) == 0
    before = site_tree(out)
    (content / "tin-tuc" / "a.md").write_text(article("Bài A", body="Bản mới hơn."), encoding="utf-8")
    real = os.rename

    def busy(source, target, *args, **kwargs):
        if Path(target) == out.absolute() and Path(source).name == "staging":
            raise OSError(errno.EBUSY, "Device or resource busy", str(target))
        return real(source, target, *args, **kwargs)
    monkeypatch.setattr(writer.os, "rename", busy)
    monkeypatch.setattr(writer, "_exchange", lambda a, b: False)
    assert cli_build(content, out) == 1
    assert "đang mở tệp" in capsys.readouterr().err
    assert site_tree(out) == before
