"""Photos: every image a page shows, published as light, metadata-free variants.

A phone photo (4000×3000, 3–6 MB, EXIF with the GPS position) is never
published as is. For each image a published page uses (an article's cover
``image:``, images in its body, the banners of site.yml ``links``) the build
publishes resized copies — :data:`WIDTHS` wide, never upscaled, the largest
capped at :data:`FULL_MAX` px on its long side (the "xem ảnh gốc" link) — in
WebP plus a JPEG fallback (PNG when the image has transparency). EXIF
orientation is applied first (a portrait stands upright), colours are
converted to sRGB, and then every piece of metadata is dropped: no EXIF, GPS,
XMP, ICC profile or comment reaches a published file. The untouched original
is published only when the editor asks for it by naming the file ``…-goc.jpg``
(see docs/bien-tap-vien.md); then it is published byte for byte, next to the
variants.

Two stages, so ``check`` and the build share one rule:

* :func:`inspect_site` (while loading) reads each image once: its bytes' hash,
  its format and size, a decode at reduced scale (a truncated or fake file is
  found here, before anything is rendered), and plans its variants
  (:class:`Picture`): names and pixel sizes are known before any encoding, so
  pages can be rendered with exact ``width``/``height``.
* :func:`encode_pictures` (building) encodes the variants the cache does not
  already hold, on a thread pool (Pillow releases the GIL while it decodes,
  resizes and encodes), and returns the files to publish.

The cache (:class:`ImageCache`) is a plain folder: one sub-folder per image
and settings, holding the encoded files and a JSON manifest (sizes and
SHA-256 of each file, checked before use). Nothing in it can run as code.
Variant names carry the key (``anh.720.1a2b3c4d5e.webp``), so a replaced photo
gets new URLs and can be cached by browsers forever.

Animated GIF/WebP/PNG: only the first frame is published, with a warning.
SVG is refused as an article image (it can carry script).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Mapping
from urllib.parse import quote, unquote, urlsplit

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from PIL import __version__ as PILLOW_VERSION

from .errors import os_reason
from .text import slugify

#: widths of the srcset (CSS px at DPR 1: 360-px phones; 720 at DPR 2; 1200 is also og:image)
WIDTHS = (360, 720, 1200, 1600)
#: the long side of the largest variant, the "xem ảnh gốc" (full size) link
FULL_MAX = 2000
#: the width an <img src> (fallback) points to, and og:image's
SRC_WIDTH = 720
OG_WIDTH = 1200
WEBP = {"quality": 74, "method": 4}
JPEG = {"quality": 80, "optimize": True, "progressive": True}
PNG = {"optimize": True}
#: a file larger than this is refused before it is read
MAX_FILE_BYTES = 50 * 1024 * 1024
#: above this many pixels an image is refused (a decompression bomb: 30000×30000 is 900 million)
MAX_PIXELS = 120_000_000
#: above this many pixels `check` and the build warn: even the variants cannot make it cheap
LARGE_PIXELS = 60_000_000
#: an image whose file name ends so (ban-do-goc.jpg) is also published untouched
ORIGINAL_SUFFIX = "-goc"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff")
#: what Pillow may open: raster formats only (no EPS/PostScript, no PSD, no ICO…)
Image.init()
FORMATS = tuple(f for f in ("JPEG", "PNG", "GIF", "WEBP", "AVIF", "BMP", "TIFF") if f in Image.OPEN)
#: file names an image in the body can have but bantin does not publish as a photo
REFUSED_SUFFIXES = {".svg": "image_svg", ".svgz": "image_svg", ".heic": "image_heic", ".heif": "image_heic"}

MEDIA_PREFIX = "media/"
_SETTINGS = repr((WIDTHS, FULL_MAX, WEBP, JPEG, PNG, PILLOW_VERSION, 4))

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# bantin says it in Vietnamese (image_bomb); Pillow's English warning would only confuse
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


# --- what the pages need ----------------------------------------------------------

@dataclass(frozen=True)
class Variant:
    path: str  # output path: media/2023/anh.720.1a2b3c4d5e.webp
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"

    @property
    def url(self) -> str:
        return "/" + self.path

    @property
    def name(self) -> str:
        """The file's name in the cache entry: 720.webp."""
        return f"{self.width}.{_EXT[self.format]}"


