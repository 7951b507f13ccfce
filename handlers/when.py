"""A moment ahead as people type it ("Friday", "tomorrow 10:00", "4pm", "12 Dec"), or a question.

For follow-ups and deadlines: a moment in the past, or in words that could mean two days, is asked
about rather than guessed. British phrasing: day-first dates, "half past" aside; read in
HERALD_TIMEZONE. `models.moments.parse_moment` reads the usual forms; python-dateutil reads the
rest ("December 12th 3pm"). Ambiguous:

- "next Friday" (this coming Friday, or the one after? people in Britain say both);
- a bare weekday that is today ("Friday" on a Friday: today, or in a week?);
- a time alone that has already passed today ("4pm" at 5pm).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from models.moments import WEEKDAYS, MomentError, local_label, parse_moment

HINT = 'e.g. "Friday", "tomorrow 10:00", "4pm" or "12/12/2026 9am"'
_NEXT_WEEKDAY = re.compile(r"^next\s+([a-z]+)\b")
_TIME_ONLY = re.compile(r"^(?:at\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\d{1,2}\.\d{2}\s*(?:am|pm)|noon|midday)$")


@dataclass(frozen=True)
class When:
    """A moment read without doubt: `at` in UTC, `label` as Herald shows it."""

    at: datetime
    label: str


@dataclass(frozen=True)
class Question:
    """Why the text was not taken as a moment, and what to type instead."""

    message: str


def parse_when(text: str, now: datetime, tz: ZoneInfo, default_time: time = time(9, 0)) -> When | Question:
    """Read a moment ahead of `now` from `text`; a `Question` when it is past, ambiguous or unreadable.

    Without a time of day, `default_time` (09:00) is used.
    """
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    if not raw:
        return Question(f"When? Give a day or time ({HINT}).")
    local_now = now.astimezone(tz)
    if (m := _NEXT_WEEKDAY.match(raw)) and m.group(1) in WEEKDAYS:
        coming = _coming(WEEKDAYS[m.group(1)], local_now)
        return Question(f'"{text.strip()}" could mean {coming:%a %-d %b} or {coming + timedelta(days=7):%a %-d %b}: '
                        f'give the date, e.g. "{coming:%-d/%-m}".')
    first = raw.split()[0]
    if first in WEEKDAYS and WEEKDAYS[first] == local_now.weekday():
        return Question(f'"{text.strip()}" is today\'s weekday: say "today" or give the date of next week\'s, '
                        f'e.g. "{local_now + timedelta(days=7):%-d/%-m}".')
    at = _read(raw, now, tz, default_time)
    if at is None:
        return Question(f'I can\'t read "{text.strip()[:60]}" as a day or time ({HINT}).')
    if at <= now:
        if _TIME_ONLY.match(raw):
            return Question(f'{text.strip()} today has passed: did you mean "tomorrow {text.strip()}"?')
        return Question(f'"{text.strip()[:60]}" ({local_label(at, tz)}) is in the past: give a day ahead ({HINT}).')
    return When(at=at, label=local_label(at, tz))


def _read(raw: str, now: datetime, tz: ZoneInfo, default_time: time) -> datetime | None:
    try:
        return parse_moment(raw, now, tz, direction="future", default_time=default_time).at
    except MomentError:
        pass
    local_now = now.astimezone(tz)
    default = datetime.combine(local_now.date(), default_time)
    try:
        parsed = dateparser.parse(raw, dayfirst=True, default=default)
    except (ValueError, OverflowError, dateparser.ParserError):
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)).astimezone(timezone.utc)


def _coming(weekday: int, local_now: datetime) -> datetime:
    """The next such weekday after today."""
    return local_now + timedelta(days=(weekday - local_now.weekday()) % 7 or 7)
