"""Peer challenges per council, their stage history, and the peers signed up to deliver them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta
from sqlalchemy import Date, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from models.audit import ActorLike, record_audit
from models.council import ENGLISH_PRINCIPAL_TYPES, Council
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


# --- What is due ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DueStep:
    """An action plan or progress review a council owes, and when it was (or is) due."""

    council_code: str
    council_name: str
    step: str
    due_on: date
    challenge_id: int

    def overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class _ChallengeFacts:
    """One challenge reduced to what the numbers need (read in bulk, never row by row)."""

    id: int
    council_code: str
    council_name: str
    region: str
    type_name: str
    stages: dict[str, date]  # each stage's latest date


def _rows(session: Session, query) -> list:
    """Plain rows for a columns-only read of many rows, skipping the ORM's per-row loading (the
    bulk of these answers' time); pending changes are flushed first, as `session.execute` would."""
    session.flush()
    return session.connection().execute(query).all()


def _challenge_facts(session: Session) -> list[_ChallengeFacts]:
    """Every challenge with its council and stage dates: two queries whatever the number."""
    heads = _rows(session, select(PeerChallenge.id, PeerChallenge.council_code, Council.nice_name, Council.region,
                                  Council.type_name).join(Council, Council.code == PeerChallenge.council_code))
    stages: dict[int, dict[str, date]] = {}
    for cid, stage, occurred_on in _rows(session, select(PeerChallengeStage.challenge_id, PeerChallengeStage.stage,
                                                         PeerChallengeStage.occurred_on)):
        known = stages.setdefault(cid, {})
        known[stage] = max(occurred_on, known.get(stage, occurred_on))
    return [_ChallengeFacts(cid, code, name, region, type_name, stages.get(cid, {}))
            for cid, code, name, region, type_name in heads]


def _due_steps(facts: list[_ChallengeFacts], today: date) -> list[DueStep]:
    """Follow-ups owed; one overdue for longer than a whole cycle has lapsed and is left out."""
    lapsed_before = today - CYCLE
    due = []
    for f in facts:
        published, on_site = f.stages.get("report published"), f.stages.get("on site")
        if published and "action plan" not in f.stages:
            due.append(DueStep(f.council_code, f.council_name, "action plan", published + ACTION_PLAN_DUE, f.id))
        visited = on_site or published
        if visited and "progress review" not in f.stages:
            due.append(DueStep(f.council_code, f.council_name, "progress review", visited + PROGRESS_REVIEW_DUE, f.id))
    return [d for d in due if d.due_on >= lapsed_before]


def due_steps(session: Session, today: date, within_days: int = 30) -> list[DueStep]:
    """Action plans and progress reviews overdue or due within `within_days`, most overdue first."""
    horizon = today + timedelta(days=within_days)
    return sorted((d for d in _due_steps(_challenge_facts(session), today) if d.due_on <= horizon),
                  key=lambda d: (d.due_on, d.council_name))


# --- The programme-wide numbers -------------------------------------------------------------------

@dataclass(frozen=True)
class ChallengeStats:
    """The peer challenge numbers for all councils or one group of them (a region, a type)."""

    label: str
    offered: int  # councils offered a challenge (any challenge on record)
    committed: int  # councils that went on to schedule one
    on_site_this_month: int
    reports_this_year: int
    progress_reviews_due: int
    cycle_covered: int  # English councils offered a challenge in the last three years…
    cycle_total: int  # …out of all current English principal councils
    peers: int


@dataclass(frozen=True)
class StatsWindow:
    """The dates the numbers count against: this month, this financial year, the cycle, 'due' horizon."""

    today: date
    month_start: date
    year_start: date
    year_label: str

    @classmethod
    def at(cls, today: date) -> "StatsWindow":
        fy = today.year if today.month >= 4 else today.year - 1
        return cls(today, today.replace(day=1), date(fy, 4, 1), f"{fy}/{(fy + 1) % 100:02d}")


def challenge_stats(session: Session, window: StatsWindow, group_by: str | None = None,
                    only: Callable[[str, str], bool] | None = None) -> list[ChallengeStats]:
    """The numbers overall (group_by None) or per "region" / "type"; `only(region, type)` filters councils.

    Reads everything in four queries and counts in memory, so 400 councils cost what 4 do.
    """
    keep = only or (lambda region, type_name: True)
    facts = [f for f in _challenge_facts(session) if keep(f.region, f.type_name)]
    councils = [row for row in _rows(session,
        select(Council.code, Council.region, Council.type_name).where(
            Council.current.is_(True), Council.nation == "England",
            Council.type_code.in_(ENGLISH_PRINCIPAL_TYPES))) if keep(row.region, row.type_name)]
    peer_councils = [(row.region, row.type_name) for row in _rows(session,
        select(Council.region, Council.type_name).select_from(Peer)
        .outerjoin(Council, Council.code == Peer.council_code).where(Peer.signed_up_on <= window.today))]
    if group_by is None and only is None:
        return [_stats_for("All councils", facts, councils, len(peer_councils), window)]
    key = {"region": lambda region, type_name: region, "type": lambda region, type_name: type_name}.get(
        group_by, lambda region, type_name: "Selected councils")
    peer_groups = [key(*pc) for pc in peer_councils if pc[0] is not None and keep(*pc)]
    groups = sorted({key(c.region, c.type_name) for c in councils} | {key(f.region, f.type_name) for f in facts})
    return [_stats_for(label, [f for f in facts if key(f.region, f.type_name) == label],
                       [c for c in councils if key(c.region, c.type_name) == label],
                       peer_groups.count(label), window) for label in groups]


def _stats_for(label: str, facts: list[_ChallengeFacts], councils: list, peers: int,
               window: StatsWindow) -> ChallengeStats:
    later = set(STAGES[1:])
    cycle_start = window.today - CYCLE
    recent = {f.council_code for f in facts if f.stages and max(f.stages.values()) >= cycle_start}
    horizon = window.today + timedelta(days=30)
    due = [d for d in _due_steps(facts, window.today) if d.step == "progress review" and d.due_on <= horizon]
    return ChallengeStats(
        label=label,
        offered=len({f.council_code for f in facts}),
        committed=len({f.council_code for f in facts if later & set(f.stages)}),
        on_site_this_month=sum(1 for f in facts
                               if window.month_start <= f.stages.get("on site", date.min) <= window.today),
        reports_this_year=sum(1 for f in facts
                              if window.year_start <= f.stages.get("report published", date.min) <= window.today),
        progress_reviews_due=len(due),
        cycle_covered=sum(1 for c in councils if c.code in recent),
        cycle_total=len(councils),
        peers=peers)


@dataclass(frozen=True)
class YearCounts:
    """What happened in one financial year: challenges offered, on site, reports published."""

    label: str
    offered: int
    on_site: int
    reports: int


def challenges_by_year(session: Session) -> list[YearCounts]:
    """Stage counts per financial year, oldest first (for `/peer-challenge stats year`)."""
    counts: dict[int, dict[str, int]] = {}
    for stage, occurred_on in session.execute(select(PeerChallengeStage.stage, PeerChallengeStage.occurred_on)):
        fy = occurred_on.year if occurred_on.month >= 4 else occurred_on.year - 1
        year = counts.setdefault(fy, {})
        year[stage] = year.get(stage, 0) + 1
    return [YearCounts(f"{fy}/{(fy + 1) % 100:02d}", c.get("offered", 0), c.get("on site", 0),
                       c.get("report published", 0)) for fy, c in sorted(counts.items())]
