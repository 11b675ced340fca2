"""The 404 page works on any host name and under a sub-path: its stylesheet loads under the CSP."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

from browser_support import SAMPLE_CONTENT, build

SUB_PATH = "/xa-01/"


class WebRoot(SimpleHTTPRequestHandler):
    """A host serving many sites from one folder: a missing page under /xa-01/ gets its 404 page."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            status, path = HTTPStatus.NOT_FOUND, Path(self.directory) / SUB_PATH.strip("/") / "404.html"
        body = path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def test_the_404_page_is_styled_on_another_host_and_under_a_sub_path(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    webroot = tmp_path / "webroot"
    # built for the real address; looked at on 127.0.0.1 and localhost (a preview, an IP address)
    build(content, webroot / SUB_PATH.strip("/"), "https://lamson.example.vn" + SUB_PATH)
    html = (webroot / "xa-01" / "404.html").read_text(encoding="utf-8")
    assert "lamson.example.vn/xa-01/static" not in html and f'href="{SUB_PATH}static/' in html
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(WebRoot, directory=str(webroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        for host in ("127.0.0.1", "localhost"):
            page = browser.new_page()
            refused, styles = [], []
            page.on("console", lambda message: refused.append(message.text)
                    if "Content Security Policy" in message.text else None)
            page.on("response", lambda response: styles.append((response.url, response.status))
                    if response.url.endswith(".css") else None)
            response = page.goto(f"http://{host}:{port}{SUB_PATH}khong-co/trang-nay/")
            assert response.status == 404
            page.wait_for_load_state("load")
            assert styles and all(status == 200 for _, status in styles), styles
            assert all(url.startswith(f"http://{host}:{port}{SUB_PATH}static/") for url, _ in styles), styles
            applied = page.evaluate("() => [...document.styleSheets].filter(s => s.href).map(s => s.cssRules.length)")
            assert applied and min(applied) > 0
            assert not refused, refused
            page.close()
    finally:
        server.shutdown()
        server.server_close()
