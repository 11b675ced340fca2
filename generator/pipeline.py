"""The build, stage by stage: config -> articles -> site model -> outputs -> write.

``load_site`` reads and validates everything (all errors collected) before
anything is rendered; ``build`` renders and writes transactionally. ``check``
and ``serve`` reuse these functions rather than a second code path.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from . import identity, images, urls
from .cache import ArticleCache
from .config import MEDIA_DIR, Masthead, SiteConfig, normalise_base_url, parse_site_config
from .content import Article, declared_files, display_path, gather_sources, parse_sources
from .check_rules import body_line
from .content_types import STANDARD, ContentTypes
from .errors import BuildFailed, Diagnostic, UsageError, diag, errors_of, os_reason, sort_key
from .consistency import duplicate_periods
from .collisions import collisions, output_origins
from .pages import plan_pages
from .media import media_files
from .model import Site, build_site
from .page_cache import PageCache
from .safefs import KIND_NAMES, NotRegularFile, inside, read_regular
from .render import Output, check_templates, render_site
from .search import IndexFailed, search_index
from .source import Source, decode
from .text import VIETNAM_TZ, case_twin
from .tthc import EMPTY, Tthc, parse_tthc
from .resources import default_theme
from .writer import Paths, default_state, output_lock, write_site


@dataclass(frozen=True)
class BuildOptions:
    content: Path = Path("content")
    theme: Path = default_theme()
    output: Path = Path("public")
    drafts: bool = False
    base_url: str | None = None  # overrides site.yml
    force: bool = False
    jobs: int = 1  # processes for parsing and rendering (the CLI uses every core)
    cache: Path | None = None  # parsed-article cache file; None: no cache
    now: datetime | None = None  # the build's "now" (future articles); default: the clock
    state: Path | None = None  # lock, staging, previous generation; None: writer.default_state
    types: ContentTypes = STANDARD  # the content types: folders, fields, list pages
    #: a province's theme/ folder: single templates and static files that win over *theme*
    theme_override: Path | None = None

    def moment(self) -> datetime:
        return self.now or datetime.now(VIETNAM_TZ)

    def state_dir(self) -> Path:
        return (self.state or default_state(self.content, self.output)).absolute()


@dataclass(frozen=True)
class Loaded:
    """Everything read and validated: the input of rendering."""

    site: Site | None
    articles: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...]
    image_uses: tuple[images.Use, ...] = ()
    config: SiteConfig | None = None
    #: every file read, decoded once (articles, site.yml, tthc.yml): ``check`` reads nothing again
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    pages: int
    files: int
    seconds: float
    warnings: tuple[Diagnostic, ...] = field(default=())
    written: int = 0  # files whose bytes changed since the previous build
    reused: int = 0  # pages whose inputs were unchanged, so not rendered again
    images_encoded: int = 0  # images whose variants were encoded (not found in the image cache)
    notes: tuple[str, ...] = ()  # said once (old leftovers cleaned up beside the output…)


def _read_yaml_file(content: Path, name: str, required: bool):
    file = content / name
    path = display_path(content, file)
    if not file.exists():
        return None, ([diag(path, None, "missing_site")] if required else [])
    try:
        data = read_regular(file)
    except NotRegularFile as exc:
        return None, [diag(path, None, "not_regular", kind=KIND_NAMES[exc.kind])]
    except OSError as exc:
        return None, [diag(path, None, "unreadable", reason=os_reason(exc))]
    return decode(path, data)


def load_config(content: Path, base_url: str | None = None) -> tuple[SiteConfig | None, list[Diagnostic]]:
    source, problems = _read_yaml_file(content, "site.yml", required=True)
    config, more = _config_of(source, base_url)
    return config, problems + more


def _config_of(source: Source | None, base_url: str | None) -> tuple[SiteConfig | None, list[Diagnostic]]:
    if source is None:
        return None, []
    config, problems = parse_site_config(source)
    if config is not None and base_url is not None:
        config = replace(config, base_url=normalise_base_url(base_url) or "")
    return config, problems


def load_tthc(content: Path, now: datetime) -> tuple[Tthc | None, list[Diagnostic]]:
    source, problems = _read_yaml_file(content, "tthc.yml", required=False)
    tthc, more = _tthc_of(source, problems, now)
    return tthc, problems + more


def _tthc_of(source: Source | None, problems: list, now: datetime) -> tuple[Tthc | None, list[Diagnostic]]:
    if source is None:
        return (EMPTY if not problems else None), []
    return parse_tthc(source, now.date())


def file_sizes(content: Path, articles: list[Article], types: ContentTypes = STANDARD
               ) -> tuple[dict[str, int], list[Diagnostic]]:
    """The files that FILE_LIST fields name (documents, forms) must exist inside content/:
    their sizes, and one error per missing file naming the field's line."""
    out: list[Diagnostic] = []
    media = {rel for _, rel in media_files(content)[0]}
    sizes: dict[str, int] = {}
    for article in articles:
        ctype = types.get(article.section)
        for spec, index, path in declared_files(article, ctype) if ctype else ():
            line = article.lines.get(f"{spec.name}[{index}]") or article.lines.get(spec.name)
            twin = case_twin(path, media) if path not in media else None
            if twin:
                out.append(diag(article.source, line, "wrong_case", target=path, found=twin))
            elif path not in media:
                out.append(diag(article.source, line, "missing_file", target=path, field=spec.name))
            else:
                sizes[path] = (content / path).stat().st_size
    return dict(sorted(sizes.items())), out


