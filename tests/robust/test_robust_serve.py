"""Issue 10.5: the preview answers only requests addressed to this machine, and
every refused request gets an HTTP answer (never a dropped connection).

A DNS-rebinding page makes the browser send its own host name in ``Host``;
the preview shows drafts, so such requests get 421 and a short Vietnamese text.
Requests are sent on raw sockets so the test controls every header byte.
"""

from __future__ import annotations

import socket
import threading
from functools import partial

import pytest

from generator.commands.serve import Handler, Preview, PreviewServer, host_allowed
from generator.pipeline import BuildOptions
from tests.conftest import NOW, THEME, article, make_site


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    content = make_site(root, {"tin-tuc/a.md": article(title="Bài nháp bí mật", draft=True)})
    out = root / "site"
    preview = Preview(BuildOptions(content=content, theme=THEME, output=out, drafts=True, force=True,
                                   now=NOW), quiet=True)
    preview.rebuild()
    httpd = PreviewServer(("127.0.0.1", 0), partial(Handler, directory=str(out)))
    httpd.preview = preview
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def raw(port: int, request: bytes) -> tuple[int, str]:
    """Send *request* as is; (status, body) of the answer (status 0: connection dropped)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    if not data:
        return 0, ""
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def get(port: int, path: str = "/", host: str | None = "default", extra: str = "") -> tuple[int, str]:
    host_line = "" if host is None else f"Host: {f'127.0.0.1:{port}' if host == 'default' else host}\r\n"
    return raw(port, f"GET {path} HTTP/1.1\r\n{host_line}{extra}Connection: close\r\n\r\n".encode("latin-1"))


def test_local_names_with_the_bound_port_are_answered(server):
    for host in (f"127.0.0.1:{server}", f"localhost:{server}", f"LOCALHOST:{server}", f"[::1]:{server}"):
        status, body = get(server, "/tin-tuc/", host=host)
        assert status == 200, (host, status)
    assert "Bài nháp bí mật" in get(server, "/")[1]


@pytest.mark.parametrize("host", [
    "evil.example", "evil.example:{port}", "127.0.0.1.evil.example:{port}", "localhost.evil.example:{port}",
    "127.0.0.1:{other}", "localhost:{other}", "localhost", "127.0.0.1", "10.0.0.5:{port}", "0.0.0.0:{port}",
    "127.0.0.2:{port}", "localhost.:{port}", "[::1]", "[::ffff:127.0.0.1]:{port}", "127.1:{port}",
    "2130706433:{port}", "localhost:{port}@evil.example", "evil.example#@localhost:{port}",
    "localhost:{port}, evil.example", "xn--lcalhost-9za:{port}", " ",
])
def test_any_other_host_gets_421_and_no_page(server, host):
    status, body = get(server, "/", host=host.format(port=server, other=server + 1))
    assert status in (400, 421), (host, status)
    assert "Bài nháp" not in body and "xem trước" in body  # a short Vietnamese text


def test_a_missing_or_doubled_host_header_is_refused(server):
    assert get(server, "/", host=None)[0] == 400
    status, body = get(server, "/", extra="Host: evil.example\r\n")  # two Host headers
    assert status in (400, 421) and "Bài nháp" not in body


@pytest.mark.parametrize("path", ["/" + "a" * 6000, "/tin-tuc/" + "%41" * 3000, "/?q=" + "x" * 6000,
                                  "/" + "a/" * 3000, "/" + "ệ" * 2000])
def test_a_very_long_address_gets_414(server, path):
    status, body = get(server, path.encode("utf-8").decode("latin-1"))
    assert status == 414 and "quá dài" in body


@pytest.mark.parametrize("path", ["/" + "a" * 300, "/" + "a" * 300 + "/", "/%00", "/a%00.html",
                                  "/" + "b" * 300 + ".html", "/media/" + "c" * 1000 + ".jpg"])
def test_odd_paths_get_an_answer_not_a_dropped_connection(server, path):
    status, body = get(server, path)
    assert status in (400, 404), (path, status)


def test_the_standard_librarys_refusals_are_vietnamese_too(server):
    status, body = raw(server, f"POST / HTTP/1.1\r\nHost: 127.0.0.1:{server}\r\nContent-Length: 0\r\n"
                               "Connection: close\r\n\r\n".encode())
    assert status == 501 and "GET" in body and "Unsupported" not in body
    status, body = raw(server, b"GET / HTTP/9.9\r\n\r\n")
    assert status == 505 and "không hợp lệ" in body


def test_host_rule_is_pure():
    assert host_allowed("127.0.0.1:8000", "127.0.0.1", 8000)
    assert host_allowed("localhost:8000", "127.0.0.1", 8000)
    assert host_allowed("[::1]:8000", "127.0.0.1", 8000)
    assert host_allowed("localhost", "127.0.0.1", 80)
    assert not host_allowed("localhost", "127.0.0.1", 8000)
    assert not host_allowed("attacker.example:8000", "127.0.0.1", 8000)
    assert not host_allowed(None, "127.0.0.1", 8000)
    assert not host_allowed("", "127.0.0.1", 8000)
