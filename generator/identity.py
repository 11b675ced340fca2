"""A commune's own colours without copying the theme: site.yml ``colors:`` validated
(hex colours, WCAG AA contrast with the text each one carries) and turned into a
small style sheet of CSS custom properties loaded after the theme's. Pure functions.

``primary`` is the header and buttons (white text on it, and text on white);
``accent`` is the link colour (text on the white page).
"""

from __future__ import annotations

import re

from .text import format_decimal

#: colour name -> (CSS custom properties it sets, the background its text sits on, the text on it)
COLOR_ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    "primary": (("--brand",), "#ffffff"),
    "accent": (("--link",), "#ffffff"),
}
WCAG_AA = 4.5
IDENTITY_CSS = "static/nhan-dien.css"
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_hex(value: str) -> tuple[int, int, int] | None:
    match = _HEX.fullmatch(value.strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darker(rgb: tuple[int, int, int], factor: float = 0.7) -> tuple[int, int, int]:
    return tuple(int(round(c * factor)) for c in rgb)  # type: ignore[return-value]


def hex_of(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def color_problems(raw: object) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """(valid colours by name as #rrggbb, [(key path, problem, fix)]) for site.yml's ``colors:``."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [("colors", "phải là một nhóm màu", 'viết colors: {primary: "#8b1a1a", accent: "#0a4a8f"}')]
    colors: dict[str, str] = {}
    problems = []
    for key, value in raw.items():
        where = f"colors.{key}"
        if key not in COLOR_ROLES:
            problems.append((where, "không được dùng", "chỉ có các màu: " + ", ".join(COLOR_ROLES)))
            continue
        rgb = parse_hex(value) if isinstance(value, str) else None
        if rgb is None:
            problems.append((where, f'"{value}" không phải mã màu',
                             f'viết mã màu dạng #rrggbb trong ngoặc kép, ví dụ {key}: "#8b1a1a"'))
            continue
        background = parse_hex(COLOR_ROLES[key][1])
        ratio = contrast(rgb, background)
        if ratio < WCAG_AA:
            shown = format_decimal(_floor2(ratio), places=2)
            problems.append((where, f'"{value}" quá nhạt: độ tương phản với chữ trắng/nền trắng chỉ {shown}:1, '
                             f"cần ít nhất 4,5:1 để người nhìn kém đọc được",
                             "chọn màu đậm hơn, ví dụ #8b1a1a"))
            continue
        colors[key] = hex_of(rgb)
    return colors, problems


def _floor2(value: float):
    from decimal import ROUND_FLOOR, Decimal
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


def identity_css(colors: dict[str, str]) -> bytes:
    """The style sheet of a commune's colours: custom properties only, in a fixed order."""
    lines = []
    for key, (properties, _background) in COLOR_ROLES.items():
        if key in colors:
            for prop in properties:
                lines.append(f"  {prop}: {colors[key]};")
            if key == "primary":
                lines.append(f"  --brand-dark: {hex_of(darker(parse_hex(colors[key])))};")
    return (":root {\n" + "\n".join(lines) + "\n}\n").encode("utf-8")
