"""Outlets (publications and broadcasters) and the feeds Herald polls for coverage."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

TIERS = ("trade", "national", "regional", "broadcast", "online")


class Outlet(Base):
    """A publication or broadcaster; coverage items and feeds point at one."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200), index=True)
    tier: Mapped[str] = mapped_column(String(20), default="online")
    aliases: Mapped[str | None] = mapped_column(String(400))


class Feed(Base):
    """An RSS/Atom feed and the health of its polling."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    tier: Mapped[str] = mapped_column(String(20), default="online")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime]
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    baseline_done: Mapped[bool] = mapped_column(Boolean, default=False)
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    bozo_reason: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    unhealthy_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    next_poll_at: Mapped[datetime | None] = mapped_column(index=True)
    items_total: Mapped[int] = mapped_column(Integer, default=0)

    outlet: Mapped[Outlet | None] = relationship()


class FeedEntry(Base):
    """The seen-set: one row per entry key (GUID, else link, else a hash) a feed has shown."""

    __tablename__ = "feed_entries"

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    coverage_id: Mapped[int | None] = mapped_column(ForeignKey("coverage_items.id", ondelete="SET NULL"))
    first_seen_at: Mapped[datetime]
