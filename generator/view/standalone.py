"""The article's print version (/<bài>/in/) and its saved copy (one standalone HTML file).

The print version runs one script of the site's own (``static/print.js``, which
writes the date printed), so its policy is the page policy plus ``script-src
'self'``. The saved copy is opened from the reader's disk, where nothing of the
site is at hand: its stylesheet is inline, allowed by its hash (never
``'unsafe-inline'``), its images and links are absolute, and it runs no script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from .csp import content_security_policy

#: how article bodies write site-root links (markup.ARTICLE_ROOT): "../../media/a.pdf"
#: (not one that already climbs further: a photo variant linked from a deeper page)
_ROOT_LINK = re.compile(r'(\s(?:href|src)=")\.\./\.\./(?!\.\./)')


def print_policy(embed_hosts: tuple[str, ...] = ()) -> Markup:
    """The page policy plus the site's own scripts (print.js), nothing inline."""
    directives = content_security_policy(embed_hosts).split("; ")
    directives.insert(directives.index("base-uri 'none'"), "script-src 'self'")
    return Markup("; ".join(directives))


def style_hash(css: str) -> str:
    """The CSP source allowing exactly this inline stylesheet: 'sha256-…'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class Standalone:
    """What the saved copy carries inline: the theme's stylesheet and the policy allowing it."""

    style: Markup
    csp: Markup


def standalone(css: str, base_url: str) -> Standalone:
    """The saved copy's stylesheet and policy: that stylesheet by hash, images from the
    site's host (absolute links) or embedded, no script, no form, no frame."""
    if "</" in css:
        raise ValueError("the stylesheet would end the <style> element")
    host = urlsplit(base_url) if base_url else None
    images = f"{host.scheme}://{host.netloc} data:" if host else "data:"
    policy = "; ".join(("default-src 'none'", f"style-src {style_hash(css)}", f"img-src {images}",
                        "base-uri 'none'", "form-action 'none'"))
    if any(ch in policy for ch in '"<>&'):
        raise ValueError(f"unsafe character in the policy: {policy!r}")
    return Standalone(Markup(css), Markup(policy))


def absolute_links(html: str, root: str) -> Markup:
    """An article body's site-root links ("../../x", written for the article's own page)
    pointed at *root*: the site's base_url for a copy read offline, or the way up to the
    site's root from a deeper page (the print version: "../../../")."""
    if not root:
        return Markup(html)
    return Markup(_ROOT_LINK.sub(lambda m: m.group(1) + root, str(html)))
