"""Questions about coverage in a period: the counts `/coverage` and the digests report (one statement,
however large the table), a page of items, every item for an export, and the tag names a person may mean."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import Integer, and_, bindparam, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from models.coverage import TONES, CoverageCouncil, CoverageItem, CoverageTag
from models.db import column_rows
from models.outlet import TIERS, Outlet


@dataclass(frozen=True)
class CoverageFilters:
    """What to narrow coverage to. Empty tuples mean "any"."""

    outlet_ids: tuple[int, ...] = ()
    council_codes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # any of these tag names
    tone: str | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverageSummary:
    """Counts for a period: total, stories, by outlet tier, by tone, how many we earned, and the
    total of the period it is compared with (None when no comparison was asked for)."""

    count: int
    stories: int
    by_tier: dict[str, int]
    by_tone: dict[str, int]
    proactive: int
    before: int | None = None

    @property
    def favourable_share(self) -> float | None:
        """Positive plus neutral as a share of all items (the KPI councils report)."""
        if not self.count:
            return None
        return (self.by_tone.get("positive", 0) + self.by_tone.get("neutral", 0)) / self.count


@dataclass(frozen=True)
class CoverageRow:
    """One item as a list shows it."""

    id: int
    title: str
    url: str
    outlet: str | None
    tier: str | None
    published_at: datetime
    tone: str
    tone_overridden: bool
    councils: tuple[str, ...]
    tags: tuple[str, ...] = ()
    note: str | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class _Shape:
    """Which filters a query uses: statements are built once per shape and reused with new values."""

    tone: bool
    outlets: bool
    councils: bool
    tags: bool
    terms: int

    @classmethod
    def of(cls, f: CoverageFilters) -> "_Shape":
        return cls(bool(f.tone), bool(f.outlet_ids), bool(f.council_codes), bool(f.tags), len(f.terms))


def _like(term: str) -> str:
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _params(start: datetime, end: datetime, f: CoverageFilters) -> dict:
    params: dict = {"start": start, "end": end, "tone": f.tone, "outlet_ids": list(f.outlet_ids),
                    "council_codes": list(f.council_codes), "tags": [t.lower() for t in f.tags]}
    params.update({f"term{i}": _like(t) for i, t in enumerate(f.terms)})
    return params


def _where(shape: _Shape, start: str = "start", end: str = "end") -> list:
    """The WHERE clause for a shape, with bound parameters named as in `_params` (the period's
    bounds under the names given, so one statement can ask about two periods)."""
    conds = [CoverageItem.published_at >= bindparam(start, type_=CoverageItem.published_at.type),
             CoverageItem.published_at < bindparam(end, type_=CoverageItem.published_at.type)]
    if shape.tone:
        conds.append(CoverageItem.tone == bindparam("tone"))
    if shape.outlets:
        conds.append(CoverageItem.outlet_id.in_(bindparam("outlet_ids", expanding=True)))
    if shape.councils:
        conds.append(CoverageItem.id.in_(_council_item_ids(shape.tone, start, end)))
    if shape.tags:
        conds.append(exists().where(CoverageTag.coverage_id == CoverageItem.id,
                                    func.lower(CoverageTag.tag).in_(bindparam("tags", expanding=True))))
    for i in range(shape.terms):
        pattern = bindparam(f"term{i}")
        conds.append(or_(*(func.lower(column).like(pattern, escape="\\")
                           for column in (CoverageItem.title, CoverageItem.summary, CoverageItem.note))))
    return conds


def _council_item_ids(with_tone: bool, start: str, end: str):
    """The ids of items mentioning any of the councils in the period (and tone), from the
    council's own index alone: a few rows for a council, however large the table grows."""
    ids = select(CoverageCouncil.coverage_id).where(
        CoverageCouncil.council_code.in_(bindparam("council_codes", expanding=True)),
        CoverageCouncil.published_at >= bindparam(start, type_=CoverageCouncil.published_at.type),
        CoverageCouncil.published_at < bindparam(end, type_=CoverageCouncil.published_at.type))
    return ids.where(CoverageCouncil.tone == bindparam("tone")) if with_tone else ids


@functools.lru_cache(maxsize=128)
def _summary_statement(shape: _Shape, compared: bool):
    """Every count of a period in one pass over its items: total, by tone, by tier, stories and
    earned (a confirmed link to live press activity, as models.press_earned.coverage_split
    counts it), plus the comparison period's total as a subquery. Aggregates with FILTER rather
    than GROUP BY, so the database sorts nothing but the story ids."""
    from models.press import PressActivity, PressCoverageLink
    earned = (select(PressCoverageLink.coverage_id)
              .join(PressActivity, PressActivity.id == PressCoverageLink.press_id)
              .where(PressCoverageLink.status == "confirmed", PressActivity.deleted_at.is_(None)))
    columns = [func.count().label("total"),
               *(func.count().filter(CoverageItem.tone == tone).label(tone) for tone in TONES),
               *(func.count().filter(Outlet.tier == tier).label(tier) for tier in TIERS),
               func.count(distinct(func.coalesce(CoverageItem.story_id, -CoverageItem.id))).label("stories"),
               func.count().filter(CoverageItem.id.in_(earned)).label("proactive")]
    if compared:
        before = select(func.count()).select_from(CoverageItem).where(*_where(shape, "before_start", "before_end"))
        columns.append(before.correlate(None).scalar_subquery().label("before"))
    return (select(*columns).select_from(CoverageItem).outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
            .where(*_where(shape)))


