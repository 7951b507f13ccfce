"""Media enquiries: a journalist's question with a deadline, its owner, notes and how it was closed.

An enquiry's embargo and privacy follow `/press` (models/press.py): until `embargo_until` it is seen
only by whoever logged it, its owner and admins; channels, digests and exports pass `PUBLIC`.
Every change is audited; reminders follow every change of owner, deadline or state
(models/enquiry_reminders.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, ForeignKey, String, Text, or_, select, true
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.db import Base
from models.press import PressActivity, Viewer, match_outlet

OPEN = "open"
OUTCOMES = ("answered", "declined", "referred", "statement")
STATUSES = (OPEN, *OUTCOMES)


class Enquiry(Base):
    """One media enquiry: who asked, about what and which councils, by when, and who answers it."""

    __tablename__ = "enquiries"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(500))
    journalist: Mapped[str | None] = mapped_column(String(200))
    outlet_name: Mapped[str | None] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    owner_id: Mapped[str] = mapped_column(String(100))
    owner_name: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default=OPEN, index=True)
    closed_at: Mapped[datetime | None]
    press_id: Mapped[int | None] = mapped_column(ForeignKey("press_activities.id", ondelete="SET NULL"))
    embargo_until: Mapped[datetime | None]
    logged_by: Mapped[str] = mapped_column(String(100))
    logged_by_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]

    councils: Mapped[list["EnquiryCouncil"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    notes: Mapped[list["EnquiryNote"]] = relationship(cascade="all, delete-orphan", order_by="EnquiryNote.id")

    @property
    def council_codes(self) -> list[str]:
        return [c.council_code for c in self.councils]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


class EnquiryCouncil(Base):
    """A council an enquiry concerns (mySociety code, as coverage tags councils)."""

    __tablename__ = "enquiry_councils"

    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiries.id", ondelete="CASCADE"), primary_key=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code", ondelete="CASCADE"), primary_key=True,
                                              index=True)


class EnquiryNote(Base):
    """A note on an enquiry: what was said, who was asked, what is still missing."""

    __tablename__ = "enquiry_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiries.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(String(100))
    author_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]


@dataclass(frozen=True)
class EnquiryDraft:
    """An enquiry about to be logged, already read and checked."""

    topic: str
    deadline: datetime
    owner_id: str
    owner_name: str | None = None
    journalist: str | None = None
    outlet_name: str | None = None
    council_codes: tuple[str, ...] = ()
    embargo_until: datetime | None = None
    note: str | None = None


def enquiry_visible(viewer: Viewer, now: datetime) -> ColumnElement[bool]:
    """SQL condition: not under embargo at `now`, or `viewer` logged it, owns it or is an admin."""
    open_now = or_(Enquiry.embargo_until.is_(None), Enquiry.embargo_until <= now)
    if viewer.is_admin:
        return true()
    if viewer.user_id:
        return or_(open_now, Enquiry.logged_by == viewer.user_id, Enquiry.owner_id == viewer.user_id)
    return open_now


def is_embargoed(enquiry: Enquiry, now: datetime) -> bool:
    """Whether the embargo on `enquiry` has yet to lift at `now`."""
    return enquiry.embargo_until is not None and enquiry.embargo_until > now


def open_enquiries(session: Session, viewer: Viewer, now: datetime) -> list[Enquiry]:
    """THE list of open enquiries `viewer` may see, soonest deadline first."""
    return list(session.scalars(select(Enquiry).where(Enquiry.status == OPEN, enquiry_visible(viewer, now))
                                .order_by(Enquiry.deadline, Enquiry.id)))


def enquiries_received(session: Session, viewer: Viewer, now: datetime, start: datetime,
                       end: datetime) -> list[Enquiry]:
    """Enquiries received in [start, end) that `viewer` may see, oldest first (stats, exports)."""
    return list(session.scalars(select(Enquiry).where(
        Enquiry.created_at >= start, Enquiry.created_at < end, enquiry_visible(viewer, now))
        .order_by(Enquiry.created_at, Enquiry.id)))


def get_visible_enquiry(session: Session, enquiry_id: int, viewer: Viewer, now: datetime) -> Enquiry | None:
    """One enquiry if it exists and `viewer` may see it now; else None (the same for both)."""
    return session.scalar(select(Enquiry).where(Enquiry.id == enquiry_id, enquiry_visible(viewer, now)))


def enquiries_answered_by(session: Session, press_id: int, viewer: Viewer, now: datetime) -> list[Enquiry]:
    """The enquiries a press activity answered (closed with it) that `viewer` may see."""
    return list(session.scalars(select(Enquiry).where(Enquiry.press_id == press_id, enquiry_visible(viewer, now))
                                .order_by(Enquiry.id)))


def log_enquiry(session: Session, draft: EnquiryDraft, actor: ActorLike, now: datetime) -> Enquiry:
    """Record an enquiry (the outlet matched to a known one where it can be) and audit it."""
    outlet = match_outlet(session, draft.outlet_name) if draft.outlet_name else None
    enquiry = Enquiry(
        topic=draft.topic, journalist=draft.journalist, outlet_name=outlet.name if outlet else draft.outlet_name,
        outlet_id=outlet.id if outlet else None, owner_id=draft.owner_id, owner_name=draft.owner_name,
        deadline=draft.deadline, status=OPEN, embargo_until=draft.embargo_until, logged_by=actor.user_id,
        logged_by_name=getattr(actor, "name", None), platform=actor.platform,
        workspace=getattr(actor, "workspace", None), created_at=now, updated_at=now,
        councils=[EnquiryCouncil(council_code=code) for code in dict.fromkeys(draft.council_codes)])
    if draft.note:
        enquiry.notes.append(EnquiryNote(text=draft.note, author_id=actor.user_id,
                                         author_name=getattr(actor, "name", None), created_at=now))
    session.add(enquiry)
    session.flush()
    record_audit(session, at=now, actor=actor, action="enquiry.log", entity="enquiry", entity_id=enquiry.id,
                 detail={"topic": enquiry.topic, "owner": enquiry.owner_id, "deadline": enquiry.deadline.isoformat()})
    return enquiry


def assign_enquiry(session: Session, enquiry: Enquiry, owner_id: str, owner_name: str | None,
                   actor: ActorLike, now: datetime) -> bool:
    """Give the enquiry a new owner; False when they already own it. Audited with old and new."""
    if enquiry.owner_id == owner_id:
        return False
    record_audit(session, at=now, actor=actor, action="enquiry.assign", entity="enquiry", entity_id=enquiry.id,
                 detail={"owner": [enquiry.owner_id, owner_id]})
    enquiry.owner_id, enquiry.owner_name, enquiry.updated_at = owner_id, owner_name, now
    return True


def move_deadline(session: Session, enquiry: Enquiry, deadline: datetime, actor: ActorLike, now: datetime) -> bool:
    """Set a new deadline; False when it is unchanged. Audited with old and new."""
    if enquiry.deadline == deadline:
        return False
    record_audit(session, at=now, actor=actor, action="enquiry.deadline", entity="enquiry", entity_id=enquiry.id,
                 detail={"deadline": [enquiry.deadline.isoformat(), deadline.isoformat()]})
    enquiry.deadline, enquiry.updated_at = deadline, now
    return True


def add_note(session: Session, enquiry: Enquiry, text: str, actor: ActorLike, now: datetime) -> EnquiryNote:
    """Add a note to the enquiry, audited."""
    note = EnquiryNote(text=text, author_id=actor.user_id, author_name=getattr(actor, "name", None), created_at=now)
    enquiry.notes.append(note)
    enquiry.updated_at = now
    session.flush()
    record_audit(session, at=now, actor=actor, action="enquiry.note", entity="enquiry", entity_id=enquiry.id,
                 detail={"note": note.id})
    return note


def close_enquiry(session: Session, enquiry: Enquiry, outcome: str, press: PressActivity | None,
                  actor: ActorLike, now: datetime) -> None:
    """Close the enquiry with `outcome` (answered, declined, referred, statement), linking `press`."""
    if outcome not in OUTCOMES:
        raise ValueError(f"{outcome} is not an outcome")
    enquiry.status, enquiry.closed_at, enquiry.updated_at = outcome, now, now
    if press is not None:
        enquiry.press_id = press.id
    record_audit(session, at=now, actor=actor, action="enquiry.close", entity="enquiry", entity_id=enquiry.id,
                 detail={"outcome": outcome, "press": press.id if press else None})


def note_text(text: str) -> str:
    """A note as stored: trimmed, at most 2,000 characters."""
    return " ".join(text.split())[:2000]

