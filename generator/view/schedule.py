"""A week of the work schedule as a page shows it: seven days, each with its events."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Article
from ..weeks import WEEKDAYS, Event, IsoWeek


@dataclass(frozen=True)
class Day:
    label: str  # "Thứ Hai, 31/03/2025"
    iso: str  # "2025-03-31", for <time datetime>
    events: tuple[Event, ...]


@dataclass(frozen=True)
class WeekView:
    week: IsoWeek
    heading: str  # "Lịch công tác tuần 14/2025 (31/03 – 06/04/2025)"
    days: tuple[Day, ...]


def week_view(article: Article) -> WeekView:
    week: IsoWeek = article.value("week")
    events: tuple[Event, ...] = article.value("events", ()) or ()
    days = tuple(Day(f"{WEEKDAYS[n]}, {day.strftime('%d/%m/%Y')}", day.isoformat(),
                     tuple(e for e in events if e.day == day))
                 for n, day in enumerate(week.days))
    return WeekView(week, article.title, days)


def latest_note(article: Article) -> str:
    """What /lich-cong-tac/ says when no week holds the build date."""
    return f"Chưa có lịch công tác của tuần này; đây là lịch mới nhất: {article.value('week').label}."
