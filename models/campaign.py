"""Campaigns, their planned and done activities, and their metrics over time."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

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
