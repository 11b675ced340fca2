"""People and their contact details as a page shows them: the leaders' cards."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Article
from .contact import Piece, phone_links


@dataclass(frozen=True)
class Leader:
    """One leader on /lanh-dao/: the item, its phone line as tel: links, its mailto: href."""

    article: Article
    position: str
    position_en: str
    phone: tuple[Piece, ...]
    email: str
    email_href: str  # "mailto:…" (the address is validated: content.EMAIL's rule)


def leader(article: Article) -> Leader:
    phone = str(article.value("phone", "") or "")
    email = str(article.value("email", "") or "")
    return Leader(article, str(article.value("position", "")), str(article.value("position_en", "") or ""),
                  phone_links(phone) if phone else (), email, f"mailto:{email}" if email else "")


def leaders(articles) -> tuple[Leader, ...]:
    return tuple(leader(a) for a in articles)
