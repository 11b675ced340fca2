"""``python build.py serve``: preview the site while writing, reloaded on every save.

Builds with drafts shown into a private temporary folder (never ``public/``)
through the same pipeline as ``python build.py``, serves it on 127.0.0.1 with
the standard library's ``ThreadingHTTPServer``, and watches content/ and the
theme with watchfiles (a maintained, native file watcher: no polling loop to
hand-tune). After each rebuild the open page reloads itself: a small script is
added to HTML responses at serve time only, with the page's Content-Security-
Policy relaxed just enough for it; the files on disk never contain it.

A content error does not stop the preview: the terminal prints the messages
and every page shows them until the file is fixed (the model is MkDocs'
livereload: settle, rebuild, survive failures, show an error page).
"""

from __future__ import annotations

import html
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import webbrowser
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import watchfiles

from .options import add_build_options, print_diagnostics, validate_paths
from ..errors import BuildFailed, Diagnostic, UsageError, diag, os_reason
from ..pipeline import BuildOptions, build

HOST = "127.0.0.1"
RELOAD_PATH = "/__bantin/reload"
SCRIPT_PATH = "/__bantin/livereload.js"
#: the only names the preview answers to (a DNS-rebinding page sends its own host name)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
#: the longest request target answered; longer ones get 414 (no page of the site needs more)
MAX_TARGET = 2048
#: how long one long-poll request waits for a rebuild before answering "no change"
POLL_SECONDS = 20.0

HELP = """Xem trước trang web trên máy của mình trong khi viết bài.

Tạo trang (hiện cả bài nháp và bài hẹn giờ) vào một thư mục tạm, mở địa chỉ
http://127.0.0.1:8000/ trong trình duyệt để xem. Mỗi khi lưu một bài trong
content/ (hoặc sửa giao diện), trang được tạo lại và trình duyệt tự tải lại.
Nếu bài có lỗi, lỗi hiện ở đây và trên trình duyệt; sửa xong là trang trở lại,
không cần chạy lại lệnh. Thư mục public/ không bị động đến.
Nhấn Ctrl+C để dừng."""

EPILOG = """Ví dụ:
  python build.py serve
  python build.py serve --port 8080 --open

Mã thoát: 0 hoặc 130 khi dừng bằng Ctrl+C, 2 dùng lệnh sai (ví dụ cổng đang bận)."""

RELOAD_SCRIPT = """\
(function () {
  "use strict";
  var version = document.currentScript.getAttribute("data-version");
  function poll() {
    fetch("%s?v=" + encodeURIComponent(version), {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (latest) {
        if (latest.trim() !== version) { window.location.reload(); } else { poll(); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
""" % RELOAD_PATH

_CSP_META = re.compile(r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.I)


def add_arguments(parser) -> None:
    add_build_options(parser)
    parser.add_argument("--port", type=int, default=8000, metavar="SỐ",
                        help="cổng để xem trước (mặc định: 8000; 0: chọn một cổng trống bất kỳ)")
    parser.add_argument("--open", action="store_true", help="mở trình duyệt ngay khi sẵn sàng")
    parser.add_argument("-q", "--quiet", action="store_true", help="chỉ in lỗi")
    parser.add_argument("-v", "--verbose", action="store_true", help="in cả từng yêu cầu của trình duyệt")


# --- what the browser receives (pure) -----------------------------------------------

def relax_csp(policy: str) -> str:
    """Allow the reload script and its request: add 'self' to script-src and connect-src."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    for name in ("script-src", "connect-src"):
        for index, directive in enumerate(directives):
            parts = directive.split()
            if parts[0] == name:
                if "'self'" not in parts:
                    directives[index] = " ".join(parts + ["'self'"])
                break
        else:
            directives.append(f"{name} 'self'")
    return "; ".join(directives)


def inject_reload(page: str, version: int) -> str:
    """The served copy of a page: CSP relaxed and the reload script added before </body>."""
    def rewrite(match: re.Match) -> str:
        policy = relax_csp(html.unescape(match.group(2)))
        return match.group(1) + policy.replace("&", "&amp;").replace('"', "&quot;") + match.group(3)

    page = _CSP_META.sub(rewrite, page, count=1)
    tag = f'<script src="{SCRIPT_PATH}" data-version="{version}"></script>\n'
    at = page.lower().rfind("</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def error_page(diagnostics: tuple[Diagnostic, ...], version: int) -> str:
    """Every error of the failed build, the same lines as in the terminal."""
    items = "\n".join(html.escape(d.format()) for d in diagnostics)
    return inject_reload(f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Nội dung có lỗi — bantin</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }}
h1 {{ color: #b00020; font-size: 1.5rem; }}
pre {{ background: #fff4f4; border: 1px solid #e0b4b4; padding: 1rem; white-space: pre-wrap; }}
</style>
</head>
<body>
<h1>Chưa tạo được trang: nội dung có {len(diagnostics)} lỗi</h1>
<p>Mỗi dòng dưới đây ghi tên tệp, số dòng và cách sửa. Sửa rồi lưu tệp: trang này tự tải lại.</p>
<pre id="loi">{items}</pre>
</body>
</html>
""", version)


