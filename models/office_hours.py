"""Office hours: 08:00–18:00 local, Monday to Friday, outside England and Wales bank holidays.

Bank holidays come from the `holidays` package (pinned in requirements.txt), whose England
calendar follows gov.uk/bank-holidays (England and Wales share one list).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

OPENS = time(8, 0)
CLOSES = time(18, 0)
LOOK_BACK_DAYS = 14  # no run of closed days is longer than this (Christmas and New Year included)


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def in_office_hours(when: datetime, tz: ZoneInfo) -> bool:
    """Whether `when` falls between 08:00 and 18:00 local on a working day (both ends included)."""
    local = when.astimezone(tz)
    return is_working_day(local.date()) and OPENS <= local.time().replace(tzinfo=None) <= CLOSES


def last_office_moment(before: datetime, tz: ZoneInfo) -> datetime:
    """`before` itself if it is in office hours, else the last office-hours moment before it (UTC).

    E.g. Monday 07:30 → the previous working day's 18:00; Saturday noon → Friday 18:00.
    """
    if in_office_hours(before, tz):
        return before
    local = before.astimezone(tz)
    day = local.date()
    if is_working_day(day) and local.time().replace(tzinfo=None) > CLOSES:
        return _at(day, CLOSES, tz)
    for back in range(1, LOOK_BACK_DAYS + 1):
        earlier = day - timedelta(days=back)
        if is_working_day(earlier):
            return _at(earlier, CLOSES, tz)
    return before


def reminder_moment(wanted: datetime, now: datetime, tz: ZoneInfo) -> datetime:
    """When a reminder meant for `wanted` is sent: moved back to the last office-hours moment before
    it when that is still ahead of `now`; else at `wanted`; straight away if `wanted` has passed."""
    moved = last_office_moment(wanted, tz)
    if moved > now:
        return moved
    return max(wanted, now)


def _at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz).astimezone(timezone.utc)
