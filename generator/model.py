"""The site model: published articles and every index the pages need.

``build_site`` is pure: config, articles, TTHC data and the build time in; a
frozen ``Site`` out, with sections, categories, tags, months, bulletins,
related articles and neighbours computed once, before anything is rendered.
It also finds content errors that need the whole site (two articles at the
same URL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Mapping

from . import urls
from .config import SiteConfig
from .content import Article
from .content_types import BY_FIELD, BY_ORDER, BY_PERIOD, BY_TITLE, BY_WEEK, STANDARD, ContentType, ContentTypes
from .errors import Diagnostic, diag
from .text import format_month, slugify
from .tthc import Tthc

LATEST = 5  # "Tin mới" in the sidebar
RELATED = 5


@dataclass(frozen=True)
class Group:
    """A named list of articles: a category, a tag or a month, newest first."""

    key: str  # slug, or "2023-07" for a month
    name: str
    url: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    tthc: Tthc
    articles: tuple[Article, ...]  # every published item of a dated type, newest first
    pages: tuple[Article, ...]  # items of undated types (standalone pages), by title
    sections: Mapping[str, tuple[Article, ...]]  # type key -> its items, in the type's order
    categories: tuple[Group, ...]  # by name
    tags: tuple[Group, ...]  # by name
    months: tuple[Group, ...]  # newest month first
    related: Mapping[str, tuple[Article, ...]]  # article url -> same category, newest first
    neighbours: Mapping[str, tuple[Article | None, Article | None]]  # url -> (older, newer)
    category_of: Mapping[str, Group]  # category name -> group
    tag_of: Mapping[str, Group]
    preview: bool = False  # built with --drafts: drafts and future articles shown, marked
    #: articles with a date, newest first (in preview, undated drafts are left out)
    dated: tuple[Article, ...] = ()
    latest: tuple[Article, ...] = ()  # "Tin mới" in the sidebar
    #: content path -> images.Picture of every image a published page shows (set by the pipeline)
    images: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    types: ContentTypes = STANDARD  # the content types the site was built with
    #: type key -> (its item whose span holds the build date, or its latest; True if the latter),
    #: for types whose list page shows the current item (the work schedule's week)
    current: Mapping[str, tuple[Article, bool]] = field(default_factory=lambda: MappingProxyType({}))
    #: content path -> size in bytes of every file a FILE_LIST field names (set by the pipeline)
    files: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    #: the build's day, Việt Nam time: whether a document is in force is judged on it
    today: date | None = None

    @property
    def bulletins(self) -> tuple[Article, ...]:
        """The items of the (first) periodical type, newest period first."""
        return next((self.sections[t.key] for t in self.types.values() if t.periodical), ())

    def is_future(self, article: Article, now: datetime) -> bool:
        return article.date is not None and article.date > now


def newest_first(articles) -> tuple[Article, ...]:
    """Newest first; equal dates ordered by source path so builds are reproducible.
    Undated articles (only drafts may lack a date) come last."""
    articles = list(articles)
    dated = sorted((a for a in articles if a.date is not None), key=lambda a: a.source)
    dated.sort(key=lambda a: a.date, reverse=True)
    undated = sorted((a for a in articles if a.date is None), key=lambda a: a.source)
    return tuple(dated + undated)


def is_published(article: Article, now: datetime) -> bool:
    return not article.draft and (article.date is None or article.date <= now)


def find_duplicates(articles: list[Article], types: ContentTypes) -> list[Diagnostic]:
    """A declared ``unique`` field with one value in two published items of a type: one
    error on the later file (its line), naming the first."""
    out: list[Diagnostic] = []
    for ctype in types.values():
        for spec in (f for f in ctype.fields if f.unique):
            seen: dict[object, Article] = {}
            for article in sorted((a for a in articles if a.section == ctype.key and not a.draft),
                                  key=lambda a: a.source):
                value = article.value(spec.name)
                if value is None:
                    continue
                if value in seen:
                    out.append(diag(article.source, article.lines.get(spec.name), "duplicate_value",
                                    field=spec.name, value=value, other=seen[value].source, label=spec.label))
                else:
                    seen[value] = article
    return out


def find_collisions(articles: list[Article], types: ContentTypes = STANDARD) -> list[Diagnostic]:
    """Two articles at one URL: one error, on the later file, naming the first."""
    seen: dict[str, Article] = {}
    out: list[Diagnostic] = []
    for article in sorted(articles, key=lambda a: a.source):
        if article.section in types and not types[article.section].item_pages:
            continue  # shown on the list page only: no address of its own
        other = seen.get(article.url)
        if other is None:
            seen[article.url] = article
            continue
        out.append(diag(article.source, article.lines.get("slug") or article.title_line,
                        "duplicate_url", url=article.url, other=other.source))
    return out


def _groups(articles: tuple[Article, ...], keys_of, url_of) -> tuple[Group, ...]:
    """Group articles under each of their keys (names); one group per slug."""
    by_slug: dict[str, list[Article]] = {}
    names: dict[str, str] = {}
    for article in articles:
        for name in keys_of(article):
            slug = slugify(name) or "khac"
            names.setdefault(slug, name)
            by_slug.setdefault(slug, []).append(article)
    groups = [Group(slug, names[slug], url_of(slug), tuple(items)) for slug, items in by_slug.items()]
    return tuple(sorted(groups, key=lambda g: (slugify(g.name), g.name)))


def in_order(articles, ctype: ContentType, now: datetime) -> tuple[Article, ...]:
    """A type's items in its declared order (ties broken by source path)."""
    if ctype.order == BY_TITLE:
        return tuple(sorted(articles, key=lambda a: (slugify(a.title), a.source)))
    if ctype.order == BY_WEEK:
        def week(a: Article) -> tuple[int, int]:
            value = a.value("week")
            return (value.year, value.week) if value is not None else (0, 0)
        return tuple(sorted(articles, key=lambda a: (week(a), a.source), reverse=True))
    if ctype.order == BY_ORDER:
        return tuple(sorted(articles, key=lambda a: (a.value("order", 0), slugify(a.title), a.source)))
    if ctype.order == BY_FIELD:  # newest value first; equal values by source path
        items = sorted(articles, key=lambda a: a.source)
        items.sort(key=lambda a: a.value(ctype.order_field) or now, reverse=True)
        return tuple(items)
    newest = newest_first(articles)
    if ctype.order == BY_PERIOD:
        return tuple(sorted(newest, key=lambda a: (a.period or (0, 0), a.date or now, a.source), reverse=True))
    return newest


