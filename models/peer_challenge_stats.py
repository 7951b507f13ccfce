"""The peer-challenge programme's numbers (how many councils offered, committed, visited, reported,
due, covered in the cycle), by region or council type and by year, counted by the database: one
statement per answer returns a row of numbers per group, whatever the number of councils, challenges
and stages. Date rules become bound parameters computed here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    ColumnElement, Date, Select, String, and_, bindparam, case, distinct, extract, func, literal_column, select, true,
    union_all,
)
from sqlalchemy.orm import Session

from models.council import ENGLISH_PRINCIPAL_TYPES, Council
from models.db import column_rows
from models.peer_challenge import (CYCLE, DUE_WITHIN_DAYS, PROGRESS_REVIEW_DUE, STAGES, Peer, PeerChallenge,
                                   PeerChallengeStage)

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
