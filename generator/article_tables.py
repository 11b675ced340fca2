"""Article tables that fit phones.

A table in an article is often wider than a phone: it scrolls inside its own
box, never the page. ``wrap_tables`` puts every table of a sanitised body in a
focusable, labelled region (keyboard users can scroll it, screen readers
announce it); the theme draws shadows at the edge that has more to show.

Cells holding a number ("126", "3.420", "99,9%") are marked ``class="so"``:
right-aligned and never broken, while text cells wrap and stay left-aligned;
a header cell is marked when its whole column is numbers. A cell that the
Markdown asks to align right (``| ---: |``) is marked too. A long text cell
is marked ``class="dai"`` and keeps a readable width.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: What a screen reader announces for a table's scrolling box (the table's own
#: caption and headers follow).
TABLE_LABEL = "Bảng {n} (vuốt hoặc cuộn ngang nếu bảng rộng hơn màn hình)"
NUMBER_CLASS = "so"
#: A text cell longer than this keeps a readable width instead of a column of
#: a few letters per line: the table then scrolls.
LONG_TEXT = 60
LONG_CLASS = "dai"

#: A number as Vietnamese write it: 126, 3.420, 1.234,5, -2, +12, 99,9%, 7,5 %.
NUMBER = re.compile(r"[−+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:\s?%)?")
#: Cells that say "nothing here" and do not decide a column: "", "-", "–", "x".
_NEUTRAL = re.compile(r"[-–—x/]?")


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text.strip()) is not None


class _MarkNumbers(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for table in root.iter("table"):
            mark_numbers(table)


def mark_numbers(table: ElementTree.Element) -> None:
    """``class="so"`` on number cells and on the header of an all-number column."""
    columns: dict[int, bool] = {}  # column -> every deciding body cell is a number
    headers: list[tuple[int, ElementTree.Element]] = []
    for section in table:
        for row in (section if section.tag in ("thead", "tbody", "tfoot") else [section]):
            if row.tag != "tr":
                continue
            for index, cell in enumerate(row):
                text = "".join(cell.itertext()).strip()
                right = "text-align: right" in (cell.get("style") or "")
                if cell.tag == "th" and section.tag == "thead":
                    headers.append((index, cell))
                    if right:
                        cell.set("class", NUMBER_CLASS)
                    continue
                number = is_number(text)
                if number or right:
                    cell.set("class", NUMBER_CLASS)
                elif len(text) > LONG_TEXT:
                    cell.set("class", LONG_CLASS)  # keeps a readable width; the table scrolls instead
                if not _NEUTRAL.fullmatch(text):
                    columns[index] = columns.get(index, True) and number
    for index, cell in headers:
        if columns.get(index):
            cell.set("class", NUMBER_CLASS)


class PhoneTables(Extension):
    """Marks number cells (run after the inline patterns, so text is final)."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown API
        md.treeprocessors.register(_MarkNumbers(md), "bantin_numbers", 5)


_TABLE = re.compile(r"<table>|</table>")


def wrap_tables(html: str) -> str:
    """Every ``<table>`` of sanitised HTML (the sanitiser leaves tables without
    attributes) inside its own scrolling region, numbered in order."""
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        if match.group(0) == "</table>":
            return "</table></div>"
        count += 1
        label = TABLE_LABEL.format(n=count)
        return f'<div class="bang" role="region" tabindex="0" aria-label="{label}"><table>'

    return _TABLE.sub(wrap, html)
