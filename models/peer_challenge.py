"""Peer challenges per council, their stage history, and the peers signed up to deliver them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    ColumnElement, Date, ForeignKey, Integer, Select, String, Text, and_, bindparam, case, distinct, extract, func,
    literal_column, select, true, union_all,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from models.audit import ActorLike, record_audit
from models.council import ENGLISH_PRINCIPAL_TYPES, Council
from models.db import Base, column_rows

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


def _challenge_facts(session: Session) -> list[_ChallengeFacts]:
    """Every challenge with its council and stage dates: two queries whatever the number."""
    heads = column_rows(session, select(PeerChallenge.id, PeerChallenge.council_code, Council.nice_name, Council.region,
                                  Council.type_name).join(Council, Council.code == PeerChallenge.council_code))
    stages: dict[int, dict[str, date]] = {}
    for cid, stage, occurred_on in column_rows(session, select(PeerChallengeStage.challenge_id, PeerChallengeStage.stage,
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


def due_steps(session: Session, today: date, within_days: int = DUE_WITHIN_DAYS) -> list[DueStep]:
    """Action plans and progress reviews overdue or due within `within_days`, most overdue first."""
    horizon = today + timedelta(days=within_days)
    return sorted((d for d in _due_steps(_challenge_facts(session), today) if d.due_on <= horizon),
                  key=lambda d: (d.due_on, d.council_name))


# --- The programme-wide numbers -------------------------------------------------------------------
# Counted by the database: one statement per answer returns a row of numbers per group, whatever the
# number of councils, challenges and stages. Date rules become bound parameters computed here.

_DAY = timedelta(days=1)
_NOTHING = literal_column("0")  # a count a part of the union does not contribute to


def earliest_start_due_from(after: relativedelta | timedelta, bound: date) -> date:
    """The earliest day d with d + `after` ≥ `bound`: "falls due on or after bound" as a bound on d.

    d + after never decreases as d grows, but relativedelta clips month ends (29 Feb 2024 + 12 months
    = 28 Feb 2025 = 28 Feb 2024 + 12 months), so bound - after may be a day off: step to the exact edge.
    """
    day = bound - after
    while day + after < bound:
        day += _DAY
    while day - _DAY + after >= bound:
        day -= _DAY
    return day


def latest_start_due_by(after: relativedelta | timedelta, bound: date) -> date:
    """The latest day d with d + `after` ≤ `bound`: "falls due by bound" as a bound on d (see above)."""
    day = bound - after
    while day + after > bound:
        day -= _DAY
    while day + _DAY + after <= bound:
        day += _DAY
    return day


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

    @property
    def cycle_start(self) -> date:
        """The first day of the three-year cycle that ends today; follow-ups due before it have lapsed."""
        return self.today - CYCLE

    @property
    def review_due_visits(self) -> tuple[date, date]:
        """The first and last visit dates whose progress review (visit + 12 months) counts as due today:
        on or after `cycle_start` (not lapsed) and by DUE_WITHIN_DAYS from today."""
        horizon = self.today + timedelta(days=DUE_WITHIN_DAYS)
        return (earliest_start_due_from(PROGRESS_REVIEW_DUE, self.cycle_start),
                latest_start_due_by(PROGRESS_REVIEW_DUE, horizon))


@dataclass(frozen=True)
class CouncilGroup:
    """Only the councils of one region, or of one council type (`/peer-challenge stats London`)."""

    region: str | None = None
    type_name: str | None = None


# The statements are built once per kind of answer (see `_stats_statement`); what changes from one
# answer to the next is passed in these parameters.
_TODAY, _MONTH_START, _YEAR_START, _CYCLE_START, _FIRST_VISIT, _LAST_VISIT = (
    bindparam(name, type_=Date) for name in
    ("today", "month_start", "year_start", "cycle_start", "first_visit", "last_visit"))
_REGION, _TYPE_NAME = bindparam("region", type_=String), bindparam("type_name", type_=String)
_COUNTS = ("listed", "offered", "committed", "on_site", "reports", "due", "covered", "total", "peers")


def challenge_stats(session: Session, window: StatsWindow, group_by: str | None = None,
                    only: CouncilGroup | None = None) -> list[ChallengeStats]:
    """The numbers overall (group_by None) or per "region" / "type", of the councils `only` names.

    One statement whatever the number of councils: the database counts challenges, councils and peers
    per group and sums them into one row per group.
    """
    grouped = group_by is not None or only is not None
    keyed = group_by if group_by in ("region", "type") else None
    only = only or CouncilGroup()
    first_visit, last_visit = window.review_due_visits
    statement = _stats_statement(keyed, (only.region is not None, only.type_name is not None) if grouped else None)
    rows = column_rows(session, statement, {
        "today": window.today, "month_start": window.month_start, "year_start": window.year_start,
        "cycle_start": window.cycle_start, "first_visit": first_visit, "last_visit": last_visit,
        "region": only.region, "type_name": only.type_name})
    fixed = "Selected councils" if grouped else "All councils"
    stats = [ChallengeStats(label=row.label if keyed else fixed, offered=int(row.offered),
                            committed=int(row.committed), on_site_this_month=int(row.on_site),
                            reports_this_year=int(row.reports), progress_reviews_due=int(row.due),
                            cycle_covered=int(row.covered), cycle_total=int(row.total), peers=int(row.peers))
             for row in rows if row.listed or not grouped]
    return sorted(stats, key=lambda s: s.label)


@lru_cache(maxsize=None)
def _stats_statement(group_by: str | None, filtered: tuple[bool, bool] | None) -> Select:
    """The statement for one kind of answer: grouped by "region", "type" or not at all; `filtered` says
    whether a region and/or a type is asked for (None: all councils, and every peer, council or not)."""
    parts = union_all(_challenge_counts(group_by, filtered or (False, False)),
                      _council_counts(group_by, filtered or (False, False)),
                      _peer_counts(group_by, filtered)).subquery("parts")
    sums = [func.sum(parts.c[name]).label(name) for name in _COUNTS]
    return select(parts.c.label, *sums).group_by(parts.c.label) if group_by else select(*sums)


def _in_group(region: ColumnElement, type_name: ColumnElement, filtered: tuple[bool, bool]) -> ColumnElement[bool]:
    """The asked-for region and/or type as a condition on a region and a council type column."""
    return and_(true(), *[column == wanted for column, wanted, asked in
                          ((region, _REGION, filtered[0]), (type_name, _TYPE_NAME, filtered[1])) if asked])


def _label(group_by: str | None, region: ColumnElement, type_name: ColumnElement) -> ColumnElement | None:
    """The column a part's rows are grouped by: the region, the council type, or none."""
    return {"region": region, "type": type_name}.get(group_by)


