"""Claiming a digest period on request (`/digest send`), without delivering anything here.

The web process only writes the claim; the clock (the one process that delivers) picks claimed
runs up on its next sweep. Racing the schedule, the unique (subscription, period) key decides.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from digests.schedule import Occurrence, Schedule, occurrences_between, parse_days
from models.digest import DigestRun, DigestSubscription, claim_run

LOOKBACK = timedelta(days=8)


def schedule_for(sub: DigestSubscription, tz: ZoneInfo) -> Schedule:
    """The subscription's timing as a `Schedule` in `tz` (HERALD_TIMEZONE)."""
    return Schedule(kind=sub.kind, days=parse_days(sub.day_of_week), hour=sub.hour, minute=sub.minute, tz=tz,
                    holiday_region=sub.holiday_region, holiday_policy=sub.holiday_policy)


def current_occurrence(sub: DigestSubscription, now: datetime, tz: ZoneInfo) -> Occurrence | None:
    """The latest period of `sub` already due at `now`."""
    found = occurrences_between(schedule_for(sub, tz), now - LOOKBACK, now + timedelta(microseconds=1))
    return found[-1] if found else None


def request_send(session: Session, sub: DigestSubscription, now: datetime, tz: ZoneInfo, who: str) -> str:
    """Claim the current period for `sub` now; say what happened in one line."""
    occ = current_occurrence(sub, now, tz)
    if occ is None:
        return f"#{sub.id}: nothing due yet"
    run = claim_run(session, sub.id, occ.period_key, occ.due_at, f"web:{who}", now, late=False)
    if run is None:
        existing = session.scalar(select(DigestRun.status).where(
            DigestRun.subscription_id == sub.id, DigestRun.period_key == occ.period_key))
        return f"#{sub.id} {sub.destination}: {occ.period_key} already {existing}"
    return f"#{sub.id} {sub.destination}: {occ.period_key} queued (run {run.id})"