def coverage_between(session: Session, period: "PeriodLike", filters: CoverageFilters,
                     compared_with: "PeriodLike | None" = None) -> CoverageSummary:
    """Aggregate counts for `period` (and the total of `compared_with`, the period it is set
    against) in one statement that reads no item rows into Python: the whole summary costs about
    one range scan of the period's index, so it stays fast at millions of items."""
    params = _params(period.start, period.end, filters)
    if compared_with is not None:
        params.update(before_start=compared_with.start, before_end=compared_with.end)
    row, = column_rows(session, _summary_statement(_Shape.of(filters), compared_with is not None), params)
    counts = row._asdict()
    by_tone = {tone: counts[tone] for tone in TONES if counts[tone]}
    by_tier = {tier: counts[tier] for tier in TIERS if counts[tier]}
    if unknown := counts["total"] - sum(by_tier.values()):
        by_tier["unknown"] = unknown
    before = int(counts["before"]) if compared_with is not None else None
    return CoverageSummary(counts["total"], counts["stories"], by_tier, by_tone, counts["proactive"], before)


_NAME_SEPARATOR = "\x1f"  # no council name contains the ASCII unit separator


@functools.lru_cache(maxsize=128)
def _page_statement(shape: _Shape):
    """A page of items with outlet and council names: the names gathered per item by a subquery."""
    from models.council import Council
    names = (select(func.aggregate_strings(Council.nice_name, _NAME_SEPARATOR))
             .join(CoverageCouncil, CoverageCouncil.council_code == Council.code)
             .where(CoverageCouncil.coverage_id == CoverageItem.id).scalar_subquery())
    return (select(CoverageItem.id, CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier,
                   CoverageItem.published_at, CoverageItem.tone, CoverageItem.tone_overridden, CoverageItem.note,
                   names.label("councils"), CoverageItem.story_id)
            .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(*_where(shape))
            .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc())
            .offset(bindparam("offset", type_=Integer)).limit(bindparam("limit", type_=Integer)))


def coverage_page(session: Session, period: "PeriodLike", filters: CoverageFilters, offset: int,
                  limit: int) -> list[CoverageRow]:
    """One page of matching items, newest first, with outlet and councils, in one statement."""
    params = {**_params(period.start, period.end, filters), "offset": offset, "limit": limit}
    return [CoverageRow(item_id, title, url, outlet, tier, published_at, tone, overridden,
                        tuple(sorted(councils.split(_NAME_SEPARATOR))) if councils else (), note=note,
                        story_id=story_id)
            for item_id, title, url, outlet, tier, published_at, tone, overridden, note, councils, story_id
            in column_rows(session, _page_statement(_Shape.of(filters)), params)]


def iter_coverage(session: Session, period: "PeriodLike", filters: CoverageFilters,
                  batch: int = 1000) -> Iterator[CoverageRow]:
    """Every matching item, newest first, fetched in batches (for exports)."""
    last: tuple[datetime, int] | None = None
    conds = _where(_Shape.of(filters))
    params = _params(period.start, period.end, filters)
    while True:
        query = (select(CoverageItem.id, CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier,
                        CoverageItem.published_at, CoverageItem.tone, CoverageItem.tone_overridden,
                        CoverageItem.note)
                 .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(*conds)
                 .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc()).limit(batch))
        if last is not None:
            query = query.where(or_(CoverageItem.published_at < last[0],
                                    and_(CoverageItem.published_at == last[0], CoverageItem.id < last[1])))
        rows = session.execute(query, params).all()
        if not rows:
            return
        ids = [r.id for r in rows]
        names, tags = _council_names(session, ids), _tags(session, ids)
        for r in rows:
            yield CoverageRow(r.id, r.title, r.url, r.name, r.tier, r.published_at, r.tone, r.tone_overridden,
                              tuple(names.get(r.id, ())), tuple(tags.get(r.id, ())), r.note)
        last = (rows[-1].published_at, rows[-1].id)


@functools.lru_cache(maxsize=1)
def _names_of_items():
    """Each item's council names, for a batch of item ids (built once)."""
    from models.council import Council
    return (select(CoverageCouncil.coverage_id, Council.nice_name)
            .join(Council, Council.code == CoverageCouncil.council_code)
            .where(CoverageCouncil.coverage_id.in_(bindparam("ids", expanding=True)))
            .order_by(Council.nice_name))


def _council_names(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if ids:
        for cid, name in session.execute(_names_of_items(), {"ids": ids}):
            out.setdefault(cid, []).append(name)
    return out


def _tags(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for cid, tag in session.execute(select(CoverageTag.coverage_id, CoverageTag.tag)
                                    .where(CoverageTag.coverage_id.in_(ids)).order_by(CoverageTag.tag)):
        out.setdefault(cid, []).append(tag)
    return out


def tag_names_like(session: Session, phrase: str) -> list[str]:
    """Tag names a person may mean by `phrase`: programme/campaign names, aliases or keywords
    containing it, and tags already used that contain it."""
    from models.campaign import Campaign
    from models.programme import Programme
    wanted = " ".join(phrase.lower().split())
    names: list[str] = []
    for model in (Programme, Campaign):
        for name, aliases, keywords in session.execute(select(model.name, model.aliases, model.keywords)):
            if any(wanted in " ".join(str(p).lower().split()) for p in [name, *(aliases or []), *(keywords or [])]):
                names.append(name)
    names += [t for t in session.scalars(select(CoverageTag.tag).where(
        func.lower(CoverageTag.tag).contains(wanted, autoescape=True)).distinct().limit(20))]
    return list(dict.fromkeys(names))


class PeriodLike:  # pragma: no cover - typing aid: models.periods.Period
    start: datetime
    end: datetime
