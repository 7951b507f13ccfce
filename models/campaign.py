"""Campaigns, their planned and done activities, and their metrics over time."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import JSON, Date, Float, ForeignKey, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.coverage import CoverageItem, CoverageTag
from models.db import Base
from models.lookup import resolve_name

CHANNELS = ("website", "linkedin", "x", "e-bulletins", "events", "press", "email", "other")
ACTIVITY_STATES = ("planned", "done", "cancelled")


class Campaign(Base):
    """A communications campaign, e.g. "Be a Councillor"."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    objective: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]

    activities: Mapped[list["CampaignActivity"]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignActivity.due_on")
    metrics: Mapped[list["CampaignMetric"]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignMetric.measured_on")


class CampaignActivity(Base):
    """One line of a campaign's plan: what, when, through which channel, planned or done."""

    __tablename__ = "campaign_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    channel: Mapped[str | None] = mapped_column(String(30))
    done_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]

    campaign: Mapped[Campaign] = relationship(back_populates="activities")


class CampaignMetric(Base):
    """A named figure for a campaign on a date (page views, applications…); one per day."""

    __tablename__ = "campaign_metrics"
    __table_args__ = (UniqueConstraint("campaign_id", "name", "measured_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    measured_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(30))
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    recorded_at: Mapped[datetime]

    campaign: Mapped[Campaign] = relationship(back_populates="metrics")


# ---------------------------------------------------------------------------------------------
# Domain actions: the chat command, the metrics webhook and the CSV import all call these.
# ---------------------------------------------------------------------------------------------

CHANNEL_ALIASES = {
    "web": "website", "webpage": "website", "site": "website", "twitter": "x", "x/twitter": "x",
    "twitter/x": "x", "e-bulletin": "e-bulletins", "ebulletin": "e-bulletins", "ebulletins": "e-bulletins",
    "bulletin": "e-bulletins", "bulletins": "e-bulletins", "newsletter": "e-bulletins", "event": "events",
    "conference": "events", "roadshow": "events", "media": "press", "trade media": "press",
    "e-mail": "email", "letter": "email", "linked in": "linkedin",
}
METRIC_NAME = re.compile(r"^[a-z][a-z0-9_]{0,99}$")


class CampaignDataError(ValueError):
    """A value a campaign cannot take (a bad status, channel or metric name); the message says why."""


def campaign_channel(text: str) -> str:
    """The canonical channel for what someone typed ("Twitter" → "x"), or CampaignDataError."""
    word = " ".join(text.strip().lower().split())
    word = CHANNEL_ALIASES.get(word, word)
    if word not in CHANNELS:
        raise CampaignDataError(f'"{text.strip()}" is not a channel (use one of: {", ".join(CHANNELS)})')
    return word


def activity_status(text: str) -> str:
    """planned, done or cancelled, from what someone typed; CampaignDataError otherwise."""
    word = text.strip().lower()
    word = {"complete": "done", "completed": "done", "plan": "planned", "canceled": "cancelled"}.get(word, word)
    if word not in ACTIVITY_STATES:
        raise CampaignDataError(f'"{text.strip()}" is not a status (use planned, done or cancelled)')
    return word


def metric_name(text: str) -> str:
    """A metric's stored name: "Page views" → "page_views"; CampaignDataError if it cannot be one."""
    name = re.sub(r"[\s\-]+", "_", text.strip().lower())
    if not METRIC_NAME.match(name):
        raise CampaignDataError(f'"{text.strip()}" is not a metric name (letters, digits and _, e.g. page_views)')
    return name


def find_campaign(session: Session, text: str) -> Campaign:
    """The campaign `text` names (its name or an alias, forgiving typos), or `UnknownName` with suggestions."""
    campaigns = session.scalars(select(Campaign).order_by(Campaign.name))
    return resolve_name("campaign", text, ((c, c.name, c.aliases or ()) for c in campaigns))


def all_campaigns(session: Session) -> list[Campaign]:
    """Every campaign, the most recently started first."""
    return list(session.scalars(select(Campaign).order_by(Campaign.starts_on.desc().nulls_last(), Campaign.name)))


def add_activity(session: Session, campaign: Campaign, title: str, due_on: date, status: str,
                 channel: str | None, actor: ActorLike, now: datetime) -> CampaignActivity:
    """Add a planned or done activity to a campaign's plan, audited."""
    activity = CampaignActivity(campaign_id=campaign.id, title=title, due_on=due_on, status=status,
                                channel=channel, done_on=due_on if status == "done" else None,
                                created_by=actor.user_id, created_at=now)
    session.add(activity)
    session.flush()
    record_audit(session, at=now, actor=actor, action="campaign.activity_add", entity="campaign",
                 entity_id=campaign.id, detail={"activity_id": activity.id, "title": title,
                                                "due_on": due_on.isoformat(), "status": status})
    return activity


@dataclass(frozen=True)
class MetricResult:
    """What recording a metric did: `added`, `updated` (a new value for that day) or `unchanged`."""

    metric: CampaignMetric
    outcome: str
    previous_value: float | None = None


def record_metric(session: Session, campaign: Campaign, name: str, value: float, measured_on: date,
                  source: str, actor: ActorLike, now: datetime) -> MetricResult:
    """Store a metric for a day: one value per campaign, metric and day, so repeats change nothing."""
    existing = session.scalar(select(CampaignMetric).where(
        CampaignMetric.campaign_id == campaign.id, CampaignMetric.name == name,
        CampaignMetric.measured_on == measured_on))
    if existing is not None and existing.value == value:
        return MetricResult(existing, "unchanged", existing.value)
    previous = existing.value if existing is not None else None
    if existing is None:
        existing = CampaignMetric(campaign_id=campaign.id, name=name, measured_on=measured_on, value=value)
        session.add(existing)
    existing.value, existing.source, existing.recorded_by, existing.recorded_at = value, source, actor.user_id, now
    session.flush()
    outcome = "added" if previous is None else "updated"
    record_audit(session, at=now, actor=actor, action=f"campaign.metric_{outcome}", entity="campaign",
                 entity_id=campaign.id, detail={"metric": name, "measured_on": measured_on.isoformat(),
                                                "value": value, "previous": previous, "source": source})
    return MetricResult(existing, outcome, previous)


def campaign_status(campaign: Campaign, today: date) -> str:
    """"not started", "running" or "ended", from the campaign's dates and `today`."""
    if campaign.starts_on and today < campaign.starts_on:
        return "not started"
    if campaign.ends_on and today > campaign.ends_on:
        return "ended"
    return "running"


@dataclass(frozen=True)
class MetricTrend:
    """A metric's latest value and the one reported before it (None if it is the first)."""

    name: str
    value: float
    measured_on: date
    previous: float | None = None
    previous_on: date | None = None

    @property
    def change(self) -> float | None:
        """The change since the report before, or None for a first report."""
        return None if self.previous is None else self.value - self.previous


def metric_history(session: Session, campaign: Campaign, name: str) -> list[CampaignMetric]:
    """Every reported value of one metric of a campaign, oldest first."""
    return list(session.scalars(select(CampaignMetric).where(
        CampaignMetric.campaign_id == campaign.id, CampaignMetric.name == name).order_by(CampaignMetric.measured_on)))


def metric_trends(session: Session, campaign: Campaign) -> list[MetricTrend]:
    """For each metric of a campaign, the latest value and its change since the last report."""
    history: dict[str, list[CampaignMetric]] = {}
    for m in session.scalars(select(CampaignMetric).where(CampaignMetric.campaign_id == campaign.id).order_by(
            CampaignMetric.measured_on)):
        history.setdefault(m.name, []).append(m)
    trends = []
    for name, rows in sorted(history.items()):
        last, before = rows[-1], (rows[-2] if len(rows) > 1 else None)
        trends.append(MetricTrend(name, last.value, last.measured_on, before.value if before else None,
                                  before.measured_on if before else None))
    return trends


@dataclass(frozen=True)
class CampaignPlanState:
    """Where a campaign's plan stands on a day: what comes next, what is late, what is done."""

    next_planned: list[CampaignActivity]
    overdue: list[CampaignActivity]
    done: list[CampaignActivity]


def plan_state(session: Session, campaign: Campaign, today: date) -> CampaignPlanState:
    """Planned activities from `today` on, planned ones whose date has passed, and the done ones."""
    rows = list(session.scalars(select(CampaignActivity).where(CampaignActivity.campaign_id == campaign.id)
                                .order_by(CampaignActivity.due_on, CampaignActivity.id)))
    return CampaignPlanState(
        next_planned=[a for a in rows if a.status == "planned" and a.due_on >= today],
        overdue=[a for a in rows if a.status == "planned" and a.due_on < today],
        done=[a for a in rows if a.status == "done"])


def campaign_coverage(session: Session, campaign: Campaign, limit: int = 5) -> tuple[int, list]:
    """How many coverage items are tagged to the campaign, and the newest `limit` of them."""
    tagged = select(CoverageTag.coverage_id).where(CoverageTag.campaign_id == campaign.id)
    total = session.scalar(select(func.count()).select_from(CoverageItem).where(CoverageItem.id.in_(tagged))) or 0
    items = list(session.scalars(select(CoverageItem).where(CoverageItem.id.in_(tagged))
                                 .order_by(CoverageItem.published_at.desc()).limit(limit)))
    return total, items
