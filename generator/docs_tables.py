"""The editors' tables of folders and fields, generated from the content type declarations.

The README ("Viết nội dung") and docs/bien-tap-vien.md hold the tables between
marker comments (``<!-- bantin:types -->`` … ``<!-- /bantin:types -->``, the same
for ``fields``); ``refresh`` rewrites what is between them and leaves the rest of
the text alone. A test fails when a file differs from its refreshed text.

    python -m generator.docs_tables           # rewrite the tables
    python -m generator.docs_tables --check   # exit 1 if a table is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .content_types import OPTIONAL, REQUIRED, STANDARD, UNLESS_DRAFT, ContentType, ContentTypes, Field

#: The files that hold generated tables, relative to the repository root.
DOCUMENTS = ("README.md", "docs/bien-tap-vien.md")

_BLOCK = re.compile(r"(<!-- bantin:(?P<name>[a-z]+) -->\n).*?(<!-- /bantin:(?P=name) -->)", re.S)

_RULE_TEXT = {REQUIRED: "có", OPTIONAL: "không", UNLESS_DRAFT: "có (trừ bài nháp)"}


def _folders(types: list[ContentType]) -> str:
    return ", ".join(f"`{t.key}/`" for t in types)


def requirement(name: str, types: ContentTypes) -> str:
    """The "bắt buộc" cell of a field: its rule, and the folders where it differs."""
    types = ContentTypes(tuple(t for t in types.values() if is_article(t)))
    having = [t for t in types.values() if t.field(name) is not None]
    rules = {t.key: t.field(name).required for t in having}
    distinct = set(rules.values())
    if len(having) < len(types):  # a field of some types only
        (rule,) = distinct if len(distinct) == 1 else (None,)
        if rule == OPTIONAL:
            return f"không (chỉ dùng trong {_folders(having)})"
        if rule is not None:
            return f"{_RULE_TEXT[rule]}, với {_folders(having)}"
    elif len(distinct) == 1:
        return _RULE_TEXT[distinct.pop()]
    elif distinct <= {OPTIONAL, UNLESS_DRAFT} or distinct <= {OPTIONAL, REQUIRED}:
        exempt = _folders([t for t in having if rules[t.key] == OPTIONAL])
        return f"có (trừ {exempt} và bài nháp)" if UNLESS_DRAFT in distinct else f"có (trừ {exempt})"
    return "; ".join(f"{_RULE_TEXT[rules[t.key]]} với `{t.key}/`" for t in having)


def _example(spec: Field) -> str:
    return f"`{spec.name}: {spec.example}`"


def is_article(ctype: ContentType) -> bool:
    """Articles and pages (they share the article's fields, one table); other types
    (leaders, work schedules…) get a table of their own."""
    return ctype.field("date") is not None


def fields_table(types: ContentTypes = STANDARD) -> str:
    """Every field of every article type (in declaration order, first appearance first)."""
    types = ContentTypes(tuple(t for t in types.values() if is_article(t)))
    seen: dict[str, Field] = {}
    for ctype in types.values():
        for spec in ctype.fields:
            seen.setdefault(spec.name, spec)
    rows = ["| trường | bắt buộc | ý nghĩa | ví dụ |", "| --- | --- | --- | --- |"]
    rows += [f"| `{name}` | {requirement(name, types)} | {spec.help} | {_example(spec)} |"
             for name, spec in seen.items()]
    return "\n".join(rows) + "\n"


def others_tables(types: ContentTypes = STANDARD) -> str:
    """One table per type that is not an article: its own fields only."""
    parts = []
    for ctype in types.values():
        if is_article(ctype):
            continue
        rows = [f"`{ctype.key}/` — {ctype.description}:", "",
                "| trường | bắt buộc | ý nghĩa | ví dụ |", "| --- | --- | --- | --- |"]
        rows += [f"| `{f.name}` | {_RULE_TEXT[f.required]} | {f.help} | {_example(f)} |" for f in ctype.fields]
        parts.append("\n".join(rows) + "\n")
    return "\n".join(parts)


def types_table(types: ContentTypes = STANDARD) -> str:
    """The folders of content/: one row per type, then media/."""
    rows = ["| thư mục | nội dung | địa chỉ trên trang web |", "| --- | --- | --- |"]
    rows += [f"| `{t.key}/` | {t.description} | `/{t.key}/{'<tên-bài>/' if t.item_pages else ''}` |"
             for t in types.values()]
    rows.append(MEDIA_ROW)
    return "\n".join(rows) + "\n"


#: The last row of the folder table: media/ is not a content type.
MEDIA_ROW = ("| `media/` | ảnh (đăng thành các bản thu nhỏ WebP/JPEG, không kèm GPS; xem "
             "[hướng dẫn](docs/bien-tap-vien.md#ảnh)) và tệp đính kèm (chép nguyên) | `/media/…` |")

TABLES = {"types": types_table, "fields": fields_table, "others": others_tables}


def refresh(text: str, types: ContentTypes = STANDARD) -> str:
    """*text* with every marked table regenerated from *types*."""
    def replace(match: re.Match) -> str:
        make = TABLES.get(match.group("name"))
        return match.group(0) if make is None else match.group(1) + make(types) + match.group(3)
    return _BLOCK.sub(replace, text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    stale = []
    for name in DOCUMENTS:
        path = root / name
        text = path.read_text(encoding="utf-8")
        fresh = refresh(text)
        if fresh != text:
            stale.append(name)
            if "--check" not in argv:
                path.write_text(fresh, encoding="utf-8", newline="\n")
    if stale:
        verb = "chưa khớp với khai báo" if "--check" in argv else "đã cập nhật"
        print(f"Bảng trường {verb}: {', '.join(stale)}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main())
