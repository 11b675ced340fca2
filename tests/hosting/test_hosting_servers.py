"""The nginx and Apache snippets in docs/hosting.md, run for real.

Each server is started on 127.0.0.1 (a free port) with the snippet exactly as
the document shows it (only the port and the site folder substituted) and
serves the built sample site. Missing server binaries skip these tests, unless
BANTIN_REQUIRE_SERVERS=1 (CI), where a missing server is a failure.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "hosting.md"
DOC_ROOT = "/var/www/bantin/public"
REQUIRED = os.environ.get("BANTIN_REQUIRE_SERVERS") == "1"
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
APACHE_MODULES = Path("/usr/lib/apache2/modules")


def snippets(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def binary(name: str) -> str:
    found = shutil.which(name) or next((f"{d}/{name}" for d in ("/usr/sbin", "/usr/local/sbin")
                                        if os.access(f"{d}/{name}", os.X_OK)), None)
    if found is None:
        if REQUIRED:
            pytest.fail(f"{name} is not installed but BANTIN_REQUIRE_SERVERS=1")
        pytest.skip(f"{name} is not installed (apt-get install nginx apache2)")
    return found


def optional(condition: bool, what: str) -> None:
    if not condition:
        if REQUIRED:
            pytest.fail(f"{what} is missing but BANTIN_REQUIRE_SERVERS=1")
        pytest.skip(f"{what} is missing")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text() if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not start")


@pytest.fixture(scope="module")
def www(built_sample):
    """The sample site copied where a server's unprivileged worker can read it."""
    folder = Path(tempfile.mkdtemp(prefix="bantin-www-"))
    site = folder / "public"
    shutil.copytree(built_sample, site)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield site
    shutil.rmtree(folder, ignore_errors=True)


def _start(command: list[str], port: int, work: Path, log: Path):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=work)
    wait_for(port, process, log)
    return process


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def nginx(www):
    exe = binary("nginx")
    main, brotli = snippets("nginx")
    work = Path(tempfile.mkdtemp(prefix="bantin-nginx-"))
    port = free_port()
    server = main.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(DOC_ROOT, str(www))
    has_brotli = NGINX_BROTLI.exists()
    if has_brotli:  # the optional block goes inside the server block, as the document says
        server = server.replace("    error_page 404", brotli + "\n    error_page 404", 1)
    temp = " ".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = f"""
{f"load_module {NGINX_BROTLI};" if has_brotli else ""}
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
"""
    (work / "nginx.conf").write_text(conf)
    check = subprocess.run([exe, "-t", "-p", str(work), "-c", str(work / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = _start([exe, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                     port, work, work / "error.log")
    yield {"base": f"http://127.0.0.1:{port}", "brotli": has_brotli}
    _stop(process)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def apache(www):
    exe = binary("apache2") if shutil.which("apache2") or os.path.exists("/usr/sbin/apache2") else binary("httpd")
    (vhost,) = snippets("apache")
    work = Path(tempfile.mkdtemp(prefix="bantin-apache-"))
    port = free_port()
    vhost = vhost.replace("<VirtualHost *:80>", f"<VirtualHost 127.0.0.1:{port}>").replace(DOC_ROOT, str(www))
    modules = ["mpm_event", "authz_core", "mime", "dir", "headers", "deflate", "filter", "alias", "brotli"]
    loads = "\n".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules
                      if (APACHE_MODULES / f"mod_{m}.so").exists())
    conf = f"""
ServerRoot {work}
DefaultRuntimeDir {work}
PidFile {work}/httpd.pid
ErrorLog {work}/error.log
LogLevel warn
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{loads}
{"User nobody" if os.geteuid() == 0 else ""}
{"Group nogroup" if os.geteuid() == 0 else ""}
TypesConfig /etc/mime.types
{vhost}
"""
    (work / "httpd.conf").write_text(conf)
    check = subprocess.run([exe, "-t", "-f", str(work / "httpd.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = _start([exe, "-f", str(work / "httpd.conf"), "-DFOREGROUND"], port, work, work / "error.log")
    yield {"base": f"http://127.0.0.1:{port}", "brotli": (APACHE_MODULES / "mod_brotli.so").exists()}
    _stop(process)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(params=["nginx", "apache"])
def server(request):
    return request.getfixturevalue(request.param)


def fetch(server, path: str, encoding: str = "identity"):
    request = urllib.request.Request(server["base"] + path, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_carry_the_security_headers(server, www):
    status, headers, body = fetch(server, "/")
    assert status == 200
    assert body == (www / "index.html").read_bytes()
    assert headers["Content-Type"].lower().replace(" ", "") == "text/html;charset=utf-8"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp and "script-src" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_caching_html_revalidates_static_and_media_are_kept(server, www):
    assert fetch(server, "/tin-tuc/")[1]["Cache-Control"] == "no-cache"
    status, headers, _ = fetch(server, "/static/style.css")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=86400"
    assert headers["Content-Type"].startswith("text/css")
    media = sorted(p for p in (www / "media").rglob("*") if p.is_file())[0]
    status, headers, body = fetch(server, "/" + media.relative_to(www).as_posix())
    assert status == 200 and body == media.read_bytes()
    assert headers["Cache-Control"] == "public, max-age=604800"


def test_gzip(server, www):
    status, headers, body = fetch(server, "/", "gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (www / "index.html").read_bytes()
    assert "accept-encoding" in headers["Vary"].lower()
    status, headers, body = fetch(server, "/static/style.css", "gzip")
    assert headers["Content-Encoding"] == "gzip"


def test_brotli(server):
    optional(server["brotli"], "the brotli module")
    status, headers, body = fetch(server, "/", "br")
    assert status == 200 and headers["Content-Encoding"] == "br"


def test_unknown_address_gets_the_sites_404_page(server, www):
    status, headers, body = fetch(server, "/khong-co-trang-nay/")
    assert status == 404
    assert body == (www / "404.html").read_bytes()
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_hidden_files_and_folder_listings_are_not_served(server, www):
    assert (www / ".bantin-output").exists()
    status, _, body = fetch(server, "/.bantin-output")
    assert status == 404 and b"bantin" not in body.split(b"<")[0]
    status, _, body = fetch(server, "/media/2023/")
    assert status in (403, 404) and b"Index of" not in body
