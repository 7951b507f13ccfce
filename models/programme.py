"""Improvement programmes and their red/amber/green rating history."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

RATINGS = ("red", "amber_red", "amber", "amber_green", "green", "not_rated")


class Programme(Base):
    """An improvement programme from the programme plan (seed 001)."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    outcome_indicator: Mapped[str | None] = mapped_column(Text)
    outputs: Mapped[str | None] = mapped_column(Text)
    timescales: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    manager_user_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]

    ratings: Mapped[list["RagRating"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="RagRating.rated_at")


class RagRating(Base):
    """One rating of a programme at a review, with who gave it, when and why."""

    __tablename__ = "rag_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(String(12))
    review: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    rated_by: Mapped[str | None] = mapped_column(String(100))
    platform: Mapped[str | None] = mapped_column(String(10))
    rated_at: Mapped[datetime] = mapped_column(index=True)

    programme: Mapped[Programme] = relationship(back_populates="ratings")