def check_files(content: Path, config: SiteConfig | None, articles: list[Article]) -> list[Diagnostic]:
    """Cover images and banner images must exist inside content/."""
    files, out = media_files(content)
    names = {rel for _, rel in files}
    for article in articles:
        twin = case_twin(article.image, names) if article.image and article.image not in names else None
        if twin:  # on Windows and macOS is_file() says yes, a web server says 404
            out.append(diag(article.source, article.lines.get("image"), "wrong_case", target=article.image,
                            found=twin))
        elif article.image and (content / article.image).is_file() and not inside(content / article.image, content):
            out.append(diag(article.source, article.lines.get("image"), "symlink_outside"))
        elif article.image and not (content / article.image).is_file():
            out.append(diag(article.source, article.lines.get("image"), "field_type", field="image",
                            expected="một ảnh có thật trong thư mục content/",
                            got=f'"{article.image}" (không tìm thấy tệp)', example="media/2023/anh.jpg"))
    for index, link in enumerate(config.links if config is not None else ()):
        if link.image and not (content / link.image.lstrip("/")).is_file():
            out.append(diag(display_path(content, content / "site.yml"),
                            config.lines.get(f"links[{index}].image"), "site_field",
                            field="links", problem=f'có ảnh "{link.image}" không tìm thấy',
                            fix="chép ảnh vào content/media/ hoặc sửa đường dẫn"))
    return out


#: Stands in for a site.yml with errors, so that the checks needing the whole site
#: (two articles at one address…) still run and every error is reported at once.
_PLACEHOLDER_CONFIG = SiteConfig(name="", masthead=Masthead(editor_in_chief=""))


def load_site(options: BuildOptions) -> Loaded:
    """Read config, TTHC data and every article; build the model.

    Every error is collected in one pass: decoding, YAML, fields, files, the
    checks on the whole site (run on whatever could be read, even when other
    files have errors) and the theme's templates. ``site`` is None when any
    error was found.
    """
    now = options.moment()
    site_source, diagnostics = _read_yaml_file(options.content, "site.yml", required=True)
    config, problems = _config_of(site_source, options.base_url)
    diagnostics += problems
    tthc_source, problems = _read_yaml_file(options.content, "tthc.yml", required=False)
    diagnostics += problems
    tthc, problems = _tthc_of(tthc_source, problems, now)
    diagnostics += problems
    cache = ArticleCache(options.cache) if options.cache is not None else None
    items, problems = gather_sources(options.content, options.types)
    diagnostics += problems
    articles, problems = parse_sources(items, config, options.jobs, cache)
    if cache is not None:
        cache.save()
    diagnostics += problems
    sources = tuple(source for source, _ in items) + tuple(s for s in (site_source, tthc_source) if s)
    diagnostics += check_files(options.content, config, articles)
    diagnostics += duplicate_periods(articles)
    diagnostics += check_templates(options.theme, options.theme_override)
    uses: list[images.Use] = []
    pictures: dict = {}
    sizes, problems = file_sizes(options.content, articles, options.types)
    diagnostics += problems
    site_file = display_path(options.content, options.content / "site.yml")
    if config is not None:
        uses = images.uses_of(articles, config.links, site_file, config.image) + \
            images.uses_of((), (), site_file, config.logo)
        pictures, found = images.inspect_all(options.content, uses, image_cache_for(options), options.jobs)
        diagnostics += image_diagnostics(options.content, articles, uses, found, sources)
    site, problems = build_site(config or _PLACEHOLDER_CONFIG, articles, tthc or EMPTY, now,
                                preview=options.drafts, types=options.types)
    diagnostics += problems
    if errors_of(diagnostics) or config is None or tthc is None:
        site = None
    if site is not None:  # only what a published page shows is published (never a draft's photo)
        shown = {a.source for items in site.sections.values() for a in items} | {site_file}
        used = sorted({u.path for u in uses if u.file in shown and u.path in pictures})
        site = replace(site, images=MappingProxyType({path: pictures[path] for path in used}),
                       files=MappingProxyType(sizes))
    return Loaded(site, tuple(articles), tuple(sorted(set(diagnostics), key=sort_key)), tuple(uses),
                  config, sources)


