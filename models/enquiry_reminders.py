"""An enquiry's reminders, as shared notices (models/notices.py): what is owed to whom, and when.

- an hour before the deadline, a direct message to the owner, moved back to the last office-hours
  moment before it (08:00–18:00 on a working day, models/office_hours.py) when that is still ahead;
- at the deadline, a direct message to the owner;
- if still open `HERALD_ENQUIRY_GRACE_MINUTES` after the deadline, one message to the team channel.

Where Herald cannot message the owner alone (Teams), their reminders go to the team channel and
name them. Every key names the enquiry, its deadline, the plan (how many of its notices were
cancelled before it), the step and the recipient, so planning twice creates nothing new and a
re-plan after a cancel (new owner, new deadline) never collides with the notices it cancelled. The composers (digests/enquiry_notices.py) check again at
send time that the enquiry is still open.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.enquiry import Enquiry
from models.notices import CANCELLED, Notice, Recipient, cancel_notices, owner_recipient, schedule_notice, team_recipients
from models.office_hours import reminder_moment

BEFORE, DUE, MISSED = "enquiry.before", "enquiry.due", "enquiry.missed"
KINDS = (BEFORE, DUE, MISSED)
LEAD = timedelta(hours=1)


@dataclass(frozen=True)
class Reminder:
    """One planned notice: its kind, when it falls due and where it goes."""

    kind: str
    due_at: datetime
    to: Recipient
    direct: bool = False  # a direct message to the owner (not the team channel)


def reminders_for(enquiry: Enquiry, settings, now: datetime) -> list[Reminder]:
    """What the enquiry is owed from `now`: the owner's two reminders and the team's missed-deadline alert."""
    owner = owner_recipient(settings, enquiry.platform, enquiry.owner_id)
    if owner is not None and enquiry.workspace:  # the owner's DM is in the workspace it was logged in
        owner = replace(owner, workspace=enquiry.workspace)
    owners = [owner] if owner is not None else team_recipients(settings)
    direct = owner is not None
    planned = [Reminder(BEFORE, reminder_moment(enquiry.deadline - LEAD, now, settings.tz), to, direct)
               for to in owners]
    planned += [Reminder(DUE, max(enquiry.deadline, now), to, direct) for to in owners]
    grace = timedelta(minutes=settings.HERALD_ENQUIRY_GRACE_MINUTES)
    planned += [Reminder(MISSED, max(enquiry.deadline + grace, now), to) for to in team_recipients(settings)]
    return planned


def plan_reminders(session: Session, enquiry: Enquiry, settings, now: datetime) -> list[Reminder]:
    """Schedule the enquiry's reminders (none for a closed one); returns those planned."""
    if not enquiry.is_open:
        return []
    planned = reminders_for(enquiry, settings, now)
    serial = session.scalar(select(func.count()).select_from(Notice).where(
        Notice.kind.in_(KINDS), Notice.subject_id == enquiry.id, Notice.status == CANCELLED))
    for reminder in planned:
        schedule_notice(session, key=reminder_key(enquiry, reminder, serial), kind=reminder.kind,
                        subject_id=enquiry.id, to=reminder.to, due_at=reminder.due_at, now=now)
    return planned


def cancel_reminders(session: Session, enquiry: Enquiry, now: datetime) -> int:
    """Cancel every reminder of the enquiry not yet sent (closed, reassigned, deadline moved)."""
    return sum(cancel_notices(session, kind=kind, subject_id=enquiry.id, now=now) for kind in KINDS)


def reminder_key(enquiry: Enquiry, reminder: Reminder, serial: int) -> str:
    """The event a reminder stands for: enquiry, deadline, plan (how many were cancelled before), step,
    recipient."""
    step = reminder.kind.rsplit(".", 1)[1]
    return (f"enquiry:{enquiry.id}:d{enquiry.deadline:%Y%m%dT%H%M}:p{serial}:{step}:"
            f"{reminder.to.platform}:{reminder.to.address}")


def deadline_of_key(key: str) -> str:
    """The deadline part of a key ("d20261207T1600"), for the composer to compare with the enquiry's."""
    return key.split(":")[2]


def deadline_token(enquiry: Enquiry) -> str:
    """The enquiry's current deadline as keys write it."""
    return f"d{enquiry.deadline:%Y%m%dT%H%M}"
