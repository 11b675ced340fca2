"""What a bullet or a numbered item is, as editors type them: one definition,
used by the Markdown dialect (``editor_markdown``) for what editors paste from
Word ("•⇥", "1)⇥", "a)⇥") and by the importer (``importer.lines``) for the
lists of old portal pages. Pure patterns and functions, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Unicode spaces other than the ASCII space and tab (NBSP, en/em spaces…).
ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

#: Bullets by family; in a run of items a change of family is a change of level
#: (Word pastes "•", then "o", then "▪"; Vietnamese documents "-" then "+").
#: U+F0B7 and U+F0A7 are Word's Symbol/Wingdings bullets as they arrive in text.
#: Without the Symbol/Wingdings font they arrive as the Latin-1 letter of the same
#: code: "Ÿ" (•), "§" (▪), "Ø" (➢), "v" (❖), "ü" (✓), "q" (❑).
BULLET_FAMILIES = ("-–—", "•·●\uf0b7Ÿ", "○◦o", "▪■\uf0a7§", "+", "*", "➢►\uf0d8Ø", "❖\uf076v", "✓✔\uf0fcü",
                   "❑\uf071q")
#: Bullets that are also letters or text characters: items only with a tab.
TAB_BULLETS = "oŸ§Øvüq"
#: ... and of those, the ones that are ordinary letters of words: items only when
#: several consecutive lines use the same one (the dialect checks, it sees the lines).
LETTER_BULLETS = "vq"
DASH_BULLETS = BULLET_FAMILIES[0]
SYMBOL_BULLETS = "•·●\uf0b7○◦▪■\uf0a7➢►\uf0d8❖\uf076✓✔\uf0fc"
#: Roman numerals and letters as item labels ("I.", "a)", "đ)").
ROMAN_LABEL = r"[IVXLC]{1,6}"
LETTER_LABEL = r"[a-zđ]"
#: The Vietnamese alphabet as documents letter their points: a) b) c) d) đ) e) g)…
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"

#: A list item as editors type it: a bullet and a tab or spaces (``TAB_BULLETS``
#: only with a tab: "o" is Word's second-level bullet), or a label ("1)", "1.",
#: "a)", "a.", "I.") and a tab (or two spaces, what some editors turn a tab into).
#: Leading tabs are Word's indentation: each one is a level deeper.
_BULLET_CHARS = re.escape("".join(c for c in "".join(BULLET_FAMILIES) if c not in TAB_BULLETS))
LIST_ITEM_RE = re.compile(
    rf"^(?P<indent>\t*) {{0,3}}(?:(?P<bullet>[{_BULLET_CHARS}])[ \t]+|(?P<bullet_o>[{TAB_BULLETS}])\t[ \t]*"
    rf"|(?P<label>\d{{1,3}}|{LETTER_LABEL}|[A-ZĐ]|{ROMAN_LABEL})(?P<suffix>[.)])(?:\t[ \t]*| {{2,}}))"
    rf"(?P<text>\S.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class ListItem:
    """One item line: ``style`` is "bullet", "decimal", "lower", "upper" or
    "roman"; ``family`` the bullet family or the label's suffix; ``label`` as typed;
    ``indent`` the number of leading tabs (levels of Word's indentation)."""

    style: str
    family: str
    label: str
    text: str
    indent: int = 0


def list_item(line: str) -> ListItem | None:
    """The item an editor's line is, or None. An upper-case label of roman
    letters ("I", "IV") is read as roman; "V", "X", "L", "C" alone as letters
    (the caller knows the context: see ``roman_value``)."""
    match = LIST_ITEM_RE.match(line)
    if match is None:
        return None
    text = match.group("text").rstrip()
    indent = len(match.group("indent"))
    bullet = match.group("bullet") or match.group("bullet_o")
    if bullet:
        family = next(f for f in BULLET_FAMILIES if bullet in f)
        return ListItem("bullet", family, bullet, text, indent)
    label, suffix = match.group("label"), match.group("suffix")
    if label.isdigit():
        style = "decimal"
    elif label.islower():
        style = "lower"
    elif re.fullmatch(ROMAN_LABEL, label) and (label == "I" or len(label) > 1):
        if roman_value(label) is None:
            return None
        style = "roman"
    elif len(label) == 1:
        style = "upper"
    else:
        return None
    return ListItem(style, suffix, label, text, indent)


def roman_value(label: str) -> int | None:
    """12 for "XII"; None for letters that are not a well-formed numeral ("IIII", "VX")."""
    total = 0
    values = [_ROMAN_VALUES.get(c) for c in label]
    if not label or None in values:
        return None
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and value < values[i + 1] else value
    return total if _to_roman(total) == label else None


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out
