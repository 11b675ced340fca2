"""Caches that cannot execute code: plain JSON, checksummed, verified before use.

``ArticleCache`` sits in front of ``content.parse_article``: the same function,
skipped when its whole input is unchanged. The key covers the file's path and
text, its section and the site's embed hosts; the store is only used when it
was written by the same code (a fingerprint of every file of the ``generator``
package and the versions of the libraries that turn text into an Article). A
cached build therefore produces the same bytes as a clean one.

The store is a file in the state folder holding one header line (format,
kind, fingerprint, SHA-256 of the payload) and a JSON payload. Records are
written as tagged JSON and read back strictly: only dataclasses of this
package, tuples, lists, mappings, dates and scalars, each field checked
against its class. A file that is missing, planted, truncated, corrupted or
written by other code is ignored and rebuilt: deleting it only costs time.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sys
import types
import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from importlib import metadata
from pathlib import Path

from .source import Source

FORMAT = "bantin-cache/1"
PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("markdown", "nh3", "PyYAML", "python-frontmatter", "jinja2")
_MAX_HEADER = 4096


class Unencodable(TypeError):
    """A value the cache format has no tag for: it is simply not cached."""


class Invalid(ValueError):
    """A stored value that does not decode to what the code expects."""


def tree_digest(root: Path, digest=None, skip=("__pycache__",)) -> "hashlib._Hash":
    """Add every file under *root* (relative name and bytes, sorted) to *digest*."""
    digest = digest or hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            file = Path(dirpath, name)
            try:
                data = file.read_bytes()
            except OSError:
                data = b"\xff unreadable"
            digest.update(file.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest


def code_fingerprint() -> str:
    """Every file of the generator package, the Python and library versions."""
    digest = hashlib.sha256(sys.version.encode())
    tree_digest(PACKAGE, digest)
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


# -- records <-> tagged JSON ---------------------------------------------------------------

def encode(value: object) -> object:
    """*value* as JSON data; tuples, mappings, dates and dataclasses are tagged."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if type(value) is int else _unencodable(value)
    if isinstance(value, float):
        return {"f": repr(value)}  # exact, and NaN/inf stay valid JSON
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple) and type(value) is tuple:
        return {"t": [encode(item) for item in value]}
    if isinstance(value, dict) and type(value) is dict:
        return {"m": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, datetime):
        return {"dt": [value.replace(tzinfo=None).isoformat(), *_zone(value.tzinfo)]}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if not cls.__module__.startswith("generator.") or "." in cls.__qualname__:
            _unencodable(value)
        return {"c": [f"{cls.__module__}:{cls.__qualname__}",
                      {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}]}
    return _unencodable(value)


def _zone(tz) -> list:
    if tz is None:
        return []
    if type(tz) is not timezone:
        _unencodable(tz)
    offset = tz.utcoffset(None)
    return [offset.days * 86400 + offset.seconds, tz.tzname(None)]


def _unencodable(value: object):
    raise Unencodable(type(value).__name__)


def decode(data: object) -> object:
    """The inverse of ``encode``; anything it did not write raises ``Invalid``."""
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, int):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise Invalid("shape")
    (tag, body), = data.items()
    if tag == "t" and isinstance(body, list):
        return tuple(decode(item) for item in body)
    if tag == "m" and isinstance(body, list):
        out = {}
        for pair in body:
            if not isinstance(pair, list) or len(pair) != 2:
                raise Invalid("pair")
            key = decode(pair[0])
            try:
                out[key] = decode(pair[1])
            except TypeError as exc:  # an unhashable key
                raise Invalid("key") from exc
        return out
    try:
        if tag == "f" and isinstance(body, str):
            return float(body)
        if tag == "n" and isinstance(body, str):
            return Decimal(body)
        if tag == "d" and isinstance(body, str):
            return date.fromisoformat(body)
        if tag == "dt" and isinstance(body, list) and len(body) in (1, 3) and isinstance(body[0], str):
            moment = datetime.fromisoformat(body[0])
            if len(body) == 3:
                seconds, name = body[1], body[2]
                if not isinstance(seconds, int) or not isinstance(name, str):
                    raise Invalid("zone")
                moment = moment.replace(tzinfo=timezone(timedelta(seconds=seconds), name))
            return moment
    except (ValueError, ArithmeticError) as exc:
        raise Invalid(tag) from exc
    if tag == "c" and isinstance(body, list) and len(body) == 2:
        return _record(*body)
    raise Invalid(f"tag {tag!r}")


