"""``python build.py import``: articles saved from old commune portals into content/."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError
from ..importer import import_paths, report_text

HELP = """Nhập bài viết từ trang thông tin điện tử cũ (SharePoint, phần mềm của nhà cung cấp…).

Nhận các trang đã lưu từ cổng cũ: tệp .txt (chữ chép từ trình duyệt) hoặc .html
(trang lưu bằng "Lưu trang thành…"), hoặc thư mục chứa các tệp đó. Mỗi trang thành
một bài Markdown có phần đầu bài (title, date, category, author…). Menu, quảng cáo,
bộ đếm truy cập, ô "Kết quả giải quyết TTHC" và chân trang bị bỏ khỏi bài; thông tin
ở chân trang và ô TTHC được in ra làm gợi ý cho site.yml và tthc.yml.

Không bao giờ ghi đè tệp đã có và không nhập một bài hai lần (cùng tiêu đề, cùng ngày).
Trang không ghi ngày được nhập ở dạng nháp (draft: true) để bạn điền ngày.

Ví dụ:
  python build.py import luu-tru/cong-cu/ --dry-run
  python build.py import luu-tru/bai-1.txt luu-tru/bai-2.html --to content/tin-tuc
  python build.py import xa-cu/ --category "Nông thôn mới"

Xem hướng dẫn đầy đủ trong docs/import.md."""


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="tệp .txt/.html đã lưu từ cổng cũ, hoặc thư mục chứa chúng")
    parser.add_argument("--to", default="content/tin-tuc", metavar="THƯ_MỤC",
                        help="thư mục nhận bài (mặc định: content/tin-tuc); bản tin tháng vào "
                             "ban-tin/ bên cạnh")
    parser.add_argument("--category", metavar="CHUYÊN_MỤC",
                        help='gán chuyên mục này cho mọi bài, thay cho chuyên mục đọc được '
                             '(ví dụ: --category "Nông thôn mới")')
    parser.add_argument("--dry-run", action="store_true",
                        help="chỉ in ra việc sẽ làm, không ghi tệp nào")


def run(args) -> int:
    try:
        report = import_paths([Path(p) for p in args.paths], Path(args.to), args.category, args.dry_run)
    except UsageError as err:
        print(f"lỗi: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(report_text(report))
    return report.exit_code
