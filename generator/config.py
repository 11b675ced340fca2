"""Site configuration: ``content/site.yml`` read and validated into a frozen record.

Like MkDocs, every problem is collected (with its line) before the build stops,
and unknown keys get a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import identity
from .errors import Diagnostic, diag
from .messages import URL_HINT
from .source import Source, kind_name, load_yaml
from .text import nfc
from .url_rule import allowed_url, host_in, host_name, url_mistake, url_scheme


#: Folders of content/ that are not sections.
MEDIA_DIR = "media"


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    image: str = ""


@dataclass(frozen=True)
class Masthead:
    editor_in_chief: str
    address: str = ""
    phone: str = ""
    email: str = ""
    license: str = ""


@dataclass(frozen=True)
class English:
    """The commune's contact details in English, for /en/ (issue 15)."""

    name: str
    address: str
    intro: str = ""


@dataclass(frozen=True)
class SiteConfig:
    name: str
    masthead: Masthead
    parent: str = ""
    base_url: str = ""  # "" or ending with "/"
    menu: tuple[Link, ...] = ()
    links: tuple[Link, ...] = ()
    #: hosts whose <iframe> embeds (video, maps) articles may use
    embed_hosts: tuple[str, ...] = ()
    #: the picture shared pages without their own photo show (Open Graph), content-relative
    image: str = ""
    #: the commune's logo (an image under media/) and colours ((name, "#rrggbb"), identity.py)
    logo: str = ""
    colors: tuple[tuple[str, str], ...] = ()
    #: the English block (/en/), None when site.yml has none
    english: English | None = None
    #: the province's feedback / satisfaction form ("Góp ý, đánh giá" on every page)
    feedback_url: str = ""
    #: https script addresses every page loads, each added exactly to its Content-Security-Policy
    head_scripts: tuple[str, ...] = ()
    #: file line of each key path of site.yml ("menu[0].url"), for later findings
    lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


_TOP_KEYS = ("name", "parent", "base_url", "masthead", "menu", "links", "embed_hosts", "image", "logo", "colors",
             "english", "feedback_url", "head_scripts")
_ENGLISH_KEYS = ("name", "address", "intro")
_MASTHEAD_KEYS = ("editor_in_chief", "address", "phone", "email", "license")


def normalise_base_url(value: str) -> str | None:
    """"https://x.vn" -> "https://x.vn/"; None if it is not a plain http(s) address of a site:
    a query (?…), a fragment (#…), a user name or password, spaces, or a host that is not a
    host name are refused (the base of every absolute link, the feed and the sitemap)."""
    value = value.strip()
    if not value:
        return ""
    if not allowed_url(value) or any(ch in value for ch in "?#\\ \t\n\"'<>"):
        return None
    parts = urlsplit(value)
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.username is not None \
            or not port_ok or (host_name(parts.hostname or "") is None and parts.hostname != "localhost"):
        return None
    return value if value.endswith("/") else value + "/"


