"""``python build.py new <chuyên-trang> "Tiêu đề"``: start a new article.

Writes ``content/<section>/<year>/<slug>.md`` (pages: ``content/trang/<slug>.md``)
with the front matter filled in: title, date (now, Việt Nam time), the
category most used in that section (or ``--category``, checked against the
categories in use), the author from ``BANTIN_AUTHOR``, and ``draft: true`` so
nothing is published by accident. A periodical without ``--period`` is this
month's. ``new --list`` shows the sections and their categories. Never
overwrites a file.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from ..content_types import DATE, ISO_WEEK, MONTH, STANDARD, ContentType, Field
from ..content import Article, read_content
from ..errors import diag
from ..weeks import IsoWeek, parse_week
from ..text import (VIETNAM_TZ, format_date, format_int, format_month, nfc, parse_datetime, parse_month,
                    slugify)

#: Environment variable holding the editor's name, written as ``author:``.
AUTHOR_ENV = "BANTIN_AUTHOR"

#: Fields ``new`` asks for on the command line (``--period 2023-07``), over all types.
ASKED: dict[str, Field] = {f.name: f for t in STANDARD.values() for f in t.fields if f.ask}

def _example_for(name: str, spec: Field) -> str:
    """"ban-tin --period 2023-07"; a type without a default title is given one."""
    ctype = STANDARD.having(name)[0]
    title = "" if ctype.default_title else f' "{ctype.field("title").example}"'
    return f"{ctype.key}{title} --{name} {spec.example.strip(chr(34))}"


HELP = """Tạo một bài viết mới (bài nháp) với phần đầu bài đã điền sẵn.

Bài được ghi vào content/<chuyên-trang>/<năm>/<tên-bài>.md với tiêu đề, ngày giờ
hiện tại (giờ Việt Nam), chuyên mục dùng nhiều nhất trong chuyên trang (hoặc
--category, so với các chuyên mục đang có), tác giả (lấy từ biến môi trường
BANTIN_AUTHOR) và draft: true. Bản tin không có --period là bản tin tháng này.
Viết xong, xoá dòng draft: true để đăng bài. Lệnh không bao giờ ghi đè một tệp
đã có. Xem các chuyên trang và chuyên mục đang có: python build.py new --list

Chuyên trang: """ + ", ".join(STANDARD)

EPILOG = """Ví dụ:
  python build.py new --list
  python build.py new tin-tuc "Hội nghị tiếp xúc cử tri"
  python build.py new tin-tuc "Ra quân làm đường" --category "Nông thôn mới"
  python build.py new thong-bao "Lịch tiếp công dân tháng 8"
""" + "".join(f"  python build.py new {_example_for(name, spec)}\n" for name, spec in ASKED.items()) + """  BANTIN_AUTHOR="Mai Chi" python build.py new tin-tuc "Ra quân vệ sinh môi trường"

Mã thoát: 0 đã tạo bài, 1 bài đã có (không ghi đè), 2 dùng lệnh sai."""


def add_arguments(parser) -> None:
    parser.add_argument("section", metavar="CHUYÊN_TRANG", choices=list(STANDARD), nargs="?", default=None,
                        help="thư mục chuyên trang: " + ", ".join(STANDARD))
    parser.add_argument("title", metavar="TIÊU_ĐỀ", nargs="?", default=None,
                        help="tiêu đề bài, đặt trong ngoặc kép (bản tin: không bắt buộc)")
    for name, spec in ASKED.items():
        users = ", ".join(t.key for t in STANDARD.having(name))
        parser.add_argument(f"--{name}", metavar=_METAVAR.get(spec.kind, "GIÁ_TRỊ"), default=None,
                            help=f"{spec.label}, ví dụ {_plain(spec.example)} (chỉ dùng với {users})")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="THƯ_MỤC",
                        help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--category", metavar="CHUYÊN_MỤC", default=None,
                        help="chuyên mục của bài (mặc định: chuyên mục dùng nhiều nhất trong chuyên trang)")
    parser.add_argument("--list", action="store_true",
                        help="liệt kê các chuyên trang và chuyên mục đang có, kèm số bài")


_METAVAR = {MONTH: "NĂM-THÁNG", ISO_WEEK: "NĂM-WTUẦN"}
_FORMAT_HINT = {MONTH: " (năm-tháng)", ISO_WEEK: " (năm-W số tuần)"}


def _plain(example: str) -> str:
    return example.strip('"')


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one), Vietnamese kept readable."""
    return json.dumps(value, ensure_ascii=False)


def _yaml_value(spec: Field, value: object) -> str:
    """A parsed value of an asked field, written back as the editor would."""
    if spec.kind == MONTH:
        return f'"{value[0]:04d}-{value[1]:02d}"'
    if spec.kind == DATE:
        return yaml_text(value.strftime("%Y-%m-%d %H:%M:%S"))
    return yaml_text(str(value))


