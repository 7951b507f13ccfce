"""Spotlights: a council coming into the media spotlight, noticed from its negative coverage.

A spotlight is one spike: a run of negative items about one council, each published within the
window (`HERALD_SPOTLIGHT_WINDOW_HOURS`, 48) of the one before. It starts when the negative items
of the last window that belong to no spotlight of that council yet reach either threshold:

- at least `HERALD_SPOTLIGHT_MIN_NEGATIVE` (3) items from at least `HERALD_SPOTLIGHT_MIN_OUTLETS` (2)
  outlets; or
- a spike: at least max(2 × the minimum, mean + 3σ) items, from any outlets, where mean and σ are the
  council's negative items per window over the 90 days before this window (45 windows of 48 h).

A negative item about a council published within the window of its latest spotlight's last item
joins that spotlight, whatever its status, so a spike alerts once and a dismissed spike stays
dismissed: a new spotlight needs a quiet window first. Each item joins at most one spotlight of a
council (the primary key), so two checks at once cannot both start one for the same items.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, Text, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.audit import ActorLike, record_audit
from models.council import Council
from models.coverage import CoverageCouncil, CoverageItem
from models.db import Base
from models.outlet import Outlet

STATUSES = ("open", "assigned", "dismissed", "supported")
BASELINE_DAYS = 90
SIGMAS = 3


class Spotlight(Base):
    """One spike of negative coverage about one council, and what the team did about it."""

    __tablename__ = "spotlights"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code"), index=True)
    started_at: Mapped[datetime]  # its first item's publication
    last_item_at: Mapped[datetime]  # its latest item's publication: the spike runs on within a window of it
    status: Mapped[str] = mapped_column(String(10), default="open")
    reason: Mapped[str] = mapped_column(String(300))
    assigned_to: Mapped[str | None] = mapped_column(String(100))
    assigned_name: Mapped[str | None] = mapped_column(String(200))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)


class SpotlightItem(Base):
    """A negative item in a spotlight; an item joins at most one spotlight per council."""

    __tablename__ = "spotlight_items"

    council_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    spotlight_id: Mapped[int] = mapped_column(ForeignKey("spotlights.id", ondelete="CASCADE"), index=True)


@dataclass(frozen=True)
class SpotlightRules:
    """The thresholds (settings, with defaults)."""

    min_negative: int = 3
    window_hours: int = 48
    min_outlets: int = 2

    @property
    def window(self) -> timedelta:
        return timedelta(hours=self.window_hours)


@dataclass(frozen=True)
class _Negative:
    coverage_id: int
    published_at: datetime
    outlet_id: int | None


def check_spotlights(session: Session, now: datetime, rules: SpotlightRules) -> list[Spotlight]:
    """Attach new negative items to their councils' running spikes and start the spotlights the
    thresholds call for; returns the spotlights started by this check.

    Two statements whatever the number of councils (the window's free negative items, and the
    spotlights recent enough to take them), plus the baseline of each council with a spike-sized run.
    """
    since = now - rules.window
    by_council = _free_negatives(session, since, now)
    running = _latest_spotlights(session, list(by_council), since - rules.window)
    started = []
    for code, items in sorted(by_council.items()):
        latest = running.get(code)
        if latest is not None and items[0].published_at - latest.last_item_at <= rules.window:
            _attach(session, latest, code, items)
            continue
        reason = _trigger(session, code, items, since, rules)
        if reason is None:
            continue
        spotlight = _start(session, code, items, reason, now)
        if spotlight is not None:
            started.append(spotlight)
    return started


def _free_negatives(session: Session, since: datetime, now: datetime) -> dict[str, list[_Negative]]:
    """The window's negative items in no spotlight of their council, by council, oldest first.

    Read through the items' period index (it leads with published_at), then each item's councils by key.
    """
    rows = session.execute(
        select(CoverageCouncil.council_code, CoverageItem.id, CoverageItem.published_at, CoverageItem.outlet_id)
        .join(CoverageCouncil, CoverageCouncil.coverage_id == CoverageItem.id)
        .outerjoin(SpotlightItem, and_(SpotlightItem.council_code == CoverageCouncil.council_code,
                                       SpotlightItem.coverage_id == CoverageItem.id))
        .where(CoverageItem.published_at >= since, CoverageItem.published_at <= now,
               CoverageItem.tone == "negative", SpotlightItem.coverage_id.is_(None))
        .order_by(CoverageItem.published_at, CoverageItem.id))
    found: dict[str, list[_Negative]] = {}
    for code, item_id, published_at, outlet_id in rows:
        found.setdefault(code, []).append(_Negative(item_id, published_at, outlet_id))
    return found


def _latest_spotlights(session: Session, codes: list[str], since: datetime) -> dict[str, Spotlight]:
    """Each council's latest spotlight whose last item is after `since` (older ones take nothing new)."""
    if not codes:
        return {}
    latest: dict[str, Spotlight] = {}
    for spotlight in session.scalars(select(Spotlight).where(
            Spotlight.last_item_at >= since, Spotlight.council_code.in_(codes)).order_by(Spotlight.last_item_at)):
        latest[spotlight.council_code] = spotlight
    return latest


def _trigger(session: Session, code: str, items: list[_Negative], since: datetime,
             rules: SpotlightRules) -> str | None:
    """Why these items start a spotlight (the rule, in words), or None."""
    outlets = {i.outlet_id for i in items if i.outlet_id is not None}
    if len(items) >= rules.min_negative and len(outlets) >= rules.min_outlets:
        return (f"{len(items)} negative items from {len(outlets)} outlets within {rules.window_hours} h")
    if len(items) < 2 * rules.min_negative:  # below the spike rule's floor whatever the baseline
        return None
    mean, sigma = negative_baseline(session, code, since, rules)
    threshold = max(2 * rules.min_negative, math.ceil(mean + SIGMAS * sigma))
    if len(items) >= threshold:
        return (f"{len(items)} negative items within {rules.window_hours} h, against a 90-day baseline of "
                f"{mean:.1f} per {rules.window_hours} h (σ {sigma:.1f})")
    return None


