"""Review reminders for lines to take: the owner is told a week before the review date and on the day.

Each reminder is a notice (`models.notices`) whose key names the event: the line, the approved
version and its review date, which reminder, and to whom. Scheduling again changes nothing (the
key exists), so each reaches the owner exactly once across restarts and clocks. Approving a new
version (perhaps with another review date) or withdrawing the line cancels what was pending; the
composer (`digests.line_notices`) also says nothing for a version that is no longer current.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models.lines import Line, LineVersion
from models.notices import Recipient, cancel_notices, owner_recipient, schedule_notice, team_recipients

KIND = "line_review"
REMIND_AT = time(9, 0)  # local time of day the reminders fall due
WHEN = (("week", 7), ("day", 0))


def reminder_key(line: Line, version: LineVersion, which: str, to: Recipient) -> str:
    """The event a reminder is about: line, version, review date, which reminder, recipient."""
    return f"line:{line.id}:v{version.number}:review{version.review_by:%Y%m%d}:{which}:{to.platform}:{to.address}"


def recipients_for(line: Line, settings) -> list[Recipient]:
    """The owner by direct message; where Herald cannot DM them (Teams), the team's channels."""
    owner = owner_recipient(settings, line.platform, line.owner_id)
    return [owner] if owner is not None else team_recipients(settings)


def schedule_review_reminders(session: Session, line: Line, version: LineVersion, settings, now: datetime) -> int:
    """Cancel the line's pending reminders and owe the ones for `version` (now current); how many new."""
    cancel_notices(session, kind=KIND, subject_id=line.id, now=now)
    if version.review_by is None:
        return 0
    made = 0
    for which, days_before in WHEN:
        due = _local(version.review_by - timedelta(days=days_before), settings.tz)
        if due < now and which == "week":
            continue  # reviewed within a week of approval: only the reminder on the day
        for to in recipients_for(line, settings):
            made += schedule_notice(session, key=reminder_key(line, version, which, to), kind=KIND,
                                    subject_id=line.id, to=to, due_at=max(due, now), now=now)
    return made


def cancel_review_reminders(session: Session, line: Line, now: datetime) -> int:
    """A withdrawn line is reminded of no more."""
    return cancel_notices(session, kind=KIND, subject_id=line.id, now=now)


def _local(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, REMIND_AT, tzinfo=tz).astimezone(timezone.utc)
