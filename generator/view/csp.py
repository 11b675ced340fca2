"""The Content-Security-Policy every HTML page carries in its <meta> tag.

Nothing may load from elsewhere: no scripts at all, styles and images from the
site itself; frames only from the hosts site.yml allows for embedded video.
Forms may only go to the site itself (the search box in the header). The search
page alone may run scripts: its own (Pagefind and search.js), Pagefind's
WebAssembly and web worker, and fetch the index from the site.
"""

from __future__ import annotations

import re

#: a host name as config.py accepts it: letters, digits, dots and dashes, nothing that
#: could end a CSP source (";", space, quote) or widen it ("*", "/", ":")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")

_BASE = ("default-src 'none'", "style-src 'self'", "img-src 'self' data:")
_TAIL = ("base-uri 'none'", "form-action 'self'")
#: what the search page adds: nothing but the site's own scripts, WebAssembly
#: compilation (not eval of text), the worker and the index requests
_SEARCH = ("script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'")


#: a head script as config.py accepts it (https, a host name, a path to a file, an optional
#: query): nothing that could end a CSP source or widen it
_SCRIPT = re.compile(r"https://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?/[A-Za-z0-9._~%/!$*+=@:-]*[A-Za-z0-9._~%!$*+=@:-]"
                     r"(?:\?[A-Za-z0-9._~%=&+-]*)?")


def script_source(url: str) -> str:
    """The CSP source of a head script: the script's address without its query (a source
    has none; the browser matches the file's address and ignores the query)."""
    if not _SCRIPT.fullmatch(url) or any(ch in url for ch in " ;,'\"<>\\"):
        raise ValueError(f"not a script address: {url!r}")
    return url.split("?", 1)[0]


def content_security_policy(embed_hosts: tuple[str, ...] = (), search: bool = False,
                            scripts: tuple[str, ...] = ()) -> str:
    """The policy as one header value, directives in a fixed order.

    *embed_hosts* must already be validated host names and *scripts* validated https
    script addresses (config.py); anything else is a programming error, raised rather
    than pasted into the policy. Each script is allowed exactly: its own address.
    """
    for host in embed_hosts:
        if not _HOST.fullmatch(host):
            raise ValueError(f"not a host name: {host!r}")
    sources = tuple(dict.fromkeys(script_source(url) for url in scripts))
    directives = list(_BASE)
    if search:
        directives += (_SEARCH[0] + "".join(" " + source for source in sources),) + _SEARCH[1:]
    elif sources:
        directives.append("script-src " + " ".join(sources))
    if embed_hosts:
        directives.append("frame-src " + " ".join(f"https://{host}" for host in embed_hosts))
    directives += _TAIL
    return "; ".join(directives)
