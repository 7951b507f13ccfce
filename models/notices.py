"""Notices: the one scheduler of Herald's reminders and once-per-event alerts.

A notice is one message to one recipient, due at a moment: a reminder is a notice due later (an
enquiry's deadline, a line's review date), an alert is a notice due now whose key names the event
(a council in the spotlight, a mention in Parliament). Its `key` is unique, so scheduling the same
event twice (two clocks, a restart, a repeated check) creates it once. Sending it is a fenced
attempt like a digest run's: taken with a conditional update, renewed right before the post, and
recorded only while the attempt still holds it (`digests/notices.py` does the sending).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Index, String, Text, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base
from models.digest import lease_is_short

MAX_NOTICE_ATTEMPTS = 5
WORKFLOWS = "workflows"  # a Teams recipient meaning "the channel behind HERALD_TEAM_WORKFLOWS_URL"
PENDING, SENDING, SENT, FAILED, CANCELLED, GAVE_UP = "pending", "sending", "sent", "failed", "cancelled", "gave_up"


class Notice(Base):
    """One message Herald owes one recipient at `due_at`, and how sending it went."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_status_due_at", "status", "due_at"),
                      Index("ix_notices_kind_subject_id", "kind", "subject_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    platform: Mapped[str] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(255))
    workspace: Mapped[str | None] = mapped_column(String(64))
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default=PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None]
    first_claimed_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


@dataclass(frozen=True)
class Recipient:
    """Where one notice goes: a Slack user (a direct message) or channel, or a Teams conversation."""

    platform: str  # slack | teams
    address: str  # Slack user or channel id; Teams bot conversation id, or WORKFLOWS
    workspace: str | None = None


@dataclass(frozen=True)
class NoticeClaim:
    """The fencing token of one attempt at a notice: which notice, who took it, which attempt."""

    notice_id: int
    holder: str
    number: int


def team_recipients(settings) -> list[Recipient]:
    """The team's channels: HERALD_TEAM_CHANNEL on Slack and HERALD_TEAM_WORKFLOWS_URL's on Teams, when set."""
    found = []
    if settings.HERALD_TEAM_CHANNEL:
        found.append(Recipient("slack", settings.HERALD_TEAM_CHANNEL.lstrip("#")))
    if settings.HERALD_TEAM_WORKFLOWS_URL:
        found.append(Recipient("teams", WORKFLOWS))
    return found


def owner_recipient(settings, platform: str, user_id: str) -> Recipient | None:
    """A direct message to one person, or None where Herald cannot write to them alone.

    Slack takes a user id as a channel and opens the app's DM with them. Teams needs a personal
    conversation Herald's bot is installed in, which Herald cannot tell apart by user: callers fall
    back to the team channel, naming the person.
    """
    if platform == "slack" and user_id and user_id[:1] in ("U", "W") and settings.SLACK_BOT_TOKEN:
        return Recipient("slack", user_id)
    return None


def schedule_notice(session: Session, *, key: str, kind: str, subject_id: int | None, to: Recipient,
                    due_at: datetime, now: datetime) -> bool:
    """Owe `to` the notice `key` at `due_at`, unless it is owed (or was sent) already: True if created.

    The key names the event (what, which version of it, to whom), so every path that notices the
    same event, in any process, lands on the same row.
    """
    if session.scalar(select(Notice.id).where(Notice.key == key)) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(Notice(key=key, kind=kind, subject_id=subject_id, platform=to.platform,
                               address=to.address, workspace=to.workspace, due_at=due_at,
                               status=PENDING, attempts=0, created_at=now))
            session.flush()
    except IntegrityError:  # another process scheduled it between the look and the insert
        return False
    return True


def cancel_notices(session: Session, *, kind: str, subject_id: int, now: datetime,
                   key_prefix: str | None = None) -> int:
    """Stop the notices of a subject not yet sent (a closed enquiry, a moved deadline): how many."""
    where = [Notice.kind == kind, Notice.subject_id == subject_id, Notice.status.in_((PENDING, FAILED))]
    if key_prefix:
        where.append(Notice.key.startswith(key_prefix, autoescape=True))
    result = session.execute(update(Notice).where(*where)
                             .values(status=CANCELLED, last_error=f"cancelled {now:%Y-%m-%d %H:%M} UTC")
                             .execution_options(synchronize_session=False))
    return result.rowcount


def due_notice_ids(session: Session, now: datetime, holder: str, stale_after: timedelta,
                   limit: int = 200) -> list[int]:
    """Notices to attempt now: due and pending, failed and due a retry, or abandoned mid-send."""
    return list(session.scalars(select(Notice.id).where(_takeable(now, holder, stale_after))
                                .order_by(Notice.due_at, Notice.id).limit(limit)))


def _takeable(now: datetime, holder: str, stale_after: timedelta):
    return or_(
        (Notice.status == PENDING) & (Notice.due_at <= now),
        (Notice.status == FAILED) & Notice.next_attempt_at.is_not(None) & (Notice.next_attempt_at <= now),
        (Notice.status == SENDING) & (Notice.claimed_by != holder)
        & (Notice.claimed_by.like("clock:%") | (Notice.claimed_at < now - stale_after)),
    )


def start_notice(session: Session, notice_id: int, holder: str, now: datetime,
                 stale_after: timedelta) -> NoticeClaim | None:
    """Take the notice for one attempt; None if another holder has it or nothing is owed.

    One another clock was sending is orphaned (only the lease holder sends, and that is us now);
    one a command-line sender claimed is orphaned once its claim is `stale_after` old.
    """
    result = session.execute(
        update(Notice).where(Notice.id == notice_id, _takeable(now, holder, stale_after))
        .values(status=SENDING, claimed_by=holder, claimed_at=now, attempts=Notice.attempts + 1)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return None
    session.execute(update(Notice).where(Notice.id == notice_id, Notice.first_claimed_at.is_(None))
                    .values(first_claimed_at=now).execution_options(synchronize_session=False))
    number = session.scalar(select(Notice.attempts).where(Notice.id == notice_id))
    return NoticeClaim(notice_id, holder, number)


def _claim_is(claim: NoticeClaim):
    return (Notice.id == claim.notice_id) & (Notice.status == SENDING) & (
        Notice.claimed_by == claim.holder) & (Notice.attempts == claim.number)


def renew_notice(session: Session, claim: NoticeClaim, now: datetime, lease_until: datetime | None = None) -> str:
    """The fence before the post: renew the claim and say whether the attempt may post: "held",
    "lost" (another holder or attempt has it) or "short" (a clock whose lease may lapse before
    `lease_until`: wait for its renewal), as `models.digest.hold_attempt` does for digests."""
    result = session.execute(update(Notice).where(_claim_is(claim)).values(claimed_at=now)
                             .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return "lost"
    if lease_until is not None and lease_is_short(session, claim.holder, lease_until):
        return "short"
    return "held"


def record_notice(session: Session, claim: NoticeClaim, **values) -> bool:
    """Write an attempt's outcome (`status`, `sent_at`, …) only while the claim is its own."""
    result = session.execute(update(Notice).where(_claim_is(claim)).values(**values)
                             .execution_options(synchronize_session=False))
    return result.rowcount == 1


def notices_of(session: Session, kind: str, subject_id: int) -> list[Notice]:
    """Every notice of one subject, soonest first: what was and will be sent about it."""
    return list(session.scalars(select(Notice).where(Notice.kind == kind, Notice.subject_id == subject_id)
                                .order_by(Notice.due_at, Notice.id)))
