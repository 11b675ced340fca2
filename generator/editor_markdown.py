"""Editors' habits in the Markdown dialect: what Word and Zalo paste.

Commune staff write in Word and paste. Their lists arrive as "•⇥item",
"1)⇥item", "a)⇥item", their tables as tab-separated lines, their spaces as
NBSP, with zero-width characters and soft hyphens inside words. Standard
Markdown makes one run-on paragraph of all that. This extension reads it as
the editor meant:

- a line starting with a bullet (see ``list_items.BULLET_FAMILIES``) and a
  tab or spaces is a list item (Wingdings bullets that lost their font, "Ø⇥",
  "§⇥", "ü⇥", only with a tab; "v⇥", "q⇥" only in a run of the same one); a
  leading tab is a level deeper; a change of bullet family inside a block of
  consecutive items is a level ("•" then "o", "-" then "+"), after a blank
  line it is a new list;
- "1)", "1.", "a)", "a.", "I." and a tab start an ordered list item, with the
  list's ``start`` and ``type`` ("a", "A", "I") taken from the labels; letters
  in Vietnamese order (with "đ)") get the ``vi``/``vi-upper`` counter style;
- two or more consecutive tab-separated lines are a table whose first line is
  the header row: trailing tabs ignored, shorter rows padded with empty cells,
  a longer row ends it; a first column of bullets is a list, never a table;
- NBSP and other odd spaces become spaces (dropped at the start and end of a
  line, where a space would mean indentation or a line break), zero-width
  characters and soft hyphens are dropped.

Nothing that standard Markdown already gives a meaning changes: blocks that
Python-Markdown parses as a list, quote, pipe table or indented code are left
alone, and fenced code and raw HTML are never seen (this runs after
Python-Markdown has stashed them). The patterns of what an item is are shared
with the importer (``generator.list_items``).

How: Python-Markdown expands tabs before anything else, so a first
preprocessor (before ``normalize_whitespace``) remembers the lines that had
tabs, keyed by their expanded form; a second one (after ``html_block``) reads
the remaining lines in one pass, replaces each run of habit lines by a
placeholder block and keeps the run; a block processor turns the placeholder
into ``<ul>``/``<ol>``/``<table>`` elements whose text Python-Markdown's inline
processors then handle as any paragraph's. Linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .list_items import LETTER_BULLETS, ODD_SPACES, VIETNAMESE_LETTERS, ListItem, list_item, roman_value
from .text import INVISIBLE

_PLACEHOLDER = util.STX + "bantin-editor:{}" + util.ETX  # STX/ETX never survive in the text
_PLACEHOLDER_RE = re.compile(re.escape(util.STX) + r"bantin-editor:(\d+)" + re.escape(util.ETX))
_ODD = re.compile(rf"[{ODD_SPACES}]")
_LEADING = re.compile(rf"^[ \t{ODD_SPACES}]+")
_TRAILING = re.compile(rf"[ \t{ODD_SPACES}]+$")

# What standard Markdown (Python-Markdown with "extra") reads at the start of a block.
_STANDARD_LIST = re.compile(r"^ {0,3}(?:\d+\.|[*+-]) +\S")
_QUOTE = re.compile(r"^ {0,3}>")
_HR = re.compile(r"^ {0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$")
_UNDERLINE = re.compile(r"^[=-]+[ ]*$")  # a setext heading's second line
_PIPE_SEPARATOR = re.compile(r"^[ ]{0,3}\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-*:?[ ]*)*\|?[ ]*$")

MAX_DEPTH = 3
_LIST_TYPE = {"decimal": None, "lower": "a", "upper": "A", "roman": "I"}


def normalise(line: str) -> str:
    """Invisible characters dropped; odd spaces dropped at either end of the line
    (where a space would mean indentation or a line break), spaces inside."""
    line = INVISIBLE.sub("", line)
    if _ODD.search(line) is None:
        return line
    line = _LEADING.sub(lambda m: _ODD.sub("", m.group(0)), line)
    line = _TRAILING.sub(lambda m: _ODD.sub("", m.group(0)), line)
    return _ODD.sub(" ", line)


@dataclass
class _Run:
    kind: str  # "list" or "table"
    rows: list  # ListItem for a list, list[str] (cells) for a table


class _RememberTabs(Preprocessor):
    """Before tabs are expanded: the lines that had one, by their expanded form."""

    def __init__(self, md, extension: EditorHabits):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        size = self.md.tab_length
        self.extension.tabbed = {
            line.expandtabs(size): line
            for line in lines if "\t" in line and "\r" not in line and util.STX not in line and util.ETX not in line
        }
        return lines


class _FindHabits(Preprocessor):
    """After fenced code and raw HTML are stashed: runs of habit lines -> placeholders."""

    def __init__(self, md, extension: EditorHabits):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        tabbed = self.extension.tabbed
        size = self.md.tab_length
        runs: list[_Run] = []
        self.extension.runs = runs
        # each line: its text with tabs as typed (normalised), or None when blank
        raw: list[str | None] = []
        for line in lines:
            text = normalise(tabbed.get(line, line)) if line.strip() or INVISIBLE.search(line) else ""
            raw.append(text if text.strip() else None)  # a line of NBSP or U+200B is blank
        out: list[str] = []
        block_start = True
        standard = False  # the current block is one standard Markdown parses itself
        code = False  # ... and it is indented code: characters stay as they are
        i, n = 0, len(lines)
        while i < n:
            text = raw[i]
            if text is None:
                out.append("")
                block_start, standard, code = True, False, False
                i += 1
                continue
            expanded = text.expandtabs(size) if "\t" in text else text
            if block_start:
                # a tab before a bullet or a label is Word's indentation, not code
                code = lines[i].startswith(" " * size) and not (text.startswith("\t") and self._item(raw, i, True))
                following = raw[i + 1] if i + 1 < n else None
                standard = code or bool(_STANDARD_LIST.match(expanded) or _QUOTE.match(expanded)) or (
                    "|" in expanded and following is not None and bool(_PIPE_SEPARATOR.match(following)))
            elif _QUOTE.match(expanded):
                standard = True  # a quote takes the rest of the block
            if standard:
                out.append(lines[i] if code else expanded)
                block_start = False
                i += 1
                continue
            kind, end = "table", self._table(raw, i)
            if not end:
                kind, end = "list", self._list(raw, i, block_start)
            if end:
                rows = raw[i:end]
                if kind == "table":
                    width = len(self._cells(rows[0]))
                    runs.append(_Run(kind, [[c.strip() for c in cells] + [""] * (width - len(cells))
                                            for cells in map(self._cells, rows)]))
                else:  # each item, and whether a blank line comes before it
                    runs.append(_Run(kind, [(list_item(row), k > 0 and rows[k - 1] is None)
                                            for k, row in enumerate(rows) if row is not None]))
                out.extend(("", _PLACEHOLDER.format(len(runs) - 1), ""))
                i = end
                if i < n and raw[i] is not None:
                    i = self._after_run(raw, i, out)
                block_start, standard, code = out[-1] == "", False, False
                continue
            out.append(expanded)
            block_start = False
            i += 1
        return out

    def _after_run(self, raw: list[str | None], i: int, out: list[str]) -> int:
        """The line after a run: standard Markdown read it as the middle of a
        paragraph, and so must it stay now that it starts a block: not code
        (indentation dropped), not a setext heading (the underline, an <hr> in
        the middle of a paragraph, goes to a block of its own)."""
        text = raw[i].expandtabs(self.md.tab_length)
        if text.startswith(" " * self.md.tab_length):
            text = text.lstrip(" ")
        out.append(text)
        following = raw[i + 1] if i + 1 < len(raw) else None
        if following is not None and _UNDERLINE.match(following):
            out.append("")
        return i + 1

    @staticmethod
    def _cells(text: str | None) -> list[str] | None:
        """A table line's cells (trailing tabs ignored), or None."""
        if text is None or "\t" not in text or "|" in text:
            return None
        return text.rstrip(" \t").split("\t")

    def _table(self, raw: list[str | None], start: int) -> int:
        """The end of a table starting at *start* (0: none): consecutive lines
        with tabs, none with more cells than the first (the header row; shorter
        rows are padded). At the start of a block an indented line is code: that
        case never reaches here."""
        first = self._cells(raw[start])
        if first is None or len(first) < 2:
            return 0
        item = self._item(raw, start) and list_item(raw[start])
        if item and (item.style == "bullet" or item.indent):
            return 0  # a first column of bullets ("•⇥", "Ø⇥", "§⇥") or indented items: a list
        width = len(first)
        end = start + 1
        while end < len(raw) and (cells := self._cells(raw[end])) is not None and len(cells) <= width:
            if len(cells) < width and list_item(raw[end]):
                break  # a short row that is an item: the list after the table
            end += 1
        if end - start < 2:
            return 0
        if width == 2 and all(list_item(raw[k]) for k in range(start, end)):
            return 0  # "1)⇥item" lines: a list, not a two-column table
        return end

    def _list(self, raw: list[str | None], start: int, block_start: bool) -> int:
        """The end of a run of list items starting at *start* (0: none). Items
        separated by blank lines stay one list, unless standard Markdown would
        start a list of its own there."""
        if not self._item(raw, start, block_start):
            return 0
        end, n = start + 1, len(raw)
        while True:
            if self._item(raw, end):
                end += 1
                continue
            after = end
            while after < n and raw[after] is None:
                after += 1
            if after > end and self._item(raw, after, True) and not _STANDARD_LIST.match(
                    raw[after].expandtabs(self.md.tab_length)):
                end = after + 1
                continue
            return end

    @staticmethod
    def _item(raw: list[str | None], k: int, block_start: bool = False) -> bool:
        """Whether line *k* is an item; at the start of a block a line with an
        underline is a setext heading, and stays one."""
        if k >= len(raw) or raw[k] is None:
            return False
        text = raw[k]
        item = None if _HR.match(text.expandtabs()) else list_item(text)
        if item is None:
            return False
        if item.style == "bullet" and item.label in LETTER_BULLETS and not any(
                0 <= j < len(raw) and raw[j] is not None and (other := list_item(raw[j])) is not None
                and other.label == item.label and other.style == "bullet" for j in (k - 1, k + 1)):
            return False  # "v⇥", "q⇥": bullets only when the lines next to it use the same one
        following = raw[k + 1] if k + 1 < len(raw) else None
        return not block_start or following is None or not _UNDERLINE.match(following)


