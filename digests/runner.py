"""Exactly-once digest runs: claim the (subscription, period) in the database, compose, deliver.

Every path — the cron job of a subscription, the catch-up sweep, a restart, `/digest send` — goes
through `claim_run`, whose unique key lets one claimant win. A claimed run is then *attempted*:
taken with a conditional update (so two threads never send it together), composed once and stored on
the run, and delivered part by part with `delivered_parts` recorded after each part, so a retry
resumes where the last attempt stopped. A retry first asks the platform whether the part the last
attempt was posting landed anyway (the process died between the post and the record): on Slack that
part is found by its marks and not posted twice (see `bot.delivery`). An attempt whose holder did
not die but stalled (past its clock lease, or past SEND_STALE_AFTER for a command-line sender) and was
taken over is fenced: its claim is an `AttemptClaim`, checked and renewed right before every post
(`hold`) and required by every write, so the stale holder stops without posting or recording
anything once it wakes. Failures are retried with
backoff and then reported to admins and in `/digest list`; a period missed while Herald was down is
sent late within HERALD_DIGEST_GRACE_HOURS and recorded as missed after that.
"""
from __future__ import annotations

import logging
import secrets
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.delivery import (DRAFT_PART, DeliveryError, Destination, Resume, deliver, deliver_once, fenced_pacer,
                          notify_admins)
from digests import stored
from digests.fence import ClaimLost, hold_claim
from digests.compose import Window, daily_digest, weekly_roundup
from digests.claims import current_occurrence, schedule_for
from digests.schedule import Occurrence, Schedule, occurrences_between
from models.destinations import destination_refusal
from models.digest import (MAX_ATTEMPTS, AttemptClaim, DigestRun, DigestSubscription, active_subscriptions,
                           claim_run, claimed_periods, hold_attempt, record_attempt, record_missed, runs_to_retry,
                           start_attempt)
from handlers.reply import Button, Reply
from runtime import Herald, Pacer

log = logging.getLogger("herald.digests")
LATE_AFTER = timedelta(minutes=10)
SEND_STALE_AFTER = timedelta(minutes=2)
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
LOOKBACK = timedelta(days=8)
CLOCK_SKEW = timedelta(minutes=5)  # look for an earlier attempt's posts from a little before the due time


def schedule_of(sub: DigestSubscription, herald: Herald) -> Schedule:
    """The subscription's timing as a `Schedule` in HERALD_TIMEZONE."""
    return schedule_for(sub, herald.settings.tz)


def destination_of(sub: DigestSubscription, approval: bool = False) -> Destination:
    """Where the subscription's digest goes, or (approval) where its drafts go."""
    if approval:
        return Destination("slack", sub.approval_destination or "", workspace=sub.workspace)
    return Destination(sub.platform, sub.destination, sub.secret_url, sub.workspace)


def compose(session, herald: Herald, kind: str, occurrence: Occurrence, late: bool):
    """The digest a subscription of `kind` sends for `occurrence`."""
    window = Window(occurrence.covers_from, occurrence.covers_to, herald.settings.tz)
    build = weekly_roundup if kind == "weekly" else daily_digest
    return build(session, window, herald.clock.now(), late=late)


def claim_due(herald: Herald, subscription_id: int, holder: str) -> list[int]:
    """Claim every due, unclaimed period of one subscription; record the ones past grace as missed."""
    now = herald.clock.now()
    grace = timedelta(hours=herald.settings.HERALD_DIGEST_GRACE_HOURS)
    claimed: list[int] = []
    with herald.session() as session:
        sub = session.get(DigestSubscription, subscription_id)
        if sub is None or not sub.active or sub.kind not in ("weekly", "daily"):
            return []
        due = [occ for occ in occurrences_between(schedule_of(sub, herald), now - LOOKBACK,
                                                  now + timedelta(microseconds=1)) if occ.due_at >= sub.created_at]
        taken = claimed_periods(session, sub.id, [occ.period_key for occ in due])
        for occ in due:
            if occ.period_key in taken:
                continue
            if now - occ.due_at > grace:
                record_missed(session, sub.id, occ.period_key, occ.due_at, now)
                log.warning("digest missed: subscription=%s period=%s", sub.id, occ.period_key)
                continue
            run = claim_run(session, sub.id, occ.period_key, occ.due_at, holder, now,
                            late=now - occ.due_at > LATE_AFTER)
            if run is not None:
                claimed.append(run.id)
    return claimed


def run_subscription(herald: Herald, subscription_id: int, holder: str) -> None:
    """The cron job of one subscription: claim what is due and send it."""
    for run_id in claim_due(herald, subscription_id, holder):
        attempt_safely(herald, run_id, holder)


def attempt_safely(herald: Herald, run_id: int, holder: str) -> None:
    """`attempt`, with an unexpected error recorded on the run (and retried) instead of stopping the clock."""
    try:
        attempt(herald, run_id, holder)
    except Exception:
        log.exception("digest run %s failed unexpectedly", run_id)
        with herald.reading() as session:  # only an attempt of ours still on the run may record it
            number = session.scalar(select(DigestRun.attempts).where(
                DigestRun.id == run_id, DigestRun.status == "sending", DigestRun.claimed_by == holder))
        if number is not None:
            _failed(herald, AttemptClaim(run_id, holder, number),
                    "Herald hit an internal error composing or sending it (see the clock log)")


