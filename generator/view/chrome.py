"""What every page shows around its own content: the head's policy and title, the footer.

``chrome(config, tthc)`` is computed once per build (site.yml and tthc.yml only);
``document_title`` once per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..config import SiteConfig
from ..text import upper_vi
from ..tthc import Tthc
from .contact import Piece, phone_links
from .csp import content_security_policy
from .tthc import Widget, widget


@dataclass(frozen=True)
class Chrome:
    csp: Markup  # the Content-Security-Policy <meta> value, quotes kept as they are
    search_csp: Markup  # the same for the search page, which runs Pagefind
    masthead_heading: str  # "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"
    phone: tuple[Piece, ...]  # the masthead phone line, numbers as tel: links
    tthc: Widget | None  # the sidebar's TTHC box (None: no figures yet)


def chrome(config: SiteConfig, tthc: Tthc) -> Chrome:
    return Chrome(
        csp=_attribute_safe(content_security_policy(config.embed_hosts, scripts=config.head_scripts)),
        search_csp=_attribute_safe(content_security_policy(config.embed_hosts, search=True,
                                                           scripts=config.head_scripts)),
        masthead_heading=masthead_heading(config),
        phone=phone_links(config.masthead.phone) if config.masthead.phone else (),
        tthc=widget(tthc),
    )


def masthead_heading(config: SiteConfig) -> str:
    """"TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"."""
    name = config.name
    return upper_vi(f"{name} - {config.parent}" if config.parent else name)


def document_title(page_title: str, site_name: str, home: bool) -> str:
    """The <title>: the site's name alone on the home page, else "Page - Site"."""
    return site_name if home else f"{page_title} - {site_name}"


def _attribute_safe(policy: str) -> Markup:
    """The policy for a double-quoted attribute without escaping its single quotes
    ('self' stays 'self', not &#39;self&#39;). Safe because the policy is built from
    fixed directives and validated host names; checked here all the same."""
    if any(ch in policy for ch in '"<>&'):
        raise ValueError(f"unsafe character in the policy: {policy!r}")
    return Markup(policy)
