"""Coverage counted and listed by what it mentions: a programme it is tagged to, or a council.

These are small read-only queries over the coverage tables for `/programme <name>` and `/council`;
the full coverage search belongs to `/coverage`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.coverage import CoverageCouncil, CoverageItem, CoverageTag
from models.outlet import Outlet
from models.programme import Programme


@dataclass(frozen=True)
class CoverageLine:
    """One coverage item as a list shows it."""

    title: str
    url: str
    published_at: datetime
    tone: str
    outlet: str | None


@dataclass(frozen=True)
class ProgrammeMentions:
    """A programme and how many coverage items mentioning a council were tagged to it."""

    programme_id: int
    name: str
    items: int


def _page(session: Session, ids: Select, limit: int) -> tuple[int, list[CoverageLine]]:
    """How many items `ids` selects, and the newest `limit` of them."""
    ids = ids.distinct().subquery()
    total = session.scalar(select(func.count()).select_from(ids)) or 0
    rows = session.execute(
        select(CoverageItem.title, CoverageItem.url, CoverageItem.published_at, CoverageItem.tone, Outlet.name)
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
        .where(CoverageItem.id.in_(select(ids.c.id)))
        .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc()).limit(limit)).all()
    return total, [CoverageLine(*row) for row in rows]


def programme_coverage(session: Session, programme_id: int, start: datetime, end: datetime,
                       limit: int = 10) -> tuple[int, list[CoverageLine]]:
    """Coverage tagged to a programme and published in [start, end): the count and the newest items."""
    ids = select(CoverageItem.id).join(CoverageTag, CoverageTag.coverage_id == CoverageItem.id).where(
        CoverageTag.programme_id == programme_id, CoverageItem.published_at >= start,
        CoverageItem.published_at < end)
    return _page(session, ids, limit)


def council_coverage(session: Session, council_code: str, start: datetime, end: datetime,
                     limit: int = 5) -> tuple[int, list[CoverageLine]]:
    """Coverage mentioning a council and published in [start, end): the count and the newest items."""
    ids = select(CoverageCouncil.coverage_id.label("id")).where(  # one range of the council's own period index
        CoverageCouncil.council_code == council_code, CoverageCouncil.published_at >= start,
        CoverageCouncil.published_at < end)
    return _page(session, ids, limit)


def programmes_mentioning(session: Session, council_code: str, limit: int = 5) -> list[ProgrammeMentions]:
    """Programmes tagged on coverage that mentions the council (any date), most mentioned first."""
    count = func.count(func.distinct(CoverageTag.coverage_id))
    rows = session.execute(
        select(Programme.id, Programme.name, count)
        .join(CoverageTag, CoverageTag.programme_id == Programme.id)
        .join(CoverageCouncil, CoverageCouncil.coverage_id == CoverageTag.coverage_id)
        .where(CoverageCouncil.council_code == council_code)
        .group_by(Programme.id, Programme.name).order_by(count.desc(), Programme.name).limit(limit)).all()
    return [ProgrammeMentions(*row) for row in rows]
