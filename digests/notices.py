"""Sending the notices that are due: reminders and once-per-event alerts, each exactly once.

The clock runs `send_due_notices` every NOTICE_CHECK_SECONDS (only the clock holding the lease
runs it). Each due notice is taken for one attempt (`models.notices.start_notice`), composed on a
reading snapshot by its kind's composer (`digests.notice_kinds.COMPOSERS`; None means the reason
for it has gone, and it is cancelled), and posted once: the claim is renewed right before the post
(a holder that stalled and was taken over posts nothing), and a retry first looks in the Slack
conversation for the post an earlier attempt may have made unrecorded (`bot.delivery.deliver_once`),
as digests do. Failures are retried with backoff; after MAX_NOTICE_ATTEMPTS the admins are told.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.delivery import DeliveryError, Destination, Resume, deliver_once, fenced_pacer, notify_admins
from digests.fence import ClaimLost, hold_claim
from digests.notice_kinds import COMPOSERS
from handlers.reply import Reply
from models.notices import (CANCELLED, FAILED, GAVE_UP, MAX_NOTICE_ATTEMPTS, SENT, WORKFLOWS, Notice, NoticeClaim,
                            due_notice_ids, record_notice, renew_notice, start_notice)
from runtime import Herald

log = logging.getLogger("herald.notices")
NOTICE_CHECK_SECONDS = 30.0
SEND_STALE_AFTER = timedelta(minutes=2)
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
CLOCK_SKEW = timedelta(minutes=5)


def send_due_notices(herald: Herald, holder: str = "cli") -> int:
    """Attempt every notice due by the Herald's clock; returns how many were sent."""
    with herald.reading() as session:
        ids = due_notice_ids(session, herald.clock.now(), holder, SEND_STALE_AFTER)
    sent = 0
    for notice_id in ids:
        try:
            sent += attempt_notice(herald, notice_id, holder) == SENT
        except Exception:
            log.exception("notice %s failed unexpectedly", notice_id)
    return sent


def run_notices(herald: Herald, holder: str) -> None:
    """The clock's job: send what is due."""
    send_due_notices(herald, holder)


def compose_notice(session, notice: Notice, now: datetime, settings) -> Reply | None:
    """The message of a notice, written by its kind's composer at send time."""
    composer = COMPOSERS.get(notice.kind)
    if composer is None:
        log.error("notice %s: no composer for kind %r", notice.id, notice.kind)
        return None
    return composer(session, notice, now, settings)


def _destination(herald: Herald, notice: Notice) -> Destination:
    if notice.platform == "teams" and notice.address == WORKFLOWS:
        return Destination("teams", "the team's Workflows channel", herald.settings.HERALD_TEAM_WORKFLOWS_URL or None,
                           notice.workspace)
    return Destination(notice.platform, notice.address, None, notice.workspace)


def attempt_notice(herald: Herald, notice_id: int, holder: str) -> str | None:
    """One attempt at one notice: its new status, or None if it was not ours to take."""
    now = herald.clock.now()
    with herald.session() as session:
        claim = start_notice(session, notice_id, holder, now, SEND_STALE_AFTER)
    if claim is None:
        return None
    try:
        with herald.reading() as session:
            notice = session.get(Notice, notice_id)
            reply = compose_notice(session, notice, now, herald.settings)
            destination = _destination(herald, notice)
            since = notice.first_claimed_at - CLOCK_SKEW if claim.number > 1 and notice.first_claimed_at else None
        if reply is None:
            _record(herald, claim, status=CANCELLED, last_error="no longer needed when it fell due")
            return CANCELLED
        fence = lambda: _hold(herald, claim)  # noqa: E731 - runs right before each Slack message
        _hold(herald, claim)
        deliver_once(herald.settings, destination, reply, Resume(f"notice:{notice_id}", since), 1,
                     fenced_pacer(herald.pacer, fence), herald)
        _record(herald, claim, status=SENT, sent_at=herald.clock.now(), last_error=None, next_attempt_at=None)
    except DeliveryError as exc:
        return _failed(herald, claim, str(exc))
    except ClaimLost as exc:
        log.warning("%s: stopped without posting or recording more", exc)
        return None
    except Exception:  # a composer's or Herald's own fault: retried like a failed post, never left claimed
        log.exception("notice %s failed unexpectedly", notice_id)
        return _failed(herald, claim, "Herald hit an internal error composing or sending it (see the clock log)")
    log.info("notice sent: id=%s", notice_id)
    return SENT


def _hold(herald: Herald, claim: NoticeClaim) -> None:
    """The fence before the post (`digests.fence.hold_claim`): ClaimLost once another has the notice."""
    hold_claim(herald, claim.holder, lambda session, now, until: renew_notice(session, claim, now, until),
               lambda session: record_notice(session, claim, status=FAILED, next_attempt_at=herald.clock.now(),
                                             last_error="the clock's lease ran short"),
               f"notice {claim.notice_id}: attempt {claim.number} by {claim.holder} was taken over")


def _record(herald: Herald, claim: NoticeClaim, **values) -> None:
    with herald.session() as session:
        if not record_notice(session, claim, **values):
            raise ClaimLost(f"notice {claim.notice_id}: attempt {claim.number} by {claim.holder} was taken over")


def _failed(herald: Herald, claim: NoticeClaim, reason: str) -> str | None:
    """Retry later with backoff, or give up after MAX_NOTICE_ATTEMPTS and tell the admins."""
    final = claim.number >= MAX_NOTICE_ATTEMPTS
    retry_at = None if final else herald.clock.now() + BACKOFF[min(claim.number, len(BACKOFF)) - 1]
    with herald.session() as session:
        if not record_notice(session, claim, status=GAVE_UP if final else FAILED, last_error=reason,
                             next_attempt_at=retry_at):
            return None
        notice = session.get(Notice, claim.notice_id)
        label = f"{notice.kind} notice #{notice.id} to {notice.platform} {notice.address}"
    log.warning("notice delivery failed: id=%s final=%s reason=%s", claim.notice_id, final, reason)
    if final:
        notify_admins(herald.settings, f"Gave up on the {label} after {MAX_NOTICE_ATTEMPTS} attempts: {reason}",
                      herald.pacer)
    return GAVE_UP if final else FAILED
