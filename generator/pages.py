"""The page plan: which pages the site has, at which URL, with what data.

Pure and deterministic: a ``Site`` in, a tuple of ``PagePlan`` out. Pagination
and breadcrumbs are decided here; the view layer (generator/view/) formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from . import urls
from .content import Article
from . import content_types as ct
from .model import Group, Site, newest_first, year_of
from .text import slugify
from .view import ui
from .view.json_ld import json_ld
from .view.people import leaders
from .view.schedule import latest_note, week_view
from .view.records import record
from .view.tthc import statistics

PER_PAGE = 20
HOME_LATEST = 6
HOME_PER_CATEGORY = 4

Crumbs = tuple[tuple[str, str], ...]
HOME_CRUMB = (ui.HOME, urls.HOME)


@dataclass(frozen=True)
class Ref:
    """A link to a category or tag: what an article page shows of it. Giving pages
    only this (not the whole group) means adding an article to a category does
    not change every other article page of that category."""

    key: str
    name: str
    url: str


def ref(group: Group | None) -> Ref | None:
    return None if group is None else Ref(group.key, group.name, group.url)


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: tuple[tuple[int, str], ...]  # (number, url) for every page

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def previous(self) -> str | None:
        return self.pages[self.page - 2][1] if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.page][1] if self.page < self.count else None


@dataclass(frozen=True)
class PagePlan:
    url: str
    template: str
    title: str
    crumbs: Crumbs = ()
    data: Mapping = field(default_factory=dict)
    description: str = ""
    #: the page this one is another form of (an article's print version, its saved
    #: copy): not in the sitemap; its canonical address is that page's
    variant_of: str = ""
    #: read away from the site (a saved copy): every link absolute, styles inline
    standalone: bool = False


def paginate(base_title: str, url_of, articles: tuple[Article, ...], template: str,
             crumbs: Crumbs, data: Mapping | None = None, description: str = "") -> list[PagePlan]:
    """One PagePlan per 20 articles; page 1 at the base URL."""
    chunks = [articles[i:i + PER_PAGE] for i in range(0, len(articles), PER_PAGE)] or [()]
    numbered = tuple((n, url_of(n)) for n in range(1, len(chunks) + 1))
    plans = []
    for number, chunk in enumerate(chunks, start=1):
        title = ui.numbered(base_title, number)
        plans.append(PagePlan(
            url=url_of(number), template=template, title=title, crumbs=crumbs,
            data=dict(data or {}, articles=chunk, pagination=Pagination(number, numbered),
                      heading=base_title),
            description=description))
    return plans


def search_plan(types: ct.ContentTypes) -> PagePlan:
    """The search page: a form, and the script that queries the Pagefind index."""
    return PagePlan(
        url=urls.SEARCH, template="search.html", title=ui.SEARCH,
        crumbs=(HOME_CRUMB, (ui.SEARCH, urls.SEARCH)),
        data={"sections": tuple((t.key, t.title) for t in types.values()),
              "section_urls": {t.key: urls.section(t.key) for t in types.values() if t.list_page is not None}},
        description=ui.SEARCH_DESCRIPTION)


def variants(site: Site, article: Article) -> list[PagePlan]:
    """An article's print version and its saved copy: the article, its address, its date."""
    data = {"article": article, "address": urls.absolute(article.url, site.config.base_url),
            "category": ref(site.category_of.get(article.category))}
    return [PagePlan(url=urls.print_version(article.url), template="print.html", title=article.title,
                     data=data, description=article.summary, variant_of=article.url),
            PagePlan(url=urls.saved_copy(article.url, article.slug), template="saved.html",
                     title=article.title, data=data, description=article.summary, variant_of=article.url,
                     standalone=True)]


def record_lists(site: Site, ctype: ct.ContentType) -> list[PagePlan]:
    """The list pages of an undated type with a list: its items as records, paginated
    (or grouped by ``group_by`` on one page), and one list per value of each facet."""
    key, listing = ctype.key, ctype.list_page
    records = tuple(record(a, ctype, site.files, site.today) for a in site.sections[key])
    crumbs = (HOME_CRUMB, (ctype.title, urls.section(key)))
    description = ui.section_description(ctype.title, site.config.name)
    facets = tuple((facet, facet_values(records, ctype, facet)) for facet in listing.facets)
    nav = tuple((ui.facet_heading(facet.label, ctype.field(facet.field).kind == ct.DATE),
                 tuple((name, url, len(items)) for name, url, items in values))
                for facet, values in facets)
    data = {"facets": nav, "kind": ctype.title, "type_key": key}
    if listing.group_by:
        groups: dict[str, list] = {}
        for item in records:
            groups.setdefault(item.text(listing.group_by), []).append(item)
        ordered = sorted(groups.items(), key=lambda pair: (slugify(pair[0]), pair[0]))
        return [PagePlan(url=urls.section(key), template=listing.template, title=ctype.title, crumbs=crumbs,
                         data=dict(data, groups=tuple((name, tuple(items)) for name, items in ordered),
                                   articles=records, heading=ctype.title),
                         description=description)]
    plans = paginate(ctype.title, lambda n: urls.section(key, n), records, listing.template, crumbs,
                     data, description)
    for facet, values in facets:
        for name, url, items in values:
            title = ui.facet_title(ctype.title, facet.label, name)
            plans += paginate(title, lambda n, u=url: urls.paged(u, n), items, listing.template,
                              crumbs + ((name, url),), dict(data, current=url), description=title)
    return plans


