"""Contact details as links: a masthead phone line becomes one ``tel:`` link per number."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: what separates two numbers written on one line: "0220 3812 345 - 0912 345 678",
#: "0220 3812 345; 0912 345 678", "0220 3812 345 / 0912 345 678", "... hoặc ..."
_SEPARATOR = re.compile(r"(\s+[-–/]\s+|\s*[;,]\s*|\s+hoặc\s+)")
_DIALLABLE = re.compile(r"\+?[\d\s.()-]*\d[\d\s.()-]*")
MIN_DIGITS = 3  # "113", "115": the shortest numbers worth a link


@dataclass(frozen=True)
class Piece:
    """A run of the phone line: a number (with its ``tel:`` href) or the text between numbers."""

    text: str
    href: str = ""


def phone_links(line: str) -> tuple[Piece, ...]:
    """Split *line* into numbers (each with a ``tel:`` href of its digits) and the
    text around them. "0220 3812 345" -> one piece, href "tel:02203812345"; a part
    that is not a number ("máy lẻ 12", a name) stays plain text."""
    pieces = []
    for index, part in enumerate(_SEPARATOR.split(line)):
        if not part:
            continue
        digits = re.sub(r"[^\d+]", "", part)
        if index % 2 == 0 and _DIALLABLE.fullmatch(part.strip()) and sum(c.isdigit() for c in digits) >= MIN_DIGITS:
            plus = "+" if digits.startswith("+") else ""
            pieces.append(Piece(part, "tel:" + plus + digits.replace("+", "")))
        else:
            pieces.append(Piece(part))
    return tuple(pieces)