class _BuildHabits(BlockProcessor):
    """A placeholder block -> the list or table it stands for."""

    def __init__(self, parser, extension: EditorHabits):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block: str) -> bool:
        return _PLACEHOLDER_RE.match(block) is not None

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = _PLACEHOLDER_RE.match(block)
        rest = block[match.end():].lstrip("\n")
        if rest:
            blocks.insert(0, rest)
        run = self.extension.runs[int(match.group(1))]
        if run.kind == "table":
            _build_table(parent, run.rows)
        else:
            _build_list(parent, run.rows)


def _build_table(parent: ElementTree.Element, rows: list[list[str]]) -> None:
    table = ElementTree.SubElement(parent, "table")
    head = ElementTree.SubElement(ElementTree.SubElement(table, "thead"), "tr")
    for cell in rows[0]:
        ElementTree.SubElement(head, "th").text = cell
    body = ElementTree.SubElement(table, "tbody")
    for row in rows[1:]:
        tr = ElementTree.SubElement(body, "tr")
        for cell in row:
            ElementTree.SubElement(tr, "td").text = cell


@dataclass
class _Level:
    key: tuple[str, str]
    indent: int
    element: ElementTree.Element
    labels: list[str]
    items: list[ElementTree.Element]


def _build_list(parent: ElementTree.Element, items: list[tuple[ListItem, bool]]) -> None:
    """Items in order, each with whether a blank line comes before it. A leading
    tab is a level deeper; in consecutive lines a new kind of marker opens a level
    inside the last item, a marker seen above closes the levels under it (Word's
    outline in text). After a blank line a new kind of marker starts a new list
    at its own level, not a level inside the one before."""
    stack: list[_Level] = []
    levels: list[_Level] = []
    for item, after_blank in items:
        style, indent = item.style, item.indent
        if style == "upper" and roman_value(item.label) is not None \
                and any(level.key == ("roman", item.family) for level in stack):
            style = "roman"  # "V." after "IV.": a numeral, not a letter
        key = (style, item.family)
        depth = next((d for d in range(len(stack) - 1, -1, -1)
                      if stack[d].key == key and stack[d].indent == indent), None)
        if depth is not None:
            del stack[depth + 1:]
        else:
            while stack and (stack[-1].indent > indent or after_blank and stack[-1].indent == indent):
                stack.pop()
            if len(stack) < MAX_DEPTH:
                host = stack[-1].items[-1] if stack else parent
                element = ElementTree.SubElement(host, "ul" if style == "bullet" else "ol")
                stack.append(_Level(key, indent, element, [], []))
                levels.append(stack[-1])
        # else: deeper than MAX_DEPTH, the item stays in the deepest list
        level = stack[-1]
        li = ElementTree.SubElement(level.element, "li")
        li.text = item.text.replace("\t", " ")
        level.items.append(li)
        level.labels.append(item.label)
    for level in levels:
        _number(level)


