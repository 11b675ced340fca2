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


def content_security_policy(embed_hosts: tuple[str, ...] = (), search: bool = False) -> str:
    """The policy as one header value, directives in a fixed order.

    *embed_hosts* must already be validated host names (config.py); anything else
    is a programming error, raised rather than pasted into the policy.
    """
    for host in embed_hosts:
        if not _HOST.fullmatch(host):
            raise ValueError(f"not a host name: {host!r}")
    directives = list(_BASE)
    if search:
        directives += _SEARCH
    if embed_hosts:
        directives.append("frame-src " + " ".join(f"https://{host}" for host in embed_hosts))
    directives += _TAIL
    return "; ".join(directives)
