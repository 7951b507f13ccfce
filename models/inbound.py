"""Inbound requests recorded at receipt (dedupe of retries) and durable jobs finished from there."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base


class ReceivedEvent(Base):
    """A request key (Slack event id, Teams activity id, interaction key) seen once."""

    __tablename__ = "received_events"

    platform: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    job_id: Mapped[int | None] = mapped_column(Integer)


def claim_receipt(session: Session, platform: str, key: str, received_at: datetime, job_id: int | None = None) -> bool:
    """Record that request `key` arrived, in the caller's transaction; False when a delivery that
    committed (or commits while this waits) already holds it. One statement: an insert that does
    nothing on a duplicate, so a concurrent repeat never raises and never needs a rollback."""
    statement = _CLAIM[session.get_bind().dialect.name == "postgresql"]
    inserted = session.connection().execute(
        statement, {"platform": platform, "key": key, "received_at": received_at, "job_id": job_id})
    return inserted.first() is not None


def _claim_statement(insert_) -> object:
    # Built once with bound parameters, so SQLAlchemy compiles it once (a claim is made per request).
    return insert_(ReceivedEvent).on_conflict_do_nothing().returning(ReceivedEvent.key)


_CLAIM = {False: _claim_statement(sqlite.insert), True: _claim_statement(postgresql.insert)}


def receipt_exists(session: Session, platform: str, key: str) -> bool:
    """Whether request `key` has been recorded (by a delivery that committed)."""
    return session.get(ReceivedEvent, (platform, key)) is not None


JOB_ACTIVE = ("pending", "delivering")  # a job waiting for, or being run by, a worker


class Job(Base):
    """Work accepted from chat, or left by a webhook post (its stories to settle), and finished durably: survives a
    restart between ack and answer."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    created_at: Mapped[datetime]
    run_after: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_by: Mapped[str | None] = mapped_column(String(100))
    locked_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None]
