"""Digest subscriptions, the runs that make each digest exactly-once, and the clock lease."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

KINDS = ("weekly", "daily", "board")
PLATFORMS = ("slack", "teams", "email")
RUN_STATES = ("claimed", "draft", "approved", "sending", "sent", "failed", "missed", "held")


class DigestSubscription(Base):
    """Where and when a kind of digest goes. `secret_url` (a Teams Workflows URL) is never shown."""

    __tablename__ = "digest_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    platform: Mapped[str] = mapped_column(String(10))
    destination: Mapped[str] = mapped_column(String(320))
    secret_url: Mapped[str | None] = mapped_column(String(2000))
    workspace: Mapped[str | None] = mapped_column(String(40))
    day_of_week: Mapped[str] = mapped_column(String(30), default="mon")
    hour: Mapped[int] = mapped_column(Integer, default=8)
    minute: Mapped[int] = mapped_column(Integer, default=0)
    holiday_region: Mapped[str | None] = mapped_column(String(30), default="england-and-wales")
    holiday_policy: Mapped[str] = mapped_column(String(10), default="send")
    approval_required: Mapped[bool] = mapped_column(Boolean, default=False)
    approval_destination: Mapped[str | None] = mapped_column(String(320))
    approval_deadline_minutes: Mapped[int | None] = mapped_column(Integer)
    on_unapproved: Mapped[str] = mapped_column(String(10), default="send")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    runs: Mapped[list["DigestRun"]] = relationship(back_populates="subscription", cascade="all, delete-orphan")


class DigestRun(Base):
    """One digest for one subscription and period, claimed before it is posted."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("subscription_id", "period_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("digest_subscriptions.id", ondelete="CASCADE"), index=True)
    period_key: Mapped[str] = mapped_column(String(40))
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="claimed", index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    draft: Mapped[dict | None] = mapped_column(JSON)
    delivered_parts: Mapped[int] = mapped_column(Integer, default=0)

    subscription: Mapped[DigestSubscription] = relationship(back_populates="runs")


class ClockLease(Base):
    """Which clock process may run schedules now; another takes over once it expires."""

    __tablename__ = "clock_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime]
