"""Source files: bytes -> text -> (front matter mapping with line numbers, body).

The first stage that touches content. It decodes strictly (UTF-8, with or
without BOM; CRLF accepted), splits the ``---`` block with python-frontmatter's
YAML handler, and loads YAML with a loader that refuses anchors/aliases (no
"billion laughs") and keeps dates as text so that ``text.parse_datetime`` is
the one place that reads them. Nothing here raises for bad content: problems
come back as diagnostics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import Diagnostic, diag
from .text import nfc

#: Articles larger than this are refused (a pasted video, a runaway export).
MAX_FILE_BYTES = 32 * 1024 * 1024

_HANDLER = YAMLHandler()
_CP1258_VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323"


@dataclass(frozen=True)
class Source:
    """A decoded text file: NFC text with LF line endings."""

    path: str  # as shown to editors, e.g. content/tin-tuc/2023/le-hoi.md
    text: str


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


def decode(path: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """Decode file bytes strictly. A BOM and CRLF line endings simply work."""
    if len(data) > MAX_FILE_BYTES:
        return None, [diag(path, None, "too_large", size_mb=len(data) // (1024 * 1024),
                           limit_mb=MAX_FILE_BYTES // (1024 * 1024))]
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # memchr: fast
        return None, [diag(path, None, "binary")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [diag(path, line, "not_utf8", encoding=guess_encoding(data))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path, nfc(text)), []


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML (libyaml's C parser when present) with timestamps kept as text."""


def _shared_node(root: yaml.Node) -> yaml.Node | None:
    """The first node reached twice (an alias), or None. Aliases are refused: an
    editor never needs them, and refusing them stops "billion laughs" outright."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _AliasRefused(Exception):
    def __init__(self, mark):
        super().__init__("alias")
        self.mark = mark


_KIND_NAMES = {list: "một danh sách", str: "một dòng chữ", int: "một con số", float: "một con số",
               bool: "giá trị đúng/sai", type(None): "rỗng"}


def load_yaml(path: str, text: str, first_line: int = 1) -> tuple[object, dict, list[Diagnostic]]:
    """Load one YAML document. Returns (data, {top-level key: file line}, diagnostics)."""
    deep = _too_deep(text)
    if deep is not None:
        return None, {}, [diag(path, first_line + deep, "yaml_syntax", problem="lồng nhau quá sâu")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        shared = _shared_node(node) if node is not None else None
        if shared is not None:
            raise _AliasRefused(shared.start_mark)
        data = _visible(loader.construct_document(node)) if node is not None else None
    except _AliasRefused as exc:
        return None, {}, [diag(path, first_line + exc.mark.line, "yaml_alias")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else None
        problem = _yaml_problem_vi(exc.problem or exc.context or "")
        return None, {}, [diag(path, line, "yaml_syntax", problem=problem)]
    except yaml.reader.ReaderError as exc:  # a raw control character
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        at = text.find(chr(code))  # libyaml's position counts bytes, not characters
        line = first_line + text.count("\n", 0, at) if at >= 0 else first_line
        return None, {}, [diag(path, line, "control_chars", chars=f"U+{code:04X}")]
    except RecursionError:
        return None, {}, [diag(path, first_line, "yaml_syntax", problem="lồng nhau quá sâu")]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return None, {}, [diag(path, first_line, "yaml_syntax", problem=_yaml_problem_vi(str(exc)))]
    finally:
        loader.dispose()
    lines: dict = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines.setdefault(key_node.value, first_line + key_node.start_mark.line)
                if isinstance(value_node, yaml.SequenceNode):  # "months[3]" -> line of item 3
                    for index, item in enumerate(value_node.value):
                        lines[f"{key_node.value}[{index}]"] = first_line + item.start_mark.line
    return data, lines, []


#: Characters a YAML escape ("\\x01", "\\ud800") can produce that have no place in a
#: page or a feed: C0 controls but tab/LF/CR, lone surrogates, non-characters.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


#: Deeper nesting is refused before composing: libyaml's composer recurses in C
#: and a few kilobytes of "[[[[…" would crash the process instead of failing.
MAX_DEPTH = 64


def _too_deep(text: str) -> int | None:
    """The 0-based line where collections nest deeper than MAX_DEPTH, or None."""
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
    except yaml.YAMLError:
        return None  # reported, with its line, by the real load
    finally:
        loader.dispose()
    return None


def _visible(value: object) -> object:
    """*value* with those characters removed from every string (keys too)."""
    if isinstance(value, str):
        return _INVISIBLE.sub("", value)
    if isinstance(value, list):
        return [_visible(item) for item in value]
    if isinstance(value, dict):
        return {_visible(k): _visible(v) for k, v in value.items()}
    return value


def _yaml_problem_vi(problem: str) -> str:
    """Translate PyYAML's most common problems into plain Vietnamese."""
    table = {
        "mapping values are not allowed here": "dấu hai chấm đặt sai chỗ (giá trị có dấu : thì đặt trong ngoặc kép)",
        "could not find expected ':'": "thiếu dấu hai chấm sau tên trường",
        "found unexpected end of stream": "thiếu dấu ngoặc đóng",
        "found character '\\t' that cannot start any token": "có ký tự Tab — thay bằng dấu cách",
        "did not find expected key": "thụt lề không đều",
        "found duplicate anchor": "neo YAML bị trùng",
        "expected <block end>, but found '<block mapping start>'": "thụt lề không đều",
        "tab character": "có ký tự Tab — thay bằng dấu cách",
        "found unhashable key": "tên trường phải là một chữ, không phải danh sách hay nhóm",
        "block sequence entries are not allowed": "dấu gạch đầu dòng - đặt sai chỗ (mỗi mục danh sách một dòng riêng)",
        "invalid Unicode character escape": "mã \\u… trong ngoặc kép không phải một ký tự — viết thẳng ký tự đó",
        "found unknown escape character": "dấu \\ trong ngoặc kép — dùng ngoặc đơn '…' hoặc viết \\\\",
    }
    for english, vietnamese in table.items():
        if english in problem:
            return vietnamese
    return problem or "không đọc được"


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
