"""Values as Vietnamese readers write them: 23/02/2022 08:40:17, 3.340, 99,9%, tháng 7/2023.

The primitives live in ``text.py`` (shared with ``check`` and the importer);
this module decides how a page shows each kind of value, including what it
shows when a value is unknown, and gives the templates their filters.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ..text import format_date, format_datetime, format_int, format_month, format_percent, iso_datetime

#: shown where a figure is unknown or a rate has nothing to divide by
NO_VALUE = "—"


def count(value: int | None) -> str:
    """3340 -> "3.340"; None -> "—"."""
    return NO_VALUE if value is None else format_int(value)


def percent(value: Decimal | None) -> str:
    """Decimal("99.9") -> "99,9%"; None -> "—"."""
    return NO_VALUE if value is None else format_percent(value)


def month_label(period: tuple[int, int] | None) -> str:
    """(2023, 7) -> "tháng 7/2023"; no period -> ""."""
    return format_month(period[0], period[1]) if period else ""


def month_number(year: int, month: int) -> str:
    """(2023, 7) -> "7/2023", as a table row or a list names a month."""
    return f"{month}/{year}"


def when(value: datetime) -> str:
    """23/02/2022 08:40:17"""
    return format_datetime(value)


def day(value: datetime | date) -> str:
    """23/02/2022"""
    return format_date(value)


#: the template filters (registered by render.make_environment)
FILTERS = {
    "vn_datetime": when,
    "vn_date": day,
    "iso": iso_datetime,
    "vn_int": count,
    "month_label": month_label,
}
