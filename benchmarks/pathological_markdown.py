"""Pathological Markdown: what generator/limits.py refuses, and what it lets through.

For each hostile shape (about 100 KB, and variants just under each limit), prints
whether ``markdown_problems`` refuses it, how long that check took, and — for
what it accepts — how long the real conversion (``render_markdown``) takes.
Goal (issue 10.15): nothing accepted takes more than ~2 s; the check itself is
linear. Run: ``python benchmarks/pathological_markdown.py [SIZE]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import limits  # noqa: E402
from generator.limits import markdown_problems  # noqa: E402
from generator.markup import render_markdown  # noqa: E402


def shapes(n: int) -> dict[str, str]:
    below = limits.MAX_SIBLINGS - 1
    marks = limits.MAX_INLINE_MARKS - 1
    return {
        # the examples
        "[ x20KB": "[" * 20_000,
        "[ x50KB": "[" * 50_000,
        "nested list 1000": "".join("  " * i + "- x\n" for i in range(1000)),
        # hostile, ~n characters
        "[ x n": "[" * n, "![ x n": "![" * (n // 2), "[a]( x n": "[a](" * (n // 4),
        "[]( x n": "[](" * (n // 3), "` x n": "`a" * (n // 2), "<a x n": "<a" * (n // 2),
        "<http x n": "<http://a" * (n // 9), "*_ x n": "*_" * (n // 2), "*a  a* x n": "*a " * (n // 6) + " a*" * (n // 6),
        "> x n": ">" * n + " x", "setext": "a\n=\n" * (n // 4), "def list": "a\n: b\n" * (n // 6),
        "abbr": "".join(f"*[A{i}]: x\n" for i in range(n // 10)) + "A1 " * 100,
        "footnotes": "".join(f"x[^{i}]\n\n[^{i}]: y\n" for i in range(n // 20)),
        "paragraphs": "a\n\n" * (n // 3), "list items": "- a\n" * (n // 4), "table rows": "|a|b|\n|-|-|\n" + "|x|y|\n" * (n // 6),
        "headings": "# a\n\n" * (n // 5),
        # just under the limits
        "paragraphs < limit": "a\n\n" * (below // 1),
        "list items < limit": "- mục danh sách\n" * below,
        "table < limit": "|a|b|\n|-|-|\n" + "|ô một|ô hai|\n" * (below - 2),
        "[ 3000 deep, balanced": ("[" * (marks // 2) + "]" * (marks // 2) + "\n\n") * 3,
        "[ unclosed < budget": ("Đoạn văn có một dấu [ thừa. " * 30 + "\n\n") * 30,
        "` pairs < limit": ("`a` " * (marks // 2) + "\n\n") * 3,
        "*_ < limit": ("*a* _b_ " * (limits.MAX_EMPHASIS_MARKS // 4 - 1) + "\n\n") * 4,
        "nested list 20": "".join("  " * i + "- x\n" for i in range(limits.MAX_NESTING - 1)),
        "quote 20": ">" * (limits.MAX_NESTING - 1) + " x",
        "> - mixed 20": "> - " * ((limits.MAX_NESTING - 1) // 2) + "x",
        "> - mixed 1000": "> - " * 500 + "x",
        "* nested < limit": "*a " * 2999 + " a*" * 2999,
        "<span> 1500 deep": "<span>" * 1500 + "x" + "</span>" * 1500,
        "<div> 1000 deep": "<div>" * 1000 + "x" + "</div>" * 1000,
        "tab indented 1000": "".join("\t" * i + "- x\n" for i in range(1000)),
        "1. nested 1000": "".join("    " * i + "1. x\n" for i in range(1000)),
        # what editors write
        "real article 100 KB": ("## Mục\n\nĐoạn văn **đậm** và *nghiêng*, [liên kết](/tin-tuc/a/), `mã`, "
                                "số 3.340 và 99,9%.\n\n- ý một\n- ý hai\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n") * (n // 140),
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    sys.setrecursionlimit(10_000)
    print(f"{'shape':24} {'size':>8}  {'check':>7}  result")
    for name, text in shapes(n).items():
        started = time.perf_counter()
        problems = markdown_problems(text)
        check = time.perf_counter() - started
        if problems:
            print(f"{name:24} {len(text):8}  {check:6.3f}s  refused ({problems[0][1]}, line {problems[0][0]})", flush=True)
            continue
        started = time.perf_counter()
        try:
            render_markdown(text)
            outcome = "converted"
        except RecursionError:
            outcome = "RecursionError"
        print(f"{name:24} {len(text):8}  {check:6.3f}s  accepted, {outcome} in {time.perf_counter() - started:.2f} s",
              flush=True)


if __name__ == "__main__":
    main()