def parse_site_config(source: Source) -> tuple[SiteConfig | None, list[Diagnostic]]:
    """Validate the text of site.yml. Pure: no disk access."""
    path = source.path
    data, lines, problems = load_yaml(path, source.text)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [diag(path, 1, "site_field", field="name", problem="không có",
                           fix="site.yml phải có các dòng name:, masthead: … (xem README)")]
    out: list[Diagnostic] = []

    def problem(key: str, text: str, fix: str, line_key: str | None = None) -> None:
        out.append(diag(path, lines.get(line_key or key) or lines.get(re.split(r"[. \[]", key)[0]), "site_field",
                        field=key, problem=text, fix=fix))

    def text_value(mapping: dict, key: str, label: str, required: bool = False) -> str:
        value = mapping.get(key)
        if value is None or value == "":
            if required:
                problem(label, "bị thiếu", f"thêm dòng {key}: … vào site.yml")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problem(label, f"phải là một dòng chữ, không phải {kind_name(value)}",
                    f'viết {key}: "…" trên một dòng')
            return ""
        if isinstance(value, int) and key == "phone":
            problem(label, "bị đọc thành số nên mất số 0 ở đầu",
                    'đặt số điện thoại trong ngoặc kép, ví dụ phone: "0220 3812 345"')
            return ""
        return nfc(str(value)).strip()

    for key in data:
        if key not in _TOP_KEYS:
            guess = difflib.get_close_matches(str(key), _TOP_KEYS, n=1)
            hint = f'có phải ý bạn là "{guess[0]}"?' if guess else "xoá dòng này"
            out.append(diag(path, lines.get(key), "unknown_field", level="warning",
                            field=key, hint=hint))

    name = text_value(data, "name", "name", required=True)
    parent = text_value(data, "parent", "parent")

    base_url = ""
    raw_base = text_value(data, "base_url", "base_url")
    if raw_base:
        normalised = normalise_base_url(raw_base)
        if normalised is None and any(ch in raw_base for ch in "?#"):
            root = normalise_base_url(re.split(r"[?#]", raw_base)[0])
            problem("base_url", f'"{raw_base}" có phần ?… hoặc #… (base_url chỉ là địa chỉ gốc của trang)',
                    f"viết base_url: {root}" if root else "viết dạng base_url: https://tenxa.example.vn/")
        elif normalised is None:
            problem("base_url", f'"{raw_base}" không phải địa chỉ web',
                    "viết dạng base_url: https://tenxa.example.vn/ hoặc xoá dòng này")
        else:
            base_url = normalised

    masthead = None
    raw_mh = data.get("masthead")
    if not isinstance(raw_mh, dict):
        problem("masthead", "bị thiếu" if raw_mh is None else "phải là một nhóm trường",
                "thêm nhóm masthead: với editor_in_chief:, address:, phone:, email: (xem README)")
    else:
        values = {k: text_value(raw_mh, k, f"masthead.{k}", required=(k == "editor_in_chief"))
                  for k in _MASTHEAD_KEYS}
        for key in raw_mh:
            if key not in _MASTHEAD_KEYS:
                guess = difflib.get_close_matches(str(key), _MASTHEAD_KEYS, n=1)
                hint = f'có phải ý bạn là "{guess[0]}"?' if guess else "xoá dòng này"
                out.append(diag(path, lines.get("masthead"), "unknown_field", level="warning",
                                field=f"masthead.{key}", hint=hint))
        masthead = Masthead(**values)

    menu = _links(data.get("menu"), "menu", problem)
    links = _links(data.get("links"), "links", problem)

    hosts: list[str] = []
    raw_hosts = data.get("embed_hosts") or []
    if not isinstance(raw_hosts, list) or not all(isinstance(h, str) for h in raw_hosts):
        problem("embed_hosts", "phải là danh sách tên miền",
                "viết embed_hosts: [www.youtube.com]")
    else:
        for index, raw in enumerate(raw_hosts):
            if not raw.strip():
                continue
            host = host_name(raw)
            if host is None:  # nothing but a host name may reach the Content-Security-Policy
                meant = host_in(raw)
                problem("embed_hosts", f'có mục "{raw}" không phải một tên miền',
                        (f"viết {meant} (chỉ tên miền)" if meant else "chỉ viết tên miền, ví dụ www.youtube.com")
                        + " — không có https://, dấu /, dấu cách, dấu ; hay *",
                        line_key=f"embed_hosts[{index}]")
            else:
                hosts.append(host)

    image = text_value(data, "image", "image")
    logo = text_value(data, "logo", "logo")
    if logo and not logo.replace("\\", "/").startswith(MEDIA_DIR + "/"):
        problem("logo", f'"{logo}" không nằm trong thư mục media/', "chép logo vào content/media/ rồi viết logo: media/logo.png")
        logo = ""
    colors, color_problems = identity.color_problems(data.get("colors"))
    for key, text, fix in color_problems:
        problem(key, text, fix, line_key=key)
    english = _english(data.get("english"), text_value, problem)
    feedback_url = _feedback_url(data.get("feedback_url"), problem)
    head_scripts = _head_scripts(data.get("head_scripts"), problem)

    if any(d.level == "error" for d in out) or masthead is None:
        return None, out
    return SiteConfig(name=name, parent=parent, base_url=base_url, masthead=masthead,
                      menu=menu, links=links, embed_hosts=tuple(hosts), image=image, logo=logo,
                      colors=tuple(colors.items()), english=english, feedback_url=feedback_url,
                      head_scripts=head_scripts, lines=lines), out


def _visible(value: str) -> str:
    """*value* with tabs and other control characters shown as \\t, \\x01 (in messages)."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: "\\t" if m.group() == "\t" else f"\\x{ord(m.group()):02x}", value)




def _links(raw: object, key: str, problem) -> tuple[Link, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problem(key, "phải là một danh sách", f"viết {key}: [{{title: …, url: …}}]")
        return ()
    result = []
    for index, item in enumerate(raw, start=1):
        where = f"{key}[{index - 1}]"
        if not isinstance(item, dict) or not isinstance(item.get("title"), str) \
                or not isinstance(item.get("url"), str) or not item["title"].strip() \
                or not item["url"].strip():
            problem(f"{key} (mục {index})", "cần có title: và url:",
                    f"viết mục {index} dạng {{title: Giới thiệu, url: /trang/gioi-thieu/}}", line_key=where)
            continue
        url = item["url"].strip()
        meant = url_mistake(url)
        if meant is not None:
            problem(f"{key} (mục {index})", f'có địa chỉ "{_visible(url)}" viết sai',
                    f'có phải ý bạn là "{meant}"? Sửa thành url: {meant}', line_key=f"{where}.url")
            continue
        if not allowed_url(url):  # the article links' allowlist (url_rule.py)
            problem(f"{key} (mục {index})", f'có địa chỉ "{_visible(url)}" không được phép', URL_HINT,
                    line_key=f"{where}.url")
            continue
        image = item.get("image") or ""
        if not isinstance(image, str):
            problem(f"{key} (mục {index})", "image phải là đường dẫn ảnh",
                    "ví dụ image: media/lien-ket/dvc.png", line_key=f"{where}.image")
            image = ""
        result.append(Link(nfc(item["title"]).strip(), url, image.strip()))
    return tuple(result)


def _english(raw: object, text_value, problem) -> English | None:
    """english: {name, address, intro}; name and address required when the block is given."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problem("english", "phải là một nhóm trường",
                "viết english: rồi các dòng name: …, address: …, intro: … thụt vào hai dấu cách")
        return None
    for key in raw:
        if key not in _ENGLISH_KEYS:
            problem(f"english.{key}", "không dùng được", "chỉ dùng name:, address: và intro:",
                    line_key=f"english.{key}")
    values = {key: text_value(raw, key, f"english.{key}", required=key != "intro") for key in _ENGLISH_KEYS}
    return English(**values) if values["name"] and values["address"] else None


