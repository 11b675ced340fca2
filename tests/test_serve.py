"""``python build.py serve``: a real server on a free port, real edits, bounded waits.

Also the terminal progress bar (generator/progress.py), which belongs to the
same editor feedback loop.
"""

from __future__ import annotations

import html
import io
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import shutil
import signal

from generator.errors import diag
from generator.commands.serve import RELOAD_PATH, SCRIPT_PATH, inject_reload, relax_csp
from generator.text import slugify
from tests.conftest import ROOT, THEME, article, make_site, run_build

WAIT = 10.0  # seconds: the longest any step may take before the test fails


class Served:
    """``python build.py serve --port 0`` running in a folder, its output collected."""

    def __init__(self, cwd: Path, tmpdir: Path, theme: Path = THEME, *extra: str):
        env = dict(os.environ, TMPDIR=str(tmpdir), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "serve", "--port", "0", "--content", "content",
             "--theme", str(theme), *extra], cwd=cwd, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.stdout: queue.Queue[str] = queue.Queue()
        self.stderr_lines: list[str] = []
        threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout.put), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr_lines.append),
                         daemon=True).start()
        self.base = self._address()

    @staticmethod
    def _pump(stream, sink) -> None:
        for line in stream:
            sink(line.rstrip("\n"))

    def _address(self) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.stdout.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, "\n".join(self.stderr_lines)
                continue
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if match:
                return match.group(0)
        raise AssertionError("serve did not print its address in time: " + "\n".join(self.stderr_lines))

    def get(self, path: str, timeout: float = 5) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path.lstrip("/"), timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def wait_for(self, path: str, ok) -> tuple[float, int, str]:
        """Fetch *path* until ok(status, body); returns (seconds waited, status, body)."""
        started = time.monotonic()
        status, body = self.get(path)
        while not ok(status, body):
            assert time.monotonic() - started < WAIT, f"no change after {WAIT} s: {status} {body[:300]}"
            time.sleep(0.05)
            status, body = self.get(path)
        return time.monotonic() - started, status, body

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)


@pytest.fixture
def served(tmp_path):
    make_site(tmp_path, {"tin-tuc/2023/le-hoi.md": article("Lễ hội làng", body="Đoạn đầu tiên.")})
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    server = Served(tmp_path, tmpdir)
    yield server, tmp_path
    server.stop()


def served_files(tmpdir: Path) -> list[Path]:
    return [p for p in tmpdir.rglob("*") if p.is_file()]


def test_edit_is_visible_after_save(served):
    server, root = served
    status, body = server.get("/tin-tuc/le-hoi-lang/")
    assert status == 200 and "Lễ hội làng" in body
    source = root / "content" / "tin-tuc" / "2023" / "le-hoi.md"
    source.write_text(article("Lễ hội làng", body="Đoạn đã sửa lúc xem trước."), encoding="utf-8")
    seconds, status, body = server.wait_for("/tin-tuc/le-hoi-lang/",
                                            lambda s, b: "Đoạn đã sửa lúc xem trước." in b)
    assert status == 200
    print(f"rebuild-to-visible: {seconds:.2f} s")


def test_drafts_are_shown_in_the_preview(served):
    server, root = served
    (root / "content" / "tin-tuc" / "2023" / "nhap.md").write_text(
        article("Bài nháp đang viết", body="Chưa đăng.", draft=True), encoding="utf-8")
    server.wait_for(f"/tin-tuc/{slugify('Bài nháp đang viết')}/", lambda s, b: s == 200)


def test_open_page_is_told_to_reload(served):
    server, root = served
    status, body = server.get("/")
    version = re.search(r'data-version="(\d+)"', body).group(1)
    answer: list[str] = []
    waiter = threading.Thread(target=lambda: answer.append(
        server.get(f"{RELOAD_PATH}?v={version}", timeout=WAIT)[1]))
    waiter.start()
    time.sleep(0.3)
    assert not answer, "the reload request must wait for a change"
    (root / "content" / "tin-tuc" / "2023" / "moi.md").write_text(article("Bài mới"), encoding="utf-8")
    waiter.join(WAIT)
    assert answer and int(answer[0]) > int(version)
    status, script = server.get(SCRIPT_PATH)
    assert status == 200 and RELOAD_PATH in script and "location.reload" in script


def test_error_page_while_broken_and_recovery_without_restart(served):
    server, root = served
    source = root / "content" / "tin-tuc" / "2023" / "le-hoi.md"
    source.write_text(article("Lễ hội làng", date="31/02/2023"), encoding="utf-8")
    message = diag("content/tin-tuc/2023/le-hoi.md", 3, "bad_date", value="31/02/2023").format()
    _, status, body = server.wait_for("/", lambda s, b: s == 500)
    assert html.escape(message) in body  # the browser shows the terminal's message
    assert SCRIPT_PATH in body  # and keeps listening for the fix
    deadline = time.monotonic() + WAIT
    while message not in server.stderr_lines:
        assert time.monotonic() < deadline, server.stderr_lines
        time.sleep(0.05)
    status, _ = server.get("/tin-tuc/le-hoi-lang/")
    assert status == 500
    source.write_text(article("Lễ hội làng", body="Đã sửa ngày."), encoding="utf-8")
    _, status, body = server.wait_for("/tin-tuc/le-hoi-lang/", lambda s, b: s == 200)
    assert "Đã sửa ngày." in body and "Chưa tạo được trang" not in body
    assert server.proc.poll() is None