def sweep(herald: Herald, holder: str) -> None:
    """Catch up: claim every subscription's due periods, retry unfinished runs, settle draft deadlines."""
    with herald.reading() as session:
        ids = [sub.id for sub in active_subscriptions(session)]
    for sub_id in ids:
        try:
            claim_due(herald, sub_id, holder)
        except Exception:
            log.exception("could not claim the due digests of subscription %s", sub_id)
    settle_deadlines(herald)
    with herald.reading() as session:
        pending = runs_to_retry(session, herald.clock.now())
    for run_id in pending:
        attempt_safely(herald, run_id, holder)


def _occurrence_of(run: DigestRun, herald: Herald) -> Occurrence:
    sched = schedule_of(run.subscription, herald)
    found = [o for o in occurrences_between(sched, run.due_at - timedelta(days=1), run.due_at + timedelta(days=1))
             if o.period_key == run.period_key]
    if found:
        return found[0]
    day = run.due_at.astimezone(herald.settings.tz).date()  # schedule changed since the claim
    span = timedelta(days=7 if run.subscription.kind == "weekly" else 1)
    return Occurrence(run.period_key, run.due_at, day, day - span, day)


def _prepare(herald: Herald, run_id: int, holder: str):
    """Take the run for an attempt (committed at once), compose its digest on a reading snapshot if
    it has none yet (no writer waits on the composing), then store it while the attempt holds the run."""
    with herald.session() as session:
        claim = start_attempt(session, run_id, holder, herald.clock.now(), SEND_STALE_AFTER)
    if claim is None:
        return None
    with herald.reading() as session:
        run = session.get(DigestRun, run_id)
        sub, draft = run.subscription, run.draft
        if sub.active and draft is None:
            reply = compose(session, herald, sub.kind, _occurrence_of(run, herald), run.late)
            token = secrets.token_urlsafe(18) if reply.chart else None
            draft = stored.to_json(stored.StoredDigest(reply, chart_token=token))
    with herald.session() as session:
        run = session.get(DigestRun, run_id)
        if not run.subscription.active:
            record_attempt(session, claim, status="held", last_error="unsubscribed before it went",
                           next_attempt_at=None)
            return None
        if run.draft is not None:
            draft = run.draft
        elif not record_attempt(session, claim, draft=draft):
            return None
        since = run.due_at - CLOCK_SKEW if run.attempts > 1 else None  # no post can predate the due time
        return stored.from_json(draft), run.subscription, run.delivered_parts, Resume(run_id, since), claim


def hold(herald: Herald, claim: AttemptClaim) -> None:
    """The fence before each post (`digests.fence.hold_claim` over `hold_attempt`): return once this
    attempt may post, renewing its claim; raise ClaimLost once another holder or attempt has the run."""
    hold_claim(herald, claim.holder, lambda session, now, until: hold_attempt(session, claim, now, until),
               lambda session: record_attempt(session, claim, status="claimed"),
               f"digest run {claim.run_id}: attempt {claim.number} by {claim.holder} was taken over")


def attempt(herald: Herald, run_id: int, holder: str) -> str | None:
    """One delivery attempt of a run; returns its new status, or None if it was not (or is no
    longer) ours to take."""
    prepared = _prepare(herald, run_id, holder)
    if prepared is None:
        return None
    digest, sub, delivered, resume, claim = prepared
    refused = destination_refusal(sub.platform, sub.destination, sub.secret_url,
                                  email_domains=herald.settings.HERALD_EMAIL_DOMAINS,
                                  allow_private=herald.settings.HERALD_ALLOW_PRIVATE_FEEDS)
    if refused:
        return _held(herald, claim, sub, refused)
    fenced = fenced_pacer(herald.pacer, lambda: hold(herald, claim))  # before each Slack message
    try:
        if sub.approval_required and not digest.approved:
            return _post_draft(herald, claim, digest, sub, resume, fenced)
        notes = deliver(herald.settings, destination_of(sub), with_chart_link(herald, run_id, digest, sub),
                        delivered, lambda n: _record(herald, claim, delivered_parts=n), fenced, resume,
                        herald, before_part=lambda _n: hold(herald, claim))
        _record(herald, claim, status="sent", sent_at=herald.clock.now(), last_error="; ".join(notes) or None,
                next_attempt_at=None)
    except DeliveryError as exc:
        return _failed(herald, claim, str(exc))
    except ClaimLost as exc:
        log.warning("%s: stopped without posting or recording more", exc)
        return None
    log.info("digest sent: run=%s", run_id)
    return "sent"