def _counted(group_by: str | None, region: ColumnElement, type_name: ColumnElement,
             **counts: ColumnElement) -> list[ColumnElement]:
    """The columns every part of the union shares: its group's label (when grouped), then each count."""
    label = _label(group_by, region, type_name)
    return ([label.label("label")] if label is not None else []) + [
        counts.get(name, _NOTHING).label(name) for name in _COUNTS]


def _grouped(query: Select, group_by: str | None, region: ColumnElement, type_name: ColumnElement) -> Select:
    label = _label(group_by, region, type_name)
    return query.group_by(label) if label is not None else query


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.count(case((condition, 1)))


def _english_principal() -> ColumnElement[bool]:
    """A current English principal council: the councils the three-year cycle is to cover."""
    return and_(Council.current.is_(True), Council.nation == "England", Council.type_code.in_(ENGLISH_PRINCIPAL_TYPES))


def _challenge_counts(group_by: str | None, filtered: tuple[bool, bool]) -> Select:
    """Per group: challenges, councils offered, committed and in the current cycle, on site this month,
    reports this year, progress reviews due; each challenge read as one row of its stages' latest dates."""
    stage = PeerChallengeStage

    def latest(name: str) -> ColumnElement:
        return func.max(case((stage.stage == name, stage.occurred_on)))

    dates = (select(stage.challenge_id, func.max(stage.occurred_on).label("last_on"),
                    latest("on site").label("on_site"), latest("report published").label("published"),
                    func.max(case((stage.stage == "progress review", 1), else_=0)).label("reviewed"),
                    func.max(case((stage.stage.in_(STAGES[1:]), 1), else_=0)).label("committed"))
             .group_by(stage.challenge_id).subquery("stage_dates"))
    code = PeerChallenge.council_code
    in_cycle = and_(_english_principal(), dates.c.last_on >= _CYCLE_START)
    review_due = and_(dates.c.reviewed == 0,  # no stages, no visit: never due
                      func.coalesce(dates.c.on_site, dates.c.published).between(_FIRST_VISIT, _LAST_VISIT))
    query = (select(*_counted(
        group_by, Council.region, Council.type_name, listed=func.count(), offered=func.count(distinct(code)),
        committed=func.count(distinct(case((dates.c.committed == 1, code)))),
        covered=func.count(distinct(case((in_cycle, code)))),
        on_site=_count_where(dates.c.on_site.between(_MONTH_START, _TODAY)),
        reports=_count_where(dates.c.published.between(_YEAR_START, _TODAY)),
        due=_count_where(review_due)))
        .select_from(PeerChallenge).join(Council, Council.code == code)
        .outerjoin(dates, dates.c.challenge_id == PeerChallenge.id)
        .where(_in_group(Council.region, Council.type_name, filtered)))
    return _grouped(query, group_by, Council.region, Council.type_name)


