"""Importer, part 4: an ``ImportedPage`` as a Markdown article, and the suggested
site.yml / tthc.yml values as YAML text. Pure functions."""

from __future__ import annotations

import calendar
import re

import yaml

from .parse import Block, ImportedPage
from .widgets import MastheadWidget, TthcWidget
from ..text import format_int


class _Quoted(str):
    """A string YAML must keep in double quotes (dates, periods, phone numbers)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))


def dump_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)


# --- Markdown text ------------------------------------------------------------------

_INLINE = str.maketrans({"\\": "\\\\", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
                         "<": "&lt;"})
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s)|\d{1,3}(?=[.)]\s)|={3,}$|-{3,}$)")


def escape_inline(text: str) -> str:
    """Text that must stay text: emphasis marks, brackets and HTML escaped."""
    return text.translate(_INLINE)


def escape_paragraph(text: str) -> str:
    """Also stop a paragraph's start from reading as a heading, quote or list ("1. …")."""
    text = escape_inline(text)
    match = _LINE_START.match(text)
    if not match:
        return text
    if match.group(0)[:1].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _block_markdown(block: Block) -> str | None:
    if block.kind == "heading":
        return "#" * block.level + " " + escape_inline(block.text)
    if block.kind == "item":
        return "- " + escape_inline(block.text)
    if block.kind == "subitem":
        return "    - " + escape_inline(block.text)
    if block.kind == "caption":
        return "*" + escape_inline(block.text) + "*"
    if block.kind == "image":
        if not block.src.startswith("media/"):
            return None  # not downloaded: reported as a warning, the caption stays
        alt = block.text.replace("[", "").replace("]", "")
        return f"![{alt}]({block.src})"
    if block.bold:
        return "**" + escape_inline(block.text) + "**"
    return escape_paragraph(block.text)


def body_markdown(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    previous = ""
    for block in blocks:
        text = _block_markdown(block)
        if text is None:
            continue
        is_list = block.kind in ("item", "subitem")
        if out and not (is_list and previous in ("item", "subitem")):
            out.append("")
        out.append(text)
        previous = block.kind
    return "\n".join(out) + "\n"


def _date_example(page: ImportedPage) -> str:
    if page.period:
        year, month = (int(x) for x in page.period.split("-"))
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{last:02d} 08:00:00"
    return "2023-07-31 08:00:00"


def to_markdown(page: ImportedPage) -> str:
    """The article file: front matter between --- lines, then the Markdown body."""
    fields: dict[str, object] = {"title": page.title}
    if page.date:
        fields["date"] = _Quoted(page.date)
    if page.period:
        fields["period"] = _Quoted(page.period)
    if page.category:
        fields["category"] = page.category
    if page.author:
        fields["author"] = page.author
    if page.summary:
        fields["summary"] = page.summary
    if page.slug:
        fields["slug"] = page.slug
    if page.image:
        fields["image"] = page.image
        if page.image_alt:
            fields["image_alt"] = page.image_alt
    if page.tags:
        fields["tags"] = list(page.tags)
    if page.draft:
        fields["draft"] = True
    lines = ["---"]
    if page.source:
        name = page.source.replace("\\", "/").rsplit("/", 1)[-1].replace("\n", " ")
        lines.append(f"# Nhập từ trang cũ {name} — đọc lại trước khi đăng")
    lines.append(dump_yaml(fields).rstrip("\n"))
    if page.draft:
        lines.append(f'# TODO: điền ngày đăng bài (date: "{_date_example(page)}") rồi xoá dòng draft')
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body_markdown(page.blocks)


# --- suggestions for site.yml and tthc.yml ------------------------------------------------

def site_suggestion(masthead: MastheadWidget) -> dict:
    """The site.yml values a portal's footer gives (empty ones left out)."""
    data: dict[str, object] = {}
    if masthead.name:
        data["name"] = masthead.name
    if masthead.parent:
        data["parent"] = masthead.parent
    inner = {key: getattr(masthead, key) for key in ("editor_in_chief", "address", "phone", "email")
             if getattr(masthead, key)}
    if inner:
        data["masthead"] = inner
    return data


def tthc_suggestion(widget: TthcWidget) -> dict:
    data: dict[str, object] = {}
    if widget.updated:
        data["updated"] = widget.updated
    return data


def site_suggestion_yaml(masthead: MastheadWidget) -> str:
    data = site_suggestion(masthead)
    if "masthead" in data and "phone" in data["masthead"]:  # type: ignore[operator]
        data["masthead"]["phone"] = _Quoted(data["masthead"]["phone"])  # type: ignore[index]
    return dump_yaml(data)


def tthc_suggestion_yaml(widget: TthcWidget) -> str:
    data = {key: _Quoted(value) for key, value in tthc_suggestion(widget).items()}
    text = dump_yaml(data) if data else ""
    totals = []
    if widget.received is not None:
        totals.append(f"tiếp nhận {format_int(widget.received)} hồ sơ")
    if widget.on_time is not None:
        totals.append(f"trước và đúng hạn {format_int(widget.on_time)}")
    if widget.late is not None:
        totals.append(f"trễ hạn {format_int(widget.late)}")
    label = f" ({widget.period_label.rstrip(':')})" if widget.period_label else ""
    if totals:
        text += f"# Cổng cũ ghi tổng cộng{label}: " + ", ".join(totals) + ".\n"
    text += ("# tthc.yml cần số liệu từng tháng (months: - {month: 2023-12, received: …, on_time: …,"
             " late: …, pending: …}):\n# lấy số liệu từng tháng trên Cổng dịch vụ công của tỉnh, "
             "không chia đều tổng cộng ở trên.\n")
    return text