_EXT = {"webp": "webp", "jpeg": "jpg", "png": "png"}
_MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class Picture:
    """One source image as published: its variants, largest last in each format."""

    source: str  # media/2023/anh.jpg
    key: str  # hash of the bytes and the settings
    width: int  # upright size of the source
    height: int
    alpha: bool = False
    animated: bool = False
    variants: tuple[Variant, ...] = ()
    lossless: bool = False  # a drawing (logo, banner, chart: PNG/GIF of few colours): WebP lossless + PNG
    original: str = ""  # output path of the untouched original (…-goc.jpg), if published

    def of(self, fmt: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == fmt)

    @property
    def fallback_format(self) -> str:
        return "png" if self.alpha or self.lossless else "jpeg"

    @property
    def fallback(self) -> Variant:
        """What <img src> shows: the SRC_WIDTH variant, or the largest below it."""
        return _nearest(self.of(self.fallback_format), SRC_WIDTH)

    @property
    def full(self) -> Variant:
        return self.of(self.fallback_format)[-1]

    @property
    def og(self) -> Variant:
        return _nearest(self.of(self.fallback_format), OG_WIDTH)

    @property
    def full_url(self) -> str:
        return "/" + quote(self.original) if self.original else self.full.url


def _nearest(variants: tuple[Variant, ...], width: int) -> Variant:
    fitting = [v for v in variants if v.width <= width]
    return fitting[-1] if fitting else variants[0]


