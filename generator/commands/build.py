"""``python build.py``: build the site (the default command)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import BuildFailed, UsageError
from .options import add_build_options, add_state_option, command_name, options_from, shown_path, print_diagnostics, validate_paths
from ..pipeline import build
from ..progress import terminal_progress
from ..text import format_decimal
from decimal import Decimal

HELP = """Tạo trang web tĩnh của xã từ các bài viết trong thư mục content/.

Đọc content/site.yml, content/tthc.yml và mọi bài .md trong tin-tuc/, ban-tin/,
thong-bao/, trang/; kiểm tra toàn bộ trước khi viết; ghi trang web vào public/.
Nếu có lỗi, thư mục public/ cũ được giữ nguyên và mọi lỗi được liệt kê.

Các lệnh khác: new (tạo bài mới), serve (xem trước), check (kiểm tra),
import (nhập bài từ cổng thông tin cũ). Xem: python build.py <lệnh> --help"""

EPILOG = """Ví dụ:
  python build.py
  python build.py --drafts --output /tmp/xem-truoc
  python build.py --base-url https://lamson.example.vn/

Mã thoát: 0 thành công, 1 nội dung có lỗi, 2 dùng lệnh sai."""


def add_arguments(parser) -> None:
    add_build_options(parser)
    parser.add_argument("--output", type=Path, default=Path("public"), metavar="THƯ_MỤC",
                        help="thư mục ghi trang web (mặc định: public)")
    parser.add_argument("--force", action="store_true",
                        help="cho phép thay một thư mục --output không do bantin tạo ra")
    add_state_option(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="chỉ in lỗi")
    parser.add_argument("-v", "--verbose", action="store_true", help="in cả các cảnh báo chi tiết")


def run(args) -> int:
    try:
        validate_paths(args)
        with terminal_progress(enabled=not args.quiet) as progress:
            report = build(options_from(args), wait_message=lambda: print(
                "Đang có một lần tạo trang khác ghi vào cùng thư mục; chờ nó xong…", file=sys.stderr),
                progress=progress)
    except UsageError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    except BuildFailed as failed:
        print_diagnostics(failed.diagnostics)
        print(f"Không tạo trang: {len(failed.diagnostics)} lỗi. Thư mục {args.output} cũ được giữ nguyên. "
              "Sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return 1
    if not args.quiet:
        if args.verbose or len(report.warnings) <= 20:
            print_diagnostics(report.warnings)
        else:
            print_diagnostics(report.warnings[:20])
            print(f"… và {len(report.warnings) - 20} cảnh báo khác (xem tất cả với -v)", file=sys.stderr)
        seconds = format_decimal(Decimal(str(round(report.seconds, 2))), places=2)
        for note in report.notes:
            print(note, file=sys.stderr)
        print(f"Đã tạo {report.pages} trang ({report.files} tệp) trong {seconds} giây → {args.output}{os.sep} "
              f"— xem thử: {command_name()} serve, hoặc python -m http.server -d {shown_path(args.output)} "
              "rồi mở http://localhost:8000/ (mở thẳng tệp index.html thì các liên kết không dẫn tới trang)")
        if args.verbose:
            print(f"Vẽ lại {report.pages - report.reused} trang, dùng lại {report.reused} trang không đổi; "
                  f"{report.written} tệp được ghi mới.")
    return 0
