"""The read queries digests need, kept aggregate (counts in SQL, short lists with LIMIT).

A weekly round-up over a busy week (10,000 items) must build in well under a second, so nothing
here loads every item: tone and per-day counts are summed in the database, lists are capped.
Embargoed press activity (embargo not yet lifted at `now`) is never returned.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from models.campaign import Campaign, CampaignActivity, CampaignMetric
from models.council import Council
from models.alerts import AlertDelivery
from models.coverage import CoverageCouncil, CoverageItem
from models.outlet import Outlet
from models.peer_challenge import PeerChallenge, PeerChallengeStage
from models.press import PUBLIC, PressActivity, embargo_lifted
from models.programme import Programme, RagRating

TONE_ORDER = ("positive", "neutral", "negative")
TIER_RANK = {"national": 0, "broadcast": 1, "trade": 2, "regional": 3, "local": 4, "online": 5}


@dataclass(frozen=True)
class ToneCounts:
    """Items by tone."""

    positive: int = 0
    neutral: int = 0
    negative: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True)
class DayCounts:
    """Items by tone on one local day."""

    day: date
    tones: ToneCounts


@dataclass(frozen=True)
class StoryLine:
    """One coverage item (or one story: its leading item, with every outlet that carried it) as
    digests list it."""

    title: str
    url: str
    outlet: str | None
    tier: str | None
    tone: str
    published_at: datetime
    outlets: tuple[str, ...] = ()  # a story's outlets, the leading item's first
    councils: tuple[str, ...] = ()  # the councils any of the story's items is about


@dataclass(frozen=True)
class OutletCount:
    """An outlet's items by tone."""

    outlet: str
    tier: str | None
    tones: ToneCounts


@dataclass(frozen=True)
class PressLine:
    """One press activity as digests list it."""

    kind: str
    title: str
    outlet: str | None
    spokesperson: str | None
    occurred_at: datetime


@dataclass(frozen=True)
class ActivityLine:
    """One campaign activity, planned or done."""

    campaign: str
    title: str
    due_on: date
    channel: str | None


@dataclass(frozen=True)
class MetricLine:
    """A campaign metric and the value measured before it."""

    campaign: str
    name: str
    value: float
    measured_on: date
    previous: float | None


@dataclass(frozen=True)
class StageLine:
    """A peer challenge stage of a council on a date."""

    council: str
    stage: str
    occurred_on: date


@dataclass(frozen=True)
class RatingChange:
    """A programme rating that differs from the one before."""

    programme: str
    rating: str
    previous: str | None
    comment: str | None
    rated_at: datetime


def _tones(rows) -> ToneCounts:
    counts = {tone: int(n) for tone, n in rows if tone in TONE_ORDER}
    return ToneCounts(**counts)


def _in(column, start: datetime, end: datetime):
    return and_(column >= start, column < end)


def tone_counts(session: Session, start: datetime, end: datetime) -> ToneCounts:
    """Coverage items published in [start, end), by tone."""
    rows = session.execute(select(CoverageItem.tone, func.count()).where(_in(CoverageItem.published_at, start, end))
                           .group_by(CoverageItem.tone))
    return _tones(rows)


def counts_by_day(session: Session, days: list[tuple[date, datetime, datetime]]) -> list[DayCounts]:
    """Items per local day and tone in one query: `days` is (day, start, end) in UTC."""
    if not days:
        return []
    columns = [func.sum(case((_in(CoverageItem.published_at, s, e), 1), else_=0)) for _, s, e in days]
    rows = session.execute(select(CoverageItem.tone, *columns)
                           .where(_in(CoverageItem.published_at, days[0][1], days[-1][2]))
                           .group_by(CoverageItem.tone)).all()
    out = []
    for index, (day, _, _) in enumerate(days):
        out.append(DayCounts(day, _tones((row[0], row[index + 1] or 0) for row in rows)))
    return out


def _tier_rank():
    return case(*((Outlet.tier == tier, rank) for tier, rank in TIER_RANK.items()), else_=9)


STORY_SCAN = 40  # items read per story wanted: enough to gather a story's outlets