def settings_key(data: bytes) -> str:
    digest = hashlib.sha256(_SETTINGS.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def variant_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """The (width, height) of every variant: WIDTHS below the capped size, then the capped size."""
    scale = min(1.0, FULL_MAX / max(width, height))
    top_w = max(1, round(width * scale))
    top_h = max(1, round(height * scale))
    sizes = [(w, max(1, round(height * w / width))) for w in WIDTHS if w < top_w]
    return sizes + [(top_w, top_h)]


def plan(source: str, key: str, width: int, height: int, alpha: bool = False,
         animated: bool = False, lossless: bool = False) -> Picture:
    """The variants of one image (pure: names and sizes from the source's size and key)."""
    path = PurePosixPath(source)
    # plain names in URLs (a srcset cannot hold a space): media/2024/Ảnh lúa.jpg -> media/2024/anh-lua.…
    stem = "/".join([slugify(part) or "anh" for part in path.parent.parts] + [slugify(path.stem) or "anh"])
    tag = key[:10]
    variants = []
    for fmt in ("webp", "png" if alpha or lossless else "jpeg"):
        for w, h in variant_sizes(width, height):
            variants.append(Variant(f"{stem}.{w}.{tag}.{_EXT[fmt]}", w, h, fmt))
    original = source if wants_original(source) else ""
    return Picture(source, key, width, height, alpha=alpha, animated=animated, variants=tuple(variants),
                   original=original, lossless=lossless)


def wants_original(source: str) -> bool:
    return PurePosixPath(source).stem.lower().endswith(ORIGINAL_SUFFIX)


def is_image_name(path: str) -> bool:
    return path.lower().endswith(IMAGE_SUFFIXES)


# --- reading and checking one image --------------------------------------------------

@dataclass(frozen=True)
class Problem:
    code: str  # a messages.py key
    level: str = "error"
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Inspected:
    picture: Picture | None
    problems: tuple[Problem, ...] = ()
    pixels: int = 0


def _megapixels(pixels: int) -> str:
    return str(round(pixels / 1_000_000))


def read_source(content: Path, rel: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of content/<rel>, if it is a regular file inside content/media that may be read."""
    suffix = PurePosixPath(rel).suffix.lower()
    file = content / rel
    try:
        if file.is_symlink() and content.resolve() not in file.resolve().parents:
            return None, Problem("image_symlink")
        info = file.stat()
    except OSError:
        return None, None  # missing: pipeline.check_files and check name it
    if suffix in REFUSED_SUFFIXES:
        return None, Problem(REFUSED_SUFFIXES[suffix])
    if not rel.startswith(MEDIA_PREFIX):
        return None, Problem("image_outside_media")
    if not is_image_name(rel):
        return None, Problem("image_not_image", values={"why": f"đuôi tệp {suffix or 'không có'}"})
    if not stat.S_ISREG(info.st_mode):
        return None, Problem("image_not_image", values={"why": "không phải một tệp bình thường"})
    if info.st_size > MAX_FILE_BYTES:
        return None, Problem("image_file_too_big", values={
            "size_mb": str(round(info.st_size / 1024 / 1024)), "limit_mb": str(MAX_FILE_BYTES // 1024 // 1024)})
    try:
        with open(file, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1), None
    except OSError as exc:
        return None, Problem("image_unreadable", values={"reason": os_reason(exc)})


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data), formats=FORMATS)
    w, h = image.size
    if w * h > MAX_PIXELS:
        raise _Refused(Problem("image_bomb", values={"mp": _megapixels(w * h), "limit": _megapixels(MAX_PIXELS)}))
    return image


class _Refused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block: treat the photo as upright
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _has_gps(image: Image.Image) -> bool:
    try:
        return bool(image.getexif().get_ifd(0x8825))
    except Exception:
        return False


def _decode_problem(exc: BaseException) -> Problem:
    if isinstance(exc, _Refused):
        return exc.problem
    if isinstance(exc, Image.DecompressionBombError):  # Pillow's own limit (twice ours): read its count
        found = re.search(r"\((\d+) pixels\)", str(exc))
        return Problem("image_bomb", values={"mp": _megapixels(int(found.group(1))) if found else "?",
                                             "limit": _megapixels(MAX_PIXELS)})
    if isinstance(exc, UnidentifiedImageError):
        return Problem("image_not_image", values={"why": "nội dung không phải một ảnh JPEG, PNG, GIF hay WebP"})
    if isinstance(exc, MemoryError):
        return Problem("image_bomb", values={"mp": "?", "limit": _megapixels(MAX_PIXELS)})
    return Problem("image_broken")


def inspect_bytes(source: str, data: bytes) -> Inspected:
    """Check one image fully (a reduced-scale decode finds truncated files) and plan its variants."""
    key = settings_key(data)
    try:
        with _open(data) as image:
            animated = bool(getattr(image, "is_animated", False)) and image.format != "MPO"
            orientation = _orientation(image)
            gps = _has_gps(image)
            w, h = image.size
            pixels = w * h
            image.draft(image.mode, (max(1, w // 8), max(1, h // 8)))  # JPEG: decode at 1/8 scale
            image.load()
            alpha = _has_alpha(image)
            lossless = image.format in GRAPHIC_FORMATS and _few_colours(image)
    except Exception as exc:  # any decoder failure is the file's fault, said in Vietnamese
        return Inspected(None, (_decode_problem(exc),))
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    problems = []
    if wants_original(source) and gps:
        problems.append(Problem("image_original_gps", "warning"))
    if pixels > LARGE_PIXELS:
        problems.append(Problem("image_large", "warning", {"mp": _megapixels(pixels)}))
    if animated:  # published as its first frame
        problems.append(Problem("image_animated", "warning"))
    return Inspected(plan(source, key, w, h, alpha, animated, lossless), tuple(problems), pixels)


#: formats in which drawings (logos, banners, charts, screenshots) usually come
GRAPHIC_FORMATS = ("PNG", "GIF", "BMP")


def _few_colours(image: Image.Image) -> bool:
    """At most 256 colours: a drawing, whose edges and text lossy compression would blur."""
    if image.mode == "P":
        return True
    try:
        return image.convert("RGBA").getcolors(256) is not None
    except (OSError, ValueError):
        return False


def _has_alpha(image: Image.Image) -> bool:
    """True when some pixel is not fully opaque (a PNG logo), not merely an alpha channel."""
    if image.mode == "P":
        if "transparency" not in image.info:
            return False
        image = image.convert("RGBA")
    elif image.mode in ("LA", "La", "PA"):
        image = image.convert("RGBA")
    elif image.mode not in ("RGBA", "RGBa"):
        return "transparency" in image.info and image.mode in ("L", "RGB")
    if image.mode != "RGBA":
        image = image.convert("RGBA")
    low, _ = image.getchannel("A").getextrema()
    return low < 255


# --- encoding -------------------------------------------------------------------

_SRGB = None


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours from an embedded profile (Display P3 on phones) into sRGB; the profile is then dropped."""
    global _SRGB
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        if _SRGB is None:
            _SRGB = ImageCms.createProfile("sRGB")
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode) or image
    except Exception:  # an unreadable profile: keep the pixels as they are
        return image


def _normalise(image: Image.Image, alpha: bool) -> Image.Image:
    """Any mode (CMYK, 16-bit, palette, grey) -> RGB or RGBA, 8 bits."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        lowest, highest = image.getextrema()
        scale = 1 / 256 if highest > 255 else 1  # 16-bit grey: keep the top 8 bits
        image = image.convert("I").point(lambda v: v * scale).convert("L")
    elif mode == "F":
        image = image.convert("L")
    target = "RGBA" if alpha else "RGB"
    if image.mode != target:
        if image.mode == "P" and alpha:
            image = image.convert("RGBA")
        image = image.convert(target)
    return image


def encode_bytes(data: bytes, picture: Picture) -> dict[str, bytes]:
    """Every variant of *picture* from the source bytes: {cache name: encoded bytes}.

    Raises _Refused for a file that cannot be decoded."""
    sizes = {(v.width, v.height) for v in picture.variants}
    top = max(sizes)
    try:
        with _open(data) as image:
            orientation = _orientation(image)
            wanted = top if orientation not in (5, 6, 7, 8) else (top[1], top[0])
            image.draft(image.mode, wanted)  # JPEG: decode at the smallest scale still >= the top variant
            image.seek(0)
            image.load()
            icc = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
            upright.info = {"icc_profile": icc} if icc else {}
            upright = _normalise(_to_srgb(upright), picture.alpha)
    except _Refused:
        raise
    except Exception as exc:
        raise _Refused(_decode_problem(exc)) from None
    out: dict[str, bytes] = {}
    for w, h in sorted(sizes):
        resized = upright if upright.size == (w, h) else upright.resize((w, h), Image.Resampling.LANCZOS)
        resized.info = {}  # no EXIF, XMP, ICC profile or comment is ever written
        for variant in (v for v in picture.variants if (v.width, v.height) == (w, h)):
            buffer = io.BytesIO()
            if variant.format == "webp" and picture.lossless:
                resized.save(buffer, "WEBP", lossless=True, quality=80, method=4)
            elif variant.format == "webp":
                resized.save(buffer, "WEBP", **WEBP)
            elif variant.format == "jpeg":
                resized.save(buffer, "JPEG", **JPEG)
            else:
                resized.save(buffer, "PNG", **PNG)
            out[variant.name] = buffer.getvalue()
    return out


# --- the cache --------------------------------------------------------------------

class ImageCache:
    """Encoded variants by key: <folder>/<key>/<w>.<ext> and manifest.json (data only)."""

    MANIFEST = "manifest.json"

    def __init__(self, folder: Path):
        self.folder = folder

    def entry(self, key: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", key):
            raise ValueError("bad key")
        return self.folder / key

    def manifest(self, key: str) -> dict | None:
        try:
            data = json.loads((self.entry(key) / self.MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("key") == key else None

    def complete(self, picture: Picture) -> bool:
        """True if every variant file is there with the size and hash the manifest recorded."""
        manifest = self.manifest(picture.key)
        if manifest is None:
            return False
        files = manifest.get("files")
        if not isinstance(files, dict):
            return False
        for variant in picture.variants:
            record = files.get(variant.name)
            if not isinstance(record, dict):
                return False
            path = self.entry(picture.key) / variant.name
            try:
                if path.is_symlink() or path.stat().st_size != record.get("size"):
                    return False
                if hashlib.sha256(path.read_bytes()).hexdigest() != record.get("sha256"):
                    return False
            except OSError:
                return False
        return True

    def store(self, picture: Picture, files: dict[str, bytes]) -> None:
        """Write one entry atomically: a temporary folder renamed into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.entry(picture.key)
        temporary = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
        try:
            for name, data in files.items():
                (temporary / name).write_bytes(data)
            manifest = {"key": picture.key, "source": picture.source, "width": picture.width,
                        "height": picture.height, "alpha": picture.alpha, "lossless": picture.lossless,
                        "files": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                                  for name, data in sorted(files.items())}}
            (temporary / self.MANIFEST).write_text(json.dumps(manifest, sort_keys=True), "utf-8")
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            os.replace(temporary, target)
        finally:
            if temporary.exists():
                shutil.rmtree(temporary, ignore_errors=True)

    def path(self, picture: Picture, variant: Variant) -> Path:
        return self.entry(picture.key) / variant.name

    def prune(self, keep: Iterable[str], older_than: float = 7 * 24 * 3600) -> None:
        """Remove entries this build did not use, once they are *older_than* seconds
        (a concurrent build of other content may still be copying a young one)."""
        import time
        wanted = set(keep)
        limit = time.time() - older_than
        try:
            children = list(self.folder.iterdir())
        except OSError:
            return
        for child in children:
            if child.name in wanted or not (re.fullmatch(r"[0-9a-f]{64}", child.name)
                                            or child.name.startswith(".tmp-")):
                continue
            try:
                if child.stat().st_mtime < limit:
                    shutil.rmtree(child, ignore_errors=True)
            except OSError:
                continue


