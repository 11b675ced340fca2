"""Bounds on Markdown shapes that make Python-Markdown slow or crash.

Python-Markdown is fast on text people write, but some shapes cost far more
than their size: every ``[`` without its ``]`` makes the link parser scan the
rest of the paragraph (20 KB of ``[`` took 56 s, 50 KB over 300 s), so do a
``(`` left open after ``](``, a backtick run never closed and a ``<`` never
closed by ``>``; every heading or definition line of one paragraph splits and
copies the rest of it (quadratic); every abbreviation definition is one more
pass over the whole text; and nesting (lists, quotes) recurses until Python's
stack runs out (a 1,000-level list: RecursionError after 33 s).

``markdown_problems`` measures these shapes on the raw text, BEFORE any
conversion, in linear time, and reports the first line of each offending
paragraph. The limits are far above anything an editor writes and far below
what is slow: benchmarks/pathological_markdown.py measures both sides (every
refused shape just above its limit still converts in well under a second).
"""

from __future__ import annotations

import re

#: characters the inline parsers scan, in total over one article, looking for the
#: partner of each opener (see _scan_cost): about 1 s of conversion on a slow PC
MAX_SCAN = 1_000_000
#: list or quote levels (Python-Markdown recurses once per level)
MAX_NESTING = 20
#: heading, setext underline or definition lines inside one paragraph
MAX_SPLITS_PER_BLOCK = 200
#: abbreviation definitions (*[ABC]: …): each is one more pass over the whole text
MAX_ABBREVIATIONS = 100
#: inline markup characters (` < [) in one paragraph: each opens a scan
MAX_INLINE_MARKS = 6_000
#: emphasis characters (* _) in one paragraph: runs of them are matched pairwise
MAX_EMPHASIS_MARKS = 6_000
#: elements side by side in one parent: paragraphs and headings of one article
#: (per conversion piece), items of one list, rows of one table. Python-Markdown's
#: inline pass finds each element's place by a linear search (quadratic in siblings)
MAX_SIBLINGS = 5_000
#: footnote definitions ([^1]: …), each rescanned for every reference
MAX_FOOTNOTES = 1_000

# every bullet editors paste (list_items.BULLET_FAMILIES, which the Markdown dialect reads as items)
_LIST_ITEM = re.compile(r"([ \t]*)(?:[-+*•–—·●○◦▪■➢►❖✓✔ŸØ§ü\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\d{1,9}[.)]|[a-zA-Zđ][.)]"
                        r"|[IVXLC]{1,6}[.)])[ \t]")
_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*•](?=[ \t])|\d{1,9}[.)](?=[ \t])))+")
_MARKER = re.compile(r">|[-+*•](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_RULE = re.compile(r"[ \t]*(?:[-*_][ \t]*){3,}$")
_SPLITTER = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|:[ \t])")
_ABBR = re.compile(r"^[ \t]{0,3}\*\[[^\]]*\]:", re.M)
_BACKTICKS = re.compile(r"`+")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|[ \t]*\|[ \t]*:?-+:?[ \t]*\|")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_FOOTNOTE = re.compile(r"^[ \t]{0,3}\[\^[^\]]*\]:", re.M)


def _depth(line: str) -> int:
    """How many list or quote levels a line opens: its leading markers (``>``, ``-``,
    ``1.``…, also mixed like ``> - > -``) plus its indentation (two columns a level)."""
    if _RULE.match(line):
        return 0
    prefix = _PREFIX.match(line)
    if not prefix:
        return _columns(line[:len(line) - len(line.lstrip(" \t"))]) // 2
    markers = len(_MARKER.findall(prefix.group() + " "))
    return markers + _columns(line[:len(line) - len(line.lstrip(" \t"))]) // 2


def _mask_fences(lines: list[str]) -> list[str]:
    """The lines with the inside of fenced code blanked: code is not parsed inline."""
    out, fence = [], ""
    for line in lines:
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
                out.append(line)
            else:
                out.append("")
            continue
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
        out.append(line)
    return out


