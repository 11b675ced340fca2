"""What the Atom feeds, the sitemap and robots.txt list (their templates only print it).

Feeds: the whole site, each content type with a list page, each category; the
newest 20 items each (render.py adds their full text). The sitemap: every page
of the plan but the 404 and the search page, with the date it last changed
where known. Feeds and the sitemap need absolute URLs, so render.py writes them
only for a site with a ``base_url``; robots.txt always.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from .. import urls
from ..content import Article
from ..model import Site
from ..text import iso_datetime

FEED_ENTRIES = 20  # the newest articles a feed reader is offered
#: the feed's <updated> while it has no dated article (fixed: builds stay reproducible)
EMPTY_FEED_UPDATED = "2000-01-01T00:00:00+07:00"
#: pages a search engine has no use for
NOT_IN_SITEMAP = (urls.NOT_FOUND, urls.SEARCH)


@dataclass(frozen=True)
class Feed:
    url: str  # /tin-tuc/feed.xml
    page: str  # the HTML page it follows: /tin-tuc/
    title: str
    entries: tuple[Article, ...]  # newest first, at most FEED_ENTRIES

    @property
    def updated(self) -> str:
        """The feed's <updated>: its newest entry's date."""
        return iso_datetime(self.entries[0].date) if self.entries else EMPTY_FEED_UPDATED


def _dated(articles) -> tuple[Article, ...]:
    return tuple(a for a in articles if a.date is not None)[:FEED_ENTRIES]


def site_feeds(site: Site) -> tuple[Feed, ...]:
    """The site's feed, one per content type with a list page, one per category."""
    name = site.config.name
    feeds = [Feed(urls.FEED, urls.HOME, name, _dated(site.dated))]
    for ctype in site.types.values():
        if ctype.dated and ctype.list_page is not None:
            feeds.append(Feed(urls.section_feed(ctype.key), urls.section(ctype.key),
                              f"{ctype.title} - {name}", _dated(site.sections[ctype.key])))
    for group in site.categories:
        feeds.append(Feed(urls.category_feed(group.key), group.url, f"{group.name} - {name}",
                          _dated(group.articles)))
    return tuple(feeds)


def _dates_in(value) -> list[datetime]:
    if isinstance(value, Article):
        return [value.date] if value.date is not None else []
    if isinstance(value, (tuple, list)):
        return [d for item in value for d in _dates_in(item)]
    return []


def lastmod(url: str, data, site: Site) -> datetime | None:
    """When a page last changed, where known: its article's date, the newest item it
    lists, the statistics' update time."""
    if url == urls.STATS:
        return site.tthc.updated
    dates = _dates_in(data.get("article")) or _dates_in(list(data.values()))
    return max(dates) if dates else None


def sitemap_entries(site: Site, plans) -> tuple[tuple[str, str], ...]:
    """(absolute URL, ISO lastmod or "") for every page of the plan a search engine
    wants, list pages and the statistics page included."""
    out = []
    for plan in plans:
        if plan.url in NOT_IN_SITEMAP or plan.variant_of:  # a print version, a saved copy
            continue
        when = lastmod(plan.url, plan.data, site)
        out.append((urls.absolute(plan.url, site.config.base_url), iso_datetime(when) if when else ""))
    return tuple(out)


def robots_txt(base_url: str) -> str:
    """Everything may be crawled but the search index; the sitemap named when there is one.
    (Crawlers read robots.txt at a host's root only: a site under a sub-path is covered
    when its host copies these lines.)"""
    prefix = urlsplit(base_url).path.rstrip("/") if base_url else ""
    lines = ["User-agent: *", f"Disallow: {prefix}{urls.SEARCH_INDEX}", ""]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(urls.SITEMAP, base_url)}")
    return "\n".join(lines) + "\n"