# --- the site: which images are used, and by whom ----------------------------------

@dataclass(frozen=True)
class Use:
    """One place an image is used: for messages (file and line) and for what to publish."""

    path: str  # content-relative: media/2023/anh.jpg
    file: str  # the article or site.yml, as shown to the editor
    line: int | None
    target: str  # as the editor wrote it


def site_path(target: str) -> str | None:
    """An internal image reference ("/media/a.jpg", "../../media/a.jpg", "media/a.jpg") -> "media/a.jpg"."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    while path.startswith("../"):
        path = path[3:]
    path = path.lstrip("/")
    if not path or "\\" in path or any(p in ("..", ".") for p in path.split("/")):
        return None
    return path


def uses_of(articles, links=(), site_file: str = "", site_image: str = "") -> list[Use]:
    """Every image the articles (drafts too: they are checked) and site.yml use."""
    out: list[Use] = []
    for article in articles:
        if article.image:
            out.append(Use(article.image, article.source, article.lines.get("image"), article.image))
        for target, _alt in article.images:
            path = site_path(target) if target.startswith("/") else None
            if path is not None:
                out.append(Use(path, article.source, None, path))
        for target in article.links:
            path = site_path(target)
            if path is not None and path.startswith(MEDIA_PREFIX) and is_image_name(path):
                out.append(Use(path, article.source, None, path))
    for link in links:
        if link.image:
            path = site_path(link.image.replace("\\", "/"))
            out.append(Use(path or link.image, site_file, None, link.image))
    if site_image:
        path = site_path(site_image.replace("\\", "/"))
        out.append(Use(path or site_image, site_file, None, site_image))
    return out


def inspect_all(content: Path, uses: list[Use], cache: ImageCache | None, jobs: int = 1
                ) -> tuple[dict[str, Picture], dict[str, tuple[Problem, ...]]]:
    """Inspect every used image once: pictures by path, and each path's problems."""
    paths = sorted({use.path for use in uses})

    def one(path: str) -> tuple[str, Inspected]:
        data, problem = read_source(content, path)
        if data is None:
            return path, Inspected(None, (problem,) if problem else ())
        key = settings_key(data)
        if cache is not None:
            manifest = cache.manifest(key)
            if manifest is not None and isinstance(manifest.get("width"), int) \
                    and isinstance(manifest.get("height"), int):
                picture = plan(path, key, manifest["width"], manifest["height"], bool(manifest.get("alpha")),
                               lossless=bool(manifest.get("lossless")))
                pixels = manifest["width"] * manifest["height"]
                extra = (Problem("image_large", "warning", {"mp": _megapixels(pixels)}),) \
                    if pixels > LARGE_PIXELS else ()
                return path, Inspected(picture, extra, pixels)
        return path, inspect_bytes(path, data)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, paths))
    pictures = {path: found.picture for path, found in results if found.picture is not None}
    problems = {path: found.problems for path, found in results if found.problems}
    return pictures, problems


