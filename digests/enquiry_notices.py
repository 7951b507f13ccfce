"""What an enquiry's reminders say when they fall due (composers for `digests.notice_kinds`).

Each runs at send time on a reading snapshot: it answers None (the notice is cancelled, not sent)
when the enquiry is closed, gone, or its deadline is no longer the one the reminder was planned for.
A missed-deadline alert goes to the team channel, so an embargoed enquiry's topic is left out of it.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from handlers.reply import Button, Fact, Reply, Section
from models.enquiry import Enquiry, is_embargoed
from models.enquiry_reminders import BEFORE, DUE, MISSED, deadline_of_key, deadline_token
from models.enquiry_stats import duration_words
from models.moments import local_label
from models.notices import Notice

LATE_AFTER = timedelta(minutes=5)  # a deadline reminder later than this (Herald was down) says when it was due


def _still_owed(session: Session, notice: Notice) -> Enquiry | None:
    enquiry = session.get(Enquiry, notice.subject_id) if notice.subject_id is not None else None
    if enquiry is None or not enquiry.is_open or deadline_of_key(notice.key) != deadline_token(enquiry):
        return None
    return enquiry


def _facts(enquiry: Enquiry, settings) -> tuple[Fact, ...]:
    facts = [Fact("Deadline", local_label(enquiry.deadline, settings.tz)),
             Fact("Owner", enquiry.owner_name or enquiry.owner_id)]
    facts += [Fact(label, value) for label, value in (("Outlet", enquiry.outlet_name),
                                                      ("Journalist", enquiry.journalist)) if value]
    return tuple(facts)


def _buttons(enquiry: Enquiry) -> tuple[Button, ...]:
    return (Button("Answered", command=f"enquiry close {enquiry.id} answered", style="primary"),
            Button("Statement issued", command=f"enquiry close {enquiry.id} statement"),
            Button("Show", command=f"enquiry show {enquiry.id}"))


def compose_before(session: Session, notice: Notice, now: datetime, settings) -> Reply | None:
    """The owner's "deadline coming up" reminder."""
    enquiry = _still_owed(session, notice)
    if enquiry is None or enquiry.deadline <= now:  # sent late (Herald was down): the deadline's own says it
        return None
    left = duration_words(enquiry.deadline - now)
    return Reply(title=f"Enquiry #{enquiry.id} is due in {left}: {enquiry.topic}",
                 sections=(Section(facts=_facts(enquiry, settings)),), buttons=_buttons(enquiry),
                 context=(f"Reminder for {enquiry.owner_name or enquiry.owner_id}. Close it when it is answered: "
                          f"/enquiry close {enquiry.id} answered|declined|referred|statement.",))


def compose_due(session: Session, notice: Notice, now: datetime, settings) -> Reply | None:
    """The owner's "deadline now" reminder."""
    enquiry = _still_owed(session, notice)
    if enquiry is None:
        return None
    due = ("is due now" if now - enquiry.deadline < LATE_AFTER else
           f"was due at {local_label(enquiry.deadline, settings.tz)}")
    return Reply(title=f"Enquiry #{enquiry.id} {due}: {enquiry.topic}",
                 sections=(Section(facts=_facts(enquiry, settings)),), buttons=_buttons(enquiry),
                 context=(f"Reminder for {enquiry.owner_name or enquiry.owner_id}. If it is still open after "
                          f"{settings.HERALD_ENQUIRY_GRACE_MINUTES} min, the team channel is told.",))


def compose_missed(session: Session, notice: Notice, now: datetime, settings) -> Reply | None:
    """The team channel's one alert that an enquiry's deadline passed while it was still open."""
    enquiry = _still_owed(session, notice)
    if enquiry is None:
        return None
    topic = "(under embargo)" if is_embargoed(enquiry, now) else enquiry.topic
    facts = _facts(enquiry, settings) if not is_embargoed(enquiry, now) else (
        Fact("Deadline", local_label(enquiry.deadline, settings.tz)), Fact("Owner", enquiry.owner_name or enquiry.owner_id))
    return Reply(title=f"Missed deadline: enquiry #{enquiry.id} {topic}",
                 sections=(Section(facts=facts),), buttons=_buttons(enquiry), visibility="channel",
                 context=(f"Still open {duration_words(now - enquiry.deadline)} after its deadline. "
                          f"Reassign it with /enquiry assign {enquiry.id} @who, or close it.",))


COMPOSERS = {BEFORE: compose_before, DUE: compose_due, MISSED: compose_missed}