def with_chart_link(herald: Herald, run_id: int, digest: stored.StoredDigest, sub: DigestSubscription) -> Reply:
    """For Teams (a card cannot carry a PNG), a button that opens the chart Herald serves."""
    if sub.platform != "teams" or digest.reply.chart is None or not digest.chart_token:
        return digest.reply
    url = f"{herald.settings.HERALD_BASE_URL.rstrip('/')}/digests/charts/{run_id}/{digest.chart_token}.png"
    return replace(digest.reply, buttons=digest.reply.buttons + (Button(label="Open the coverage chart", url=url),))


def _post_draft(herald: Herald, claim: AttemptClaim, digest: stored.StoredDigest, sub: DigestSubscription,
                resume: Resume, pacer: Pacer) -> str:
    if not digest.draft_posted:
        hold(herald, claim)
        deliver_once(herald.settings, destination_of(sub, approval=True),
                     stored.draft_copy(digest.reply, claim.run_id), resume, DRAFT_PART, pacer, herald)
        _record(herald, claim, draft=stored.to_json(stored.StoredDigest(digest.reply, approved=False,
                                                                        draft_posted=True)))
    deadline = None
    with herald.reading() as session:
        run = session.get(DigestRun, claim.run_id)
        if sub.approval_deadline_minutes is not None:
            deadline = run.due_at + timedelta(minutes=sub.approval_deadline_minutes)
    _record(herald, claim, status="draft", next_attempt_at=deadline, last_error=None)
    return "draft"


def _held(herald: Herald, claim: AttemptClaim, sub: DigestSubscription, reason: str) -> str | None:
    """A destination that breaks the delivery rules (one subscribed before them, or a host that moved):
    the run is held, not sent, and the admins are told what to do."""
    try:
        _record(herald, claim, status="held", last_error=f"not sent: {reason}", next_attempt_at=None)
    except ClaimLost as exc:
        log.warning("%s: stopped without recording the hold", exc)
        return None
    log.warning("digest held: run=%s subscription=%s reason=%s", claim.run_id, sub.id, reason)
    notify_admins(herald.settings, f"Digest #{sub.id} ({sub.kind} to {sub.destination}) was held, not sent: "
                                   f"{reason}. Change the setting, or stop it with /digest unsubscribe {sub.id}.",
                  herald.pacer)
    return "held"


def _record(herald: Herald, claim: AttemptClaim, **values) -> None:
    """Write the attempt's progress or outcome; ClaimLost if the run is no longer this attempt's."""
    with herald.session() as session:
        if not record_attempt(session, claim, **values):
            raise ClaimLost(f"digest run {claim.run_id}: attempt {claim.number} by {claim.holder} was taken over")


def _failed(herald: Herald, claim: AttemptClaim, reason: str) -> str | None:
    """Schedule a retry with backoff, or give up after MAX_ATTEMPTS and tell the admins; None (nothing
    recorded) if the attempt was taken over meanwhile."""
    now = herald.clock.now()
    with herald.session() as session:
        run = session.get(DigestRun, claim.run_id)
        final = run.attempts >= MAX_ATTEMPTS
        label = f"digest #{run.subscription_id} ({run.subscription.kind} to {run.subscription.destination}), " \
                f"period {run.period_key}"
        if not record_attempt(session, claim, status="failed", last_error=reason, next_attempt_at=None if final
                              else now + BACKOFF[min(run.attempts, len(BACKOFF)) - 1]):
            return None
    log.warning("digest delivery failed: run=%s final=%s reason=%s", claim.run_id, final, reason)
    if final:
        notify_admins(herald.settings, f"Gave up on {label} after {MAX_ATTEMPTS} attempts: {reason}",
                      herald.pacer)
    return "failed"


def settle_deadlines(herald: Herald) -> None:
    """Drafts past their approval deadline are sent as they are or held, as the subscription says."""
    now = herald.clock.now()
    with herald.session() as session:
        drafts = session.scalars(select(DigestRun).where(
            DigestRun.status == "draft", DigestRun.next_attempt_at.is_not(None), DigestRun.next_attempt_at <= now))
        for run in drafts:
            if run.subscription.on_unapproved == "hold":
                run.status, run.next_attempt_at = "held", None
                continue
            digest = stored.from_json(run.draft)
            run.draft = stored.to_json(stored.StoredDigest(digest.reply, approved=True, draft_posted=True))
            run.status, run.next_attempt_at = "approved", None


def send_now(herald: Herald, subscription_id: int, holder: str) -> tuple[DigestRun | None, str | None]:
    """`/digest send`: the current period now, unless it has a run already (then that run is returned)."""
    now = herald.clock.now()
    with herald.session() as session:
        sub = session.get(DigestSubscription, subscription_id)
        occ = current_occurrence(sub, now, herald.settings.tz)
        if occ is None:
            return None, None
        run = claim_run(session, sub.id, occ.period_key, occ.due_at, holder, now, late=False)
        if run is None:
            existing = session.scalar(select(DigestRun).where(DigestRun.subscription_id == sub.id,
                                                              DigestRun.period_key == occ.period_key))
            return existing, None
        run_id = run.id
    status = attempt(herald, run_id, holder)
    with herald.session() as session:
        return session.get(DigestRun, run_id), status
