"""The province index and a commune with its own colours and logo: valid HTML, no axe violations."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from browser_checks import axe_violations, vnu_errors
from browser_support import DESKTOP, PHONE
from tests.conftest import run_build
from tests.test_province import province


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from PIL import Image

    root = province(tmp_path_factory.mktemp("tinh"))
    content = root / "xa-van-to"
    (content / "media").mkdir()
    Image.new("RGB", (120, 120), (26, 92, 46)).save(content / "media" / "logo.png")
    with open(content / "site.yml", "a", encoding="utf-8") as handle:
        handle.write('logo: media/logo.png\ncolors: {primary: "#1a5c2e", accent: "#0b4f6c"}\n')
    out = tmp_path_factory.mktemp("public") / "public-tinh"
    result = run_build("province", str(root), "--output", str(out))
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_province_pages_are_valid_html(built, vnu_command):
    out, _ = built
    errors = vnu_errors(vnu_command, [out / "index.html", out / "xa-van-to" / "index.html"])
    assert errors == {}


@pytest.mark.parametrize("path", ["/", "/xa-van-to/"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_province_pages_have_no_accessibility_violations(built, open_tab, axe, path, viewport):
    _, base = built
    tab = open_tab(viewport)
    tab.goto(base + path)
    assert axe_violations(axe, tab.page) == []