def top_stories(session: Session, start: datetime, end: datetime, limit: int = 5) -> list[StoryLine]:
    """The stories from the highest-tier outlets first (national, broadcast, trade…), newest first:
    one line per story, led by its highest-tier item, with every outlet that carried it and the
    councils its items are about. The weekly round-up lists the first few, the daily digest all."""
    rows = session.execute(
        select(CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier, CoverageItem.tone,
               CoverageItem.published_at, CoverageItem.id, func.coalesce(CoverageItem.story_id, -CoverageItem.id))
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
        .where(_in(CoverageItem.published_at, start, end))
        .order_by(_tier_rank(), CoverageItem.published_at.desc()).limit(limit * STORY_SCAN))
    stories: dict[int, tuple[tuple, list[str], list[int]]] = {}
    for *line, item_id, story in rows:
        lead, outlets, item_ids = stories.setdefault(story, (tuple(line), [], []))
        item_ids.append(item_id)
        name = line[2] or "Unknown outlet"
        if name not in outlets:
            outlets.append(name)
    chosen = list(stories.values())[:limit]
    councils = _council_names(session, [i for _, _, ids in chosen for i in ids])
    return [StoryLine(*lead, outlets=tuple(outlets),
                      councils=tuple(dict.fromkeys(name for i in ids for name in councils.get(i, ()))))
            for lead, outlets, ids in chosen]


def _council_names(session: Session, item_ids: list[int]) -> dict[int, list[str]]:
    """Each item's councils by their short names, in one statement."""
    names: dict[int, list[str]] = {}
    if item_ids:
        for item_id, name in session.execute(
                select(CoverageCouncil.coverage_id, Council.nice_name)
                .join(Council, Council.code == CoverageCouncil.council_code)
                .where(CoverageCouncil.coverage_id.in_(item_ids))
                .order_by(CoverageCouncil.coverage_id, Council.nice_name)):
            names.setdefault(item_id, []).append(name)
    return names


def story_count(session: Session, start: datetime, end: datetime) -> int:
    """How many stories coverage published in [start, end) tells (an item without a story is one)."""
    return session.scalar(select(func.count(distinct(func.coalesce(CoverageItem.story_id, -CoverageItem.id))))
                          .where(_in(CoverageItem.published_at, start, end))) or 0


def counts_by_outlet(session: Session, start: datetime, end: datetime, limit: int = 15) -> list[OutletCount]:
    """Coverage per outlet and tone, busiest outlets first."""
    total = func.count().label("total")
    top = (select(CoverageItem.outlet_id, total).where(_in(CoverageItem.published_at, start, end))
           .group_by(CoverageItem.outlet_id).order_by(total.desc()).limit(limit).subquery())
    rows = session.execute(
        select(CoverageItem.outlet_id, Outlet.name, Outlet.tier, CoverageItem.tone, func.count())
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
        .join(top, or_(top.c.outlet_id == CoverageItem.outlet_id,
                       and_(top.c.outlet_id.is_(None), CoverageItem.outlet_id.is_(None))))
        .where(_in(CoverageItem.published_at, start, end))
        .group_by(CoverageItem.outlet_id, Outlet.name, Outlet.tier, CoverageItem.tone)).all()
    grouped: dict[object, tuple[str, str | None, list]] = {}
    for outlet_id, name, tier, tone, n in rows:
        grouped.setdefault(outlet_id, (name or "Unknown outlet", tier, []))[2].append((tone, n))
    result = [OutletCount(name, tier, _tones(tones)) for name, tier, tones in grouped.values()]
    return sorted(result, key=lambda o: (-o.tones.total, o.outlet))


def unclassified(session: Session, start: datetime, end: datetime, limit: int = 10) -> tuple[int, list[StoryLine]]:
    """Items nobody has tagged or checked yet: how many, and the first few."""
    where = and_(_in(CoverageItem.published_at, start, end), CoverageItem.classified.is_(False))
    count = session.scalar(select(func.count()).select_from(CoverageItem).where(where)) or 0
    rows = session.execute(
        select(CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier, CoverageItem.tone,
               CoverageItem.published_at)
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(where)
        .order_by(CoverageItem.published_at.desc()).limit(limit))
    return count, [StoryLine(*row) for row in rows]


def alerts_sent(session: Session, start: datetime, end: datetime) -> int:
    """Coverage alerts that went out in [start, end)."""
    return session.scalar(select(func.count()).select_from(AlertDelivery)
                          .where(AlertDelivery.status == "sent", _in(AlertDelivery.sent_at, start, end))) or 0


def _visible_press(now: datetime):
    """What a digest may show: not deleted, and no embargo still on (the one rule, from models.press)."""
    return and_(PressActivity.deleted_at.is_(None), embargo_lifted(PUBLIC, now))


def press_counts(session: Session, start: datetime, end: datetime, now: datetime) -> dict[str, int]:
    """Press activity put out in [start, end) by kind, embargoed items left out."""
    rows = session.execute(select(PressActivity.kind, func.count())
                           .where(_in(PressActivity.occurred_at, start, end), _visible_press(now))
                           .group_by(PressActivity.kind).order_by(func.count().desc(), PressActivity.kind))
    return {kind: int(n) for kind, n in rows}