def facet_values(records, ctype: ct.ContentType, facet: ct.Facet) -> tuple:
    """(value shown, list URL, records) for every value of *facet*: years newest first,
    text values in alphabetical order (one page per slug, first spelling kept)."""
    kind = ctype.field(facet.field).kind
    found: dict[object, list] = {}
    names: dict[object, str] = {}
    for item in records:
        value = item.article.value(facet.field)
        if not value:
            continue
        if kind == ct.DATE:
            found.setdefault(value.year, []).append(item)
            names[value.year] = str(value.year)
        else:
            slug = slugify(str(value)) or "khac"
            found.setdefault(slug, []).append(item)
            names.setdefault(slug, str(value))
    if kind == ct.DATE:
        return tuple((names[y], urls.facet(ctype.key, "", str(y)), tuple(found[y]))
                     for y in sorted(found, reverse=True))
    return tuple((names[s], urls.facet(ctype.key, facet.segment, s), tuple(found[s]))
                 for s in sorted(found, key=lambda s: (s, names[s])))


def plan_pages(site: Site) -> tuple[PagePlan, ...]:
    """Every page of the site, in a stable order."""
    plans: list[PagePlan] = []
    types = site.types
    news = newest_first(a for t in types.with_home(ct.HOME_LATEST) for a in site.sections[t.key])
    featured_type = next(iter(types.with_home(ct.HOME_FEATURED)), None)
    featured = site.sections[featured_type.key] if featured_type else ()
    plans.append(PagePlan(
        url=urls.HOME, template="home.html", title=ui.HOME,
        data={
            "latest": news[:HOME_LATEST] or site.articles[:HOME_LATEST],
            # a featured type has its own block, so its categories get none
            "blocks": tuple((g, g.articles[:HOME_PER_CATEGORY]) for g in site.categories
                            if not all(types[a.section].home == ct.HOME_FEATURED for a in g.articles)),
            "bulletin": featured[0] if featured else None,
            # the featured type's list ("Tất cả bản tin"), so templates need no section key
            "bulletins_url": urls.section(featured_type.key) if featured_type else None,
            # the current item of types that have one (this week's work schedule): (title, url, label)
            "current": tuple((types[key].title, item.url, item.value(types[key].file_named_by).label)
                             for key, (item, _latest) in site.current.items()),
        },
        description=site.config.name))

    for article in site.articles + site.pages:
        ctype = types[article.section]
        crumbs: Crumbs = (HOME_CRUMB,)
        if ctype.list_page is not None and not ctype.dated:
            crumbs += ((ctype.title, urls.section(ctype.key)),)
        if ctype.dated:
            crumbs += ((ctype.title, urls.section(ctype.key)),)
            group = site.category_of[article.category]
            if group.name != ctype.title:
                crumbs += ((group.name, group.url),)
        elif ctype.list_page is not None:  # documents, procedures: their list
            crumbs += ((ctype.title, urls.section(ctype.key)),)
        older, newer = site.neighbours.get(article.url, (None, None))
        keep = {}
        if ctype.dated:  # an article: "In bài" and "Lưu bài" (issue 15)
            keep = {"print_url": urls.print_version(article.url),
                    "save_url": urls.saved_copy(article.url, article.slug), "save_name": f"{article.slug}.html"}
            plans += variants(site, article)
        plans.append(PagePlan(
            url=article.url, template=ctype.template,
            title=article.title, crumbs=crumbs + ((article.title, article.url),),
            data={
                "article": article,
                "category": ref(site.category_of.get(article.category)),
                "related": site.related.get(article.url, ()),
                "older": older, "newer": newer,
                "tags": tuple(ref(site.tag_of[t]) for t in article.tags if t in site.tag_of),
                "is_bulletin": ctype.periodical,
                "json_ld": json_ld(article, site) if ctype.dated else None,
                **({"week": week_view(article)} if ctype.file_named_by == "week" else {}),
                **({"record": record(article, ctype, site.files, site.today)} if article.extra else {}),
                **keep,
            },
            description=article.summary))

    for ctype in types.values():
        if ctype.list_page is None:
            continue
        key, items = ctype.key, site.sections[ctype.key]
        crumbs = (HOME_CRUMB, (ctype.title, urls.section(key)))
        if not ctype.dated and ctype.item_pages and not ctype.list_page.current:  # documents, procedures: rows of their fields
            plans += record_lists(site, ctype)
        elif ctype.list_page.by_year:
            years: dict[int, list[Article]] = {}
            for item in items:
                years.setdefault(year_of(item, ctype) or 0, []).append(item)
            plans.append(PagePlan(
                url=urls.section(key), template=ctype.list_page.template, title=ctype.title, crumbs=crumbs,
                data={"years": tuple((y, tuple(b)) for y, b in sorted(years.items(), reverse=True)),
                      "feed": urls.section_feed(key)},
                description=ui.periodical_description(ctype.title, site.config.name)))
        elif ctype.list_page.current:  # the current item (this week), or the latest one, saying so
            item, latest = site.current.get(key, (None, False))
            plans.append(PagePlan(
                url=urls.section(key), template=ctype.list_page.template, title=ctype.title, crumbs=crumbs,
                data={"article": item, "week": week_view(item) if item is not None else None,
                      "note": latest_note(item) if latest else "", "articles": items},
                description=ui.section_description(ctype.title, site.config.name)))
        elif not ctype.item_pages:  # the items themselves, on one page (leaders)
            plans.append(PagePlan(
                url=urls.section(key), template=ctype.list_page.template, title=ctype.title, crumbs=crumbs,
                data={"articles": items, "people": leaders(items)},
                description=ui.section_description(ctype.title, site.config.name)))
        else:
            plans += paginate(ctype.title, lambda n, k=key: urls.section(k, n), items,
                              ctype.list_page.template, crumbs, {"feed": urls.section_feed(key)},
                              description=ui.section_description(ctype.title, site.config.name))

    for group in site.categories:
        plans += paginate(group.name, lambda n, g=group: urls.category(g.key, n), group.articles,
                          "list.html", (HOME_CRUMB, (group.name, group.url)),
                          {"kind": ui.CATEGORY, "feed": urls.category_feed(group.key)},
                          description=ui.category_description(group.name))
    plans.append(PagePlan(url=urls.TAGS, template="tags.html", title=ui.TAGS,
                          crumbs=(HOME_CRUMB, (ui.TAGS, urls.TAGS)), data={"tags": site.tags}))
    for group in site.tags:
        plans += paginate(ui.tag_title(group.name), lambda n, g=group: urls.tag(g.key, n), group.articles,
                          "list.html", (HOME_CRUMB, (ui.TAGS, urls.TAGS), (group.name, group.url)),
                          {"kind": ui.TAGS})

    years: dict[int, list[Group]] = {}
    for group in site.months:
        years.setdefault(int(group.key[:4]), []).append(group)
    archive_crumbs = (HOME_CRUMB, (ui.ARCHIVE, urls.ARCHIVE))
    plans.append(PagePlan(url=urls.ARCHIVE, template="archive.html", title=ui.ARCHIVE,
                          crumbs=archive_crumbs,
                          data={"years": tuple((y, tuple(m)) for y, m in sorted(years.items(), reverse=True))}))
    for group in site.months:
        year, month = int(group.key[:4]), int(group.key[5:])
        plans += paginate(ui.month_title(group.name), lambda n, y=year, m=month: urls.month(y, m, n),
                          group.articles, "list.html", archive_crumbs + ((group.name, group.url),),
                          {"kind": ui.ARCHIVE})

    plans.append(PagePlan(
        url=urls.STATS, template="stats.html", title=ui.STATS,
        crumbs=(HOME_CRUMB, (ui.STATS_CRUMB, urls.STATS)),
        data={"stats": statistics(site.tthc)},
        description=ui.STATS_DESCRIPTION))
    plans.append(search_plan(types))
    english = site.config.english
    if english is not None:  # the commune in English: contact details and leaders (issue 15)
        people = tuple(a for t in types.having("position_en") for a in site.sections[t.key])
        plans.append(PagePlan(
            url=urls.ENGLISH, template="en.html", title=ui.ENGLISH_TITLE,
            crumbs=(HOME_CRUMB, (ui.ENGLISH_CRUMB, urls.ENGLISH)),
            data={"english": english, "email": site.config.masthead.email, "people": leaders(people)},
            description=english.name))
    plans.append(PagePlan(url=urls.NOT_FOUND, template="404.html", title=ui.NOT_FOUND))
    return tuple(plans)