def host_allowed(header: str | None, bound: str, port: int) -> bool:
    """Whether a request's Host header names this preview: 127.0.0.1, localhost,
    [::1] or the bound address, with the bound port (no port only when it is 80)."""
    if not header:
        return False
    host, sep, given = header.strip().lower().rpartition(":")
    if not sep or host == "[" or given.endswith("]"):  # no port, or a bare IPv6 address
        host, given = header.strip().lower(), ""
    if given and given != str(port) or not given and port != 80:
        return False
    names = set(LOCAL_HOSTS) | {bound.lower(), f"[{bound.lower()}]" if ":" in bound else bound.lower()}
    return host in names


# --- the preview: build, remember the outcome, wake waiting browsers ----------------

class Preview:
    """The latest build's outcome. ``version`` grows on every rebuild, good or bad."""

    def __init__(self, options: BuildOptions, quiet: bool = False):
        self.options = options
        self.quiet = quiet
        self.version = 0
        self.errors: tuple[Diagnostic, ...] = ()
        self._changed = threading.Condition()
        self._building = threading.Lock()

    def rebuild(self) -> None:
        with self._building:
            started = time.perf_counter()
            try:
                report = build(self.options)
                errors: tuple[Diagnostic, ...] = ()
            except BuildFailed as failed:
                errors, report = tuple(failed.diagnostics), None
            except UsageError as exc:
                errors, report = (Diagnostic(str(self.options.theme), None, str(exc)),), None
            except Exception as exc:  # noqa: BLE001 - a bug must not end the preview
                errors = (diag(str(self.options.content), None, "internal_error",
                               problem=f"{type(exc).__name__}: {exc}"),)
                report = None
            with self._changed:
                self.version += 1
                self.errors = errors
                self._changed.notify_all()
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        if errors:
            print_diagnostics(errors)
            print(f"Có {len(errors)} lỗi — trình duyệt đang hiện danh sách lỗi. Sửa rồi lưu tệp, "
                  "trang sẽ tự tạo lại.", file=sys.stderr, flush=True)
        elif not self.quiet:
            print(f"Đã tạo {report.pages} trang trong {seconds} giây.", flush=True)

    def state(self) -> tuple[tuple[Diagnostic, ...], int]:
        """(errors of the latest build, its version), read together."""
        with self._changed:
            return self.errors, self.version

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen, timeout)
            return self.version