def _columns(indent: str) -> int:
    return sum(4 - (i % 4) if ch == "\t" else 1 for i, ch in enumerate(indent))


def _blocks(lines: list[str]):
    """(index of first line, lines) of each run of non-blank lines."""
    start, block = 0, []
    for index, line in enumerate(lines):
        if line.strip():
            if not block:
                start = index
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _scan_cost(text: str) -> tuple[int, int]:
    """(characters scanned, openers left open) for the inline parsers on *text*.

    Each ``[`` and ``(`` makes the parser look for its partner: the cost is the
    distance to the matching ``]``/``)``, or the rest of the text when there is
    none; so is a backtick run (the next run of the same length) and a ``<``
    starting a tag or link (the next ``>``). Ordinary links cost the length of
    their text; runs and deep nesting cost the square of their size."""
    size = len(text)
    cost = unclosed = 0
    for opener, closer in (("[", "]"), ("(", ")")):
        stack: list[int] = []
        for index, char in enumerate(text):
            if char == opener:
                stack.append(index)
            elif char == closer and stack:
                cost += index - stack.pop()
        cost += sum(size - index for index in stack)
        unclosed += len(stack)
    runs: dict[int, int] = {}
    for match in _BACKTICKS.finditer(text):  # a run is closed by the next run of the same length
        length = len(match.group())
        if length in runs:
            cost += match.start() - runs.pop(length)
        else:
            runs[length] = match.start()
    cost += sum(size - index for index in runs.values())
    unclosed += len(runs)
    for match in _TAG_START.finditer(text):
        close = text.find(">", match.start())
        cost += (size if close < 0 else close) - match.start()
        unclosed += close < 0
    return cost, unclosed


def _sibling_problems(body: str, lines: list[str], first_line: int) -> list[tuple[int, str, dict]]:
    """Too many paragraphs/headings in one conversion piece, items in one list, rows in one table."""
    from .markup import pieces  # the same cut the conversion makes

    out: list[tuple[int, str, dict]] = []
    offset = 0
    for piece in pieces(body):
        piece_lines = piece.split("\n")
        count = sum(1 + sum(1 for line in block[1:] if _SPLITTER.match(line)) for _, block in _blocks(piece_lines))
        if count > MAX_SIBLINGS:
            out.append((first_line + offset, "markdown_limit",
                        {"what": "bài có quá nhiều đoạn văn và tiêu đề", "count": count, "limit": MAX_SIBLINGS,
                         "fix": "gộp các đoạn quá ngắn hoặc chia bài thành nhiều bài"}))
            break
        offset += piece.count("\n")
    items, start, indent = 0, 0, None
    for index, line in enumerate(lines + ["end"]):
        item = _LIST_ITEM.match(line)
        if item and (indent is None or item.group(1) == indent):
            if indent is None:
                items, start, indent = 0, index, item.group(1)
            items += 1
            if items > MAX_SIBLINGS:
                out.append((first_line + start, "markdown_limit",
                            {"what": "danh sách có quá nhiều mục", "count": f"hơn {MAX_SIBLINGS}",
                             "limit": MAX_SIBLINGS, "fix": "chia danh sách thành nhiều danh sách (thêm một "
                             "dòng chữ xen giữa) hoặc chia bài"}))
                break
        elif line.strip() and not line[:1].isspace() and not item:
            indent = None
    for start, block in _blocks(lines):
        pipe = any(_TABLE_RULE.match(line) for line in block[:3])
        tabbed = len(block) > MAX_SIBLINGS and sum(
            "\t" in line.strip() and not _LIST_ITEM.match(line) for line in block) > MAX_SIBLINGS
        if (pipe and len(block) > MAX_SIBLINGS) or tabbed:  # tabbed: a table pasted from Word
            out.append((first_line + start, "markdown_limit",
                        {"what": "bảng có quá nhiều dòng", "count": len(block), "limit": MAX_SIBLINGS,
                         "fix": "chia bảng thành nhiều bảng, hoặc đưa số liệu vào tệp .xlsx/.csv cho tải về"}))
    return out