def image_cache_for(options: BuildOptions) -> images.ImageCache | None:
    """Encoded photos, kept beside the article cache."""
    if options.cache is None:
        return None
    return images.ImageCache(options.cache.with_name(options.cache.name + "-images"))


def image_diagnostics(content: Path, articles, uses, problems: dict, sources: tuple[Source, ...] = ()
                      ) -> list[Diagnostic]:
    """Each image problem at every place the image is used (article and line, or site.yml).
    Lines are found in the decoded *sources* (nothing is read again)."""
    by_source = {a.source: a for a in articles}
    texts = {source.path: source.text for source in sources}

    def text_of(shown: str) -> str:
        return texts.get(shown, "")

    out: set[Diagnostic] = set()
    for use in uses:
        for problem in problems.get(use.path, ()):
            line = use.line
            if line is None and use.file in by_source:
                line = body_line(by_source[use.file], text_of(use.file), "/" + use.path)
            elif line is None:
                line = next((n for n, text in enumerate(text_of(use.file).split("\n"), 1)
                             if use.target in text), None)
            out.add(diag(use.file, line, problem.code, level=problem.level, target=use.target,
                         **problem.values))
    return sorted(out, key=sort_key)


def static_copies(options: BuildOptions, media_images: bool = False) -> list[tuple[Path, str]]:
    """Theme static files -> static/, content/media -> media/ (sorted, no hidden files).

    Photos in media/ are published as variants (images.py), not copied, unless *media_images*."""
    chosen: dict[str, Path] = {}  # the province's theme/static/ wins over the theme's, file by file
    roots = [options.theme / "static"] + ([options.theme_override / "static"] if options.theme_override else [])
    for root, prefix in ((root, "static") for root in roots):
        if root.is_dir():
            for file in sorted(root.rglob("*")):
                rel = file.relative_to(root)
                if file.is_file() and not any(p.startswith(".") for p in rel.parts):
                    if file.is_symlink() and root.resolve() not in file.resolve().parents:
                        continue  # never publish what a link outside the folder points to
                    chosen[f"{prefix}/{rel.as_posix()}"] = file
    copies = [(file, rel) for rel, file in sorted(chosen.items())]
    media = media_files(options.content)[0]
    if not media_images:  # never an original with its EXIF/GPS: images.py publishes variants
        media = [(file, rel) for file, rel in media if not images.is_image_name(rel)]
    return copies + media


def page_cache_for(options: BuildOptions) -> PageCache | None:
    """The index of the pages in options.output, kept beside the article cache."""
    if options.cache is None:
        return None
    return PageCache(options.cache.with_name(options.cache.name + "-pages"), options.output.absolute())


def render(options: BuildOptions, site: Site, progress=None, cache: PageCache | None = None) -> list[Output]:
    outputs, problems = render_site(site, options.theme, options.moment(), progress, options.jobs, cache,
                                    options.theme_override)
    if problems:
        raise BuildFailed(problems)
    return outputs


def search_files(options: BuildOptions, site: Site) -> list[tuple[str, bytes]]:
    """The search index of the published articles, as files for the staging folder."""
    try:
        return search_index(site, options.moment())
    except IndexFailed as exc:
        raise BuildFailed([diag(str(options.output), None, "search_index", problem=str(exc))]) from exc


