"""How an item of a declared type shows its fields: documents (văn bản) and
procedures (thủ tục hành chính), or any type with fields beyond an article's.

``record(article, ctype, files, today)`` is pure: the item, its declaration,
the sizes of the files it names (read by the pipeline) and the build's day in;
a ``Record`` out whose rows a template prints as a definition list, whose file
links carry "PDF, 245 KB", and whose status says whether it is in force.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Mapping

from .. import urls
from ..content import Article
from ..content_types import DATE, FILE_LIST, URL, ContentType
from ..text import format_date, format_decimal, format_int

#: fields every item has, shown by the page itself (heading, address), not as a row
_NOT_ROWS = ("title", "slug", "draft")

IN_FORCE = "Còn hiệu lực"
EXPIRED = "Hết hiệu lực"
NOT_YET = "Chưa có hiệu lực"
STATUS_LABEL = "Tình trạng hiệu lực"
#: status -> a CSS class
STATUS_CLASS = {IN_FORCE: "in-force", EXPIRED: "expired", NOT_YET: "not-yet"}


@dataclass(frozen=True)
class FileLink:
    url: str  # site-root: /media/van-ban/2025/15-qd-ubnd.pdf
    name: str  # the file name: 15-qd-ubnd.pdf
    label: str  # "PDF, 245 KB"


@dataclass(frozen=True)
class Row:
    name: str  # the field: "issued"
    label: str  # "Ngày ban hành"
    text: str  # "15/03/2025"
    link: str = ""  # a URL field: the address to follow
    files: tuple[FileLink, ...] = ()  # a FILE_LIST field


@dataclass(frozen=True)
class Record:
    """One item as its pages show it."""

    article: Article
    rows: tuple[Row, ...]
    status: str = ""  # IN_FORCE, EXPIRED, NOT_YET, or "" (the type has no validity)

    @property
    def url(self) -> str:
        return self.article.url

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def draft(self) -> bool:
        return self.article.draft

    @property
    def status_class(self) -> str:
        return STATUS_CLASS.get(self.status, "")

    def text(self, name: str) -> str:
        """A row's text by field name ("" when the item leaves it out)."""
        return next((row.text for row in self.rows if row.name == name), "")

    @property
    def files(self) -> tuple[FileLink, ...]:
        return tuple(link for row in self.rows for link in row.files)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def size_label(size: int) -> str:
    """245_000 -> "240 KB"; 1_300_000 -> "1,2 MB" (Vietnamese decimal comma); 10 -> "1 KB"."""
    if size < 1024 * 1024:
        return f"{format_int(max(1, math.ceil(size / 1024)))} KB"
    return f"{format_decimal(Decimal(size) / (1024 * 1024), 1)} MB"


def file_name(path: str) -> str:
    """"media/van-ban/2025/a.pdf" -> "a.pdf"."""
    return path.rsplit("/", 1)[-1]


def file_label(path: str, size: int | None) -> str:
    """"PDF, 245 KB": the format (the name's ending) and the size."""
    name = file_name(path)
    kind = name.rsplit(".", 1)[-1].upper() if "." in name.strip(".") else "TỆP"
    return kind if size is None else f"{kind}, {size_label(size)}"


def status(article: Article, ctype: ContentType, today: date | None) -> str:
    """Whether the item is in force on *today*: from the first of ``valid_from`` it
    gives until ``valid_until`` (that day no longer in force)."""
    if not ctype.valid_from or today is None:
        return ""
    start = next((article.value(name) for name in ctype.valid_from if article.value(name)), None)
    end = article.value(ctype.valid_until) if ctype.valid_until else None
    if isinstance(start, datetime) and today < start.date():
        return NOT_YET
    if isinstance(end, datetime) and today >= end.date():
        return EXPIRED
    return IN_FORCE


def _shown(ctype: ContentType, name: str, value: object) -> str:
    spec = ctype.field(name)
    if spec.kind == DATE and isinstance(value, datetime):
        return format_date(value)
    if spec.choices:
        return capitalised(str(value))
    return str(value)


def record(article: Article, ctype: ContentType, files: Mapping[str, int], today: date | None) -> Record:
    rows = []
    for spec in ctype.fields:
        if spec.name in _NOT_ROWS:
            continue
        value = article.value(spec.name)
        if value in (None, "", ()):
            continue
        label = capitalised(spec.label)
        if spec.kind == FILE_LIST:
            links = tuple(FileLink(urls.media(path), file_name(path), file_label(path, files.get(path)))
                          for path in value)
            rows.append(Row(spec.name, label, ", ".join(link.name for link in links), files=links))
        elif spec.kind == URL:
            rows.append(Row(spec.name, label, str(value), link=str(value)))
        else:
            rows.append(Row(spec.name, label, _shown(ctype, spec.name, value)))
    return Record(article, tuple(rows), status(article, ctype, today))
