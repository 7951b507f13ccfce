"""Support requests: the advice the team gives councils in trouble, and the figures on it.

A request names one council (by its `local-authority-code`), the issue in free words and a short
category, who at the council asked, what was advised, an optional follow-up moment, its owner on
the team, and whether it is still open. Every change is audited.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.audit import ActorLike, record_audit
from models.council import Council
from models.db import Base
from models.periods import Period

CATEGORIES = ("finance", "governance", "media", "leadership", "service failure", "other")
STATUSES = ("open", "closed")


class SupportRequest(Base):
    """One council's call on the team for communications support."""

    __tablename__ = "support_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code"), index=True)
    issue: Mapped[str] = mapped_column(String(500))
    category: Mapped[str] = mapped_column(String(30))
    contact: Mapped[str | None] = mapped_column(String(300))
    advised: Mapped[str | None] = mapped_column(Text)
    followup_at: Mapped[datetime | None]
    owner_id: Mapped[str] = mapped_column(String(100))
    owner_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="open")
    notes: Mapped[str | None] = mapped_column(Text)
    spotlight_id: Mapped[int | None] = mapped_column(ForeignKey("spotlights.id", ondelete="SET NULL"))
    logged_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(index=True)
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(100))


@dataclass(frozen=True)
class SupportDraft:
    """A support request as read from a command, before it is stored."""

    council_code: str
    issue: str
    category: str
    contact: str | None = None
    advised: str | None = None
    followup_at: datetime | None = None
    owner_id: str = ""
    owner_name: str | None = None
    notes: str | None = None
    spotlight_id: int | None = None


def category_named(text: str) -> str | None:
    """The category `text` means ("Finance", "service-failure", "gov"), or None."""
    wanted = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    if not wanted:
        return None
    return next((c for c in CATEGORIES if c == wanted), None) or next(
        (c for c in CATEGORIES if len(wanted) >= 3 and c.startswith(wanted)), None)


def log_support_request(session: Session, draft: SupportDraft, actor: ActorLike, now: datetime) -> SupportRequest:
    """Store a new open request and audit it."""
    request = SupportRequest(
        council_code=draft.council_code, issue=draft.issue[:500], category=draft.category,
        contact=(draft.contact or None) and draft.contact[:300], advised=draft.advised or None,
        followup_at=draft.followup_at, owner_id=draft.owner_id or actor.user_id,
        owner_name=draft.owner_name if draft.owner_id else actor.name, platform=actor.platform,
        workspace=actor.workspace, status="open", notes=draft.notes or None, spotlight_id=draft.spotlight_id,
        logged_by=actor.user_id, created_at=now)
    session.add(request)
    session.flush()
    record_audit(session, at=now, actor=actor, action="support.log", entity="support_request",
                 entity_id=request.id, detail={"council": request.council_code, "category": request.category,
                                               "spotlight": request.spotlight_id})
    return request


def close_support_request(session: Session, request: SupportRequest, note: str | None, actor: ActorLike,
                          now: datetime) -> None:
    """Close an open request (a closing note is added to its notes) and audit it."""
    request.status = "closed"
    request.closed_at = now
    request.closed_by = actor.user_id
    if note:
        request.notes = f"{request.notes}\n{note}" if request.notes else note
    record_audit(session, at=now, actor=actor, action="support.close", entity="support_request",
                 entity_id=request.id, detail={"old": "open", "new": "closed"})


def support_requests(session: Session, status: str | None = "open", council_code: str | None = None,
                     limit: int = 50) -> list[SupportRequest]:
    """Requests, open ones by soonest follow-up (none last), then the newest; optionally one council's."""
    query = select(SupportRequest)
    if status:
        query = query.where(SupportRequest.status == status)
    if council_code:
        query = query.where(SupportRequest.council_code == council_code)
    query = query.order_by(SupportRequest.followup_at.is_(None), SupportRequest.followup_at,
                           SupportRequest.created_at.desc(), SupportRequest.id.desc())
    return list(session.scalars(query.limit(limit)))


def requests_logged(session: Session, period: Period) -> list[SupportRequest]:
    """Every request logged in `period`, oldest first (for exports)."""
    return list(session.scalars(select(SupportRequest).where(
        SupportRequest.created_at >= period.start, SupportRequest.created_at < period.end)
        .order_by(SupportRequest.created_at, SupportRequest.id)))


@dataclass(frozen=True)
class SupportFigures:
    """Support requests logged in a period: in all, still open, by council and by category."""

    total: int
    still_open: int
    by_council: list[tuple[str, int]]  # (council's everyday name, requests), most first
    by_category: list[tuple[str, int]]


def support_figures(session: Session, start: datetime, end: datetime) -> SupportFigures:
    """The figures for requests logged in [start, end) (grouped in the database)."""
    in_period = (SupportRequest.created_at >= start, SupportRequest.created_at < end)
    total, still_open = session.execute(select(
        func.count(SupportRequest.id),
        func.count(SupportRequest.id).filter(SupportRequest.status == "open")).where(*in_period)).one()
    by_council = session.execute(
        select(Council.nice_name, func.count(SupportRequest.id).label("n"))
        .join(Council, Council.code == SupportRequest.council_code).where(*in_period)
        .group_by(Council.nice_name).order_by(func.count(SupportRequest.id).desc(), Council.nice_name)).all()
    by_category = session.execute(
        select(SupportRequest.category, func.count(SupportRequest.id)).where(*in_period)
        .group_by(SupportRequest.category).order_by(func.count(SupportRequest.id).desc(),
                                                    SupportRequest.category)).all()
    return SupportFigures(total=total or 0, still_open=still_open or 0,
                          by_council=[(name, n) for name, n in by_council],
                          by_category=[(cat, n) for cat, n in by_category])
