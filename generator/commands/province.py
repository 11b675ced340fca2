"""``bantin province TINH/ --output public-tinh/``: build every commune of a province.

Each commune folder (one holding site.yml) is built by the normal
``pipeline.build`` into ``<output>/<folder>/`` with its own state (caches and
lock beside its output, as for a single site), so a commune with errors keeps
its previously published site while the others publish. Then the province
index ``<output>/index.html`` lists every published commune with its newest
items, read back from each commune's own feed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from .. import urls
from ..content import display_path
from ..errors import BuildFailed, Diagnostic, UsageError, diag, errors_of
from ..pipeline import BuildReport, build, load_config
from ..province import (PROVINCE_FILE, THEME_DIR, Province, bad_folder_names, commune_folders, newest_items,
                        parse_province, parse_shard, shard)
from ..render import make_environment
from ..server_config import Hosted, nginx_config, safe_folder
from ..source import decode
from ..text import format_decimal
from ..view.csp import content_security_policy
from ..workers import default_jobs
from .options import options_from, print_diagnostics

HELP = """Tạo trang web của mọi xã trong một tỉnh bằng một lệnh.

Thư mục tỉnh có tệp province.yml (name:, và base_url: hoặc site_url:) và mỗi xã
một thư mục nội dung như content/ (có site.yml). Mỗi xã được tạo vào
<thư mục ghi>/<tên thư mục xã>/, cùng trang chỉ mục của tỉnh index.html liệt kê
các xã và bài mới nhất. Xã nào có lỗi thì giữ nguyên trang cũ của xã đó, các xã
khác vẫn được cập nhật; mọi lỗi của mọi xã được liệt kê."""

EPILOG = """Ví dụ:
  bantin province tinh/ --output public-tinh/
  python build.py province tinh/ --output public-tinh/ --only xa-lam-son,xa-van-to
  python build.py province tinh/ --output public-tinh/ --shard 2/4

Địa chỉ mỗi xã: base_url trong site.yml của xã nếu có; nếu không, <base_url của
tỉnh><tên thư mục>/ hoặc site_url của tỉnh với {site} thay bằng tên thư mục.

