"""A province: one folder holding many commune content folders, built with one command.

Pure pieces of ``bantin province``: reading ``province.yml`` into a frozen record
(every problem with its line, in Vietnamese), finding the commune folders,
choosing a subset (``--only``, ``--shard``), giving each commune its address,
and reading a built commune's newest items back from its own feed for the
province index. The command (commands/province.py) runs the builds.

::

    tinh/
      province.yml     name, and base_url (communes at <base_url><folder>/)
                       or site_url (one host per commune, {site} = folder name)
      theme/           optional: the theme files the province changes
      xa-lam-son/      a commune: a normal content folder (site.yml, tin-tuc/ …)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from .config import normalise_base_url
from .errors import Diagnostic, diag
from .source import Source, kind_name, load_yaml
from .text import nfc

PROVINCE_FILE = "province.yml"
THEME_DIR = "theme"
SITE_PLACEHOLDER = "{site}"
#: a commune folder name: it becomes a URL path segment and a host label
FOLDER_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: folder names the province output uses itself
RESERVED = frozenset({THEME_DIR, "static"})
_KEYS = ("name", "base_url", "site_url")
_SAMPLE_SITE = "xa-mau"


@dataclass(frozen=True)
class Province:
    name: str
    base_url: str = ""  # "" or ending with "/": communes at <base_url><folder>/
    site_url: str = ""  # "" or "https://{site}.tinh.vn/"
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def commune_url(self, folder: str) -> str:
        """The address of commune *folder* when its site.yml gives none."""
        if self.site_url:
            return self.site_url.replace(SITE_PLACEHOLDER, folder)
        return f"{self.base_url}{folder}/"

    def by_host(self) -> bool:
        return bool(self.site_url)


def parse_province(source: Source) -> tuple[Province | None, list[Diagnostic]]:
    """Validate the text of province.yml. Pure: no disk access."""
    path = source.path
    data, lines, problems = load_yaml(path, source.text)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [diag(path, 1, "province_field", field="name", problem="không có",
                           fix="province.yml phải có dòng name: và một trong hai dòng base_url: hoặc site_url:")]
    out: list[Diagnostic] = []

    def problem(key: str, text: str, fix: str) -> None:
        out.append(diag(path, lines.get(key), "province_field", field=key, problem=text, fix=fix))

    for key in data:
        if key not in _KEYS:
            problem(str(key), "không được dùng", "province.yml chỉ có name:, base_url: hoặc site_url:")

    def text(key: str) -> str:
        value = data.get(key)
        if value is None or value == "":
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problem(key, f"phải là một dòng chữ, không phải {kind_name(value)}", f'viết {key}: "…" trên một dòng')
            return ""
        return nfc(str(value)).strip()

    name = text("name")
    if not name and "name" not in data:
        problem("name", "bị thiếu", "thêm dòng name: Cổng thông tin điện tử tỉnh … vào province.yml")
    raw_base, raw_site = text("base_url"), text("site_url")
    base_url = site_url = ""
    if raw_base and raw_site:
        problem("site_url", "và base_url chỉ được có một",
                "giữ base_url: (các xã ở <base_url><tên thư mục>/) hoặc site_url: (mỗi xã một tên miền), xoá dòng kia")
    elif not raw_base and not raw_site:
        problem("base_url", "bị thiếu",
                "thêm base_url: https://tinh.example.vn/ hoặc site_url: https://{site}.tinh.example.vn/")
    elif raw_base:
        base_url = normalise_base_url(raw_base) or ""
        if not base_url:
            problem("base_url", f'"{raw_base}" không phải địa chỉ web', "viết dạng base_url: https://tinh.example.vn/")
    else:
        sample = normalise_base_url(raw_site.replace(SITE_PLACEHOLDER, _SAMPLE_SITE))
        if raw_site.count(SITE_PLACEHOLDER) != 1:
            problem("site_url", f'"{raw_site}" phải có đúng một chỗ {SITE_PLACEHOLDER} (tên thư mục của xã)',
                    "viết dạng site_url: https://{site}.tinh.example.vn/")
        elif sample is None:
            problem("site_url", f'"{raw_site}" không phải địa chỉ web', "viết dạng site_url: https://{site}.tinh.example.vn/")
        else:
            site_url = sample.replace(_SAMPLE_SITE, SITE_PLACEHOLDER)
    if out:
        return None, out
    return Province(name=name, base_url=base_url, site_url=site_url, lines=lines), out


def commune_folders(root: Path) -> list[str]:
    """The commune folders of *root* (each holds a site.yml), sorted by name."""
    found = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or entry.name in RESERVED or not entry.is_dir():
            continue
        if (entry / "site.yml").is_file():
            found.append(entry.name)
    return found


def bad_folder_names(folders: list[str]) -> list[str]:
    """Folder names that cannot be an address segment or a host label."""
    return [name for name in folders if not FOLDER_NAME.fullmatch(name)]


def parse_shard(value: str) -> tuple[int, int] | None:
    """"2/4" -> (2, 4); None unless 1 <= k <= n."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*/\s*(\d{1,4})\s*", value or "")
    if not match:
        return None
    k, n = int(match.group(1)), int(match.group(2))
    return (k, n) if 1 <= k <= n else None


def shard(folders: list[str], k: int, n: int) -> list[str]:
    """The k-th of n contiguous parts of the sorted *folders*: the n parts are disjoint and
    cover every folder, and their sizes differ by at most one."""
    ordered = sorted(folders)
    start, end = (k - 1) * len(ordered) // n, k * len(ordered) // n
    return ordered[start:end]


@dataclass(frozen=True)
class Item:
    title: str
    url: str  # absolute, as in the commune's feed
    date: str  # ISO 8601, as in the feed


_ATOM = "{http://www.w3.org/2005/Atom}"


def newest_items(feed: bytes, limit: int = 3) -> tuple[Item, ...]:
    """The first *limit* entries of a feed bantin wrote (newest first), or () if unreadable."""
    try:
        root = ElementTree.fromstring(feed)
    except ElementTree.ParseError:
        return ()
    items = []
    for entry in root.findall(f"{_ATOM}entry")[:limit]:
        link = entry.find(f"{_ATOM}link")
        items.append(Item(title=(entry.findtext(f"{_ATOM}title") or "").strip(),
                          url=link.get("href", "") if link is not None else "",
                          date=(entry.findtext(f"{_ATOM}published") or "").strip()))
    return tuple(items)
