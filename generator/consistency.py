"""Findings about content that is valid file by file but wrong together.

- two bulletins (items of a periodical type) for the same month: the reader
  sees two "Bản tin tháng 7/2023" and one of them is probably mis-dated;
- category names that are one category by accident: names that make the same
  slug ("Kinh tế", "kinh tế", "Kinh te", "Kính tế" — merged under one name
  without a word) and names whose slugs differ by a typo (edit distance);
- iframes from a host not in ``embed_hosts``: the sanitiser removes them, so
  the video silently disappears from the page.

All pure: articles (or text) in, warnings out. The build shows the bulletin
warning; ``check`` shows all three.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from .errors import Diagnostic, WARNING, diag
from .text import slugify


def duplicate_periods(articles: Iterable) -> list[Diagnostic]:
    """A warning on each later bulletin of a month that already has one."""
    by_period: dict[tuple[str, tuple[int, int]], list] = defaultdict(list)
    for item in articles:
        if getattr(item, "period", None) and not getattr(item, "draft", False):
            by_period[(item.section, item.period)].append(item)
    out = []
    for (_, (year, month)), items in sorted(by_period.items()):
        items = sorted(items, key=lambda a: a.source)
        for item in items[1:]:
            out.append(diag(item.source, item.lines.get("period"), "duplicate_period", level=WARNING,
                            month=f"{month}/{year}", other=items[0].source))
    return out


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of *a* and *b*, or limit + 1 once it is over *limit*."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def near_categories(articles: Iterable) -> list[Diagnostic]:
    """A warning on the first article of each category name that is the same as,
    or a typo away from, a more used one."""
    uses: dict[str, list] = defaultdict(list)
    for item in articles:
        if getattr(item, "category_given", True) and item.category:
            uses[item.category].append(item)
    names = sorted(uses, key=lambda n: (-len(uses[n]), n))  # most used first: the likely spelling
    out = []
    for index, name in enumerate(names):
        slug = slugify(name)
        for better in names[:index]:
            other = slugify(better)
            limit = 1 if len(other) < 12 else 2
            same = slug == other
            if same or (min(len(slug), len(other)) >= 4 and _distance(slug, other, limit) <= limit):
                first = min(uses[name], key=lambda a: a.source)
                out.append(diag(first.source, first.lines.get("category"), "near_category", level=WARNING,
                                name=name, other=better, count=len(uses[better]),
                                how="được gộp làm một với" if same else "gần giống"))
                break
    return out


_IFRAME = re.compile(r"<iframe\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


def iframe_findings(path: str, text: str, hosts: tuple[str, ...]) -> list[Diagnostic]:
    """A warning for each <iframe> in *text* that the sanitiser will remove."""
    from .markup import iframe_allowed

    out = []
    for match in _IFRAME.finditer(text):
        src = next(group for group in match.groups() if group is not None)
        if not iframe_allowed(src, hosts):
            line = text.count("\n", 0, match.start()) + 1
            out.append(diag(path, line, "iframe_dropped", level=WARNING, src=src[:120],
                            hosts=", ".join(hosts) or "(chưa có)"))
    return out
