"""Coverage: stories, the items that carry them, their councils, tags, tone and alert rules."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

TONES = ("positive", "neutral", "negative")
SOURCES = ("feed", "webhook", "manual", "slack_shortcut", "demo")


class Story(Base):
    """One story; syndicated copies in several outlets are several items of one story."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(1000))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    first_seen_at: Mapped[datetime]


class CoverageItem(Base):
    """A piece of media coverage at one canonical URL."""

    __tablename__ = "coverage_items"
    __table_args__ = (
        Index("ix_coverage_items_published_tone", "published_at", "tone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    canonical_url: Mapped[str] = mapped_column(String(2000), unique=True)
    guid: Mapped[str | None] = mapped_column(String(1000), index=True)
    title: Mapped[str] = mapped_column(String(1000))
    summary: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"), index=True)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="feed")
    published_at: Mapped[datetime] = mapped_column(index=True)
    first_seen_at: Mapped[datetime]
    tone: Mapped[str] = mapped_column(String(10), default="neutral")
    tone_score: Mapped[float | None] = mapped_column(Float)
    tone_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str | None] = mapped_column(String(100))
    classified: Mapped[bool] = mapped_column(Boolean, default=False)

    outlet = relationship("Outlet")
    councils: Mapped[list["CoverageCouncil"]] = relationship(cascade="all, delete-orphan")
    tags: Mapped[list["CoverageTag"]] = relationship(cascade="all, delete-orphan")


class CoverageCouncil(Base):
    """A council an item mentions."""

    __tablename__ = "coverage_councils"

    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    council_code: Mapped[str] = mapped_column(
        ForeignKey("councils.code", ondelete="CASCADE"), primary_key=True, index=True)


class CoverageTag(Base):
    """A tag on an item: a programme, a campaign or a free label."""

    __tablename__ = "coverage_tags"

    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)


class AlertRule(Base):
    """A channel's subscription to new coverage matching a rule (no user-supplied regex)."""

    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(10))
    destination: Mapped[str] = mapped_column(String(2000))
    workspace: Mapped[str | None] = mapped_column(String(40))
    negative_only: Mapped[bool] = mapped_column(Boolean, default=False)
    include_terms: Mapped[str | None] = mapped_column(Text)
    exclude_terms: Mapped[str | None] = mapped_column(Text)
    council_code: Mapped[str | None] = mapped_column(ForeignKey("councils.code"))
    tier: Mapped[str | None] = mapped_column(String(20))
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AlertDelivery(Base):
    """That a rule's alert for an item was sent: the key that makes alerts once-only."""

    __tablename__ = "alert_deliveries"

    rule_id: Mapped[int] = mapped_column(ForeignKey("alert_rules.id", ondelete="CASCADE"), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