def _number(level: _Level) -> None:
    """``type``, ``start`` and, where the labels skip, ``value`` from the labels."""
    style = level.key[0]
    if style == "bullet":
        return
    vietnamese = style in ("lower", "upper") and any(label in "đĐ" for label in level.labels)
    values = [_value(style, label, vietnamese) for label in level.labels]
    if _LIST_TYPE[style]:
        level.element.set("type", _LIST_TYPE[style])
    if vietnamese:
        level.element.set("class", "vi" if style == "lower" else "vi-upper")
    if values[0] != 1:
        level.element.set("start", str(values[0]))
    for li, value, expected in zip(level.items, values, range(values[0], values[0] + len(values))):
        if value != expected:
            li.set("value", str(value))


def _value(style: str, label: str, vietnamese: bool) -> int:
    if style == "decimal":
        return int(label)
    if style == "roman":
        return roman_value(label) or 1
    letter = label.lower()
    if vietnamese:
        return VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else 1
    return ord(letter) - ord("a") + 1 if "a" <= letter <= "z" else 1


class EditorHabits(Extension):
    """Register with ``markdown.Markdown(extensions=[EditorHabits(), ...])``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.tabbed: dict[str, str] = {}
        self.runs: list[_Run] = []

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown API
        md.preprocessors.register(_RememberTabs(md, self), "bantin_tabs", 35)  # before normalize_whitespace
        md.preprocessors.register(_FindHabits(md, self), "bantin_habits", 15)  # after html_block
        md.parser.blockprocessors.register(_BuildHabits(md.parser, self), "bantin_habits", 76)
        md.registerExtension(self)

    def reset(self) -> None:
        self.tabbed, self.runs = {}, []


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown API
    return EditorHabits(**kwargs)
