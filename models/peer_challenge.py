"""Peer challenges per council, their stage history, and the peers signed up to deliver them. What is due
next is `models.peer_challenge_due`'s; the programme-wide numbers `models.peer_challenge_stats`'."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import Date, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from models.audit import ActorLike, record_audit
from models.db import Base

KINDS = ("corporate", "finance", "childrens services", "change of control", "other")
STAGES = ("offered", "scheduled", "on site", "feedback", "report published", "action plan",
          "progress review")


class PeerChallenge(Base):
    """One challenge of one council (mySociety code) and where it has got to."""

    __tablename__ = "peer_challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="corporate")
    stage: Mapped[str] = mapped_column(String(20), default="offered", index=True)
    stage_on: Mapped[date | None] = mapped_column(Date)
    days_used: Mapped[int | None] = mapped_column(Integer)
    days_allowed: Mapped[int | None] = mapped_column(Integer)
    lead_peer: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(Text)
    report_url: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    council = relationship("Council")
    stages: Mapped[list["PeerChallengeStage"]] = relationship(
        back_populates="challenge", cascade="all, delete-orphan", order_by="PeerChallengeStage.occurred_on")


class PeerChallengeStage(Base):
    """A stage a challenge reached, on a date, as recorded by someone."""

    __tablename__ = "peer_challenge_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("peer_challenges.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    link: Mapped[str | None] = mapped_column(String(2000))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    recorded_at: Mapped[datetime]

    challenge: Mapped[PeerChallenge] = relationship(back_populates="stages")


class Peer(Base):
    """A member or officer peer signed up to serve on challenges."""

    __tablename__ = "peers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="member")
    council_code: Mapped[str | None] = mapped_column(ForeignKey("councils.code"))
    signed_up_on: Mapped[date] = mapped_column(Date)


# --- Stages and the challenge they belong to -------------------------------------------------------

CHANGE_OF_CONTROL_DAYS = 5  # member peer days offered to a council whose political control changed
ACTION_PLAN_DUE = timedelta(weeks=8)  # after the report is published
PROGRESS_REVIEW_DUE = relativedelta(months=12)  # after the team was on site
CYCLE = relativedelta(years=3)  # every council offered a challenge over three years (seed 001)
DUE_WITHIN_DAYS = 30  # "due": overdue (not lapsed) or due within this many days
_STAGE_WORDS = {
    "offer": "offered", "offered": "offered", "scheduled": "scheduled", "schedule": "scheduled",
    "booked": "scheduled", "committed": "scheduled", "on site": "on site", "onsite": "on site",
    "site visit": "on site", "visit": "on site", "feedback": "feedback", "report published": "report published",
    "report": "report published", "published": "report published", "action plan": "action plan",
    "progress review": "progress review", "progress": "progress review", "review": "progress review",
}
_KIND_WORDS = {"corporate": "corporate", "cpc": "corporate", "finance": "finance", "financial": "finance",
               "childrens services": "childrens services", "childrens": "childrens services",
               "children": "childrens services", "change of control": "change of control", "coc": "change of control",
               "other": "other"}


class StageError(ValueError):
    """Text that is not a peer challenge stage or kind."""


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower().replace("'", "")).split())


def parse_stage(text: str) -> str:
    """A stage as people write it ("on-site", "report", "Progress Review") → one of STAGES."""
    key = _words(text)
    if key in _STAGE_WORDS:
        return _STAGE_WORDS[key]
    raise StageError(f"{text.strip()[:40]!r} is not a stage; stages are: {', '.join(STAGES)}")


def parse_kind(text: str) -> str:
    """A kind of challenge ("CPC", "children's services", "change of control") → one of KINDS."""
    key = _words(text)
    if key in _KIND_WORDS:
        return _KIND_WORDS[key]
    raise StageError(f"{text.strip()[:40]!r} is not a kind of challenge; kinds are: {', '.join(KINDS)}")


def find_stage_phrase(words: list[str]) -> tuple[int, int, str] | None:
    """Where in `words` a stage is named: (first index, index after, stage), longest phrase first."""
    lowered = [_words(w) for w in words]
    for length in (3, 2, 1):
        for start in range(len(words) - length, -1, -1):
            phrase = " ".join(lowered[start:start + length])
            if phrase in _STAGE_WORDS and phrase not in ("review", "visit", "report", "progress", "offer"):
                return start, start + length, _STAGE_WORDS[phrase]
    for start in range(len(words) - 1, -1, -1):
        if lowered[start] in _STAGE_WORDS:
            return start, start + 1, _STAGE_WORDS[lowered[start]]
    return None


def challenges_of(session: Session, council_code: str) -> list[PeerChallenge]:
    """A council's challenges, newest first, with their stage history loaded."""
    return list(session.scalars(
        select(PeerChallenge).where(PeerChallenge.council_code == council_code)
        .options(selectinload(PeerChallenge.stages))
        .order_by(PeerChallenge.created_at.desc(), PeerChallenge.id.desc())))