def _council_counts(group_by: str | None, filtered: tuple[bool, bool]) -> Select:
    """Per group: the current English principal councils (the cycle's total)."""
    return _grouped(select(*_counted(group_by, Council.region, Council.type_name,
                                     listed=func.count(), total=func.count()))
                    .where(_english_principal(), _in_group(Council.region, Council.type_name, filtered)),
                    group_by, Council.region, Council.type_name)


def _peer_counts(group_by: str | None, filtered: tuple[bool, bool] | None) -> Select:
    """Per group: peers signed up by today; in a group only with a council (`filtered` None: all peers)."""
    query = (select(*_counted(group_by, Council.region, Council.type_name, peers=func.count())).select_from(Peer)
             .outerjoin(Council, Council.code == Peer.council_code).where(Peer.signed_up_on <= _TODAY))
    if filtered is not None:
        query = query.where(Council.region.is_not(None), _in_group(Council.region, Council.type_name, filtered))
    return _grouped(query, group_by, Council.region, Council.type_name)


@dataclass(frozen=True)
class YearCounts:
    """What happened in one financial year: challenges offered, on site, reports published."""

    label: str
    offered: int
    on_site: int
    reports: int


def challenges_by_year(session: Session) -> list[YearCounts]:
    """Stage counts per financial year (April to March), oldest first (for `/peer-challenge stats year`)."""
    return [YearCounts(f"{int(row.fy)}/{(int(row.fy) + 1) % 100:02d}", row.offered, row.on_site, row.reports)
            for row in column_rows(session, _by_year_statement())]


@lru_cache(maxsize=None)
def _by_year_statement() -> Select:
    """Each stage's financial year (a year from April, by the month) then the counts per year."""
    day = PeerChallengeStage.occurred_on
    year = extract("year", day)
    dated = select(PeerChallengeStage.stage, case((extract("month", day) >= 4, year), else_=year - 1)
                   .label("fy")).subquery("dated")
    return (select(dated.c.fy, _count_where(dated.c.stage == "offered").label("offered"),
                   _count_where(dated.c.stage == "on site").label("on_site"),
                   _count_where(dated.c.stage == "report published").label("reports"))
            .group_by(dated.c.fy).order_by(dated.c.fy))
