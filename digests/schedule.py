"""When each digest is due, computed from the subscription alone — the source of truth for timing.

APScheduler's cron triggers fire the jobs on time, but the due instant and the period key of every
run come from here, so the database's unique (subscription, period key) is the final guard: no
digest is doubled in the repeated autumn hour nor lost in the skipped spring hour.

Wall-clock times are local (HERALD_TIMEZONE). A time that does not exist (01:30 on the last Sunday
in March) is read with the offset before the change, so it falls due at 02:30 BST; a time that
happens twice (01:30 on the last Sunday in October) falls due at its first occurrence only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REGION_SUBDIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
DEFAULT_DAYS = {"weekly": "mon", "daily": "mon-fri"}
DEFAULT_TIMES = {"weekly": (8, 0), "daily": (9, 0)}


class ScheduleError(ValueError):
    """A day list or time that cannot be scheduled."""


@dataclass(frozen=True)
class Schedule:
    """When a subscription's digest goes: days, local time, zone and bank-holiday rule."""

    kind: str  # weekly | daily
    days: tuple[int, ...]  # Monday = 0
    hour: int
    minute: int
    tz: ZoneInfo
    holiday_region: str | None = "england-and-wales"
    holiday_policy: str = "send"  # send | skip | next


@dataclass(frozen=True)
class Occurrence:
    """One due digest: its period key (the unique key of the run), when it is due, what it covers."""

    period_key: str
    due_at: datetime  # UTC
    sent_on: date  # local date it goes out
    covers_from: date  # local dates [covers_from, covers_to) the digest reports on
    covers_to: date


def parse_days(text: str) -> tuple[int, ...]:
    """`mon`, `mon-fri`, `mon,wed,fri`, `monday` → weekday numbers."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        start, end = _day(first), _day(last or first)
        span = range(start, end + 1) if start <= end else [*range(start, 7), *range(0, end + 1)]
        days.update(span)
    return tuple(sorted(days))


FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {**{name: i for i, name in enumerate(DAY_NAMES)},
              **{name: i for i, name in enumerate(FULL_DAY_NAMES)}, "tues": 1, "thur": 3, "thurs": 3}


def _day(word: str) -> int:
    if word not in _DAY_WORDS:
        raise ScheduleError(f"{word!r} is not a day (use mon, tue … sun)")
    return _DAY_WORDS[word]


def days_text(days: tuple[int, ...]) -> str:
    """The compact form stored on the subscription (`mon-fri`, `mon`)."""
    if days == (0, 1, 2, 3, 4):
        return "mon-fri"
    if days == tuple(range(7)):
        return "mon-sun"
    return ",".join(DAY_NAMES[d] for d in days)


@lru_cache(maxsize=64)
def _bank_holidays(region: str, year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv=REGION_SUBDIVISIONS[region], years=year).keys())


def is_bank_holiday(day: date, region: str | None) -> bool:
    """Whether `day` is a bank holiday in the UK nation `region` (None: never)."""
    return region is not None and day in _bank_holidays(region, day.year)


def is_working_day(day: date, region: str | None) -> bool:
    """Monday to Friday and not a bank holiday in `region`."""
    return day.weekday() < 5 and not is_bank_holiday(day, region)


def due_instant(day: date, hour: int, minute: int, tz: ZoneInfo) -> datetime:
    """The UTC instant of local `hour:minute` on `day` (first occurrence; a gap moves it forward)."""
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(timezone.utc)


def _next_working_day(day: date, region: str | None) -> date:
    day += timedelta(days=1)
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day


def _scheduled_days(schedule: Schedule, first: date, last: date) -> list[date]:
    """Nominal days in [first, last] before the bank-holiday rule."""
    out, day = [], first
    while day <= last:
        if day.weekday() in schedule.days:
            out.append(day)
        day += timedelta(days=1)
    return out


def _weekly(schedule: Schedule, nominal: date) -> Occurrence | None:
    year, week, _ = nominal.isocalendar()
    sent_on = nominal
    if is_bank_holiday(nominal, schedule.holiday_region):
        if schedule.holiday_policy == "skip":
            return None
        if schedule.holiday_policy == "next":
            sent_on = _next_working_day(nominal, schedule.holiday_region)
    return Occurrence(f"{year}-W{week:02d}", due_instant(sent_on, schedule.hour, schedule.minute, schedule.tz),
                      sent_on, nominal - timedelta(days=7), nominal)


def _sends_on(schedule: Schedule, day: date) -> bool:
    if day.weekday() not in schedule.days:
        return False
    return schedule.holiday_policy == "send" or not is_bank_holiday(day, schedule.holiday_region)


def _daily(schedule: Schedule, day: date) -> Occurrence | None:
    """A daily digest covers every day since the previous one went (a Monday covers the weekend)."""
    if not _sends_on(schedule, day):
        return None
    previous = day - timedelta(days=1)
    for _ in range(14):
        if _sends_on(schedule, previous):
            break
        previous -= timedelta(days=1)
    return Occurrence(day.isoformat(), due_instant(day, schedule.hour, schedule.minute, schedule.tz),
                      day, previous, day)


def occurrences_between(schedule: Schedule, start: datetime, end: datetime) -> list[Occurrence]:
    """Every occurrence due in [start, end), in order."""
    first = start.astimezone(schedule.tz).date() - timedelta(days=14)
    last = end.astimezone(schedule.tz).date() + timedelta(days=1)
    build = _weekly if schedule.kind == "weekly" else _daily
    found = (build(schedule, day) for day in _scheduled_days(schedule, first, last))
    return [occ for occ in found if occ is not None and start <= occ.due_at < end]


def next_occurrence(schedule: Schedule, after: datetime) -> Occurrence | None:
    """The first occurrence due strictly after `after` (None only for an empty day list)."""
    window = timedelta(days=16)
    for step in range(4):
        start = after + timedelta(microseconds=1) + window * step
        found = occurrences_between(schedule, start, start + window)
        if found:
            return found[0]
    return None
