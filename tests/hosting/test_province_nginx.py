"""``bantin province --server-config nginx``: the generated configuration, run by a real nginx.

Started like the tested snippets of docs/hosting.md (tests/hosting/test_hosting_servers.py):
127.0.0.1, a free port, skipped without nginx unless BANTIN_REQUIRE_SERVERS=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import run_build
from tests.hosting.test_hosting_servers import _start, _stop, binary, free_port
from tests.test_province import province


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    exe = binary("nginx")
    folder = Path(tempfile.mkdtemp(prefix="bantin-tinh-"))
    root = province(tmp_path_factory.mktemp("tinh"))
    out = folder / "public-tinh"
    result = run_build("province", str(root), "--output", str(out), "--server-config", "nginx")
    assert result.returncode == 0, result.stderr
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = free_port()
    text = (folder / "public-tinh.nginx.conf").read_text(encoding="utf-8")
    assert text.count("listen 80;") == 2  # the province host and the commune with its own
    server = text.replace("listen 80;", f"listen 127.0.0.1:{port};")
    work = Path(tempfile.mkdtemp(prefix="bantin-nginx-"))
    temp = " ".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(f"""
{"user nobody nogroup;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temp}
{server}
}}
""")
    check = subprocess.run([exe, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = _start([exe, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                     port, work, work / "error.log")
    yield {"port": port, "out": out}
    _stop(process)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(served, host: str, path: str, encoding: str = "identity"):
    request = urllib.request.Request(f"http://127.0.0.1:{served['port']}{path}",
                                     headers={"Host": host, "Accept-Encoding": encoding})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_each_commune_is_served_at_its_address_with_the_headers(served):
    out = served["out"]
    status, headers, body = get(served, "tinh.example.vn", "/xa-an-binh/")
    assert status == 200 and body == (out / "xa-an-binh" / "index.html").read_bytes()
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp and "script-src" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-cache"
    status, _, body = get(served, "lamson.example.vn", "/")  # the commune with its own host
    assert status == 200 and body == (out / "xa-lam-son" / "index.html").read_bytes()
    status, _, body = get(served, "tinh.example.vn", "/")  # the province index
    assert status == 200 and body == (out / "index.html").read_bytes()


def test_search_page_may_run_its_scripts(served):
    status, headers, _ = get(served, "tinh.example.vn", "/xa-van-to/tim-kiem/")
    assert status == 200 and "script-src 'self'" in headers["Content-Security-Policy"]


def test_each_site_has_its_own_404_and_no_dotfile_is_served(served):
    out = served["out"]
    status, _, body = get(served, "tinh.example.vn", "/xa-van-to/khong-co-trang-nay/")
    assert status == 404 and body == (out / "xa-van-to" / "404.html").read_bytes()
    status, _, body = get(served, "lamson.example.vn", "/khong-co/")
    assert status == 404 and body == (out / "xa-lam-son" / "404.html").read_bytes()
    assert any(p.name.startswith(".") for p in out.iterdir())  # the state the builds keep beside the sites
    for hidden in [p.name for p in out.iterdir() if p.name.startswith(".")]:
        assert get(served, "tinh.example.vn", f"/{hidden}")[0] == 404
    assert get(served, "tinh.example.vn", "/xa-van-to/.bantin-output")[0] == 404


def test_static_files_are_cached_and_pages_compressed(served):
    status, headers, _ = get(served, "tinh.example.vn", "/xa-an-binh/static/style.css")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=86400"
    status, headers, _ = get(served, "lamson.example.vn", "/static/style.css")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=86400"
    status, headers, _ = get(served, "tinh.example.vn", "/xa-an-binh/", encoding="gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