class Handler(SimpleHTTPRequestHandler):
    """Serves the temporary build; HTML gets the reload script, errors get the error page."""

    server: "PreviewServer"

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status: int, text: str) -> None:
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":  # no one speaks 0.9: always a status line
            self.request_version = "HTTP/1.0"
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None) -> None:
        """The standard library's own refusals (bad request line, 501…), in Vietnamese."""
        text = {HTTPStatus.REQUEST_URI_TOO_LONG: f"Địa chỉ quá dài (hơn {MAX_TARGET} ký tự) — kiểm tra lại liên kết.",
                HTTPStatus.NOT_IMPLEMENTED: "Bản xem trước chỉ nhận yêu cầu GET và HEAD.",
                HTTPStatus.NOT_FOUND: "Không tìm thấy trang."}.get(code, "Yêu cầu không hợp lệ.")
        self._refuse(code, text)

    def parse_request(self) -> bool:
        """The request line and headers, then two gates before any method runs:
        the target's length (414) and the Host header (400 missing, 421 foreign)."""
        if not super().parse_request():
            return False
        if len(self.path) > MAX_TARGET:
            self._refuse(HTTPStatus.REQUEST_URI_TOO_LONG,
                         f"Địa chỉ quá dài (hơn {MAX_TARGET} ký tự) — kiểm tra lại liên kết.")
            return False
        bound, port = self.server.server_address[:2]
        hosts = self.headers.get_all("Host") or []
        host = hosts[0] if len(hosts) == 1 else None
        if not host_allowed(host, str(bound), port):
            status = HTTPStatus.BAD_REQUEST if not host or not host.strip() else HTTPStatus.MISDIRECTED_REQUEST
            self._refuse(status, f"Bản xem trước chỉ mở được tại http://{HOST}:{port}/ trên chính máy này.")
            return False
        return True

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        try:
            self._get()
        except (OSError, ValueError) as error:  # a name too long for the disk, a NUL byte…
            if isinstance(error, ConnectionError):
                raise
            self._refuse(HTTPStatus.NOT_FOUND, "Không tìm thấy trang.")

    def _get(self) -> None:
        preview = self.server.preview
        parts = urlsplit(self.path)
        if parts.path == RELOAD_PATH:
            seen = parse_qs(parts.query).get("v", ["-1"])[0]
            try:
                seen_version = int(seen)
            except ValueError:
                seen_version = -1
            latest = preview.wait_for_change(seen_version, POLL_SECONDS)
            return self._send(HTTPStatus.OK, str(latest).encode(), "text/plain; charset=utf-8")
        if parts.path == SCRIPT_PATH:
            return self._send(HTTPStatus.OK, RELOAD_SCRIPT.encode(), "text/javascript; charset=utf-8")
        errors, version = preview.state()
        is_page = parts.path.endswith(("/", ".html")) or "." not in parts.path.rsplit("/", 1)[-1]
        if errors and is_page:
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR,
                              error_page(errors, version).encode("utf-8"), "text/html; charset=utf-8")
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not parts.path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", parts.path + "/" + (f"?{parts.query}" if parts.query else ""))
                self.send_header("Content-Length", "0")
                return self.end_headers()
            file = file / "index.html"
        if file.suffix == ".html" or not file.exists():
            status = HTTPStatus.OK
            if not file.is_file():
                status, file = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
                if not file.is_file():
                    return self._send(status, "Không tìm thấy trang.".encode(), "text/plain; charset=utf-8")
            page = inject_reload(file.read_text(encoding="utf-8"), version)
            return self._send(status, page.encode("utf-8"), "text/html; charset=utf-8")
        return super().do_GET()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # waiting reload requests never block Ctrl+C
    preview: Preview
    verbose: bool = False

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return  # the browser closed the tab or reloaded while we answered
        print(f"lỗi khi trả lời trình duyệt: {type(error).__name__}: {error}", file=sys.stderr, flush=True)


def watch(preview: Preview, paths: list[Path], stop: threading.Event, ready: threading.Event) -> None:
    """Rebuild after each burst of changes (watchfiles groups the events of one save).

    ``yield_on_timeout`` makes watchfiles yield an empty set once it is watching,
    which sets *ready*: the preview is announced only when no save can be missed.
    """
    for changes in watchfiles.watch(*paths, stop_event=stop, debounce=1600, step=50, rust_timeout=200,
                                    yield_on_timeout=True, raise_interrupt=False):
        if not changes:
            ready.set()
            continue
        preview.rebuild()


def _stop_on_sigterm() -> None:
    def handler(signum, frame):
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def run(args) -> int:
    try:
        validate_paths(args)
    except UsageError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"lỗi: cổng {args.port} không hợp lệ — dùng một số từ 1024 đến 65535 (hoặc 0: "
              "chọn một cổng trống), ví dụ --port 8000",
              file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bantin-xem-truoc-"))
    stop = threading.Event()
    server = None
    try:
        handler = partial(Handler, directory=str(workdir / "site"))
        try:
            server = PreviewServer((HOST, args.port), handler)
        except OSError as exc:
            print(f"lỗi: không mở được cổng {args.port} ({os_reason(exc)}) — có thể một lệnh serve "
                  f"khác đang chạy; dùng cổng khác, ví dụ --port {args.port + 1 if args.port else 8001}",
                  file=sys.stderr)
            return 2
        port = server.server_address[1]
        address = f"http://{HOST}:{port}/"
        # caches make a save re-read one article and re-render only the pages it
        # touches; one process (jobs=1): forking beside the server's threads is unsafe
        options = BuildOptions(content=args.content, theme=args.theme, output=workdir / "site",
                               drafts=True, base_url=args.base_url or address, force=True,
                               cache=workdir / "state" / "articles", state=workdir / "state")
        preview = Preview(options, quiet=args.quiet)
        server.preview, server.verbose = preview, args.verbose
        _stop_on_sigterm()
        ready = threading.Event()
        watcher = threading.Thread(target=watch, args=(preview, [args.content, args.theme], stop, ready),
                                   name="bantin-watch", daemon=True)
        watcher.start()
        preview.rebuild()
        ready.wait(5)
        print(f"Xem trước tại {address} — sửa bài rồi lưu, trình duyệt sẽ tự tải lại. "
              "Nhấn Ctrl+C để dừng.", flush=True)
        if args.open:
            webbrowser.open(address)
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        if server is not None:
            server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0
