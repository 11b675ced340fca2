"""YAML mistakes explained in plain Vietnamese, on the line an editor must fix.

PyYAML's messages are English and differ between its pure-Python parser and
libyaml (and between releases: 6.0.4's libyaml refuses deep nesting itself).
``explain`` therefore classifies an error by what it *is* — which construct
was being read (``context``) and what was found — using the text of the line,
never passing the library's words on. Each class gets the fix that an editor
can apply; an unknown class gets a generic Vietnamese explanation.

Pure: an exception and the YAML text in, (0-based line, problem, fix) out.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

#: Deeper nesting is refused (see source.MAX_DEPTH); the same words whoever notices.
TOO_DEEP = "dữ liệu lồng nhau quá sâu (quá nhiều tầng ngoặc [ { hoặc thụt lề)"
TOO_DEEP_FIX = "viết giá trị đơn giản trên một dòng, ví dụ tags: [nông thôn mới, giao thông]"

_CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Explanation:
    line: int | None  # 0-based line in the YAML text, None when unknown
    problem: str
    fix: str


def _line_text(text: str, line: int | None) -> str:
    if line is None:
        return ""
    lines = text.split("\n")
    return lines[line] if 0 <= line < len(lines) else ""


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    row = _line_text(text, mark.line)
    return row[mark.column] if 0 <= mark.column < len(row) else ""


def _quoted_example(row: str) -> str:
    """``title: Thông báo: họp`` -> ``title: "Thông báo: họp"`` (the editor's own line, fixed)."""
    body = row.strip()
    dash = ""
    if body.startswith("- "):
        dash, body = "- ", body[2:].lstrip()
    key, sep, value = body.partition(":")
    value = value.strip()
    if not sep or not value:
        return 'title: "Thông báo: lịch họp dân"'
    if '"' in value:
        quoted = "'" + value.replace("'", "''") + "'"
    else:
        quoted = '"' + value.replace("\\", "\\\\") + '"'
    return f"{dash}{key.strip()}: {quoted}"


def explain(exc: BaseException, text: str, first_line: int = 1) -> Explanation:
    """What went wrong in *text*, where, and the fix (``first_line`` numbers lines in the fix)."""
    if isinstance(exc, RecursionError):
        return Explanation(0, TOO_DEEP, TOO_DEEP_FIX)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Explanation(None, "không đọc được nội dung YAML",
                           "kiểm tra dấu hai chấm sau tên trường, dấu ngoặc kép đóng mở đủ đôi và thụt lề bằng dấu cách")
    context = (exc.context or "").lower()
    problem = (exc.problem or "").lower()
    both = context + " " + problem
    cmark, pmark = exc.context_mark, exc.problem_mark
    pline = pmark.line if pmark is not None else (cmark.line if cmark is not None else None)
    row = _line_text(text, pline)
    found = _char_at(text, pmark)

    if "nesting" in both or "flow level" in both or "block level" in both:
        return Explanation(pline, TOO_DEEP, TOO_DEEP_FIX)

    if "quoted scalar" in context and cmark is not None:
        quote = _char_at(text, cmark) if _char_at(text, cmark) in "\"'" else '"'
        opened = first_line + cmark.line
        if "escape" in problem or "hexdecimal" in problem or "hexadecimal" in problem:
            return Explanation(pline, "dấu \\ trong ngoặc kép \"…\" được hiểu là ký tự đặc biệt",
                               "dùng ngoặc đơn '…' (ví dụ path: 'C:\\Tai lieu') hoặc viết hai dấu \\\\")
        return Explanation(cmark.line, f"dấu ngoặc {quote} mở ở dòng {opened} nhưng không được đóng",
                           f"thêm dấu {quote} ở cuối giá trị trên dòng {opened}")

    if ("flow sequence" in context or "flow mapping" in context) and cmark is not None:
        bracket = _char_at(text, cmark) if _char_at(text, cmark) in _CLOSING else \
            ("[" if "sequence" in context else "{")
        opened = first_line + cmark.line
        return Explanation(cmark.line, f"dấu ngoặc {bracket} mở ở dòng {opened} chưa được đóng",
                           f"thêm dấu {_CLOSING[bracket]} ở cuối giá trị trên dòng {opened}, "
                           "các mục cách nhau bằng dấu phẩy")

    if found == "\t" or "'\\t'" in problem or "tab" in problem:
        return Explanation(pline, "có ký tự Tab (YAML không nhận Tab)", "xoá Tab và dùng dấu cách để thụt lề")

    if "mapping values are not allowed" in problem or ("plain scalar" in context and "':'" in problem):
        before = row[: pmark.column] if pmark is not None else row
        if ":" not in before and row[:1] in (" ", "\t"):
            return Explanation(pline, "dòng này thụt vào sâu hơn các trường cùng cấp",
                               "các trường cùng cấp phải bắt đầu ở cùng một cột — xoá dấu cách ở đầu dòng")
        return Explanation(pline, 'giá trị có dấu hai chấm ":" mà không đặt trong ngoặc kép',
                           f"đặt cả giá trị trong ngoặc kép: {_quoted_example(row)}")

    if "cannot start any token" in problem and found:
        return Explanation(pline, f'giá trị không được bắt đầu bằng ký tự "{found}"',
                           f"đặt cả giá trị trong ngoặc kép: {_quoted_example(row)}")

    if "could not find expected ':'" in problem and cmark is not None:
        key_row = _line_text(text, cmark.line)
        stripped = key_row.lstrip()
        if stripped.startswith("-") and stripped[1:2] not in ("", " "):
            return Explanation(cmark.line, "sau dấu gạch đầu dòng - thiếu một dấu cách",
                               "viết - rồi một dấu cách rồi nội dung, ví dụ - nông thôn mới")
        return Explanation(cmark.line, "dòng này thiếu dấu hai chấm sau tên trường",
                           "viết dạng tên: giá trị, ví dụ date: 2023-03-01 08:00")

    if "sequence entries are not allowed" in problem:
        return Explanation(pline, "dấu gạch đầu dòng - đặt sai chỗ",
                           "mỗi mục danh sách một dòng riêng, bắt đầu bằng - và một dấu cách; "
                           "giá trị bắt đầu bằng - thì đặt trong ngoặc kép")

    if "block mapping" in context or "block collection" in context or "block end" in problem \
            or "expected key" in problem:
        if found == "-":
            return Explanation(pline, "mục danh sách (dòng bắt đầu bằng -) đặt sai chỗ",
                               "viết tên trường và dấu hai chấm ở dòng trên (ví dụ tags:) "
                               "rồi thụt các mục vào hai dấu cách")
        if pmark is not None and row[: pmark.column].rstrip()[-1:] in ("\"", "'"):
            opened = _opened_on_earlier_line(text, pline, len(row[: pmark.column].rstrip()) - 1)
            if opened is not None:  # a quote left open on an earlier line swallowed the line break
                quote = row[: pmark.column].rstrip()[-1]
                return Explanation(opened, f"dấu ngoặc {quote} mở ở dòng {first_line + opened} nhưng không được đóng",
                                   f"thêm dấu {quote} ở cuối giá trị trên dòng {first_line + opened}")
            return Explanation(pline, "sau dấu ngoặc kép đóng vẫn còn chữ",
                               "bỏ ngoặc kép, hoặc đặt cả giá trị trong ngoặc đơn: " + _single_quoted(row))
        return Explanation(pline, "thụt lề không đều",
                           "các trường cùng cấp phải bắt đầu ở cùng một cột (cùng số dấu cách ở đầu dòng)")

    if "anchor" in context or "alias" in both:
        return Explanation(pline, 'giá trị không được bắt đầu bằng "&" hay "*"',
                           f"đặt cả giá trị trong ngoặc kép: {_quoted_example(row)}")

    if "block scalar" in context:
        return Explanation(pline, 'giá trị không được bắt đầu bằng "|" hay ">"',
                           f"đặt cả giá trị trong ngoặc kép: {_quoted_example(row)}")

    if "single document" in both or "another document" in both:
        return Explanation(pline, "có dòng --- hoặc ... thứ hai", "tệp chỉ có một phần — xoá dòng này")

    if "unhashable" in problem:
        return Explanation(pline, "tên trường phải là một chữ, không phải danh sách hay nhóm",
                           "viết dạng tên: giá trị")

    return Explanation(pline, "không đọc được dòng này",
                       "kiểm tra dấu hai chấm sau tên trường, dấu ngoặc kép đóng mở đủ đôi và thụt lề bằng dấu cách")


def _opened_on_earlier_line(text: str, line: int, column: int) -> int | None:
    """The line (0-based) where the quoted value that closes at (*line*, *column*)
    was opened, when that is an earlier line; else None. Editors never write a
    quoted value over several lines on purpose: "title: "Họp dân" with the closing
    quote forgotten runs on until the next quote, on the next line."""
    rows = text.split("\n")
    if line is None or line >= len(rows) or column < 0:
        return None
    quote = rows[line][column]
    offset = sum(len(r) + 1 for r in rows[:line]) + column
    start = text.rfind(quote, 0, offset)
    while start > 0 and quote == '"' and text[start - 1] == "\\":
        start = text.rfind(quote, 0, start - 1)
    if start < 0:
        return None
    opened = text.count("\n", 0, start)
    return opened if opened < line else None


def _single_quoted(row: str) -> str:
    """``title: "Họp" dân thôn`` -> ``title: '"Họp" dân thôn'``."""
    key, _, value = row.strip().partition(":")
    return f"{key.strip()}: '" + value.strip().replace("'", "''") + "'"