def _shown(spec: Field, value: object) -> str:
    """A parsed value as a reader sees it (for the default title)."""
    if spec.kind == MONTH:
        return format_month(*value)
    if spec.kind == DATE:
        return format_date(value)
    return str(value)


def front_matter(ctype: ContentType, title: str, date: datetime, author: str,
                 asked: dict[str, object], category: str = "") -> str:
    """The front matter ``new`` writes: the declared scaffold fields, in declaration order.

    title, date (now), category (*category*, else the type's title), author and draft: true are
    filled in; asked fields hold their value; any other scaffold field is left
    empty with its label and example as a comment."""
    lines = ["---"]
    for spec in ctype.fields:
        if not spec.scaffold:
            continue
        if spec.name in asked:
            lines.append(f"{spec.name}: {_yaml_value(spec, asked[spec.name])}")
        elif spec.name == "title":
            lines.append(f"title: {yaml_text(title)}")
        elif spec.name == "date":
            lines.append(f"date: {yaml_text(date.strftime('%Y-%m-%d %H:%M:%S'))}")
        elif spec.name == "category":
            lines.append(f"category: {yaml_text(category or ctype.title)}")
        elif spec.name == "author":
            lines.append(f"author: {yaml_text(author)}")
        elif spec.name == "draft":
            lines.append("draft: true")
        else:
            lines.append(f"{spec.name}:  # {spec.label}, ví dụ: {spec.example}")
    lines += ["---", ""]
    return "\n".join(lines)


def article_text(ctype: ContentType, title: str, now: datetime, author: str,
                 asked: dict[str, object] | None = None, category: str = "") -> str:
    """The whole new file. Pure: the caller supplies the clock, the author, the asked values
    and the category."""
    return front_matter(ctype, title, now, author, asked or {}, category) + "\n" + ctype.scaffold_body


# --- the categories in use --------------------------------------------------------------

def categories_in_use(articles: list[Article]) -> dict[str, Counter]:
    """Section key -> how many articles use each category (drafts do not count). Pure."""
    out: dict[str, Counter] = {}
    for article in articles:
        if not article.draft:
            out.setdefault(article.section, Counter())[article.category] += 1
    return out


def ranked(counts: Counter) -> list[tuple[str, int]]:
    """Most used first; equal counts in alphabetical order (the same answer every run)."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def choose_category(ctype: ContentType, counts: Counter, wanted: str | None) -> tuple[str, str | None]:
    """(category, problem): the most used one of the section when none is *wanted*; the
    spelling in use when *wanted* is one of them (same slug); a usage error naming the
    closest when it looks like a typo of one; else *wanted*, a new category."""
    if not wanted:
        return (ranked(counts)[0][0] if counts else ctype.title), None
    wanted = nfc(" ".join(wanted.split()))
    by_slug = {slugify(name): name for name, _ in reversed(ranked(counts))}
    if slugify(wanted) in by_slug:
        return by_slug[slugify(wanted)], None
    close = difflib.get_close_matches(slugify(wanted), list(by_slug), n=1, cutoff=0.75)
    if close:
        found = by_slug[close[0]]
        return "", (f'lỗi: chuyên mục "{wanted}" chưa có bài nào trong {ctype.key}; có phải là "{found}"? '
                    f'— dùng --category "{found}" (xem các chuyên mục: python build.py new --list)')
    return wanted, None


def listing(counts: dict[str, Counter]) -> str:
    """What ``new --list`` prints: each section, its articles and its categories."""
    lines = []
    for ctype in STANDARD.values():
        section = counts.get(ctype.key, Counter())
        lines.append(f"{ctype.key} ({ctype.title}): {format_int(sum(section.values()))} bài")
        if ctype.dated:  # undated pages are listed by title, not by category
            for name, count in ranked(section):
                lines.append(f"  {name}: {format_int(count)} bài")
    return "\n".join(lines)


def default_title(ctype: ContentType, asked: dict[str, object]) -> str:
    """The type's default title filled with the asked values; "" if it has none."""
    if not ctype.default_title:
        return ""
    return ctype.default_title.format(**{name: _shown(ctype.field(name), value) for name, value in asked.items()})


def target_path(content: Path, ctype: ContentType, slug: str, year: int) -> Path:
    if not ctype.dated and not ctype.files_by_year:
        return content / ctype.key / f"{slug}.md"
    return content / ctype.key / str(year) / f"{slug}.md"