def press_lines(session: Session, start: datetime, end: datetime, now: datetime,
                limit: int = 20) -> list[PressLine]:
    """Press activity put out in [start, end), oldest first, embargoed items left out."""
    rows = session.execute(
        select(PressActivity.kind, PressActivity.title, PressActivity.outlet_name, PressActivity.spokesperson,
               PressActivity.occurred_at)
        .where(_in(PressActivity.occurred_at, start, end), _visible_press(now))
        .order_by(PressActivity.occurred_at).limit(limit))
    return [PressLine(*row) for row in rows]


def activities(session: Session, first: date, last_exclusive: date, status: str,
               limit: int = 15) -> list[ActivityLine]:
    """Campaign activities due (planned) or done in the local dates [first, last_exclusive)."""
    day = CampaignActivity.done_on if status == "done" else CampaignActivity.due_on
    rows = session.execute(
        select(Campaign.name, CampaignActivity.title, day, CampaignActivity.channel)
        .join(Campaign, Campaign.id == CampaignActivity.campaign_id)
        .where(CampaignActivity.status == status, day >= first, day < last_exclusive)
        .order_by(day, Campaign.name).limit(limit))
    return [ActivityLine(*row) for row in rows]


def metrics_moved(session: Session, first: date, last_exclusive: date, limit: int = 15) -> list[MetricLine]:
    """Metrics measured in the dates [first, last_exclusive), each with the value measured before it."""
    rows = session.execute(
        select(Campaign.name, CampaignMetric.name, CampaignMetric.value, CampaignMetric.measured_on,
               CampaignMetric.campaign_id)
        .join(Campaign, Campaign.id == CampaignMetric.campaign_id)
        .where(CampaignMetric.measured_on >= first, CampaignMetric.measured_on < last_exclusive)
        .order_by(Campaign.name, CampaignMetric.name, CampaignMetric.measured_on.desc()).limit(limit)).all()
    out = []
    for campaign, name, value, measured_on, campaign_id in rows:
        previous = session.scalar(
            select(CampaignMetric.value).where(CampaignMetric.campaign_id == campaign_id,
                                               CampaignMetric.name == name,
                                               CampaignMetric.measured_on < measured_on)
            .order_by(CampaignMetric.measured_on.desc()).limit(1))
        out.append(MetricLine(campaign, name, value, measured_on, previous))
    return out


def stages_reached(session: Session, first: date, last_exclusive: date, limit: int = 15) -> list[StageLine]:
    """Peer challenge stages reached in the dates [first, last_exclusive)."""
    rows = session.execute(
        select(Council.nice_name, PeerChallengeStage.stage, PeerChallengeStage.occurred_on)
        .join(PeerChallenge, PeerChallenge.id == PeerChallengeStage.challenge_id)
        .join(Council, Council.code == PeerChallenge.council_code)
        .where(PeerChallengeStage.occurred_on >= first, PeerChallengeStage.occurred_on < last_exclusive)
        .order_by(PeerChallengeStage.occurred_on).limit(limit))
    return [StageLine(*row) for row in rows]


def challenges_due(session: Session, first: date, last_exclusive: date, limit: int = 10) -> list[StageLine]:
    """Challenges whose current stage is dated ahead in [first, last_exclusive) (visits, reviews due)."""
    rows = session.execute(
        select(Council.nice_name, PeerChallenge.stage, PeerChallenge.stage_on)
        .join(Council, Council.code == PeerChallenge.council_code)
        .where(PeerChallenge.stage_on >= first, PeerChallenge.stage_on < last_exclusive)
        .order_by(PeerChallenge.stage_on).limit(limit))
    return [StageLine(*row) for row in rows]


def rating_changes(session: Session, start: datetime, end: datetime, limit: int = 10) -> list[RatingChange]:
    """Programme ratings given in [start, end) that differ from the one before."""
    rows = session.execute(
        select(Programme.name, RagRating.rating, RagRating.comment, RagRating.rated_at, RagRating.programme_id)
        .join(Programme, Programme.id == RagRating.programme_id)
        .where(_in(RagRating.rated_at, start, end)).order_by(RagRating.rated_at).limit(limit * 3)).all()
    out = []
    for name, rating, comment, rated_at, programme_id in rows:
        previous = session.scalar(select(RagRating.rating).where(
            RagRating.programme_id == programme_id, RagRating.rated_at < rated_at)
            .order_by(RagRating.rated_at.desc()).limit(1))
        if previous != rating:
            out.append(RatingChange(name, rating, previous, comment, rated_at))
    return out[:limit]
