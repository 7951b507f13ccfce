"""Digest subscriptions, the runs that make each digest exactly-once, and the clock lease."""
from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

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


# ---------------------------------------------------------------------------------------------
# Domain actions: subscriptions, exactly-once runs, and the clock lease.
# ---------------------------------------------------------------------------------------------

HOLIDAY_REGIONS = ("england-and-wales", "scotland", "northern-ireland")
HOLIDAY_POLICIES = ("send", "skip", "next")
UNFINISHED = ("claimed", "approved", "sending", "failed")
CLOCK_LEASE = "clock"  # the lease name of the clock processes (`digests.clock`)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class SubscriptionSpec:
    """What `/digest subscribe` asked for, checked, before it becomes a row."""

    kind: str
    platform: str
    destination: str
    day_of_week: str
    hour: int
    minute: int
    secret_url: str | None = None
    workspace: str | None = None
    holiday_region: str | None = "england-and-wales"
    holiday_policy: str = "send"
    approval_destination: str | None = None
    approval_deadline_minutes: int | None = None
    on_unapproved: str = "send"


def new_holder(role: str = "clock") -> str:
    """A name unique to this process, for leases and run claims (`clock:host:pid:abc123`)."""
    return f"{role}:{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def create_subscription(session: Session, spec: SubscriptionSpec, created_by: str | None,
                        now: datetime) -> DigestSubscription:
    """Add an active subscription; the caller's transaction commits it."""
    sub = DigestSubscription(
        kind=spec.kind, platform=spec.platform, destination=spec.destination, secret_url=spec.secret_url,
        workspace=spec.workspace, day_of_week=spec.day_of_week, hour=spec.hour, minute=spec.minute,
        holiday_region=spec.holiday_region, holiday_policy=spec.holiday_policy,
        approval_required=spec.approval_destination is not None,
        approval_destination=spec.approval_destination,
        approval_deadline_minutes=spec.approval_deadline_minutes, on_unapproved=spec.on_unapproved,
        active=True, created_by=created_by, created_at=now, updated_at=now)
    session.add(sub)
    session.flush()
    return sub


def active_subscriptions(session: Session) -> list[DigestSubscription]:
    """Every subscription the clock should schedule, oldest first."""
    return list(session.scalars(
        select(DigestSubscription).where(DigestSubscription.active.is_(True)).order_by(DigestSubscription.id)))


def deactivate_subscription(session: Session, subscription_id: int, now: datetime) -> DigestSubscription | None:
    """Stop a subscription (its run history stays); None if there is no active one with that id."""
    sub = session.get(DigestSubscription, subscription_id)
    if sub is None or not sub.active:
        return None
    sub.active = False
    sub.updated_at = now
    return sub


def latest_runs(session: Session, subscription_ids: list[int]) -> dict[int, DigestRun]:
    """The most recent run of each subscription (by due time)."""
    if not subscription_ids:
        return {}
    runs = session.scalars(select(DigestRun).where(DigestRun.subscription_id.in_(subscription_ids))
                           .order_by(DigestRun.subscription_id, DigestRun.due_at))
    return {run.subscription_id: run for run in runs}


def claim_run(session: Session, subscription_id: int, period_key: str, due_at: datetime, holder: str,
              now: datetime, late: bool, status: str = "claimed") -> DigestRun | None:
    """Insert the run for (subscription, period) or return None if anyone already has it.

    The unique key is the guard that makes a digest exactly-once across processes and restarts.
    """
    run = DigestRun(subscription_id=subscription_id, period_key=period_key, due_at=due_at, status=status,
                    claimed_by=holder, claimed_at=now, late=late, attempts=0, delivered_parts=0)
    try:
        with session.begin_nested():
            session.add(run)
            session.flush()
    except IntegrityError:
        return None
    return run


def claimed_periods(session: Session, subscription_id: int, period_keys: list[str]) -> set[str]:
    """Which of these periods of the subscription already have a run (of any status)."""
    if not period_keys:
        return set()
    return set(session.scalars(select(DigestRun.period_key).where(
        DigestRun.subscription_id == subscription_id, DigestRun.period_key.in_(period_keys))))


@dataclass(frozen=True)
class AttemptClaim:
    """The fencing token of one delivery attempt: the run, who took it and which attempt it is.

    Every write an attempt makes after taking the run is conditional on this token still being the
    run's (`hold_attempt`, `record_attempt`), so a holder that stalled and was taken over can
    neither post nor record anything: its next check finds another holder or a later attempt.
    """

    run_id: int
    holder: str
    number: int  # the run's `attempts` once this attempt took it


