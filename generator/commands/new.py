"""``python build.py new <chuyên-trang> "Tiêu đề"``: start a new article.

Writes ``content/<section>/<year>/<slug>.md`` (pages: ``content/trang/<slug>.md``)
with the front matter filled in: title, date (now, Việt Nam time), the
section's default category, the author from ``BANTIN_AUTHOR``, and
``draft: true`` so nothing is published by accident. Never overwrites a file.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

from ..config import SECTIONS
from ..errors import diag
from ..text import VIETNAM_TZ, format_month, nfc, parse_month, slugify

#: Environment variable holding the editor's name, written as ``author:``.
AUTHOR_ENV = "BANTIN_AUTHOR"

#: The usual headings of a monthly new-countryside bulletin.
BULLETIN_HEADINGS = (
    "1. Về công tác chỉ đạo, điều hành",
    "2. Kết quả thực hiện",
    "3. Nhiệm vụ thời gian tới",
)

HELP = """Tạo một bài viết mới (bài nháp) với phần đầu bài đã điền sẵn.

Bài được ghi vào content/<chuyên-trang>/<năm>/<tên-bài>.md với tiêu đề, ngày giờ
hiện tại (giờ Việt Nam), chuyên mục mặc định của chuyên trang, tác giả (lấy từ
biến môi trường BANTIN_AUTHOR) và draft: true. Viết xong, xoá dòng draft: true
để đăng bài. Lệnh không bao giờ ghi đè một tệp đã có.

Chuyên trang: """ + ", ".join(SECTIONS)

EPILOG = """Ví dụ:
  python build.py new tin-tuc "Hội nghị tiếp xúc cử tri"
  python build.py new thong-bao "Lịch tiếp công dân tháng 8"
  python build.py new ban-tin --period 2023-07
  BANTIN_AUTHOR="Mai Chi" python build.py new tin-tuc "Ra quân vệ sinh môi trường"

Mã thoát: 0 đã tạo bài, 1 bài đã có (không ghi đè), 2 dùng lệnh sai."""


def add_arguments(parser) -> None:
    parser.add_argument("section", metavar="CHUYÊN_TRANG", choices=list(SECTIONS),
                        help="thư mục chuyên trang: " + ", ".join(SECTIONS))
    parser.add_argument("title", metavar="TIÊU_ĐỀ", nargs="?", default=None,
                        help="tiêu đề bài, đặt trong ngoặc kép (bản tin: không bắt buộc)")
    parser.add_argument("--period", metavar="NĂM-THÁNG", default=None,
                        help="tháng của bản tin, ví dụ 2023-07 (chỉ dùng với ban-tin)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="THƯ_MỤC",
                        help="thư mục nội dung (mặc định: content)")


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one), Vietnamese kept readable."""
    return json.dumps(value, ensure_ascii=False)


def front_matter(title: str, date: datetime, category: str, author: str,
                 period: tuple[int, int] | None) -> str:
    lines = ["---", f"title: {yaml_text(title)}",
             f"date: {yaml_text(date.strftime('%Y-%m-%d %H:%M:%S'))}"]
    if period is not None:
        lines.append(f'period: "{period[0]:04d}-{period[1]:02d}"')
    lines += [f"category: {yaml_text(category)}", f"author: {yaml_text(author)}",
              "draft: true", "---", ""]
    return "\n".join(lines)


def body_skeleton(bulletin: bool) -> str:
    if bulletin:
        return "".join(f"## {heading}\n\n\n" for heading in BULLETIN_HEADINGS).rstrip("\n") + "\n"
    return "<!-- Viết nội dung bài ở đây: đoạn đầu tiên là tóm tắt hiện trên trang chủ. -->\n"


def article_text(section_key: str, title: str, now: datetime, author: str,
                 period: tuple[int, int] | None) -> str:
    """The whole new file. Pure: the caller supplies the clock and the author."""
    section = SECTIONS[section_key]
    head = front_matter(title, now, section.title, author, period)
    return head + "\n" + body_skeleton(section.bulletin)


def target_path(content: Path, section_key: str, slug: str, year: int) -> Path:
    if not SECTIONS[section_key].dated:
        return content / section_key / f"{slug}.md"
    return content / section_key / str(year) / f"{slug}.md"


def _fail(path: Path, code: str, **values) -> int:
    print(diag(path.as_posix(), None, code, **values).format(), file=sys.stderr)
    return 1


def run(args) -> int:
    section = SECTIONS[args.section]
    period = None
    if args.period is not None:
        if not section.bulletin:
            print(f"lỗi: --period chỉ dùng với ban-tin, không dùng với {args.section}", file=sys.stderr)
            return 2
        period = parse_month(args.period)
        if period is None:
            print(f'lỗi: kỳ bản tin "{args.period}" không hợp lệ — dùng dạng --period 2023-07 (năm-tháng)',
                  file=sys.stderr)
            return 2
    elif section.bulletin:
        print("lỗi: bản tin cần tháng — thêm --period, ví dụ: python build.py new ban-tin --period 2023-07",
              file=sys.stderr)
        return 2

    title = nfc(" ".join((args.title or "").split()))
    if not title:
        if period is None:
            print('lỗi: thiếu tiêu đề — ví dụ: python build.py new tin-tuc "Hội nghị tiếp xúc cử tri"',
                  file=sys.stderr)
            return 2
        title = f"Bản tin nông thôn mới {format_month(*period)}"
    slug = slugify(title)
    if not slug:
        print(f'lỗi: tiêu đề "{title}" không có chữ hay số nào để làm tên tệp — viết tiêu đề bằng chữ',
              file=sys.stderr)
        return 2
    if not args.content.is_dir():
        print(f"lỗi: không tìm thấy thư mục nội dung {args.content} — chạy lệnh trong thư mục dự án "
              "hoặc chỉ rõ --content", file=sys.stderr)
        return 2

    now = datetime.now(VIETNAM_TZ).replace(microsecond=0)
    year = period[0] if period else now.year
    path = target_path(args.content, args.section, slug, year)
    # the same file name anywhere in the section would give the same address
    same_name = sorted(p for p in (args.content / args.section).rglob(f"{slug}.md") if p != path) \
        if (args.content / args.section).is_dir() else []
    if same_name:
        return _fail(path, "new_same_slug", other=same_name[0].as_posix())
    text = article_text(args.section, title, now, nfc(os.environ.get(AUTHOR_ENV, "").strip()), period)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)
    except FileExistsError:
        return _fail(path, "new_exists")
    print(path.as_posix())
    return 0
