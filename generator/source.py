"""Source files: bytes -> text -> (front matter mapping with line numbers, body).

The first stage that touches content. It decodes strictly (UTF-8, with or
without BOM; CRLF accepted), splits the ``---`` block with python-frontmatter's
YAML handler, and loads YAML with a loader that refuses anchors/aliases (no
"billion laughs") and keeps dates as text so that ``text.parse_datetime`` is
the one place that reads them. Nothing here raises for bad content: problems
come back as diagnostics.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import Diagnostic, diag
from .text import control_chars, describe_chars, has_control_chars, nfc, strip_control
from .yaml_errors import explain

#: Articles larger than this are refused (a pasted video, a runaway export).
MAX_FILE_BYTES = 32 * 1024 * 1024

_HANDLER = YAMLHandler()
_CP1258_VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323"


@dataclass(frozen=True)
class Source:
    """A decoded text file: NFC text with LF line endings, no control characters."""

    path: str  # as shown to editors, e.g. content/tin-tuc/2023/le-hoi.md
    text: str
    #: lines (1-based) that were not in Unicode NFC as saved (``check`` reports them)
    not_nfc: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class FrontMatter:
    """A parsed front matter block: values, the file line of each top-level key."""

    values: dict
    lines: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line where the body starts

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


def guess_encoding(data: bytes) -> str:
    """Name the likely legacy encoding of bytes that are not UTF-8, for the message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    # Windows-1258 encodes the Vietnamese letters ă â đ ê ô ơ ư and the five
    # tone marks (as combining characters); a text full of them is Vietnamese.
    text = data.decode("cp1258", errors="replace")
    vietnamese = sum(text.count(ch) for ch in _CP1258_VIETNAMESE)
    if vietnamese:
        return "Windows-1258 (bảng mã tiếng Việt cũ của Windows)"
    return "một bảng mã cũ như Windows-1252"


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(path: str, data: bytes, utf16: bool = False) -> tuple[Source | None, list[Diagnostic]]:
    """The one decoder: file bytes -> Source, for build, ``check`` and ``import``.

    Strict UTF-8; a BOM and CRLF or CR line endings simply work. *utf16* (the
    importer: Notepad's "Unicode") also accepts UTF-16 with its BOM. Returns
    (None, problems) when the file cannot be read as text. Control characters
    (``text.CONTROL_CHARS``) are an error naming each line and are removed from
    the returned text, so the rest of the file is still checked and nothing
    invalid can reach a page or a feed whoever ignores the error.
    """
    if len(data) > MAX_FILE_BYTES:
        return None, [diag(path, None, "too_large", size_mb=len(data) // (1024 * 1024),
                           limit_mb=MAX_FILE_BYTES // (1024 * 1024))]
    wide = data.startswith(_UTF16_BOMS)
    if b"\x00" in data and not wide:  # memchr: fast
        return None, [diag(path, None, "binary")]
    try:
        text = data.decode("utf-16" if wide and utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if not wide else 1
        return None, [diag(path, line, "not_utf8", encoding=guess_encoding(data))]
    text = text.lstrip("\ufeff") if wide else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Diagnostic] = []
    if has_control_chars(text):
        problems = control_problems(path, text)
        text = strip_control(text)
    not_nfc: tuple[int, ...] = ()
    if not unicodedata.is_normalized("NFC", text):
        not_nfc = tuple(number for number, line in enumerate(text.split("\n"), start=1)
                        if not unicodedata.is_normalized("NFC", line))
    return Source(path, nfc(text), not_nfc), problems


def control_problems(path: str, text: str, first_line: int = 1) -> list[Diagnostic]:
    """One error per line of *text* holding control characters, with the words just before."""
    out = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = control_chars(line)
        if found:
            before = strip_control(line[: line.index(found[0]) if len(found) == 1 else
                                        min(line.index(ch) for ch in found)]).strip()
            words = " ".join(before.split()[-3:])
            where = f' ngay sau chữ "{words}"' if words else " ở đầu dòng"
            out.append(diag(path, number, "control_chars", chars=describe_chars(found), where=where))
    return out


class _PureLoader(yaml.SafeLoader):
    """Safe YAML, pure-Python parser, timestamps kept as text."""


class _CLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML with libyaml's C parser when present, timestamps kept as text."""


for _cls in (_PureLoader, _CLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

#: The loader every YAML file goes through (tests swap in _PureLoader to cover both parsers).
_Loader = _CLoader

_KIND_NAMES = {list: "một danh sách", str: "một dòng chữ", int: "một con số", float: "một con số",
               bool: "giá trị đúng/sai", type(None): "rỗng"}

#: Deeper nesting is refused before composing: libyaml's composer recurses in C
#: and a few kilobytes of "[[[[…" would crash the process instead of failing.
MAX_DEPTH = 64


def load_yaml(path: str, text: str, first_line: int = 1) -> tuple[object, dict, list[Diagnostic]]:
    """Load one YAML document: the one YAML loader of bantin, with every guard.

    Returns (data, {key path: file line}, diagnostics). Key paths are the
    top-level keys ("title"), sequence items ("months[3]") and nested keys
    ("masthead.phone", "menu[0].url"). Refused, each with its line: syntax
    errors (explained in Vietnamese by ``yaml_errors``), nesting deeper than
    MAX_DEPTH, anchors and aliases, a key given twice in one mapping, control
    characters written as escapes.
    """
    loader = _Loader(text)
    try:
        deep = _too_deep(text)
        if deep is not None:
            return None, {}, [_syntax(path, text, first_line, RecursionError(), deep)]
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        problems = _node_problems(path, node, first_line)
        if problems:
            return None, {}, problems
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:  # a raw control character
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        at = text.find(chr(code))
        line = first_line + text.count("\n", 0, at) if at >= 0 else first_line
        return None, {}, [diag(path, line, "control_chars", chars=f"U+{code:04X}", where="")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, {}, [_syntax(path, text, first_line, exc)]
    except (ValueError, TypeError) as exc:  # a constructor refusing a value
        return None, {}, [_syntax(path, text, first_line, exc)]
    finally:
        loader.dispose()
    return data, _key_lines(node, first_line), []


def _syntax(path: str, text: str, first_line: int, exc: BaseException, line: int | None = None) -> Diagnostic:
    found = explain(exc, text, first_line)
    at = line if line is not None else found.line
    return diag(path, first_line + at if at is not None else None, "yaml_syntax",
                problem=found.problem, fix=found.fix)


def _node_problems(path: str, root: yaml.Node, first_line: int) -> list[Diagnostic]:
    """Aliases (a node reached twice), duplicate keys, control characters from escapes."""
    out: list[Diagnostic] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an editor never needs aliases; refusing them stops "billion laughs"
            return [diag(path, first_line + node.start_mark.line, "yaml_alias")]
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = first_line + key.start_mark.line
                    if (key.tag, key.value) in keys:
                        out.append(diag(path, line, "yaml_duplicate_key", key=key.value,
                                        first=keys[(key.tag, key.value)], second=line))
                    keys.setdefault((key.tag, key.value), line)
                stack += (value, key)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.ScalarNode) and has_control_chars(node.value):
            out.append(diag(path, first_line + node.start_mark.line, "control_chars",
                            chars=describe_chars(control_chars(node.value)), where=""))
    return sorted(set(out), key=lambda d: (d.line or 0, d.message))


def _key_lines(node: yaml.Node, first_line: int) -> dict:
    """{key path: file line} for the mappings and sequences of a composed document."""
    lines: dict = {}
    stack: list[tuple[str, yaml.Node]] = [("", node)]
    while stack:
        prefix, current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    name = f"{prefix}.{key_node.value}" if prefix else key_node.value
                    lines.setdefault(name, first_line + key_node.start_mark.line)
                    stack.append((name, value_node))
        elif isinstance(current, yaml.SequenceNode) and prefix:
            for index, item in enumerate(current.value):  # "months[3]" -> line of item 3
                name = f"{prefix}[{index}]"
                lines.setdefault(name, first_line + item.start_mark.line)
                stack.append((name, item))
    return lines


def _too_deep(text: str) -> int | None:
    """The 0-based line where collections nest deeper than MAX_DEPTH, or None.
    A syntax error is raised as it is (the caller explains it)."""
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return None


def kind_name(value: object) -> str:
    """A Vietnamese name for a YAML value's kind, for type errors."""
    if isinstance(value, dict):
        return "một nhóm trường"
    return _KIND_NAMES.get(type(value), type(value).__name__)


def split_front_matter(source: Source) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Split and parse the ``---`` block at the top of a Markdown source."""
    text = source.text
    if not text.strip():
        return None, [diag(source.path, None, "empty_file")]
    first = text.split("\n", 1)[0]
    if first.strip() != "---" or not _HANDLER.detect(text):
        if first.strip() == "---":
            return None, [diag(source.path, 1, "unclosed_front_matter")]
        return None, [diag(source.path, 1, "no_front_matter")]
    # python-frontmatter's boundary pattern; its split() loses the positions we
    # need for line numbers, so take the two boundary matches directly.
    boundaries = _HANDLER.FM_BOUNDARY.finditer(text)
    opening, closing = next(boundaries, None), next(boundaries, None)
    if opening is None or opening.start() != 0 or closing is None:
        return None, [diag(source.path, 1, "unclosed_front_matter")]
    raw_fm = text[opening.end():closing.start()]
    data, lines, problems = load_yaml(source.path, raw_fm,
                                      first_line=text.count("\n", 0, opening.end()) + 1)
    if problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [diag(source.path, 2, "yaml_not_mapping", kind=kind_name(data))]
    body = text[closing.end():]
    stripped = body.lstrip("\n")
    body_line = text.count("\n", 0, closing.end()) + 1 + (len(body) - len(stripped))
    return FrontMatter(data, lines, stripped, body_line), []
