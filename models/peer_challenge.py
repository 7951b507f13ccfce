"""Peer challenges per council, their stage history, and the peers signed up to deliver them."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base

KINDS = ("corporate", "finance", "childrens services", "change of control", "other")
STAGES = ("offered", "scheduled", "on site", "feedback", "report published", "action plan",
          "progress review")


class PeerChallenge(Base):
    """One challenge of one council (mySociety code) and where it has got to."""

    __tablename__ = "peer_challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="corporate")
    stage: Mapped[str] = mapped_column(String(20), default="offered", index=True)
    stage_on: Mapped[date | None] = mapped_column(Date)
    days_used: Mapped[int | None] = mapped_column(Integer)
    days_allowed: Mapped[int | None] = mapped_column(Integer)
    lead_peer: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(Text)
    report_url: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    council = relationship("Council")
    stages: Mapped[list["PeerChallengeStage"]] = relationship(
        back_populates="challenge", cascade="all, delete-orphan", order_by="PeerChallengeStage.occurred_on")


class PeerChallengeStage(Base):
    """A stage a challenge reached, on a date, as recorded by someone."""

    __tablename__ = "peer_challenge_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("peer_challenges.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    link: Mapped[str | None] = mapped_column(String(2000))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    recorded_at: Mapped[datetime]

    challenge: Mapped[PeerChallenge] = relationship(back_populates="stages")


class Peer(Base):
    """A member or officer peer signed up to serve on challenges."""

    __tablename__ = "peers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="member")
    council_code: Mapped[str | None] = mapped_column(ForeignKey("councils.code"))
    signed_up_on: Mapped[date] = mapped_column(Date)
