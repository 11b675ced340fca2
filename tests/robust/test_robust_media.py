"""Issue 10.6: active content in content/media is refused, never published.

Each file of ``corpus/media/`` is an SVG, HTML, XML, script… (some disguised
as .png/.jpg/.txt, one UTF-16, one without a name suffix). Dropped into a good
site, each one stops the build with a message naming the file and the fix,
and the previous site stays as it was; ``check`` reports the same.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import options as build_command
from generator.media import media_files, media_problem
from generator.messages import MESSAGES
from tests.conftest import THEME, article, make_site

CORPUS = Path(__file__).parent / "corpus" / "media"
MARKUP = {"anh-that-ra-la-svg.png", "anh-that-ra-la-html.jpg", "co-bom.txt", "utf16.txt", "script.csv"}
GOOD = {"tin-tuc/2023/bai-tot.md": article(title="Bài viết tốt", body="Nội dung bài tốt."),
        "media/2023/anh.jpg": b"\xff\xd8\xff\xe0 JFIF", "media/2023/van-ban.pdf": b"%PDF-1.4\n",
        "media/2023/ANH-HOA.JPG": b"\xff\xd8\xff\xe0 JFIF", "media/2023/Thumbs.db": b"\x00junk",
        "media/2023/bang.csv": "thôn,số hộ\nĐông,120\n"}


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content: Path, out: Path, capsys) -> tuple[int, str]:
    build_command.print_diagnostics.__defaults__ = (sys.stderr,)  # see test_robust_corpus.build
    capsys.readouterr()
    code = main(["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"])
    return code, capsys.readouterr().err


def test_passive_media_is_published_and_os_junk_is_not(tmp_path, capsys):
    content = make_site(tmp_path, GOOD)
    out = tmp_path / "public"
    code, err = build(content, out, capsys)
    assert code == 0, err
    published = set(digest(out))
    assert {"media/2023/van-ban.pdf", "media/2023/bang.csv"} <= published
    # photos are published only as metadata-free variants of the pages that show them
    # (images.py), never as the original file
    assert not {"media/2023/anh.jpg", "media/2023/ANH-HOA.JPG"} & published
    assert not (out / "media" / "2023" / "Thumbs.db").exists()


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_active_media_is_refused_naming_the_file_and_the_fix(name, tmp_path, capsys):
    content = make_site(tmp_path, GOOD)
    out = tmp_path / "public"
    assert build(content, out, capsys)[0] == 0
    before = digest(out)
    (content / "media" / "2023" / name).write_bytes((CORPUS / name).read_bytes())
    code, err = build(content, out, capsys)
    assert code == 1 and "Traceback" not in err, err
    first = err.splitlines()[0]
    assert first.startswith(f"content/media/2023/{name}: "), first
    expected = "media_markup" if name in MARKUP else "media_active"
    assert MESSAGES[expected].split("{")[0] in first or MESSAGES[expected][:30] in first
    assert ".png" in first or ".pdf" in first or ".zip" in first  # the fix
    assert digest(out) == before

    capsys.readouterr()
    assert main(["check", "--content", str(content), "--theme", str(THEME)]) == 1
    assert f"content/media/2023/{name}: " in capsys.readouterr().out


def test_every_active_file_at_once_is_listed(tmp_path, capsys):
    files = {f"media/x/{p.name}": p.read_bytes() for p in CORPUS.iterdir()}
    content = make_site(tmp_path, {**GOOD, **files})
    copies, problems = media_files(content)
    assert {d.path.rsplit("/", 1)[1] for d in problems} == {p.name for p in CORPUS.iterdir()}
    assert not [dest for _, dest in copies if dest.startswith("media/x/")]


@pytest.mark.parametrize("name, head", [
    ("a.SvG", b"<svg/>"), ("a.svg ", b""), ("a.html.", b""), ("a.jpg.html", b""), ("a.shtml", b""),
    ("a.xsl", b""), ("a.swf", b"FWS"), ("a.wasm", b"\0asm"), ("a.mjs", b""), ("a.json", b"{}"),
    ("a.png", b"\n\n   <SVG onload=alert(1)>"), ("a.gif", b"<!-- x --><script>"),
    ("a.pdf", b"<html><script>alert(1)</script>"), ("a.txt", b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"),
])
def test_the_rule_refuses_variants(name, head):
    assert media_problem(name, head) is not None, name


@pytest.mark.parametrize("name, head", [
    ("a.jpg", b"\xff\xd8\xff"), ("a.PNG", b"\x89PNG\r\n"), ("a.pdf", b"%PDF-1.7"), ("a.txt", b"Th\xc3\xb4ng b\xc3\xa1o"),
    ("a.txt", b"a < b va c > d"), ("a.docx", b"PK\x03\x04"),
])
def test_the_rule_accepts_passive_files(name, head):
    assert media_problem(name, head) is None, name