def _feedback_url(raw: object, problem) -> str:
    """The feedback form's address, through the one URL rule."""
    if raw is None or raw == "":
        return ""
    if not isinstance(raw, str):
        problem("feedback_url", f"phải là một địa chỉ web, không phải {kind_name(raw)}",
                "viết feedback_url: https://… (địa chỉ trang góp ý của tỉnh)")
        return ""
    url = raw.strip()
    meant = url_mistake(url)
    if meant is not None:
        problem("feedback_url", f'có địa chỉ "{_visible(url)}" viết sai', f"có phải ý bạn là {meant}?")
        return ""
    if not allowed_url(url):
        problem("feedback_url", f'có địa chỉ "{_visible(url)}" không được phép', URL_HINT)
        return ""
    return url


#: what a script address may hold: nothing that ends a CSP source (";" "," space), a quote or
#: an attribute ('"' "'" "<" ">"), a backslash, nor a fragment
_SCRIPT_PATH = re.compile(r"/[A-Za-z0-9._~%/!$*+=@:-]*")
_SCRIPT_QUERY = re.compile(r"[A-Za-z0-9._~%=&+-]*")
_INLINE = re.compile(r"[<>(){};\n]|\bfunction\b|=>")


def _head_scripts(raw: object, problem) -> tuple[str, ...]:
    """head_scripts: https addresses of script files (the monitoring code a state site must
    carry). Refused: inline code, data:/javascript:/http: addresses, characters that could
    end the Content-Security-Policy source or the src attribute."""
    if raw is None or raw == []:
        return ()
    if not isinstance(raw, list):
        problem("head_scripts", "phải là một danh sách địa chỉ",
                "viết head_scripts: [https://…/ma-theo-doi.js] (mỗi địa chỉ một mục)")
        return ()
    out = []
    for index, item in enumerate(raw):
        key, where = f"head_scripts (mục {index + 1})", f"head_scripts[{index}]"
        reason = _script_problem(item)
        if reason is not None:
            problem(key, reason, "chỉ ghi địa chỉ https:// của tệp mã (.js) do cơ quan cấp trên cung cấp, "
                    "ví dụ https://theodoi.example.gov.vn/ma.js — không dán mã <script> vào đây",
                    line_key=where)
        else:
            out.append(item.strip())
    return tuple(out)


def _script_problem(item: object) -> str | None:
    """Why *item* may not be a head script (Vietnamese), or None."""
    if not isinstance(item, str) or not item.strip():
        return f"phải là một địa chỉ, không phải {kind_name(item)}"
    text = item.strip()
    scheme = url_scheme(text)
    if scheme in ("data", "javascript", "vbscript", "blob", "filesystem"):
        return f'có địa chỉ "{_visible(text[:60])}" dùng {scheme}: (mã viết thẳng, không phải một tệp)'
    if scheme is None and _INLINE.search(text):
        return f'có "{_visible(text[:60])}" là mã viết thẳng, không phải địa chỉ một tệp mã'
    if scheme != "https":
        return f'có địa chỉ "{_visible(text[:60])}" không phải https:// (chỉ nhận địa chỉ https)'
    parts = urlsplit(text)
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    host = parts.hostname or ""
    if not text.startswith("https://") or parts.username is not None or parts.password is not None \
            or not port_ok or host_name(host) != host or "#" in text \
            or not _SCRIPT_PATH.fullmatch(parts.path or "/") or not _SCRIPT_QUERY.fullmatch(parts.query) \
            or text != text.strip() or any(ch in text for ch in "\"'<> ;,\\\t"):
        return (f'có địa chỉ "{_visible(text[:80])}" có ký tự hoặc phần không được phép (dấu cách, ; , '
                "ngoặc kép, < >, #…, tên người dùng, tên miền có dấu)")
    if not parts.path or parts.path.endswith("/"):  # a whole site or folder would be allowed to run
        return f'có địa chỉ "{_visible(text[:80])}" không phải địa chỉ của một tệp mã (…/ten-tep.js)'
    return None