def _record(name: object, fields: object) -> object:
    """A dataclass of this package, its fields set exactly as stored (as pickle would)."""
    if not isinstance(name, str) or not isinstance(fields, dict) or name.count(":") != 1:
        raise Invalid("record")
    module_name, qualname = name.split(":")
    module = sys.modules.get(module_name) if module_name.startswith("generator.") else None
    cls = getattr(module, qualname, None) if module is not None and qualname.isidentifier() else None
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module_name):
        raise Invalid(f"class {name}")
    names = [f.name for f in dataclasses.fields(cls)]
    if sorted(names) != sorted(fields):
        raise Invalid(f"fields of {name}")
    hints = _hints(cls)
    record = object.__new__(cls)
    for field_name in names:
        value = decode(fields[field_name])
        if not _conforms(value, hints.get(field_name, typing.Any)):
            raise Invalid(f"{name}.{field_name}")
        object.__setattr__(record, field_name, value)
    return record


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # an annotation this check cannot resolve: field names are still checked
        return {}


def _conforms(value: object, hint: object) -> bool:
    """Whether *value* fits the annotation *hint* (the forms records use; others pass)."""
    if hint is typing.Any or isinstance(hint, (str, typing.TypeVar)):
        return True
    if hint is type(None) or hint is None:
        return value is None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arg) for arg in args)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(item, args[0]) for item in value)
        return not args or (len(args) == len(value) and all(map(_conforms, value, args)))
    if origin in (list, dict, set, frozenset):
        if not isinstance(value, origin):
            return False
        if origin is dict and len(args) == 2:
            return all(_conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items())
        return len(args) != 1 or all(_conforms(item, args[0]) for item in value)
    if origin is not None:
        return True
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(hint, type):
        if hint is datetime or hint is date:
            return type(value) is hint
        return isinstance(value, hint)
    return True


# -- the store file -----------------------------------------------------------------------

def write_store(path: Path, kind: str, fingerprint: str, payload: object) -> bool:
    """Write *payload* (JSON data) atomically; False if it could not be written."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": FORMAT, "kind": kind, "fingerprint": fingerprint,
                         "sha256": hashlib.sha256(body).hexdigest()}).encode("ascii")
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(header + b"\n" + body)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        return False


def read_store(path: Path, kind: str, fingerprint: str) -> object | None:
    """The payload written by ``write_store`` with the same kind and fingerprint, else None."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    newline = data.find(b"\n", 0, _MAX_HEADER)
    if newline < 0:
        return None
    try:
        header = json.loads(data[:newline].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None
    body = data[newline + 1:]
    if not (isinstance(header, dict) and header.get("format") == FORMAT and header.get("kind") == kind
            and header.get("fingerprint") == fingerprint
            and header.get("sha256") == hashlib.sha256(body).hexdigest()):
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


class ArticleCache:
    """Parsed articles keyed by their input; only entries used by a build are kept."""

    KIND = "articles"

    def __init__(self, path: Path | None = None):
        self.path = path
        self.fingerprint = code_fingerprint()
        self.entries: dict[str, object] = {}  # key -> stored (encoded) result
        self.used: dict[str, object] = {}
        self.hits = 0
        if path is not None:
            stored = read_store(path, self.KIND, self.fingerprint)
            if isinstance(stored, dict):
                self.entries = stored

    @staticmethod
    def key(source: Source, section: str, embed_hosts: tuple[str, ...]) -> str:
        digest = hashlib.sha256()
        for part in (source.path, section, " ".join(embed_hosts), source.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str):
        stored = self.entries.get(key)
        if stored is None:
            return None
        try:
            result = decode(stored)
        except (Invalid, RecursionError):
            result = None
        if not _is_parse_result(result):
            self.entries.pop(key, None)  # not what parse_article returns: parse again
            return None
        self.used[key] = stored
        self.hits += 1
        return result

    def put(self, key: str, result) -> None:
        try:
            self.used[key] = encode(result)
        except (Unencodable, RecursionError):
            self.used.pop(key, None)  # correct without it, only slower next time

    def save(self) -> None:
        if self.path is not None:
            write_store(self.path, self.KIND, self.fingerprint, self.used)


def _is_parse_result(result: object) -> bool:
    """The shape of ``parse_article``'s result: (record or None, list of diagnostics)."""
    from .errors import Diagnostic
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], list)):
        return False
    article, problems = result
    return (article is None or dataclasses.is_dataclass(article)) and \
        all(isinstance(p, Diagnostic) for p in problems)
