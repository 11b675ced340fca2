"""Options and output shared by the commands: the content/theme/output folders,
turning arguments into ``BuildOptions``, and printing diagnostics."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from ..config import normalise_base_url
from ..errors import UsageError
from ..pipeline import BuildOptions
from ..resources import default_theme
from ..workers import default_jobs


def add_build_options(parser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="THƯ_MỤC",
                        help="thư mục nội dung (mặc định: content)")
    parser.add_argument("--theme", type=Path, default=default_theme(), metavar="THƯ_MỤC",
                        help="thư mục giao diện (mặc định: giao diện đi kèm bantin)")
    parser.add_argument("--drafts", action="store_true",
                        help="hiện cả bài nháp và bài hẹn giờ đăng (chỉ để xem trước)")
    parser.add_argument("--base-url", metavar="ĐỊA_CHỈ", default=None,
                        help="địa chỉ trang web, thay cho base_url trong site.yml")


def command_name() -> str:
    """How the editor started bantin: ``bantin`` (installed command) or ``python build.py``."""
    name = os.path.basename(sys.argv[0] if sys.argv else "").lower()
    return "bantin" if name.startswith("bantin") else "python build.py"


def shown_path(path: Path) -> str:
    """A path as the editor types it back (quoted when it has spaces)."""
    text = str(path)
    return f'"{text}"' if any(c.isspace() for c in text) else text


def add_state_option(parser) -> None:
    parser.add_argument("--state", type=Path, default=None, metavar="THƯ_MỤC",
                        help="nơi giữ bộ nhớ đệm, khoá và bản trước của trang web, không bao giờ cạnh trang "
                             "web (mặc định: .bantin/ cạnh thư mục nội dung; xoá đi chỉ làm lần sau chậm hơn)")


def options_from(args) -> BuildOptions:
    options = BuildOptions(content=args.content, theme=args.theme, output=args.output,
                           drafts=args.drafts, base_url=args.base_url, force=args.force,
                           jobs=default_jobs(), state=getattr(args, "state", None))
    return replace(options, cache=options.state_dir() / "articles")


def validate_paths(args) -> None:
    if not args.content.is_dir():
        raise UsageError(f"không tìm thấy thư mục nội dung {args.content} — chạy lệnh trong thư mục dự án "
                         "hoặc chỉ rõ --content")
    if not (args.theme / "templates").is_dir():
        raise UsageError(f"không tìm thấy giao diện {args.theme} (cần thư mục templates/ bên trong) — "
                         "kiểm tra --theme")
    if args.base_url is not None and normalise_base_url(args.base_url) is None:
        raise UsageError(f'--base-url "{args.base_url}" không phải địa chỉ web — '
                         "viết dạng --base-url https://tenxa.example.vn/")


def print_diagnostics(diagnostics, stream=None) -> None:
    if stream is None or getattr(stream, "closed", False):
        stream = sys.stderr  # looked up at call time (tests capture stderr)
    for item in diagnostics:
        print(item.format(), file=stream)
