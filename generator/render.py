"""Rendering: the site model and page plan through the Jinja theme into bytes.

Never writes to disk: ``render_site`` returns ``Output`` records for the
writer. Jinja runs with autoescape and StrictUndefined, so a template typo
fails the build instead of printing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2

from . import urls
from .errors import Diagnostic, diag
from .images import PageImages
from .model import Site
from .pages import PagePlan, plan_pages
from .page_cache import Fingerprints, PageCache, page_site
from .workers import parallel_map
from .view.chrome import Chrome, chrome as site_chrome, document_title
from .view.feeds import robots_txt, site_feeds, sitemap_entries
from .view.format import FILTERS
from .view.standalone import absolute_links as absolute_body, print_policy, standalone
from .view.tthc import csv_text


@dataclass(frozen=True)
class Output:
    """One file of the built site: its path under the output folder and its bytes."""

    path: str
    data: bytes
    url: str = ""


def template_dirs(theme_dir: Path, override: Path | None = None) -> list[str]:
    """Where templates are looked up: a province's theme/ (only the files it changes) first,
    then the theme itself, so an override replaces single templates and nothing is copied."""
    dirs = [override / "templates"] if override is not None and (override / "templates").is_dir() else []
    return [str(d) for d in dirs + [theme_dir / "templates"]]


def make_environment(theme_dir: Path, override: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dirs(theme_dir, override)),
        autoescape=jinja2.select_autoescape(("html", "xml", "svg"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # tojson: readable Vietnamese (no \u escapes); <, >, & and ' are still escaped
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters.update(FILTERS)
    env.filters["absolute_links"] = absolute_body  # a saved copy's body, read offline
    return env


def render_page(env: jinja2.Environment, site: Site, plan: PagePlan, now: datetime,
                chrome: Chrome | None = None, extras: dict | None = None) -> Output:
    """*extras*: what only some templates use (the print policy, the saved copy's inline style)."""
    template = env.get_template(plan.template)
    absolute_links = plan.url == urls.NOT_FOUND  # served at any depth

    def url(target: str) -> str:
        if plan.standalone:  # a saved copy, read offline: full addresses (site-root without a base_url)
            return urls.absolute(target, site.config.base_url)
        if absolute_links:  # under the base path, on any host name (preview, staging, an IP address)
            return urls.from_base_path(target, site.config.base_url)
        return urls.relative(target, plan.url)

    html = template.render(
        site=page_site(site), page=plan, url=url, urls=urls,
        chrome=chrome or site_chrome(site.config, site.tthc),
        document_title=document_title(plan.title, site.config.name, plan.url == urls.HOME),
        canonical=urls.absolute(plan.variant_of or plan.url, site.config.base_url) if site.config.base_url else "",
        is_future=lambda article: site.is_future(article, now),
        images=PageImages(site.images, url, site.config.base_url),
        **(extras or {}),
        **plan.data,
    )
    return Output(urls.output_path(plan.url), html.encode("utf-8"), plan.url)


def page_extras(site: Site, theme_dir: Path) -> dict:
    """The print version's policy and the saved copy's inline stylesheet (the theme's own)."""
    style = theme_dir / "static" / "style.css"
    css = style.read_text(encoding="utf-8") if style.is_file() else ""
    return {"print_csp": print_policy(site.config.embed_hosts),
            "saved": standalone(css, site.config.base_url)}


def _template_problem(theme_dir: Path, exc: jinja2.TemplateError) -> Diagnostic:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return diag(_theme_path(theme_dir, exc.filename), exc.lineno, "template", problem=exc.message)
    return diag(_theme_path(theme_dir, None), None, "template", problem=str(exc))


def _theme_crash(theme_dir: Path, exc: Exception) -> Diagnostic:
    """An error raised inside a template, located by Jinja's rewritten traceback."""
    import traceback
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml"))]
    where = frames[-1] if frames else None
    return diag(_theme_path(theme_dir, where.filename if where else None), where.lineno if where else None,
                "template", problem=f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class RenderState:
    """What every page needs, handed explicitly to each worker."""

    env: jinja2.Environment
    site: Site
    plans: list[PagePlan]
    now: datetime
    theme_dir: Path
    chrome: Chrome
    extras: dict  # the print version's policy, the saved copy's inline stylesheet


def render_state(theme_dir: Path, site: Site, plans: list[PagePlan], now: datetime,
                 override: Path | None = None) -> RenderState:
    """The state, built from picklable parts (a spawned worker builds its own)."""
    env = make_environment(theme_dir, override)
    for name in sorted({plan.template for plan in plans}):
        env.get_template(name)  # compile once, before the pages
    return RenderState(env, site, plans, now, theme_dir, site_chrome(site.config, site.tthc),
                       page_extras(site, theme_dir))


def _render_plan(state: RenderState, index: int) -> Output | Diagnostic:
    """Render one planned page, in a worker or here."""
    try:
        return render_page(state.env, state.site, state.plans[index], state.now, state.chrome, state.extras)
    except jinja2.TemplateError as exc:
        return _template_problem(state.theme_dir, exc)
    except Exception as exc:  # a theme bug (a filter given a wrong value…): name the template line
        return _theme_crash(state.theme_dir, exc)


def render_site(site: Site, theme_dir: Path, now: datetime, progress=None, jobs: int = 1,
                cache: PageCache | None = None, override: Path | None = None
                ) -> tuple[list[Output], list[Diagnostic]]:
    """Render every page, the feed, sitemap and CSV. Template errors become diagnostics.

    ``progress(done, total)``, if given, is called after each page (a progress bar).
    Pages are rendered on up to *jobs* processes; pages whose inputs are unchanged
    since the build *cache* describes are reused. Either way the bytes are the same.
    """
    plans = plan_pages(site)
    try:
        state = render_state(theme_dir, site, plans, now, override)
    except jinja2.TemplateError as exc:
        return [], [_template_problem(theme_dir, exc)]
    env = state.env
    outputs: list[Output | None] = [None] * len(plans)
    fingerprints: list[str] = []
    if cache is not None:
        prints = Fingerprints(site, theme_dir, now, override)
        fingerprints = [prints.page(plan) for plan in plans]
        for index, plan in enumerate(plans):
            data = cache.get(urls.output_path(plan.url), fingerprints[index])
            if data is not None:
                outputs[index] = Output(urls.output_path(plan.url), data, plan.url)
    missing = [index for index, output in enumerate(outputs) if output is None]
    rendered = parallel_map(_render_plan, missing, jobs, state=state, chunksize=32,
                            setup=(render_state, (theme_dir, site, plans, now, override)),
                            progress=(lambda done, _: progress(done + len(plans) - len(missing), len(plans)))
                            if progress else None)
    problems = [item for item in rendered if isinstance(item, Diagnostic)]
    if problems:
        return [], problems[:1]
    for index, output in zip(missing, rendered):
        outputs[index] = output
        if cache is not None:
            cache.put(output.path, fingerprints[index], output.data)
    try:
        outputs += _render_feeds(env, site, plans, now)
    except jinja2.TemplateError as exc:
        return [], [_template_problem(theme_dir, exc)]
    except Exception as exc:
        return [], [_theme_crash(theme_dir, exc)]
    outputs.append(Output(urls.output_path(urls.STATS_CSV), csv_text(site.tthc).encode("utf-8"),
                          urls.STATS_CSV))
    return outputs, []


def _render_feeds(env: jinja2.Environment, site: Site, plans: tuple[PagePlan, ...], now: datetime) -> list[Output]:
    """robots.txt; with a base_url (they need absolute URLs) the Atom feeds and sitemap.xml."""
    base = site.config.base_url
    out = [Output(urls.output_path(urls.ROBOTS), robots_txt(base).encode("utf-8"), urls.ROBOTS)]
    if not base:
        return out
    absolute = lambda target: urls.absolute(target, base)  # noqa: E731
    images = PageImages(site.images, absolute, base)

    def content(article) -> str:
        return str(images.body(article.html))  # a plain string: the template escapes it as text

    template = env.get_template("feed.xml")
    for feed in site_feeds(site):
        text = template.render(site=site, feed=feed, urls=urls, now=now, absolute=absolute, content=content)
        out.append(Output(urls.output_path(feed.url), text.encode("utf-8"), feed.url))
    text = env.get_template("sitemap.xml").render(entries=sitemap_entries(site, plans))
    out.append(Output(urls.output_path(urls.SITEMAP), text.encode("utf-8"), urls.SITEMAP))
    return out


def _theme_path(theme_dir: Path, filename: str | None) -> str:
    if not filename:
        return str(theme_dir / "templates")
    return str(Path(filename))


def check_templates(theme_dir: Path, override: Path | None = None) -> list[Diagnostic]:
    """Syntax errors in every template of the theme, found before anything is rendered,
    so they are reported in the same run as the content's errors."""
    env = make_environment(theme_dir, override)
    out = []
    for name in env.list_templates(extensions=("html", "xml", "txt", "csv", "json")):
        try:
            env.get_template(name)
        except jinja2.TemplateError as exc:
            out.append(_template_problem(theme_dir, exc))
    return out