@dataclass(frozen=True)
class Encoded:
    copies: tuple[tuple[Path, str], ...]  # (file, output path), sorted by output path
    encoded: int  # images encoded by this build (0 when all came from the cache)
    failed: dict  # source path -> Problem


def encode_pictures(content: Path, pictures: Iterable[Picture], cache: ImageCache, jobs: int = 1
                    ) -> Encoded:
    """Make sure *cache* holds every variant of *pictures*; the files to publish."""
    pictures = sorted(pictures, key=lambda p: p.source)
    missing = [p for p in pictures if not cache.complete(p)]
    failed: dict[str, Problem] = {}

    def one(picture: Picture) -> tuple[Picture, Problem | None]:
        data, problem = read_source(content, picture.source)
        if data is None or settings_key(data) != picture.key:  # changed since it was inspected
            return picture, problem or Problem("image_changed")
        try:
            cache.store(picture, encode_bytes(data, picture))
        except _Refused as refused:
            return picture, refused.problem
        return picture, None

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for picture, problem in pool.map(one, missing):
            if problem is not None:
                failed[picture.source] = problem
    copies: dict[str, Path] = {}
    for picture in pictures:
        if picture.source in failed:
            continue
        for variant in picture.variants:
            copies[variant.path] = cache.path(picture, variant)
        if picture.original:
            copies[picture.original] = content / picture.original
    return Encoded(tuple((file, rel) for rel, file in sorted(copies.items())), len(missing), failed)


