"""ISO weeks and the events of a work schedule (lịch công tác): pure values and readers.

``read_week`` and ``read_events`` are the validators of the ISO_WEEK and EVENTS field
kinds (content.VALIDATORS): they follow its protocol (clean value, problem), a
problem in one event naming the event and its key so the message gets that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from .text import parse_datetime

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")
_TIME = re.compile(r"(\d{1,2})\s*[:hH]\s*(\d{2})")
#: the keys of one event; the first three are required
EVENT_KEYS = ("date", "time", "title", "who", "place")
REQUIRED_KEYS = ("date", "time", "title")


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week: 2025-W14 runs from Monday 31/03/2025 to Sunday 06/04/2025."""

    year: int
    week: int

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=n) for n in range(7))

    @property
    def label(self) -> str:
        """"tuần 14/2025 (31/03 – 06/04/2025)"."""
        first, last = self.days[0], self.days[-1]
        start = first.strftime("%d/%m") if first.year == last.year else first.strftime("%d/%m/%Y")
        return f"tuần {self.week}/{self.year} ({start} – {last.strftime('%d/%m/%Y')})"

    @property
    def file_stems(self) -> tuple[str, ...]:
        """The file names (without .md) that may hold this week: 2025-14, 2025-W14, 2025-w14."""
        return (f"{self.year}-{self.week:02d}", f"{self.year}-{self.week}", f"{self.year}-W{self.week:02d}",
                f"{self.year}-w{self.week:02d}")

    def contains(self, day: date) -> bool:
        return self.monday <= day <= self.days[-1]

    @classmethod
    def of(cls, day: date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)


def parse_week(text: str) -> IsoWeek | None:
    """"2025-W14" (or 2025-w14, 2025W14) -> IsoWeek; None if it is not a week of that year."""
    match = _WEEK.fullmatch(text.strip())
    if not match:
        return None
    try:
        date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:  # week 0, week 53 of a 52-week year, …
        return None
    return IsoWeek(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class Event:
    day: date
    time: str  # "07:30"
    title: str
    who: str = ""
    place: str = ""
    index: int = field(default=0, compare=False)  # its place in the file's list (messages name its line)


def read_week(raw: object):
    if not isinstance(raw, str):
        return None, "type"
    week = parse_week(raw)
    return (week, None) if week is not None else (None, "bad")


def _text(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return " ".join(str(value).split())


def read_events(raw: object):
    """A list of {date, time, title, who, place} -> tuple of Event, sorted by day and time.
    A problem in an item is (problem, index, key); every item's first problem is reported."""
    if not isinstance(raw, list):
        return None, "type"
    events, problems = [], []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            return None, ("type", index)
        event, problem = _event(item)
        if problem is not None:
            problems.append((problem[0], index, problem[1]))
        else:
            events.append(replace(event, index=index))
    if problems:
        return None, problems
    return tuple(sorted(events, key=lambda e: (e.day, e.time))), None


def _event(item: dict) -> tuple[Event | None, tuple[str, str] | None]:
    for key, value in item.items():
        if key not in EVENT_KEYS:  # "who: Chủ tịch, Phó Chủ tịch" in {…}: the comma ended the value
            return None, ("comma" if value is None else "unknown", str(key))
    for key in REQUIRED_KEYS:
        if item.get(key) is None or item.get(key) == "":
            return None, ("missing", key)
    when = parse_datetime(item["date"])
    if when is None or isinstance(item["date"], datetime) or when.time() != datetime.min.time():
        return None, ("bad", "date")
    if isinstance(item["time"], int) and not isinstance(item["time"], bool):
        return None, ("bad", "time")  # 07:30 unquoted: YAML reads a number of minutes
    match = _TIME.fullmatch(str(item["time"]).strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None, ("bad", "time")
    texts = {key: _text(item.get(key, "")) for key in ("title", "who", "place")}
    for key, value in texts.items():
        if value is None:
            return None, ("bad", key)
    if not texts["title"]:
        return None, ("missing", "title")
    return Event(when.date(), f"{int(match.group(1)):02d}:{match.group(2)}", texts["title"],
                 texts["who"], texts["place"]), None