def markdown_problems(body: str, first_line: int = 1) -> list[tuple[int, str, dict]]:
    """(line, message code, values) for each shape of *body* over a limit. Pure, linear."""
    out: list[tuple[int, str, dict]] = []
    lines = _mask_fences(body.split("\n"))
    abbreviations = _ABBR.findall(body)
    if len(abbreviations) > MAX_ABBREVIATIONS:
        line = next(n for n, text in enumerate(lines) if _ABBR.match(text))
        out.append((first_line + line, "markdown_limit",
                    {"what": "định nghĩa viết tắt (*[…]:)", "count": len(abbreviations),
                     "limit": MAX_ABBREVIATIONS, "fix": "bỏ bớt các dòng định nghĩa viết tắt"}))
    footnotes = _FOOTNOTE.findall(body)
    if len(footnotes) > MAX_FOOTNOTES:
        line = next(n for n, text in enumerate(lines) if _FOOTNOTE.match(text))
        out.append((first_line + line, "markdown_limit",
                    {"what": "chú thích cuối trang ([^…]:)", "count": len(footnotes),
                     "limit": MAX_FOOTNOTES, "fix": "chia bài thành nhiều bài hoặc bỏ bớt chú thích"}))
    out += _sibling_problems(body, lines, first_line)
    total, worst = 0, (0, 0, 0, 0)  # unclosed openers: (cost, line, count, size) of the worst paragraph
    for start, block in _blocks(lines):
        where = first_line + start
        for offset, line in enumerate(block):
            depth = _depth(line)
            if depth > MAX_NESTING:
                out.append((where + offset, "markdown_limit",
                            {"what": f"danh sách hoặc trích dẫn lồng nhau {depth} tầng", "count": depth,
                             "limit": MAX_NESTING, "fix": "bớt thụt lề hoặc bớt dấu > ở đầu dòng"}))
                break
        text = "\n".join(block)
        splits = sum(1 for line in block[1:] if _SPLITTER.match(line))
        if splits > MAX_SPLITS_PER_BLOCK:
            out.append((where, "markdown_limit",
                        {"what": "tiêu đề hoặc dòng gạch liền nhau không có dòng trống xen giữa", "count": splits,
                         "limit": MAX_SPLITS_PER_BLOCK, "fix": "thêm một dòng trống trước mỗi tiêu đề"}))
            continue
        marks = text.count("[") + text.count("<") + text.count("`")
        if marks > MAX_INLINE_MARKS:
            out.append((where, "markdown_limit",
                        {"what": "đoạn văn có quá nhiều ký tự [ < `", "count": marks, "limit": MAX_INLINE_MARKS,
                         "fix": "chia đoạn này thành nhiều đoạn (thêm dòng trống) hoặc bỏ bớt các ký tự đó"}))
            continue
        emphasis = text.count("*") + text.count("_")
        if emphasis > MAX_EMPHASIS_MARKS:
            out.append((where, "markdown_limit",
                        {"what": "đoạn văn có quá nhiều ký tự * _", "count": emphasis, "limit": MAX_EMPHASIS_MARKS,
                         "fix": "chia đoạn này thành nhiều đoạn (thêm dòng trống) hoặc bỏ bớt các ký tự đó"}))
            continue
        cost, count = _scan_cost(text)
        total += cost
        worst = max(worst, (cost, where, count, len(text)))
    if total > MAX_SCAN:
        _, where, count, size = worst
        out.append((where, "markdown_unclosed",
                    {"count": f"{count:,}".replace(",", "."), "size": f"{size:,}".replace(",", ".")}))
    return out