# --- markup ---------------------------------------------------------------------

#: the main column: full width minus the page's padding on phones; beside the sidebar from 60rem
BODY_SIZES = "(min-width: 72rem) 776px, (min-width: 60rem) calc(100vw - 23.5rem), calc(100vw - 2rem)"
SIDEBAR_SIZES = "(min-width: 60rem) 20rem, calc(100vw - 2rem)"
#: a portrait beside a person's details (the leaders' page): 8rem wide
PORTRAIT_SIZES = "8rem"


def srcset(variants: tuple[Variant, ...], url: Callable[[str], str]) -> str:
    return ", ".join(f"{url(v.url)} {v.width}w" for v in variants)


def picture_html(picture: Picture, alt: str, url: Callable[[str], str], *, sizes: str = BODY_SIZES,
                 lazy: bool = True, priority: bool = False, link: bool = False, css_class: str = "") -> str:
    """<picture> with a WebP source and the fallback <img> carrying the real width and height."""
    esc = html_lib.escape
    fallback = picture.fallback
    attrs = [f'src="{esc(url(fallback.url))}"',
             f'srcset="{esc(srcset(picture.of(picture.fallback_format), url))}"',
             f'sizes="{esc(sizes)}"', f'alt="{esc(alt)}"',
             f'width="{fallback.width}"', f'height="{fallback.height}"']
    if css_class:
        attrs.insert(0, f'class="{esc(css_class)}"')
    attrs.append('loading="lazy"' if lazy else 'loading="eager"')
    attrs.append('decoding="async"')
    if priority:
        attrs.append('fetchpriority="high"')
    markup = (f'<picture><source type="{_MIME["webp"]}" srcset="{esc(srcset(picture.of("webp"), url))}" '
              f'sizes="{esc(sizes)}"><img {" ".join(attrs)}></picture>')
    if link and alt.strip():
        markup = f'<a class="photo-link" href="{esc(url(picture.full_url))}">{markup}</a>'
    return markup


