#!/usr/bin/env python3
"""Search budget: index size and what the first search transfers, on a phone.

Issue 14's budget: on a 10,000-article site the first search transfers less than
300 KB. For each site (the sample site, and the generated corpus of N articles
from shared/bench/gen_corpus.py under a copy of the sample's site.yml), this
builds with ``build.py``, serves the output gzip-compressed from 127.0.0.1 (the
browser suite's SiteServer, as a real host would), opens the search page in
Debian's Chromium at 360 px with an empty cache, types a query and waits for the
results. It counts every byte the browser received from opening the search page
(page, style, scripts, Pagefind's worker, WebAssembly, index chunks, fragments of
the shown results): bodies as transferred plus headers.

    python benchmarks/search_size.py                  # sample site and 10,000 articles
    python benchmarks/search_size.py --counts 1000    # a quicker run

Writes benchmarks/results/search-<YYYY-MM-DD>.md (commit it) and prints it.
Not part of the test suite; needs Playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GEN_CORPUS = SHARED / "bench" / "gen_corpus.py"
WORK = REPO / "benchmarks" / "work" / "search"
QUERIES = ("nong thon moi", "duong", "phun thuoc")
BUDGET = 300 * 1024

sys.path.insert(0, str(REPO / "tests" / "browser"))
from browser_support import CHROMIUM, CHROMIUM_ARGS, PHONE, SiteServer  # noqa: E402


def folder_size(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, name))
    return files, size


def make_corpus(count: int) -> Path:
    content = WORK / f"n{count}" / "content"
    shutil.rmtree(content.parent, ignore_errors=True)
    (content / "tin-tuc").mkdir(parents=True)
    subprocess.run([sys.executable, str(GEN_CORPUS), str(content / "tin-tuc"), "--count", str(count),
                    "--flavor", "plain"], check=True, stdout=subprocess.DEVNULL)
    for name in ("site.yml", "tthc.yml"):
        shutil.copy2(REPO / "content" / name, content / name)
    shutil.copytree(REPO / "content" / "media", content / "media")
    return content


def measure(name: str, content: Path, browser) -> dict:
    www = WORK / f"www-{name}"
    shutil.rmtree(www, ignore_errors=True)
    www.mkdir(parents=True)
    with SiteServer(www) as server:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(REPO / "build.py"), "--content", str(content),
                                 "--theme", str(REPO / "themes" / "default"), "--output", str(www / "site"),
                                 "--base-url", server.url + "site/", "-q"], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"build of {name} failed:\n{result.stdout}{result.stderr}")
        build_seconds = time.perf_counter() - started
        pages = sum(1 for _ in (www / "site").rglob("index.html"))
        files, size = folder_size(www / "site" / "pagefind")
        row = {"site": name, "pages": pages, "build_s": build_seconds, "index_files": files,
               "index_bytes": size, "queries": {}}
        for query in QUERIES:
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
            page = context.new_page()
            requests = []
            context.on("request", lambda r: requests.append(r))
            page.goto(server.url + "site/tim-kiem/", wait_until="load")
            page.fill("#tu-khoa", query)
            page.press("#tu-khoa", "Enter")
            page.locator("#ket-qua-trang-thai").filter(has_text="kết quả").wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            sizes = [(r.url.rsplit("/", 2)[-2:], r.sizes()) for r in requests]
            transferred = sum(s["responseBodySize"] + s["responseHeadersSize"] for _, s in sizes)
            biggest = sorted(sizes, key=lambda item: -item[1]["responseBodySize"])[:4]
            row["queries"][query] = {
                "bytes": transferred, "requests": len(requests),
                "results": page.locator("#ket-qua-trang-thai").inner_text(),
                "biggest": [("/".join(u), s["responseBodySize"]) for u, s in biggest]}
            context.close()
    return row


def report(rows: list[dict]) -> str:
    kb = lambda n: f"{n / 1024:,.1f}".replace(",", " ")  # noqa: E731
    lines = [f"# Search: index size and first-search transfer ({datetime.date.today().isoformat()})", "",
             "Built with `python build.py`, served gzip-compressed from 127.0.0.1, Chromium at 360 px with an "
             "empty cache: the search page opened, the query typed, bytes counted until the results show "
             "(bodies as transferred + headers). Budget: first search < 300 KB on a 10,000-article site.", "",
             "| site | pages | build (s) | index files | index size (KB) | query | first search (KB) | requests | "
             "within budget |", "|---|---:|---:|---:|---:|---|---:|---:|---|"]
    for row in rows:
        for query, q in row["queries"].items():
            lines.append(f"| {row['site']} | {row['pages']} | {row['build_s']:.1f} | {row['index_files']} | "
                         f"{kb(row['index_bytes'])} | \"{query}\" | {kb(q['bytes'])} | {q['requests']} | "
                         f"{'yes' if q['bytes'] < BUDGET else 'NO'} |")
    lines += ["", "Largest responses of each first search (body bytes):", ""]
    for row in rows:
        for query, q in row["queries"].items():
            parts = ", ".join(f"{u} {kb(n)} KB" for u, n in q["biggest"])
            lines.append(f"- {row['site']}, \"{query}\" ({q['results']}): {parts}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="*", default=[10_000])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as api:
        browser = api.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        rows = [measure("sample", REPO / "content", browser)]
        for count in args.counts:
            rows.append(measure(f"{count} articles", make_corpus(count), browser))
        browser.close()
    text = report(rows)
    out = REPO / "benchmarks" / "results" / f"search-{datetime.date.today().isoformat()}.md"
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(q["bytes"] < BUDGET for r in rows for q in r["queries"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