def current_stage(stages: list[PeerChallengeStage]) -> PeerChallengeStage | None:
    """The stage a challenge is at: the latest by date, the later stage on the same day."""
    return max(stages, key=lambda s: (s.occurred_on, STAGES.index(s.stage)), default=None)


@dataclass(frozen=True)
class StageUpdate:
    """A stage recorded for a council's challenge; `created` when it started a new challenge."""

    challenge: PeerChallenge
    stage: PeerChallengeStage
    created: bool


@dataclass(frozen=True)
class StageDetails:
    """What may come with a stage: a link, a note, the lead peer, change-of-control days used."""

    link: str | None = None
    note: str | None = None
    lead_peer: str | None = None
    team: str | None = None
    days_used: int | None = None


def record_stage(session: Session, council_code: str, stage: str, on: date, actor: ActorLike, now: datetime,
                 kind: str | None = None, details: StageDetails = StageDetails()) -> StageUpdate:
    """Record that a council's challenge reached `stage` on `on`, and audit it.

    The stage goes on the council's latest challenge (of `kind`, when given). "offered" after a
    challenge has moved on starts a new challenge: the next turn of the three-year cycle.
    """
    if stage not in STAGES:
        raise StageError(f"{stage!r} is not a stage")
    challenge, created = _challenge_for(session, council_code, stage, kind, now)
    entry = next((s for s in challenge.stages if s.stage == stage and s.occurred_on == on), None)
    if entry is None:
        entry = PeerChallengeStage(stage=stage, occurred_on=on, recorded_by=(actor.name or actor.user_id)[:100],
                                   recorded_at=now)
        challenge.stages.append(entry)
    entry.link = details.link or entry.link
    entry.note = details.note or entry.note
    _apply_details(challenge, stage, details)
    latest = current_stage(challenge.stages)
    challenge.stage, challenge.stage_on, challenge.updated_at = latest.stage, latest.occurred_on, now
    session.flush()
    record_audit(session, at=now, actor=actor, action="peer_challenge.stage", entity="peer_challenge",
                 entity_id=challenge.id, detail={"council": council_code, "stage": stage, "on": on.isoformat(),
                                                 "link": details.link, "kind": challenge.kind})
    return StageUpdate(challenge=challenge, stage=entry, created=created)


def _challenge_for(session: Session, council_code: str, stage: str, kind: str | None,
                   now: datetime) -> tuple[PeerChallenge, bool]:
    existing = [c for c in challenges_of(session, council_code) if kind is None or c.kind == kind]
    if existing and not (stage == "offered" and existing[0].stage != "offered"):
        return existing[0], False
    kind = kind or "corporate"
    challenge = PeerChallenge(council_code=council_code, kind=kind, stage=stage, created_at=now, updated_at=now,
                              days_allowed=CHANGE_OF_CONTROL_DAYS if kind == "change of control" else None)
    challenge.stages = []
    session.add(challenge)
    return challenge, True


def _apply_details(challenge: PeerChallenge, stage: str, details: StageDetails) -> None:
    if details.link and stage == "report published":
        challenge.report_url = details.link
    if details.lead_peer:
        challenge.lead_peer = details.lead_peer
    if details.team:
        challenge.team = details.team
    if details.note:
        challenge.notes = details.note if not challenge.notes else f"{challenge.notes}\n{details.note}"
    if details.days_used is not None:
        allowed = challenge.days_allowed or CHANGE_OF_CONTROL_DAYS
        if not 0 <= details.days_used <= allowed:
            raise StageError(f"days used must be between 0 and {allowed}")
        challenge.days_used, challenge.days_allowed = details.days_used, allowed
