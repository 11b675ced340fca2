"""A cache in front of ``content.parse_article``: the same function, skipped
when its whole input is unchanged.

The key covers everything the result depends on: the file's path and text,
its section, the site's embed hosts, and a fingerprint of the code and library
versions that turn text into an Article. A cached build therefore produces the
same bytes as a clean one. The cache is one file beside the output
(``.<out>.cache``), written atomically; a missing, stale or unreadable cache
is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

from .source import Source

_CODE = ("source.py", "content.py", "markup.py", "text.py", "messages.py", "errors.py", "config.py")
_LIBRARIES = ("markdown", "nh3", "PyYAML", "python-frontmatter")


def code_fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


class ArticleCache:
    """Parsed articles keyed by their input; only entries used by a build are kept."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.fingerprint = code_fingerprint()
        self.entries: dict[str, object] = {}
        self.used: dict[str, object] = {}
        self.hits = 0
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            with open(path, "rb") as handle:
                stored = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            return
        if isinstance(stored, dict) and stored.get("fingerprint") == self.fingerprint:
            self.entries = stored.get("entries", {})

    @staticmethod
    def key(source: Source, section: str, embed_hosts: tuple[str, ...]) -> str:
        digest = hashlib.sha256()
        for part in (source.path, section, " ".join(embed_hosts), source.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str):
        result = self.entries.get(key)
        if result is not None:
            self.used[key] = result
            self.hits += 1
        return result

    def put(self, key: str, result) -> None:
        self.used[key] = result

    def save(self) -> None:
        if self.path is None:
            return
        temporary = self.path.with_name(self.path.name + f".tmp-{os.getpid()}")
        try:
            with open(temporary, "wb") as handle:
                pickle.dump({"fingerprint": self.fingerprint, "entries": self.used}, handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)