def year_of(article: Article, ctype: ContentType) -> int | None:
    """The year an item is filed under: its period's for periodicals, else its date's."""
    if ctype.periodical and article.period:
        return article.period[0]
    return article.date.year if article.date is not None else None


def build_site(config: SiteConfig, articles: list[Article], tthc: Tthc, now: datetime,
               preview: bool = False, types: ContentTypes = STANDARD) -> tuple[Site | None, list[Diagnostic]]:
    """Assemble the site model from validated records."""
    problems = find_collisions(articles, types) + find_duplicates(articles, types)
    if problems:
        return None, problems
    shown = [a for a in articles if preview or is_published(a, now)]
    dated = newest_first(a for a in shown if types[a.section].dated)
    pages = tuple(sorted((a for a in shown if not types[a.section].dated and types[a.section].item_pages),
                         key=lambda a: (slugify(a.title), a.source)))

    sections = {t.key: in_order((a for a in shown if a.section == t.key), t, now) for t in types.values()}
    categories = _groups(dated, lambda a: (a.category,), urls.category)
    tags = _groups(dated, lambda a: a.tags, urls.tag)

    months_map: dict[tuple[int, int], list[Article]] = {}
    for article in dated:
        if article.date is not None:
            months_map.setdefault((article.date.year, article.date.month), []).append(article)
    months = tuple(Group(f"{y:04d}-{m:02d}", format_month(y, m), urls.month(y, m), tuple(items))
                   for (y, m), items in sorted(months_map.items(), reverse=True))

    category_of = {g.name: g for g in categories}
    for article in dated:  # names that share a slug with another spelling
        if article.category not in category_of:
            category_of[article.category] = next(g for g in categories if g.key == (slugify(article.category) or "khac"))
    tag_of = {}
    for group in tags:
        for article in group.articles:
            for name in article.tags:
                if (slugify(name) or "khac") == group.key:
                    tag_of[name] = group

    # the newest few of the same category, this article left out (slice first: no
    # walk over a whole category per article)
    related = {a.url: tuple(b for b in category_of[a.category].articles[:RELATED + 1] if b is not a)[:RELATED]
               for a in dated}

    neighbours: dict[str, tuple[Article | None, Article | None]] = {}
    for ctype in types.values():
        if not ctype.dated and ctype.order != BY_WEEK:
            continue
        ordered = sections[ctype.key]
        for index, article in enumerate(ordered):
            newer = ordered[index - 1] if index > 0 else None
            older = ordered[index + 1] if index + 1 < len(ordered) else None
            neighbours[article.url] = (older, newer)

    current: dict[str, tuple[Article, bool]] = {}
    for ctype in types.values():
        items = [a for a in sections[ctype.key] if a.value(ctype.file_named_by or "week") is not None]
        if ctype.list_page is None or not ctype.list_page.current or not items:
            continue
        today = now.date()
        holding = next((a for a in items if a.value(ctype.file_named_by or "week").contains(today)), None)
        current[ctype.key] = (holding, False) if holding is not None else (items[0], True)

    with_dates = tuple(a for a in dated if a.date is not None)
    site = Site(
        config=config, tthc=tthc, articles=dated, pages=pages,
        sections=MappingProxyType(sections), categories=categories, tags=tags, months=months,
        related=MappingProxyType(related),
        neighbours=MappingProxyType(neighbours), category_of=MappingProxyType(category_of),
        tag_of=MappingProxyType(tag_of), preview=preview,
        dated=with_dates, latest=with_dates[:LATEST], types=types, current=MappingProxyType(current), today=now.date(),
    )
    return site, []