def parse_asked(ctype: ContentType, given: dict[str, str | None], now: datetime | None = None
                ) -> tuple[dict[str, object], str | None]:
    """The asked fields' values from the command line, or a usage error (Vietnamese).
    A month left out is *now*'s month (this month's bulletin)."""
    asked: dict[str, object] = {}
    for name, raw in given.items():
        spec = ctype.field(name)
        if raw is None:
            if spec is not None and spec.ask and spec.kind == MONTH and now is not None:
                asked[name] = (now.year, now.month)
            elif spec is not None and spec.ask and spec.kind == ISO_WEEK and now is not None:
                asked[name] = IsoWeek.of(now.date())  # this week's schedule
            elif spec is not None and spec.ask and spec.required_for(draft=True):
                return {}, (f"lỗi: thiếu {spec.label} — thêm --{name}, ví dụ: python build.py new "
                            f"{ctype.key} --{name} {_plain(spec.example)}")
            continue
        if spec is None or not spec.ask:
            users = ", ".join(t.key for t in STANDARD.having(name))
            return {}, f"lỗi: --{name} chỉ dùng với {users}, không dùng với {ctype.key}"
        value = parse_month(raw) if spec.kind == MONTH else parse_datetime(raw) if spec.kind == DATE \
            else parse_week(raw) if spec.kind == ISO_WEEK else raw
        if value is None:
            return {}, (f'lỗi: {spec.label} "{raw}" không hợp lệ — dùng dạng --{name} '
                        f"{_plain(spec.example)}{_FORMAT_HINT.get(spec.kind, '')}")
        asked[name] = value
    return asked, None


def _fail(path: Path, code: str, **values) -> int:
    print(diag(path.as_posix(), None, code, **values).format(), file=sys.stderr)
    return 1


def run(args) -> int:
    if not args.content.is_dir():
        print(f"lỗi: không tìm thấy thư mục nội dung {args.content} — chạy lệnh trong thư mục dự án "
              "hoặc chỉ rõ --content", file=sys.stderr)
        return 2
    if args.list:
        print(listing(categories_in_use(read_content(args.content, None)[0])))
        return 0
    if args.section is None:
        print(f'lỗi: thiếu chuyên trang — ví dụ: python build.py new tin-tuc "Hội nghị tiếp xúc cử tri" '
              f"(các chuyên trang: {', '.join(STANDARD)})", file=sys.stderr)
        return 2
    ctype = STANDARD[args.section]
    now = datetime.now(VIETNAM_TZ).replace(microsecond=0)
    asked, problem = parse_asked(ctype, {name: getattr(args, name) for name in ASKED}, now)
    if problem:
        print(problem, file=sys.stderr)
        return 2

    title = nfc(" ".join((args.title or "").split()))
    if not title:
        title = default_title(ctype, asked)
        if not title:
            print(f'lỗi: thiếu tiêu đề — ví dụ: python build.py new {ctype.key} "Hội nghị tiếp xúc cử tri"',
                  file=sys.stderr)
            return 2
    slug = file_slug(ctype, title, asked, now)
    if ctype.file_named_by in asked:  # a week's schedule is named by its week: 2025-14.md
        slug = asked[ctype.file_named_by].file_stems[0]
    if not slug:
        print(f'lỗi: tiêu đề "{title}" không có chữ hay số nào để làm tên tệp — viết tiêu đề bằng chữ',
              file=sys.stderr)
        return 2
    category = ""
    if ctype.field("category") is not None and ctype.field("category").scaffold:
        counts = categories_in_use(read_content(args.content, None)[0]).get(ctype.key, Counter())
        category, problem = choose_category(ctype, counts, args.category)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        if category not in counts and counts:
            print(f'chuyên mục mới: "{category}" (chưa có bài nào trong {ctype.key}; '
                  "xem các chuyên mục đang có: python build.py new --list)", file=sys.stderr)
    elif args.category:
        print(f"lỗi: --category không dùng với {ctype.key} (trang đứng riêng không có chuyên mục)", file=sys.stderr)
        return 2

    year = year_for(ctype, asked, now)
    path = target_path(args.content, ctype, slug, year)
    folder = args.content / ctype.key
    # the same file name anywhere in the section would give the same address
    same_name = sorted(p for p in folder.rglob(f"{slug}.md") if p != path) if folder.is_dir() else []
    if same_name:
        return _fail(path, "new_same_slug", other=same_name[0].as_posix())
    text = article_text(ctype, title, now, nfc(os.environ.get(AUTHOR_ENV, "").strip()), asked, category)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)
    except FileExistsError:
        return _fail(path, "new_exists")
    print(path.as_posix())
    return 0


def file_slug(ctype: ContentType, title: str, asked: dict[str, object], now: datetime) -> str:
    """The new file's name: the type's ``slug_from`` when the asked values fill it (dates
    not asked are this year's: "15/QĐ-UBND" -> 15-qd-ubnd-2026), else from the title."""
    if ctype.slug_format:
        values = {spec.name: now for spec in ctype.fields if spec.kind == DATE}
        try:
            return slugify(ctype.slug_format.format(**values, **asked, title=title)) or slugify(title)
        except (KeyError, ValueError):
            pass
    return slugify(title)


def year_for(ctype: ContentType, asked: dict[str, object], now: datetime) -> int:
    """The year folder: the period's year for periodicals, else this year."""
    period = asked.get("period") if ctype.periodical else None
    return period[0] if period else now.year
