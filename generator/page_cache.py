"""Skipping pages whose inputs did not change: an edit re-renders what it touches.

A page's fingerprint covers everything its template can see: the page plan
(its articles in full, every group and list it is given), the site-wide view
every page shares (``PageSite``: config, TTHC figures, latest articles, the
preview flag and which articles are still in the future), the theme's
templates and the rendering code. Templates get only that view, never the
whole model, so a fingerprint cannot miss an input: a theme that reached for
more would fail the build (StrictUndefined) instead of going stale.

On a hit the bytes are read back from the previous output folder and checked
against the hash recorded when they were written, so a cached build gives the
same bytes as a clean one. The index holds only hashes, as checksummed JSON
(``cache.write_store``): a planted or damaged index is ignored, and even a
well-formed one can only make bantin reuse bytes whose hash it names.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
import re
from datetime import datetime
from pathlib import Path

from .cache import code_fingerprint, read_store, tree_digest, write_store
from .content import Article
from .model import Group, Site
from .pages import PagePlan

_HASH = re.compile(r"[0-9a-f]{64}")


@dataclasses.dataclass(frozen=True)
class PageSite:
    """The part of the site model every HTML page may show (sidebar, header, footer)."""

    config: object
    tthc: object
    latest: tuple[Article, ...]
    preview: bool
    images: object = ()  # content path -> images.Picture


def page_site(site: Site) -> PageSite:
    return PageSite(site.config, site.tthc, site.latest, site.preview, site.images)


class Fingerprints:
    """Stable digests of page inputs, memoised per object within one build."""

    def __init__(self, site: Site, theme_dir: Path, now: datetime, override: Path | None = None):
        self._memo: dict[int, str] = {}
        self._keep: list[object] = []  # keep memoised objects alive so ids stay unique
        digest = hashlib.sha256(code_fingerprint().encode())
        tree_digest(theme_dir, digest)  # the whole theme: templates, static files, anything added later
        if override is not None:  # a province's theme/ changes pages too
            digest.update(b"override")
            tree_digest(override, digest)
        view = page_site(site)
        future = sorted(a.url for a in site.articles if site.is_future(a, now))
        digest.update(repr((view.config, view.tthc, view.preview, future, sorted(view.images.items()))).encode())
        digest.update(self.of(view.latest).encode())
        self.common = digest.hexdigest()

    def of(self, value: object) -> str:
        """A digest of *value*, deep through articles, groups, plans and containers."""
        if isinstance(value, (Article, Group, tuple, list, dict, PagePlan)) or dataclasses.is_dataclass(value):
            key = id(value)
            found = self._memo.get(key)
            if found is None:
                if isinstance(value, Article):
                    found = hashlib.sha256(_serialise(value)).hexdigest()
                else:
                    found = hashlib.sha256(self._text(value).encode("utf-8", "surrogatepass")).hexdigest()
                self._memo[key] = found
                self._keep.append(value)
            return found
        return repr(value)

    def _text(self, value: object) -> str:
        if isinstance(value, Group):
            return "G" + repr((value.key, value.name, value.url)) + self.of(value.articles)
        if isinstance(value, dict):
            return "D" + "|".join(f"{k!r}={self.of(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0])))
        if isinstance(value, (tuple, list)):
            return "T" + "|".join(self.of(item) for item in value)
        fields = dataclasses.fields(value)
        return type(value).__name__ + "|".join(f"{f.name}={self.of(getattr(value, f.name))}" for f in fields)

    def page(self, plan: PagePlan) -> str:
        return hashlib.sha256((self.common + self.of(plan)).encode()).hexdigest()


def _serialise(value: object) -> bytes:
    """Bytes that depend only on *value*'s content (for hashing; nothing is ever loaded).

    pickle is C-fast; "fast" mode turns off its memo, so two equal articles give
    the same bytes however their strings happen to be shared (one parsed now,
    one read back from the article cache).
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


class PageCache:
    """Output path -> (fingerprint, hash of bytes) of the previous build."""

    KIND = "pages"

    def __init__(self, index: Path, output: Path):
        self.index, self.output = index, output
        self.previous: dict[str, tuple[str, str]] = {}
        self.current: dict[str, tuple[str, str]] = {}
        self.reused = 0
        stored = read_store(index, self.KIND, "")
        if isinstance(stored, dict) and all(
                isinstance(v, list) and len(v) == 2 and all(isinstance(h, str) and _HASH.fullmatch(h) for h in v)
                for v in stored.values()):
            self.previous = {path: (v[0], v[1]) for path, v in stored.items()}

    def get(self, path: str, fingerprint: str) -> bytes | None:
        known = self.previous.get(path)
        if known is None or known[0] != fingerprint:
            return None
        try:
            data = (self.output / path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != known[1]:
            return None  # the published file is not what we wrote: render again
        self.current[path] = known
        self.reused += 1
        return data

    def put(self, path: str, fingerprint: str, data: bytes) -> None:
        self.current[path] = (fingerprint, hashlib.sha256(data).hexdigest())

    def save(self) -> None:
        write_store(self.index, self.KIND, "", {path: list(v) for path, v in self.current.items()})