def negative_baseline(session: Session, code: str, before: datetime, rules: SpotlightRules) -> tuple[float, float]:
    """Mean and standard deviation of the council's negative items per window, over the 90 days
    before `before` (windows with none count as zero)."""
    start = before - timedelta(days=BASELINE_DAYS)
    windows = max(1, int(timedelta(days=BASELINE_DAYS) / rules.window))
    counts = [0] * windows
    for published in session.scalars(select(CoverageCouncil.published_at).where(
            CoverageCouncil.council_code == code, CoverageCouncil.tone == "negative",
            CoverageCouncil.published_at >= start, CoverageCouncil.published_at < before)):
        counts[min(windows - 1, int((published - start) / rules.window))] += 1
    mean = sum(counts) / windows
    return mean, math.sqrt(sum((c - mean) ** 2 for c in counts) / windows)


def _attach(session: Session, spotlight: Spotlight, code: str, items: list[_Negative]) -> None:
    """New items join a running spike (no new alert); a clash means another check attached them."""
    try:
        with session.begin_nested():
            session.add_all(SpotlightItem(council_code=code, coverage_id=i.coverage_id, spotlight_id=spotlight.id)
                            for i in items)
            spotlight.last_item_at = max(spotlight.last_item_at, items[-1].published_at)
    except IntegrityError:
        session.expire(spotlight)


def _start(session: Session, code: str, items: list[_Negative], reason: str, now: datetime) -> Spotlight | None:
    try:
        with session.begin_nested():
            spotlight = Spotlight(council_code=code, started_at=items[0].published_at,
                                  last_item_at=items[-1].published_at, status="open", reason=reason[:300],
                                  created_at=now)
            session.add(spotlight)
            session.flush()
            session.add_all(SpotlightItem(council_code=code, coverage_id=i.coverage_id, spotlight_id=spotlight.id)
                            for i in items)
            session.flush()
    except IntegrityError:  # another check started it meanwhile
        return None
    return spotlight


@dataclass(frozen=True)
class SpotlightStory:
    """One item of a spotlight, as an alert shows it."""

    coverage_id: int
    title: str
    url: str
    outlet: str | None
    published_at: datetime


def spotlight_stories(session: Session, spotlight_id: int, limit: int = 10) -> list[SpotlightStory]:
    """The spotlight's items, newest first."""
    rows = session.execute(
        select(CoverageItem.id, CoverageItem.title, CoverageItem.url, Outlet.name, CoverageItem.published_at)
        .join(SpotlightItem, SpotlightItem.coverage_id == CoverageItem.id)
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
        .where(SpotlightItem.spotlight_id == spotlight_id)
        .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc()).limit(limit))
    return [SpotlightStory(*row) for row in rows]


def item_count(session: Session, spotlight_id: int) -> int:
    return session.scalar(select(func.count()).where(SpotlightItem.spotlight_id == spotlight_id)) or 0


def council_name(session: Session, code: str) -> str:
    return session.scalar(select(Council.nice_name).where(Council.code == code)) or code


def open_spotlights(session: Session, council_code: str | None = None, limit: int = 30) -> list[Spotlight]:
    """Spotlights still needing the team (open or assigned), newest first; optionally one council's."""
    query = select(Spotlight).where(Spotlight.status.in_(("open", "assigned")))
    if council_code:
        query = query.where(Spotlight.council_code == council_code)
    return list(session.scalars(query.order_by(Spotlight.last_item_at.desc(), Spotlight.id.desc()).limit(limit)))


def assign_spotlight(session: Session, spotlight: Spotlight, user_id: str, name: str | None, actor: ActorLike,
                     now: datetime) -> None:
    """Give the spotlight to one person (it stays on the open list until dismissed or supported)."""
    old = spotlight.assigned_to
    spotlight.assigned_to, spotlight.assigned_name = user_id, name
    if spotlight.status == "open":
        spotlight.status = "assigned"
    record_audit(session, at=now, actor=actor, action="spotlight.assign", entity="spotlight",
                 entity_id=spotlight.id, detail={"old": old, "new": user_id})


def decide_spotlight(session: Session, spotlight: Spotlight, status: str, note: str | None, actor: ActorLike,
                     now: datetime) -> None:
    """Dismiss the spotlight, or mark it supported (a support offer was logged); audited."""
    old = spotlight.status
    spotlight.status, spotlight.decided_by, spotlight.decided_at = status, actor.user_id, now
    if note:
        spotlight.note = note[:1000]
    record_audit(session, at=now, actor=actor, action=f"spotlight.{'dismiss' if status == 'dismissed' else status}",
                 entity="spotlight", entity_id=spotlight.id, detail={"old": old, "new": status})


@dataclass(frozen=True)
class SpotlightFigures:
    """Spotlights raised in a period, and how many of those were dismissed or supported."""

    raised: int
    dismissed: int
    supported: int


def spotlight_figures(session: Session, start: datetime, end: datetime) -> SpotlightFigures:
    """Counts of the spotlights raised in [start, end), by what became of them."""
    row = session.execute(select(
        func.count(Spotlight.id), func.count(Spotlight.id).filter(Spotlight.status == "dismissed"),
        func.count(Spotlight.id).filter(Spotlight.status == "supported"))
        .where(Spotlight.created_at >= start, Spotlight.created_at < end)).one()
    return SpotlightFigures(raised=row[0] or 0, dismissed=row[1] or 0, supported=row[2] or 0)
