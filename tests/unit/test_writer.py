import errno
import threading
import time

import pytest

from generator import writer
from generator.errors import UsageError
from generator.errors import BuildFailed
from generator.writer import MARKER, Paths, write_site


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_build_then_only_changes_are_written(tmp_path):
    out = tmp_path / "public"
    stats = write_site(out, [("index.html", b"a"), ("tin-tuc/x/index.html", b"x")], [])
    assert stats.written == 3 and stats.files == 3  # two pages and the marker
    assert tree(out) == {MARKER: writer.MARKER_TEXT, "index.html": b"a", "tin-tuc/x/index.html": b"x"}

    # the second build has no previous generation to start from yet
    write_site(out, [("index.html", b"a"), ("tin-tuc/x/index.html", b"x")], [])
    stats = write_site(out, [("index.html", b"a"), ("tin-tuc/x/index.html", b"x")], [])
    assert stats.written == 0 and stats.removed == 0

    stats = write_site(out, [("index.html", b"b")], [])
    assert stats.written == 1 and stats.removed == 1
    assert tree(out) == {MARKER: writer.MARKER_TEXT, "index.html": b"b"}
    assert not (out / "tin-tuc").exists()


def test_a_file_and_a_folder_may_trade_places(tmp_path):
    out = tmp_path / "public"
    write_site(out, [("a", b"file"), ("b/index.html", b"page")], [])
    write_site(out, [("a/index.html", b"page"), ("b", b"file")], [])
    assert tree(out)["a/index.html"] == b"page" and tree(out)["b"] == b"file"


def test_static_copies_are_skipped_when_unchanged(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(b"png")
    out = tmp_path / "public"
    assert write_site(out, [], [(source, "static/logo.png")]).written == 2
    write_site(out, [], [(source, "static/logo.png")])
    assert write_site(out, [], [(source, "static/logo.png")]).written == 0
    source.write_bytes(b"png2")
    assert write_site(out, [], [(source, "static/logo.png")]).written == 1
    assert (out / "static" / "logo.png").read_bytes() == b"png2"


def test_a_failure_while_filling_leaves_the_output_untouched(tmp_path, monkeypatch):
    out = tmp_path / "public"
    write_site(out, [("index.html", b"old")], [])
    before = tree(out)

    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(writer, "fill_staging", broken)
    with pytest.raises(BuildFailed) as failed:
        write_site(out, [("index.html", b"new")], [])
    assert failed.value.diagnostics[0].code == "write_no_space"
    assert tree(out) == before
    monkeypatch.undo()
    write_site(out, [("index.html", b"new")], [])
    assert (out / "index.html").read_bytes() == b"new"


def test_killed_between_fallback_renames_is_recovered(tmp_path):
    out = tmp_path / "public"
    write_site(out, [("index.html", b"v1")], [])
    write_site(out, [("index.html", b"v2")], [])
    paths = Paths.of(out)
    # what the two-rename fallback leaves if killed between its renames:
    paths.staging.mkdir()
    (paths.staging / "half").write_bytes(b"?")
    import os
    import shutil
    shutil.rmtree(paths.prev)
    os.rename(out, paths.prev)
    assert not out.exists()
    writer.recover(out)
    assert (out / "index.html").read_bytes() == b"v2"
    write_site(out, [("index.html", b"v3")], [])
    assert tree(out) == {MARKER: writer.MARKER_TEXT, "index.html": b"v3"}


def test_a_folder_bantin_did_not_make_is_refused_unless_forced(tmp_path):
    webroot = tmp_path / "www"
    webroot.mkdir()
    (webroot / "old-portal.php").write_text("<?php")
    with pytest.raises(UsageError, match="không do bantin tạo ra"):
        write_site(webroot, [("index.html", b"x")], [])
    assert (webroot / "old-portal.php").exists()
    write_site(webroot, [("index.html", b"x")], [], force=True)
    assert tree(webroot) == {MARKER: writer.MARKER_TEXT, "index.html": b"x"}


def test_a_second_writer_waits_for_the_first(tmp_path, monkeypatch):
    out = tmp_path / "public"
    started, release = threading.Event(), threading.Event()
    real_fill = writer.fill_staging
    waited = []

    def slow_fill(staging, files, copies):
        started.set()
        release.wait(5)
        return real_fill(staging, files, copies)

    monkeypatch.setattr(writer, "fill_staging", slow_fill)
    first = threading.Thread(target=write_site, args=(out, [("index.html", b"first")], []))
    first.start()
    assert started.wait(5)
    monkeypatch.setattr(writer, "fill_staging", real_fill)
    second = threading.Thread(target=write_site, args=(out, [("index.html", b"second")], []),
                              kwargs={"wait_message": lambda: waited.append(True)})
    second.start()
    time.sleep(0.3)
    assert waited == [True] and second.is_alive()
    release.set()
    first.join(5)
    second.join(5)
    assert (out / "index.html").read_bytes() == b"second"
