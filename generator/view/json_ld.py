"""schema.org data for search engines: an article page as a NewsArticle.

The template serialises the dict with Jinja's ``tojson``, which escapes <, > and
& so no value can end the <script> element.
"""

from __future__ import annotations

from .. import urls
from ..content import Article
from ..model import Site
from ..text import iso_datetime


def json_ld(article: Article, site: Site) -> dict:
    """schema.org NewsArticle data of *article* (absolute URLs only when base_url is set)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "articleSection": article.category,
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": site.config.name},
    }
    if article.date is not None:
        data["datePublished"] = iso_datetime(article.date)
    if article.summary:
        data["description"] = article.summary
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.tags:
        data["keywords"] = list(article.tags)
    if site.config.base_url:  # schema.org wants absolute URLs
        data["mainEntityOfPage"] = urls.absolute(article.url, site.config.base_url)
        picture = site.images.get(article.image) if article.image else None
        if picture is not None:  # the published ~1200-px variant (images.py): the original is not published
            data["image"] = urls.absolute(picture.og.url, site.config.base_url)
    return data