Mã thoát: 0 mọi xã thành công, 1 có xã lỗi, 2 dùng lệnh sai."""


def add_arguments(parser) -> None:
    parser.add_argument("root", type=Path, metavar="THƯ_MỤC_TỈNH", help="thư mục tỉnh (có province.yml)")
    parser.add_argument("--output", type=Path, default=Path("public-tinh"), metavar="THƯ_MỤC",
                        help="thư mục ghi trang web của cả tỉnh (mặc định: public-tinh)")
    parser.add_argument("--theme", type=Path, default=Path("themes/default"), metavar="THƯ_MỤC",
                        help="giao diện mặc định (mặc định: themes/default)")
    parser.add_argument("--only", metavar="XÃ,XÃ", default=None,
                        help="chỉ tạo các xã này (tên thư mục, cách nhau bằng dấu phẩy)")
    parser.add_argument("--shard", metavar="K/N", default=None,
                        help="chỉ tạo phần thứ K trong N phần bằng nhau (theo tên thư mục), để chia việc cho N máy")
    parser.add_argument("--force", action="store_true",
                        help="cho phép thay một thư mục --output không do bantin tạo ra")
    parser.add_argument("--server-config", choices=("nginx",), default=None,
                        help="ghi thêm một tệp cấu hình máy chủ cho mọi xã (<thư mục ghi>.nginx.conf, "
                             "đặt cạnh thư mục ghi, không nằm trong trang web)")
    parser.add_argument("-q", "--quiet", action="store_true", help="chỉ in lỗi")


@dataclass(frozen=True)
class Outcome:
    folder: str
    report: BuildReport | None = None
    errors: tuple[Diagnostic, ...] = ()
    usage: str = ""  # a usage problem (output folder…) instead of content errors


def _build_one(job: tuple[str, object]) -> Outcome:
    folder, options = job
    try:
        return Outcome(folder, report=build(options))
    except BuildFailed as failed:
        return Outcome(folder, errors=tuple(failed.diagnostics))
    except UsageError as exc:
        return Outcome(folder, usage=str(exc))


def _read_province(root: Path) -> tuple[Province | None, list[Diagnostic]]:
    file = root / PROVINCE_FILE
    shown = display_path(root, file)
    if not file.is_file():
        return None, [diag(shown, None, "province_missing")]
    try:
        data = file.read_bytes()
    except OSError:
        return None, [diag(shown, None, "province_missing")]
    source, problems = decode(shown, data)
    if source is None:
        return None, problems
    province, more = parse_province(source)
    return province, problems + more


def select(folders: list[str], only: str | None, shard_text: str | None) -> list[str]:
    """The communes to build: all, those named by --only, then the --shard part."""
    chosen = list(folders)
    if only is not None:
        wanted = [name.strip() for name in only.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in folders]
        if unknown or not wanted:
            raise UsageError(f"--only: không có xã {', '.join(unknown) or '(trống)'} trong thư mục tỉnh — "
                             f"các xã có: {', '.join(folders)}")
        chosen = [name for name in folders if name in wanted]
    if shard_text is not None:
        parts = parse_shard(shard_text)
        if parts is None:
            raise UsageError(f'--shard "{shard_text}" không hợp lệ — viết dạng --shard 2/4 (phần 2 trong 4 phần)')
        chosen = shard(chosen, *parts)
    return chosen


def _check_output(args, root: Path) -> Path:
    output = args.output.absolute()
    source = root.absolute().resolve()
    out = output.resolve()
    if out == source or source in out.parents or out in source.parents:
        raise UsageError(f"thư mục ghi {args.output} trùng, chứa hoặc nằm trong thư mục tỉnh {root} — "
                         "chọn thư mục khác, ví dụ --output public-tinh")
    marker = output / ".bantin-province"
    if output.is_dir() and not args.force and not marker.exists() and any(output.iterdir()):
        raise UsageError(f"thư mục {args.output} đã có tệp không do bantin tạo ra; bantin sẽ không xoá chúng. "
                         "Chọn một thư mục trống với --output, hoặc thêm --force.")
    output.mkdir(parents=True, exist_ok=True)
    marker.write_text("Thư mục này do bantin province tạo ra.\n", encoding="utf-8")
    return output


def commune_options(root: Path, folder: str, province: Province, theme: Path, output: Path,
                    force: bool, jobs: int):
    """BuildOptions of one commune: its own base_url wins, else the province gives one."""
    content = root / folder
    config, _ = load_config(content)
    base_url = None if config is not None and config.base_url else province.commune_url(folder)
    namespace = argparse.Namespace(content=content, theme=theme, output=output / folder, drafts=False,
                                   base_url=base_url, force=force)
    override = root / THEME_DIR
    return replace(options_from(namespace), jobs=jobs,
                   theme_override=override.absolute() if override.is_dir() else None)


def run_builds(jobs_list: list[tuple[str, object]], workers: int) -> list[Outcome]:
    """Build the communes, on *workers* processes when there are several (fork only)."""
    if workers > 1 and len(jobs_list) > 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs_list)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_build_one, jobs_list))
    return [_build_one(job) for job in jobs_list]


def _href(province: Province, folder: str, commune_base: str, absolute: str) -> str:
    """A link from the province index to *absolute* (an address inside commune *folder*)."""
    derived = province.commune_url(folder)
    if not province.by_host() and commune_base == derived and absolute.startswith(derived):
        return f"{folder}/{absolute[len(derived):]}"
    return absolute


def index_page(province: Province, root: Path, output: Path, folders: list[str], theme: Path) -> bytes:
    """The province index: every commune with a published site, with its newest items."""
    communes = []
    for folder in folders:
        published = output / folder
        if not (published / "index.html").is_file():
            continue
        config, _ = load_config(root / folder)
        base = (config.base_url if config is not None and config.base_url else province.commune_url(folder))
        feed = published / urls.FEED_NAME
        items = newest_items(feed.read_bytes()) if feed.is_file() else ()
        shown = []
        for item in items:
            try:
                moment = datetime.fromisoformat(item.date)
                date = moment.strftime("%d/%m/%Y")
            except ValueError:
                date = ""
            shown.append({"title": item.title, "href": _href(province, folder, base, item.url),
                          "date": date, "iso": item.date})
        communes.append({"name": config.name if config is not None else folder,
                         "href": _href(province, folder, base, base), "newest": shown})
    override = root / THEME_DIR
    env = make_environment(theme, override if override.is_dir() else None)
    html = env.get_template("province.html").render(
        province=province, communes=communes, csp=content_security_policy(),
        canonical=province.base_url)
    return html.encode("utf-8")


def server_config(province: Province, root: Path, output: Path, folders: list[str]) -> str:
    """The nginx configuration of every commune (published or not yet) and the province index."""
    sites = []
    for folder in folders:
        config, _ = load_config(root / folder)
        base = config.base_url if config is not None and config.base_url else province.commune_url(folder)
        sites.append(Hosted(folder, (output / folder).as_posix(), base,
                            config.embed_hosts if config is not None else ()))
    return nginx_config(sites, output.as_posix(), province.base_url)


def _write_atomic(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)


def run(args) -> int:
    root = args.root
    try:
        if not root.is_dir():
            raise UsageError(f"không tìm thấy thư mục tỉnh {root}")
        if not (args.theme / "templates").is_dir():
            raise UsageError(f"không tìm thấy giao diện {args.theme} (cần thư mục templates/ bên trong) — kiểm tra --theme")
        province, problems = _read_province(root)
        folders = commune_folders(root)
        problems += [diag(display_path(root, root / name), None, "province_folder", name=name)
                     for name in bad_folder_names(folders)]
        if errors_of(problems) or province is None:
            print_diagnostics(problems)
            print(f"Không tạo trang: {len(errors_of(problems))} lỗi ở thư mục tỉnh. Sửa rồi chạy lại.", file=sys.stderr)
            return 1
        chosen = select(folders, args.only, args.shard)
        if args.server_config:
            try:
                safe_folder(args.output.absolute().as_posix())
            except ValueError:
                raise UsageError(f"đường dẫn thư mục ghi {args.output} có dấu cách hoặc ký tự đặc biệt nên không ghi "
                                 "vào cấu hình nginx được — chọn thư mục chỉ có chữ không dấu, số, - và /") from None
        output = _check_output(args, root)
        workers = default_jobs()
        parallel = workers > 1 and len(chosen) > 1
        jobs_list = [(folder, commune_options(root, folder, province, args.theme, output, args.force,
                                              1 if parallel else workers)) for folder in chosen]
    except UsageError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    outcomes = run_builds(jobs_list, workers if parallel else 1)
    failed = [o for o in outcomes if o.report is None]
    for outcome in outcomes:
        if outcome.report is not None:
            if not args.quiet:
                seconds = format_decimal(Decimal(str(round(outcome.report.seconds, 2))), places=2)
                print(f"✓ {outcome.folder}: {outcome.report.pages} trang trong {seconds} giây → "
                      f"{args.output}/{outcome.folder}/")
        elif outcome.usage:
            print(f"✗ {outcome.folder}: {outcome.usage}", file=sys.stderr)
        else:
            print(f"✗ {outcome.folder}: {len(outcome.errors)} lỗi — giữ nguyên trang cũ của xã này", file=sys.stderr)
    for outcome in failed:
        print_diagnostics(outcome.errors)
    style = root / THEME_DIR / "static" / "style.css"
    if not style.is_file():
        style = args.theme / "static" / "style.css"
    (output / "static").mkdir(exist_ok=True)
    if style.is_file():
        shutil.copyfile(style, output / "static" / "style.css")
    _write_atomic(output / "index.html", index_page(province, root, output, folders, args.theme))
    if args.server_config == "nginx":
        target = output.parent / f"{output.name}.nginx.conf"
        _write_atomic(target, server_config(province, root, output, folders).encode("utf-8"))
        if not args.quiet:
            print(f"Đã ghi cấu hình nginx → {target}")
    if failed:
        print(f"{len(failed)}/{len(outcomes)} xã có lỗi; các xã còn lại đã được cập nhật.", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"Đã tạo {len(outcomes)} xã và trang chỉ mục → {args.output}/index.html")
    return 0