def identity_files(site: Site) -> list[tuple[str, bytes]]:
    """The commune's colours as a small style sheet (identity.py), when site.yml sets any."""
    if not site.config.colors:
        return []
    return [(identity.IDENTITY_CSS, identity.identity_css(dict(site.config.colors)))]


def check_output_place(options: BuildOptions) -> None:
    """The output folder may not be, hold or sit inside the content or theme folder.

    --force cannot override this: swapping a new site in would throw away the
    editors' articles (``--output content --force``) or the theme.
    """
    out = options.output.absolute().resolve()
    for label, folder in (("nội dung", options.content), ("giao diện", options.theme)):
        source = folder.absolute().resolve()
        if out == source or out in source.parents or source in out.parents:
            raise UsageError(
                f"thư mục ghi trang web {options.output} trùng, chứa hoặc nằm trong thư mục {label} {folder}; "
                "bantin không ghi vào đó kể cả khi có --force — chọn thư mục khác, ví dụ --output public")
    state = options.state_dir().resolve()
    if state == out or out in state.parents or state in out.parents:
        raise UsageError(f"thư mục trạng thái {state} trùng, chứa hoặc nằm trong thư mục ghi trang web "
                         f"{options.output}; nó sẽ bị phục vụ cùng trang web — chọn --state ở chỗ khác")


def build(options: BuildOptions, wait_message=None, progress=None) -> BuildReport:
    """Build the site into options.output, or raise BuildFailed with every error."""
    started = time.perf_counter()
    check_output_place(options)
    # the lock is held from reading to swapping: a build that started earlier can
    # never publish older content over what a later build published (issue 10.8)
    with output_lock(options.output.absolute(), wait_message, Paths.of(options.output, options.state_dir())):
        return _build_locked(options, progress, started)


def _build_locked(options: BuildOptions, progress, started: float) -> BuildReport:
    loaded = load_site(options)
    errors = errors_of(loaded.diagnostics)
    if errors or loaded.site is None:
        raise BuildFailed(errors)
    site = loaded.site
    page_cache = page_cache_for(options)
    outputs = render(options, site, progress, page_cache)
    files = [(o.path, o.data) for o in outputs] + search_files(options, site) + identity_files(site)
    image_cache = image_cache_for(options)
    with tempfile.TemporaryDirectory(prefix="bantin-images-") as scratch:
        cache = image_cache or images.ImageCache(Path(scratch))
        encoded = images.encode_pictures(options.content, site.images.values(), cache, options.jobs)
        if encoded.failed:  # found only now (the file changed or broke since it was inspected)
            raise BuildFailed(image_diagnostics(options.content, loaded.articles, loaded.image_uses,
                                                {path: (p,) for path, p in encoded.failed.items()}))
        copies = static_copies(options) + list(encoded.copies)
        plans = plan_pages(site)
        planned = {plan.url for plan in plans}
        generated = [o.path for o in outputs if o.url not in planned] + [path for path, _ in files[len(outputs):]]
        clashes = collisions(output_origins(options.content, site, plans, static_copies(options), generated),
                             display_path(options.content, options.content))
        if clashes:  # one file would silently replace another
            raise BuildFailed(clashes)
        stats = write_site(options.output, files, copies, force=options.force, locked=True,
                           state=options.state_dir())
    if page_cache is not None:
        page_cache.save()  # only now does it describe what options.output holds
    if image_cache is not None:
        image_cache.prune({picture.key for picture in site.images.values()})
    pages = sum(1 for o in outputs if o.path.endswith(".html"))
    warnings = tuple(d for d in loaded.diagnostics if d.level != "error")
    if not site.config.base_url:  # said once per build, not once per page
        warnings += (diag(display_path(options.content, options.content / "site.yml"), None,
                          "no_base_url_sharing", level="warning"),)
    return BuildReport(pages, stats.files, time.perf_counter() - started, warnings, stats.written,
                       reused=page_cache.reused if page_cache is not None else 0,
                       images_encoded=encoded.encoded, notes=stats.notes)


__all__ = ["BuildOptions", "BuildReport", "Loaded", "build", "load_site", "render", "urls"]
