"""``python build.py check``: everything a build validates, and more, without writing.

Reuses ``pipeline.load_site`` for the build's own checks, then adds the rules
of ``check_rules``: links and images that point nowhere, missing alt text,
fields that fall back to defaults, non-NFC text and control characters, empty
articles, dates far ahead, duplicate titles. Errors exit 1; warnings exit 0
unless ``--strict``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import urls
from .options import add_build_options
from ..check_rules import Targets, article_findings, duplicate_titles, link_findings, text_findings, url_findings
from ..consistency import iframe_findings, near_categories
from ..collisions import collisions, output_origins
from ..content import Article, content_files, display_path
from ..errors import ERROR, Diagnostic, diag, sort_key
from ..model import build_site
from ..pages import plan_pages
from ..pipeline import BuildOptions, Loaded, load_site, static_copies
from ..tthc import EMPTY

HELP = """Kiểm tra toàn bộ nội dung mà không tạo trang web.

Báo mọi lỗi mà lệnh tạo trang sẽ báo, và thêm: liên kết hay ảnh trỏ tới chỗ
không có, ảnh thiếu mô tả, bài thiếu chuyên mục hay tóm tắt (dùng mặc định),
chữ không ở dạng Unicode dựng sẵn hay có ký tự điều khiển, tệp không phải UTF-8,
bài rỗng, ngày ở quá xa trong tương lai (gõ nhầm năm), tiêu đề trùng nhau.
Mỗi dòng ghi tên tệp, số dòng và cách sửa."""

EPILOG = """Ví dụ:
  python build.py check
  python build.py check --strict
  python build.py check --content /duong/dan/content

Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi (hoặc có cảnh báo khi
dùng --strict), 2 dùng lệnh sai."""


def add_arguments(parser) -> None:
    add_build_options(parser)
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo như lỗi (mã thoát 1 nếu có cảnh báo)")
    parser.add_argument("-q", "--quiet", action="store_true", help="chỉ in lỗi, không in cảnh báo")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="in thêm số tệp và số bài đã kiểm tra")


def link_targets(options: BuildOptions, loaded: Loaded) -> tuple[Targets | None, list[Diagnostic]]:
    """Every address the published site will have. Built from whatever articles could be read,
    so links are checked even when other files have errors."""
    site, extra = loaded.site, []
    config = loaded.config
    if config is None:
        return None, []
    if site is None:
        articles = list(loaded.articles)
        site, extra = build_site(config, articles, EMPTY, options.moment(), preview=options.drafts,
                                 types=options.types)
        if site is None:  # two articles at one address: keep the first of each
            unique = {a.url: a for a in sorted(articles, key=lambda a: a.source, reverse=True)}
            site, _ = build_site(config, list(unique.values()), EMPTY, options.moment(),
                                 preview=options.drafts, types=options.types)
    pages = {plan.url for plan in plan_pages(site)} if site else set()
    if config.base_url:
        pages |= {urls.FEED, urls.SITEMAP}
    files = {"/" + rel for _, rel in static_copies(options, media_images=True)} | {urls.STATS_CSV}
    shown = {a.url for a in site.articles + site.pages} if site else set()
    unpublished = {a.url: a.source for a in loaded.articles if a.url not in shown}
    return Targets(frozenset(pages), frozenset(files), unpublished), extra


def menu_findings(content: Path, config, targets: Targets) -> list[Diagnostic]:
    path = display_path(content, content / "site.yml")
    if config is None:
        return []
    out = []
    for key, links in (("menu", config.menu), ("links", config.links)):
        for index, link in enumerate(links):
            if link.url.startswith("/") and not link.url.startswith("//") and not targets.exists(link.url):
                out.append(diag(path, config.lines.get(f"{key}[{index}].url") or config.lines.get(f"{key}[{index}]"),
                                "broken_link", target=link.url))
    return out


def check_site(options: BuildOptions) -> list[Diagnostic]:
    """Every finding for the content folder, sorted by file and line. Each file is read
    and decoded once, by the build's own ``load_site``."""
    loaded = load_site(options)
    found: set[Diagnostic] = set(loaded.diagnostics)
    texts = {source.path: source.text for source in loaded.sources}
    for source in loaded.sources:
        found.update(text_findings(source))
    targets, extra = link_targets(options, loaded)
    found.update(extra)
    now = options.moment()
    articles: list[Article] = list(loaded.articles)
    for article in articles:
        found.update(article_findings(article, now, options.types))
        found.update(url_findings(article, texts.get(article.source, "")))
        if targets is not None:
            found.update(link_findings(article, texts.get(article.source, ""), targets, options.types))
    found.update(duplicate_titles(articles))
    found.update(near_categories(articles))
    hosts = loaded.config.embed_hosts if loaded.config is not None else ()
    for source in loaded.sources:
        found.update(iframe_findings(source.path, source.text, hosts))
    if loaded.site is not None:  # the build's own check: two outputs at one path
        found.update(collisions(output_origins(options.content, loaded.site,
                                               plan_pages(loaded.site),
                                               static_copies(options)),
                                display_path(options.content, options.content)))
    if targets is not None:
        found.update(menu_findings(options.content, loaded.config, targets))
    return sorted(found, key=sort_key)


def run(args) -> int:
    if not args.content.is_dir():
        print(f"lỗi: không tìm thấy thư mục nội dung {args.content} — chạy lệnh trong thư mục dự án "
              "hoặc chỉ rõ --content", file=sys.stderr)
        return 2
    options = BuildOptions(content=args.content, theme=args.theme, drafts=args.drafts,
                           base_url=args.base_url)
    findings = check_site(options)
    checked = len(content_files(args.content)[0]) + sum((args.content / n).is_file() for n in ("site.yml", "tthc.yml")) \
        if args.verbose else 0
    errors = [d for d in findings if d.level == ERROR]
    warnings = [d for d in findings if d.level != ERROR]
    for item in findings:
        if item.level == ERROR or not args.quiet:
            print(item.format())
    if args.verbose:
        print(f"Đã kiểm tra {checked} tệp trong {args.content}/.")
    print(summary_line(len(errors), len(warnings), args.strict))
    if errors or (args.strict and warnings):
        return 1
    return 0


def summary_line(errors: int, warnings: int, strict: bool) -> str:
    """The last line: it says whether the content passed, as the exit code does."""
    if not errors and not warnings:
        return "Không có lỗi nào. Nội dung sẵn sàng để tạo trang."
    if errors:
        return f"Kết quả kiểm tra: {errors} lỗi, {warnings} cảnh báo. Sửa các lỗi trên rồi chạy lại."
    if strict:
        return (f"Kết quả kiểm tra: {warnings} cảnh báo, tính là lỗi vì có --strict. "
                "Sửa các cảnh báo trên rồi chạy lại.")
    return f"Kết quả kiểm tra: 0 lỗi, {warnings} cảnh báo. Nội dung tạo được trang; nên xem lại các cảnh báo trên."
