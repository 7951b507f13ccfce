"""Demo media enquiries: the reactive half of the week seed 004 describes ("councils in the media
spotlight", statements, background briefings), loaded relative to now so `/enquiry list` and
`/enquiry stats this month` always have something to show. Keyed by topic; reloading adds nothing.

Demo enquiries belong to "demo", whom Herald cannot message, so none of them schedules a reminder.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.enquiry import OPEN, Enquiry, EnquiryCouncil, EnquiryNote
from models.outlet import Outlet

DEMO = "demo"


@dataclass(frozen=True)
class DemoEnquiry:
    """One enquiry: received `hours_ago`, due `deadline_hours` after that; closed `answered_after` hours
    after it was received (None: still open) with `outcome`."""

    topic: str
    outlet: str
    journalist: str
    councils: tuple[str, ...]
    hours_ago: float
    deadline_hours: float
    answered_after: float | None = None
    outcome: str = "answered"
    owner: str = "Press office"
    note: str | None = None


ENQUIRIES = (
    DemoEnquiry("Thurrock's recovery: how much support has the LGA given?", "LGC", "Jane Smith", ("THR",),
                30, 6, 4, "statement", note="Line agreed with the Board Chair's office."),
    DemoEnquiry("Section 114 notices: which councils have asked for help?", "The MJ", "Tom Bryant", ("WOI", "THR"),
                50, 4, 5.5, "answered", note="Background briefing only, not for attribution."),
    DemoEnquiry("Croydon governance review: LGA's role", "Financial Times", "Priya Shah", ("CRY",),
                70, 24, 20, "declined"),
    DemoEnquiry("Birmingham equal pay liability", "The Guardian", "Sam Okafor", ("BIR",),
                100, 3, 2.5, "referred", note="Referred to Birmingham's press office."),
    DemoEnquiry("Be a Councillor: how many sign-ups this year?", "Sky News", "Hannah Lee", (),
                120, 8, 3, "answered"),
    DemoEnquiry("Oflog data explorer: council reactions", "Public Finance", "Mark Evans", (),
                150, 24, 26, "statement"),
    DemoEnquiry("Nottingham's commissioners and the improvement offer", "LGC", "Jane Smith", ("NGM",),
                3, 5),
    DemoEnquiry("Peer challenge findings at Slough: on the record?", "The MJ", "Tom Bryant", ("SLG",),
                1, 26, note="Waiting on Slough's chief executive."),
)


def ensure_enquiries(session: Session, now: datetime, added: dict) -> None:
    """Add the demo enquiries not there yet (by topic)."""
    have = set(session.scalars(select(Enquiry.topic).where(Enquiry.logged_by == DEMO)))
    outlets = {o.name: o.id for o in session.scalars(select(Outlet))}
    added.setdefault("enquiries", 0)
    for e in ENQUIRIES:
        if e.topic in have:
            continue
        received = now - timedelta(hours=e.hours_ago)
        closed = received + timedelta(hours=e.answered_after) if e.answered_after is not None else None
        enquiry = Enquiry(
            topic=e.topic, journalist=e.journalist, outlet_name=e.outlet, outlet_id=outlets.get(e.outlet),
            owner_id=DEMO, owner_name=e.owner, deadline=received + timedelta(hours=e.deadline_hours),
            status=e.outcome if closed else OPEN, closed_at=closed, logged_by=DEMO, logged_by_name="Demo data",
            platform="system", created_at=received, updated_at=closed or received,
            councils=[EnquiryCouncil(council_code=code) for code in e.councils])
        if e.note:
            enquiry.notes.append(EnquiryNote(text=e.note, author_id=DEMO, author_name="Demo data",
                                             created_at=received))
        session.add(enquiry)
        added["enquiries"] += 1
    session.flush()
