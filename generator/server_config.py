"""One nginx configuration for every commune of a province (``--server-config nginx``).

The same rules as docs/hosting.md's tested snippet: security headers and the
Content-Security-Policy (the search page's own policy where Pagefind runs),
long caching for static/ and media/, ``no-cache`` for pages, gzip, each site's
own 404 page, hidden files never served. A ``server`` block per host; a
commune at a path of a host (``https://tinh.vn/xa-a/``) gets a ``location``.
Pure: the text is made from validated addresses and folder names only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from . import urls
from .view.csp import content_security_policy

_TYPES = "text/css text/plain text/xml application/xml application/atom+xml text/csv image/svg+xml"


@dataclass(frozen=True)
class Hosted:
    """One published site: where it is on disk and where it is served."""

    folder: str  # the folder name (validated: lower-case letters, digits, dashes)
    root: str  # the absolute folder of its files (POSIX path on the server)
    base_url: str  # validated by config.normalise_base_url, ending with "/"
    embed_hosts: tuple[str, ...] = ()


_UNSAFE = re.compile(r'[\x00-\x20"$\\{};\'#\x7f]')


def safe_folder(path: str) -> str:
    """*path* if nginx can take it literally (no space, quote, $, ;, {, }, #, backslash); else ValueError."""
    if not path or _UNSAFE.search(path):
        raise ValueError(path)
    return path


def _headers(embed_hosts: tuple[str, ...], search: bool, indent: str) -> list[str]:
    policy = content_security_policy(embed_hosts, search=search) + "; frame-ancestors 'self'"
    return [f'{indent}add_header Content-Security-Policy "{policy}" always;',
            f'{indent}add_header X-Content-Type-Options "nosniff" always;',
            f'{indent}add_header X-Frame-Options "SAMEORIGIN" always;',
            f'{indent}add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
            f"{indent}add_header Cache-Control $bantin_cache always;"]


def _site_locations(site: Hosted, path: str, indent: str) -> list[str]:
    """The locations of one site served at *path* ("/" or "/xa-a/")."""
    inner = indent + "    "
    search = path + urls.SEARCH.lstrip("/")
    own_404 = [f"{inner}error_page 404 {path}404.html;"] if path != "/" else []
    lines = [f"{indent}location {path} {{"] + own_404
    lines += [f"{inner}try_files $uri $uri/ =404;", f"{indent}}}",
              f"{indent}location ^~ {search} {{"] + own_404
    lines += _headers(site.embed_hosts, True, inner)
    lines += [f"{inner}try_files $uri $uri/ =404;", f"{indent}}}"]
    return lines


def nginx_config(sites: list[Hosted], province_root: str = "", province_url: str = "",
                 listen: str = "80", aliases: dict[str, str] | None = None) -> str:
    """The whole configuration text; *aliases* maps old addresses ("/a.aspx?ID=1") to new URLs."""
    by_host: dict[str, list[tuple[str, Hosted | None]]] = {}
    for site in sorted(sites, key=lambda s: s.folder):
        safe_folder(site.root)
        parts = urlsplit(site.base_url)
        by_host.setdefault(parts.netloc, []).append((parts.path or "/", site))
    if province_root:
        safe_folder(province_root)
    province_host = urlsplit(province_url).netloc if province_url else ""
    out = ["# bantin province: tạo tự động bởi bantin province --server-config nginx; không sửa tay",
           "map $uri $bantin_cache {",
           '    ~^(/[a-z0-9-]+)?/static/  "public, max-age=86400";',
           '    ~^(/[a-z0-9-]+)?/media/   "public, max-age=604800";',
           '    default                   "no-cache";',
           "}"]
    if aliases:
        out += ["map $request_uri $bantin_moved {", "    default \"\";"]
        out += [f'    "{old}" "{new}";' for old, new in sorted(aliases.items())]
        out += ["}"]
    hosts = sorted(set(by_host) | ({province_host} if province_host else set()))
    for host in hosts:
        entries = by_host.get(host, [])
        at_root = [site for path, site in entries if path == "/"]
        root = at_root[0].root if at_root else province_root
        embed = at_root[0].embed_hosts if at_root else ()
        name = host.split(":")[0]
        out += ["", "server {", f"    listen {listen};", f"    server_name {name};", f"    root {root};",
                "    index index.html;", "    charset utf-8;", f"    charset_types {_TYPES};",
                "    server_tokens off;", "    autoindex off;", "    disable_symlinks if_not_owner;", ""]
        out += _headers(embed, False, "    ")
        out += ["", "    gzip on;", "    gzip_vary on;", "    gzip_min_length 256;", f"    gzip_types {_TYPES};", "",
                f"    error_page 404 {urls.NOT_FOUND};", ""]
        if aliases:
            out += ['    if ($bantin_moved != "") {', "        return 301 $bantin_moved;", "    }", ""]
        if at_root:
            out += _site_locations(at_root[0], "/", "    ")
        else:
            out += ["    location / {", "        try_files $uri $uri/ =404;", "    }"]
        for path, site in entries:
            if path == "/":
                continue
            if PurePosixPath(site.root).name == path.strip("/") and str(PurePosixPath(site.root).parent) == root:
                out += _site_locations(site, path, "    ")
            else:  # a path that is not the folder's own name: served from its folder by alias
                out += [f"    location {path} {{", f"        alias {site.root}/;",
                        f"        error_page 404 {path}404.html;", "    }"]
        out += ["", "    # tệp và thư mục ẩn (.bantin-output, bộ nhớ đệm…) không bao giờ được phục vụ",
                "    location ~ /\\. {", "        return 404;", "    }", "}"]
    return "\n".join(out) + "\n"
