"""Moments as people type them: a day and an optional time, read in local time, returned in UTC.

"today", "tomorrow 10am", "Tue 00:01", "17/02/2011", "17.02.11 14:30", "1 June 2023 at 9.30am".
The day is read by `models.periods.parse_day` (plus weekday names); the time, if any, is the last
part of the text. A weekday means the next one for things that lie ahead (an embargo) and the last
one for things that happened (when a press release went out).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo

from models.periods import PeriodError, parse_day

Direction = Literal["past", "future"]
DATE_HINT = 'try 17/02/2011, "tomorrow 10am" or "Tue 00:01"'

WEEKDAYS = {name: i for i, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")))
    for name in names}

_TIME = re.compile(
    r"(?:^|\s)(?:at\s+)?(?:"
    r"(?P<h24>\d{1,2}):(?P<m24>\d{2})\s*(?P<ap24>am|pm)?"   # 14:30, 00:01, 9:30am
    r"|(?P<h12>\d{1,2})(?:\.(?P<m12>\d{2}))?\s*(?P<ap12>am|pm)"  # 10am, 9.30pm
    r"|(?P<word>noon|midday|midnight))$")
_WEEKDAY = re.compile(r"^(?:(?P<rel>next|last|this)\s+)?(?P<day>[a-z]+)$")


class MomentError(ValueError):
    """Text that is not a date (and time) Herald can read; the message says what to type."""


@dataclass(frozen=True)
class Moment:
    """An instant read from text, and whether the text gave a time of day."""

    at: datetime  # UTC
    has_time: bool


def parse_moment(text: str, now: datetime, tz: ZoneInfo, *, direction: Direction = "past",
                 default_time: time | None = None) -> Moment:
    """Read a day and optional time; without a time use `default_time`, else now (today) or 09:00."""
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    if not raw:
        raise MomentError(f"Give a date ({DATE_HINT})")
    if raw == "now":
        return Moment(now.astimezone(timezone.utc), True)
    day_text, clock = _split_time(raw, text)
    local_now = now.astimezone(tz)
    day = parse_local_day(day_text, local_now, direction, clock, original=text) if day_text else local_now.date()
    if clock is None:
        if default_time is None and day == local_now.date():
            return Moment(now.astimezone(timezone.utc), False)
        clock = default_time or time(9, 0)
        return Moment(_to_utc(day, clock, tz), False)
    return Moment(_to_utc(day, clock, tz), True)


def parse_local_day(text: str, local_now: datetime, direction: Direction = "past",
                    clock: time | None = None, original: str | None = None) -> date:
    """A calendar day from text: a weekday name ("Tue", "next Friday") or anything `parse_day` reads."""
    raw = " ".join(text.strip().lower().split())
    shown = (original or text).strip()
    weekday = _WEEKDAY.match(raw)
    if weekday and weekday.group("day") in WEEKDAYS:
        return _weekday(WEEKDAYS[weekday.group("day")], weekday.group("rel"), local_now, direction, clock)
    try:
        return parse_day(raw, local_now.date())
    except PeriodError:
        raise MomentError(f'"{shown}" is not a date I can read ({DATE_HINT})') from None


def _split_time(raw: str, original: str) -> tuple[str, time | None]:
    """("tomorrow", 10:00) from "tomorrow 10am"; the time must be the last thing in the text."""
    match = _TIME.search(raw)
    if not match:
        return raw, None
    day_text = raw[:match.start()].strip()
    day_text = day_text[:-3].strip() if day_text.endswith(" at") else day_text
    return day_text, _clock(match, original)


def _clock(match: re.Match, original: str) -> time:
    if match.group("word"):
        return time(0, 0) if match.group("word") == "midnight" else time(12, 0)
    hour = int(match.group("h24") or match.group("h12"))
    minute = int(match.group("m24") or match.group("m12") or 0)
    ampm = match.group("ap24") or match.group("ap12")
    if ampm:
        if not 1 <= hour <= 12:
            raise MomentError(f'"{original.strip()}" has a time I can\'t read: use 10am or 10:00')
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise MomentError(f'"{original.strip()}" has a time I can\'t read: use 10am or 10:00')
    return time(hour, minute)


def _weekday(target: int, rel: str | None, local_now: datetime, direction: Direction,
             clock: time | None) -> date:
    today = local_now.date()
    ahead = (target - today.weekday()) % 7
    behind = (today.weekday() - target) % 7
    if rel == "next" or (rel is None and direction == "future"):
        if ahead == 0 and (rel == "next" or (clock is not None and clock <= local_now.time())):
            ahead = 7
        return today + timedelta(days=ahead)
    if rel == "last":
        return today - timedelta(days=behind or 7)
    if rel == "this":
        return today - timedelta(days=today.weekday()) + timedelta(days=target)
    return today - timedelta(days=behind)


def _to_utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """Local wall time to UTC (a time skipped by the clocks going forward moves on an hour)."""
    return datetime.combine(day, clock, tzinfo=tz).astimezone(timezone.utc)


def local_label(when: datetime, tz: ZoneInfo, with_time: bool = True) -> str:
    """How Herald shows an instant: "Tue 24 Nov 2026 00:01" in local time."""
    local = when.astimezone(tz)
    return local.strftime("%a %-d %b %Y %H:%M" if with_time else "%a %-d %b %Y")