_IMG = re.compile(r"(<a\s[^>]*>\s*)?<img\s([^>]*)>", re.S)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
_HREF = re.compile(r'(<a\s[^>]*?href=")([^"]*)(")')


def rewrite_body(html: str, pictures: Mapping[str, Picture], url: Callable[[str], str],
                 root: str = "../../") -> str:
    """An article's sanitised HTML with each known <img> as a <picture> (links to photos: full size).

    *root* is how the body's site-root links were written (markup.ARTICLE_ROOT).
    """
    if not pictures or ("<img" not in html and "<a" not in html):
        return html

    def lookup(value: str) -> Picture | None:
        raw = html_lib.unescape(value)
        if not raw.startswith(root):
            return None
        path = site_path(raw[len(root):])
        return pictures.get(path) if path else None

    def image(match: re.Match) -> str:
        opener, attributes = match.group(1) or "", match.group(2)
        values = {name: html_lib.unescape(value) for name, value in _ATTR.findall(attributes)}
        picture = lookup(values.get("src", ""))
        if picture is None:
            return match.group(0)
        return opener + picture_html(picture, values.get("alt", ""), url, link=not opener)

    def anchor(match: re.Match) -> str:
        picture = lookup(match.group(2))
        if picture is None:
            return match.group(0)
        return match.group(1) + html_lib.escape(url(picture.full_url)) + match.group(3)

    html = _HREF.sub(anchor, html)
    return _IMG.sub(image, html)


class PageImages:
    """What templates call to show a picture (the view of one page: its url(), the site's base_url)."""

    def __init__(self, pictures: Mapping[str, Picture], url: Callable[[str], str], base_url: str = ""):
        self.pictures, self.url, self.base_url = pictures, url, base_url

    def _markup(self, text: str):
        from markupsafe import Markup
        return Markup(text)

    def cover(self, path: str, alt: str, priority: bool = False, lazy: bool = False, css_class: str = ""):
        """An article's photo: eager (above the fold); *priority* for the article page's LCP."""
        picture = self.pictures.get(path)
        if picture is None:
            return self._markup("")
        return self._markup(picture_html(picture, alt, self.url, lazy=lazy, priority=priority,
                                         link=priority, css_class=css_class))

    def portrait(self, path: str, alt: str):
        """A person's photo (leaders' page): small, lazy below the first."""
        picture = self.pictures.get(path)
        if picture is None:
            return self._markup("")
        return self._markup(picture_html(picture, alt, self.url, sizes=PORTRAIT_SIZES, css_class="portrait"))

    def banner(self, path: str, alt: str):
        picture = self.pictures.get(path)
        if picture is None:
            return self._markup("")
        return self._markup(picture_html(picture, alt, self.url, sizes=SIDEBAR_SIZES))

    def body(self, html: str):
        return self._markup(rewrite_body(html, self.pictures, self.url))

    def share(self, path: str) -> dict | None:
        """og:image: the absolute URL of the ~1200-px variant and its size (None without base_url)."""
        picture = self.pictures.get(path) if path else None
        if picture is None or not self.base_url:
            return None
        variant = picture.og
        return {"url": self.base_url + variant.path, "width": variant.width, "height": variant.height,
                "type": _MIME[variant.format]}