def test_reload_script_only_in_responses_never_on_disk(served):
    server, root = served
    status, body = server.get("/tin-tuc/le-hoi-lang/")
    assert SCRIPT_PATH in body and "script-src 'self'" in body
    files = served_files(root / "tmp")
    assert any(p.name == "index.html" for p in files), "serve builds into its own temporary folder"
    for file in files:
        assert b"__bantin" not in file.read_bytes(), file
    assert not (root / "public").exists()
    status, css = server.get("/static/style.css")
    assert status == 200 and "__bantin" not in css
    server.stop()
    assert not any(p.name.startswith("bantin-xem-truoc-") for p in (root / "tmp").iterdir())


def test_theme_edit_is_picked_up(tmp_path):
    make_site(tmp_path, {"tin-tuc/2023/a.md": article("Bài thử giao diện")})
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    (tmp_path / "tmp").mkdir()
    server = Served(tmp_path, tmp_path / "tmp", theme)
    try:
        css = theme / "static" / "style.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* sửa-giao-diện */\n", encoding="utf-8")
        server.wait_for("/static/style.css", lambda s, b: "sửa-giao-diện" in b)
    finally:
        server.stop()


def browser() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("BANTIN_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (BANTIN_REQUIRE_BROWSER=1)", pytrace=False)
        pytest.skip("Chromium is not installed")
    return found


def test_real_browser_reloads_the_open_page(tmp_path):
    chromium = browser()
    make_site(tmp_path, {"tin-tuc/2023/le-hoi.md": article("Lễ hội làng", body="Đoạn đầu tiên.")})
    (tmp_path / "tmp").mkdir()
    server = Served(tmp_path, tmp_path / "tmp", THEME, "-v")
    page = "/tin-tuc/le-hoi-lang/"
    requests = lambda: sum(1 for line in server.stderr_lines if f'"GET {page} ' in line)  # noqa: E731
    profile = tmp_path / "profile"
    proc = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--remote-debugging-port=0", server.base + page.lstrip("/")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT
        while not any(line for line in server.stderr_lines if "livereload.js" in line):
            assert time.monotonic() < deadline, "the browser did not load the reload script"
            time.sleep(0.05)
        time.sleep(0.5)  # let the script start its request
        assert requests() == 1
        (tmp_path / "content" / "tin-tuc" / "2023" / "le-hoi.md").write_text(
            article("Lễ hội làng", body="Đoạn đã sửa."), encoding="utf-8")
        while requests() < 2:
            assert time.monotonic() < deadline + WAIT, "the open page was not reloaded"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
        server.stop()


def test_public_build_has_no_reload_script(built_sample):
    for file in built_sample.rglob("*"):
        if file.is_file():
            assert b"__bantin" not in file.read_bytes(), file


def test_missing_page_is_the_404_page(served):
    server, _ = served
    status, body = server.get("/khong-co-trang-nay/")
    assert status == 404 and SCRIPT_PATH in body


def test_csp_rewrite_keeps_the_rest_of_the_policy():
    policy = "default-src 'none'; style-src 'self'; img-src 'self' data:"
    relaxed = relax_csp(policy)
    assert relaxed.startswith(policy) and "script-src 'self'" in relaxed and "connect-src 'self'" in relaxed
    assert relax_csp("script-src https://x.vn") == "script-src https://x.vn 'self'; connect-src 'self'"
    page = '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head>' \
           '<body><p>x</p></body></html>'
    served = inject_reload(page, 7)
    assert served.index('data-version="7"') < served.index("</body>")
    assert "script-src 'self'" in served


def test_port_in_use_is_a_clear_usage_error(served):
    server, root = served
    port = server.base.rsplit(":", 1)[1].strip("/")
    result = run_build("serve", "--port", port, "--content", "content", "--theme", str(THEME), cwd=root,
                       timeout=30)
    assert result.returncode == 2 and f"cổng {port}" in result.stderr


def test_help_is_vietnamese_with_an_example():
    result = run_build("serve", "--help")
    assert result.returncode == 0
    assert "Ví dụ:" in result.stdout and "python build.py serve" in result.stdout


# --- the progress bar of long builds (generator/progress.py) -------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_big_builds():
    from generator.progress import THRESHOLD, terminal_progress

    def drive(stream, total, enabled=True) -> str:
        with terminal_progress(enabled=enabled, stream=stream) as progress:
            for done in range(1, total + 1):
                progress(done, total)
        return stream.getvalue()

    shown = drive(FakeTerminal(), THRESHOLD + 50)
    assert "Đang tạo trang" in shown and f"/{THRESHOLD + 50}" in shown
    assert drive(io.StringIO(), THRESHOLD + 50) == ""  # a pipe or a log file
    assert drive(FakeTerminal(), THRESHOLD - 1) == ""  # small sites build too fast to need it
    assert drive(FakeTerminal(), THRESHOLD + 50, enabled=False) == ""  # -q


def big_site(root: Path) -> None:
    from generator.progress import THRESHOLD
    make_site(root, {f"tin-tuc/2023/bai-{n}.md": article(f"Bài số {n}", date=f"2023-01-01 08:{n % 60:02d}:00",
                                                         category="Tin xã", summary="Tóm tắt.")
                     for n in range(THRESHOLD + 10)})


def build_with_stderr_on_a_terminal(root: Path, *args: str) -> tuple[int, str]:
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", "content", "--theme",
                             str(THEME), *args], cwd=root, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []

    def pump() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    proc.communicate(timeout=120)
    reader.join(5)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", errors="replace")


def test_build_of_many_pages_shows_a_bar_on_a_terminal_only(tmp_path):
    big_site(tmp_path)
    code, terminal = build_with_stderr_on_a_terminal(tmp_path, "--output", "out")
    assert code == 0 and "Đang tạo trang" in terminal
    piped = run_build("--content", "content", "--theme", str(THEME), "--output", "out", cwd=tmp_path)
    assert piped.returncode == 0 and "Đang tạo trang" not in piped.stderr
