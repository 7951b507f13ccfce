"""Press activity (releases, statements, interviews…) and the coverage each one earned."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

PRESS_TYPES = (
    "press release", "statement", "response", "interview", "exclusive", "briefing",
    "article", "podcast", "broadcast", "event",
)
LINK_STATES = ("suggested", "confirmed", "rejected")


class PressActivity(Base):
    """Something the press office put out; hidden from others until its embargo lifts."""

    __tablename__ = "press_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(500))
    outlet_name: Mapped[str | None] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    spokesperson: Mapped[str | None] = mapped_column(String(200))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    link: Mapped[str | None] = mapped_column(String(2000))
    embargo_until: Mapped[datetime | None] = mapped_column(index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str] = mapped_column(String(100))
    logged_by_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]

    links: Mapped[list["PressCoverageLink"]] = relationship(cascade="all, delete-orphan")


class PressCoverageLink(Base):
    """A suggested, confirmed or rejected claim that a press activity earned a coverage item."""

    __tablename__ = "press_coverage_links"

    press_id: Mapped[int] = mapped_column(
        ForeignKey("press_activities.id", ondelete="CASCADE"), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True, index=True)
    status: Mapped[str] = mapped_column(String(10), default="suggested")
    score: Mapped[float | None]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None]