def start_attempt(session: Session, run_id: int, holder: str, now: datetime,
                  stale_after: timedelta) -> AttemptClaim | None:
    """Take the run for one delivery attempt; None if someone else is on it or it is finished.

    A run another *clock* claimed is orphaned (only the lease holder runs jobs, and that is us: the
    other clock's lease lapsed, and a clock posts only while its lease has time left, see
    `hold_attempt`); one a web or command-line process claimed is orphaned once its claim has not
    been renewed for `stale_after` (the sender renews it before every post).
    """
    takeable = or_(
        DigestRun.status.in_(("claimed", "approved")),
        (DigestRun.status == "failed") & DigestRun.next_attempt_at.is_not(None) & (DigestRun.next_attempt_at <= now),
        (DigestRun.status == "sending") & (DigestRun.claimed_by != holder)
        & (DigestRun.claimed_by.like("clock:%") | (DigestRun.claimed_at < now - stale_after)),
    )
    result = session.execute(
        update(DigestRun).where(DigestRun.id == run_id, takeable)
        .values(status="sending", claimed_by=holder, claimed_at=now, attempts=DigestRun.attempts + 1)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return None
    number = session.scalar(select(DigestRun.attempts).where(DigestRun.id == run_id))  # our own write: locked
    return AttemptClaim(run_id, holder, number)


def _claim_is(claim: AttemptClaim):
    return (DigestRun.id == claim.run_id) & (DigestRun.status == "sending") & (
        DigestRun.claimed_by == claim.holder) & (DigestRun.attempts == claim.number)


def hold_attempt(session: Session, claim: AttemptClaim, now: datetime,
                 lease_until: datetime | None = None) -> str:
    """The fence before each post: renew the claim if it is still this attempt's, and say whether
    the attempt may post now: "held", "lost" (another holder or attempt has the run; stop), or
    "short" (with `lease_until`, for a clock: the lease `CLOCK_LEASE` is another's, or ours but not
    lasting until `lease_until`; wait for the renewal rather than post something a successor, taking
    over once the lease lapsed, could post again)."""
    renewed = session.execute(update(DigestRun).where(_claim_is(claim)).values(claimed_at=now)
                              .execution_options(synchronize_session=False))
    if renewed.rowcount != 1:
        return "lost"
    if lease_until is not None and lease_is_short(session, claim.holder, lease_until):
        return "short"
    return "held"


def lease_is_short(session: Session, holder: str, until: datetime) -> bool:
    """Whether the clock lease is another's, or `holder`'s but ending before `until`: a clock then
    waits for its renewal rather than post something a successor could post again. (No lease row
    at all: no clock has ever led, so none can take over.)"""
    return session.scalar(select(ClockLease.name).where(
        ClockLease.name == CLOCK_LEASE,
        or_(ClockLease.holder != holder, ClockLease.expires_at < until))) is not None


def record_attempt(session: Session, claim: AttemptClaim, **values) -> bool:
    """Write an attempt's progress or outcome (`delivered_parts`, `status`, …) only while the claim
    is still its own; False (nothing written) once it was taken over."""
    result = session.execute(update(DigestRun).where(_claim_is(claim)).values(**values)
                             .execution_options(synchronize_session=False))
    return result.rowcount == 1


def runs_to_retry(session: Session, now: datetime) -> list[int]:
    """Runs claimed but never confirmed, approved drafts, and failures whose retry time has come."""
    return list(session.scalars(select(DigestRun.id).where(
        DigestRun.status.in_(UNFINISHED),
        or_(DigestRun.next_attempt_at.is_(None), DigestRun.next_attempt_at <= now)).order_by(DigestRun.due_at)))


def record_missed(session: Session, subscription_id: int, period_key: str, due_at: datetime,
                  now: datetime) -> bool:
    """Record a period that passed its grace unsent (while Herald was down); False if it has a run."""
    return claim_run(session, subscription_id, period_key, due_at, "clock", now, late=True,
                     status="missed") is not None


def acquire_lease(session: Session, name: str, holder: str, now: datetime, seconds: float) -> bool:
    """Take or renew the named lease; True while `holder` has it. Takes over once it has expired."""
    expires = now + timedelta(seconds=seconds)
    renewed = session.execute(
        update(ClockLease).where(ClockLease.name == name,
                                 or_(ClockLease.holder == holder, ClockLease.expires_at < now))
        .values(holder=holder, expires_at=expires).execution_options(synchronize_session=False))
    if renewed.rowcount == 1:
        return True
    try:
        with session.begin_nested():
            session.add(ClockLease(name=name, holder=holder, expires_at=expires))
            session.flush()
    except IntegrityError:
        return False
    return True


def release_lease(session: Session, name: str, holder: str) -> None:
    """Give the lease up at once (clean shutdown) so the next clock need not wait for expiry."""
    session.execute(update(ClockLease).where(ClockLease.name == name, ClockLease.holder == holder)
                    .values(expires_at=datetime(2000, 1, 1, tzinfo=timezone.utc))
                    .execution_options(synchronize_session=False))
