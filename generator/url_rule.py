"""The one URL rule: which addresses may become an ``href`` or ``src``, which host
names may reach the Content-Security-Policy, and which addresses are typos.

Article links (``markup.sanitise``), site.yml's menu, links and base_url,
embed_hosts and tthc.yml's source_url all go through these functions; ``check``
uses ``url_mistake`` for the links in article bodies. Pure functions.

An address is read the way a browser reads it before deciding its scheme: tabs
and line breaks anywhere are dropped (``java\tscript:`` is ``javascript:``),
leading and trailing spaces and control characters are ignored, and HTML
character references are decoded (``javascript&#58;``), so none of those tricks
changes the verdict.
"""

from __future__ import annotations

import difflib
import html
import re
from urllib.parse import urlsplit

#: Schemes a link or image may use; anything else (javascript:, data:, vbscript:,
#: file:…) is refused. Addresses without a scheme (/trang/x/, media/a.jpg, #muc) are
#: relative to the site.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_BROWSER_DROPS = re.compile(r"[\t\n\r]")
_EDGES = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19" \
         "\x1a\x1b\x1c\x1d\x1e\x1f \x7f"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})+")
#: A domain written without a scheme: www.x.vn, haiduong.gov.vn/tin-tuc
_BARE_DOMAIN = re.compile(r"(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info|int))"
                          r"(?:[/:?#].*)?", re.I)
#: "htps//x", "http//x", "https:/x", "htp://x", "https;//x", "https//:x"
_SCHEME_TYPO = re.compile(r"(?P<scheme>[a-z]{2,6})\s*(?P<sep>[:;]?/{1,3}:?|:)(?P<rest>[^/].*)", re.I)


def _as_browser_reads(value: str) -> str:
    return _BROWSER_DROPS.sub("", value).strip(_EDGES)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in *value* (lower case), or None for a relative address.
    Character references are decoded first: the scheme of the most dangerous reading counts."""
    for candidate in (value, html.unescape(value)):
        match = _SCHEME.match(_as_browser_reads(candidate))
        if match is not None and match.group(1).lower() not in URL_SCHEMES:
            return match.group(1).lower()
    match = _SCHEME.match(_as_browser_reads(value))
    return match.group(1).lower() if match else None


def allowed_url(value: str) -> bool:
    """True if *value* may be an href or src: http, https, mailto, tel, or relative."""
    if not isinstance(value, str) or not value.strip():
        return False
    scheme = url_scheme(value)
    return scheme is None or scheme in URL_SCHEMES


def url_mistake(value: str) -> str | None:
    """The address an editor most likely meant when *value* is a typo, or None.

    ``htps//haiduong.gov.vn`` -> ``https://haiduong.gov.vn``; ``http//x.vn`` ->
    ``http://x.vn``; ``https:/x.vn`` -> ``https://x.vn``; ``www.x.vn`` -> ``https://www.x.vn``.
    Addresses that are fine (absolute with a known scheme, or a path inside the site) get None.
    """
    text = _as_browser_reads(value)
    if not text or text.startswith(("/", "#", "?", ".", "media/")):
        return None
    match = _SCHEME_TYPO.fullmatch(text)
    if match is not None:
        scheme, sep, rest = match.group("scheme").lower(), match.group("sep"), match.group("rest")
        near = difflib.get_close_matches(scheme, ["https", "http"], n=1, cutoff=0.6)
        if scheme in URL_SCHEMES and sep.startswith(":") and (scheme in ("mailto", "tel") or sep == "://"):
            return None  # fine as written
        if near and (scheme not in URL_SCHEMES or sep != "://") and (
                "." in rest.split("/", 1)[0] or rest.startswith("localhost")):
            return f"{near[0]}://{rest.lstrip(':/')}"
    if _SCHEME.match(text) is None and _BARE_DOMAIN.fullmatch(text):
        return f"https://{text}"
    return None


def host_name(value: object) -> str | None:
    """*value* as a plain host name (lower case, ASCII; Vietnamese names as IDNA), or None
    if it is anything else: a scheme, a path, a port, spaces, quotes, ';', '*'…"""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().rstrip(".")
    try:
        ascii_host = text.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return ascii_host if _HOST.fullmatch(ascii_host) else None


def host_in(value: str) -> str | None:
    """The host of an address written where a host name belongs
    (``https://www.youtube.com/`` -> ``www.youtube.com``), for the suggested fix."""
    parts = urlsplit(value.strip() if "//" in value else "//" + value.strip())
    try:
        return host_name(parts.hostname or "")
    except ValueError:
        return None
