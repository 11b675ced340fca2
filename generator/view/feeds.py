"""What the Atom feed and the sitemap list (their templates only print it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Article
from ..model import Site
from ..text import iso_datetime

FEED_ENTRIES = 20  # the newest articles a feed reader is offered
#: the feed's <updated> while the site has no dated article (fixed: builds stay reproducible)
EMPTY_FEED_UPDATED = "2000-01-01T00:00:00+07:00"


@dataclass(frozen=True)
class Feeds:
    entries: tuple[Article, ...]  # the feed's, newest first
    updated: str  # the feed's <updated>: the newest article's date
    sitemap: tuple[Article, ...]  # every published article, then the standalone pages


def feeds(site: Site) -> Feeds:
    return Feeds(
        entries=site.dated[:FEED_ENTRIES],
        updated=iso_datetime(site.dated[0].date) if site.dated else EMPTY_FEED_UPDATED,
        sitemap=site.articles + site.pages,
    )
