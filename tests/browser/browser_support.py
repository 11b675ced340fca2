"""Support for the browser tests and ``scripts/screenshots.py``.

* ``PAGE_TYPES``: one page of every type the theme renders, and where it is;
* ``build_sites``: the sample site and a "paged" site with a real page 2;
* ``SiteServer``: a tiny static web server behaving like a real host. It
  serves files from one folder, ``index.html`` for folder URLs;
* a missing path gets the site's ``404.html`` with status 404;
* compresses text responses with gzip when the browser accepts it, as real
  servers do, so transferred sizes measured in the browser are realistic.

Standard library and the project's own test helpers only, so the screenshot
command needs no browser-test packages beyond Playwright.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/xml", "application/atom+xml", "image/svg+xml",
                "application/javascript", "application/json")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with a real 404 page and gzip."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                      ".xml": "application/xml", ".csv": "text/csv; charset=utf-8"}

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass  # keep test output quiet

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard 301 to "folder/"
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            status = HTTPStatus.NOT_FOUND
            path = Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return None
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = accepts_gzip and ctype.startswith(COMPRESSIBLE)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return BytesIO(body)


class SiteServer:
    """Serve *root* on 127.0.0.1 at a free port, in a background thread.

    The port is known at construction, before the site is built, so the site
    can be built with ``--base-url`` pointing at this server.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        handler = partial(SiteHandler, directory=str(self.root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CONTENT = ROOT / "content"
THEME = ROOT / "themes" / "default"

#: Chromium as Debian packages it; Playwright's own browser download is not used.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

#: the category given > 20 articles in the paged site, so it has a page 2
PAGED_CATEGORY = "Tin tức - Sự kiện"
PAGED_ARTICLES = 23


@dataclass(frozen=True)
class PageType:
    name: str       # test id and screenshot file name
    site: str       # "sample" or "paged"
    path: str       # URL path on that site
    template: str   # the theme template that renders it
    status: int = 200
    chrome: bool = True  # the site's menu and sidebar (not on an article's print version or saved copy)


PAGE_TYPES = (
    PageType("home", "sample", "/", "home.html"),
    PageType("article", "sample", "/tin-tuc/be-tong-hoa-tuyen-duong-truc-thon-phu-xa/", "article.html"),
    PageType("page", "sample", "/trang/gioi-thieu/", "page.html"),
    PageType("section", "sample", "/tin-tuc/", "list.html"),
    PageType("category-page-2", "paged", "/chuyen-muc/tin-tuc-su-kien/trang-2/", "list.html"),
    PageType("bulletin", "sample", "/ban-tin/ban-tin-nong-thon-moi-thang-7-2023/", "article.html"),
    PageType("bulletins", "sample", "/ban-tin/", "bulletins.html"),
    PageType("tag", "sample", "/the/ocop/", "list.html"),
    PageType("tags", "sample", "/the/", "tags.html"),
    PageType("archive", "sample", "/luu-tru/", "archive.html"),
    PageType("month", "sample", "/luu-tru/2023/07/", "list.html"),
    PageType("statistics", "sample", "/thong-ke-tthc/", "stats.html"),
    PageType("print", "sample", "/tin-tuc/be-tong-hoa-tuyen-duong-truc-thon-phu-xa/in/", "print.html",
             chrome=False),
    PageType("saved", "sample", "/tin-tuc/be-tong-hoa-tuyen-duong-truc-thon-phu-xa/"
                                "be-tong-hoa-tuyen-duong-truc-thon-phu-xa.html", "saved.html", chrome=False),
    PageType("documents", "sample", "/van-ban/", "documents.html"),
    PageType("documents-year", "sample", "/van-ban/2025/", "documents.html"),
    PageType("documents-type", "sample", "/van-ban/loai/quyet-dinh/", "documents.html"),
    PageType("document", "sample", "/van-ban/12-tb-ubnd-2026/", "document.html"),
    PageType("procedures", "sample", "/thu-tuc/", "procedures.html"),
    PageType("procedure", "sample", "/thu-tuc/dang-ky-khai-sinh/", "procedure.html"),
    PageType("search", "sample", "/tim-kiem/", "search.html"),
    PageType("leaders", "sample", "/lanh-dao/", "leaders.html"),
    PageType("schedule", "sample", "/lich-cong-tac/", "schedule.html"),
    PageType("schedule-week", "sample", "/lich-cong-tac/2025-w13/", "week.html"),
    PageType("english", "sample", "/en/", "en.html"),
    PageType("not-found", "sample", "/khong-co-trang-nay/", "404.html", status=404),
)


def write_paged_content(root: Path) -> Path:
    """A site with the sample's settings, TTHC data and link images, plus enough
    articles in one category for a second list page. Returns its content folder."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.conftest import article, make_site

    files: dict[str, str | bytes] = {}
    for n in range(1, PAGED_ARTICLES + 1):
        files[f"tin-tuc/2024/bai-thu-{n:02d}.md"] = article(
            f"Tin hoạt động của xã Lam Sơn số {n}", date=f"2024-{(n - 1) // 2 + 1:02d}-{10 + n % 2:02d} 08:00:00",
            category=PAGED_CATEGORY, author="Ban Biên tập", tags=["hoạt động xã"],
            body=f"Bản tin ngắn số {n} về hoạt động của xã trong tháng.\n\n## Nội dung\n\nCác thôn triển khai kế hoạch.")
    content = make_site(root, files, site_yml=(SAMPLE_CONTENT / "site.yml").read_text(encoding="utf-8"),
                        tthc_yml=(SAMPLE_CONTENT / "tthc.yml").read_text(encoding="utf-8"))
    shutil.copytree(SAMPLE_CONTENT / "media", content / "media", dirs_exist_ok=True)
    return content


def build(content: Path, output: Path, base_url: str) -> None:
    """``python build.py`` as an editor runs it; raises with the tool's message on failure."""
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(content),
                             "--theme", str(THEME), "--output", str(output), "--base-url", base_url, "-q"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"build of {content} failed:\n{result.stdout}{result.stderr}")


@contextmanager
def serve_sites(workdir: Path):
    """Build the sample and the paged site under *workdir*, each served by its own
    SiteServer and built with that server as ``--base-url`` (as a real host would be).
    Yields ``{"sample": SiteServer, "paged": SiteServer}``."""
    outputs = {"sample": workdir / "sample" / "public", "paged": workdir / "paged" / "public"}
    with SiteServer(outputs["sample"]) as sample, SiteServer(outputs["paged"]) as paged:
        build(SAMPLE_CONTENT, outputs["sample"], sample.url)
        build(write_paged_content(workdir / "paged"), outputs["paged"], paged.url)
        yield {"sample": sample, "paged": paged}


def page_url(servers: dict, page_type: PageType) -> str:
    return servers[page_type.site].url + page_type.path.lstrip("/")


def output_file(servers: dict, page_type: PageType) -> Path:
    """The built file a page type is served from."""
    root = servers[page_type.site].root
    if page_type.status == 404:
        return root / "404.html"
    if page_type.path.endswith(".html"):  # a file of its own, e.g. the saved copy "Lưu bài"
        return root / page_type.path.strip("/")
    return root / page_type.path.strip("/") / "index.html"
