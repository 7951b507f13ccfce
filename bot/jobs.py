"""Durable work for Slack, Teams and the coverage webhook: one `jobs` table, one worker per web process.

A platform accepts a request by writing a `Job` row (its `kind` names the platform's handler) in
the same transaction as the request's receipt, before acknowledging it. The worker thread claims
due jobs with a conditional update (two processes never take the same job), hands each to its
kind's handler, and records the outcome: `done`, or a retry with backoff (`failed` after
MAX_ATTEMPTS). A claim is a lock that lapses after LOCK_FOR, so the jobs of a process that died or
was redeployed are taken up by the next worker that looks, in this process or another.

A handler's contract: run the command through `run_once` (its work, the rendered answer and the
status `delivering` committed in one transaction, with the job's row locked and the claim checked
and renewed; a command that only reads runs on a reading snapshot first, and only its answer is
kept in that short transaction, so SQLite's write lock is not held while it thinks), then deliver, saving progress with `save_progress` after each message so a retry
resumes rather than repeats. A command that outlives its claim therefore still runs once: another
worker trying to claim the job waits for the row (PostgreSQL) or the write lock (SQLite), then finds
the claim renewed; a worker whose claim was taken over stops (`LeaseLost`) without touching the job.
When a job is given up after MAX_ATTEMPTS, its handler tells the person once (`gave_up`).
"""
from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from datetime import timedelta
from typing import Callable, Protocol, TypeVar

from flask import Flask
from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from handlers.reply import Reply, Section
from models.inbound import JOB_ACTIVE, Job, ReceivedEvent
from runtime import Herald

log = logging.getLogger("herald.jobs")

EXTENSION = "herald.jobs"
LOCK_FOR = timedelta(minutes=5)
KEEP_HELD = timedelta(days=1)  # answers kept for a later button (Slack's "Share in channel")
KEEP_FINISHED = timedelta(days=7)
KEEP_RECEIPTS = timedelta(days=1)  # Slack's last retry comes ~5 minutes after the first; Teams' sooner
MAX_ATTEMPTS = 5
POLL_SECONDS = 5.0
PRUNE_EVERY_SECONDS = 3600.0

T = TypeVar("T")  # what a job's command returns besides its new payload (the reply, for an inline answer)


class Handler(Protocol):
    """What finishes the jobs of one kind (Slack's `SlackReplies`, Teams' `TeamsReplies`)."""

    def __call__(self, job_id: int) -> None:
        """Finish one claimed job; raise to have it retried."""

    def gave_up(self, job_id: int, ref: str) -> None:
        """Tell the person who asked that the job was given up, quoting `ref` (no details)."""


class LeaseLost(Exception):
    """This worker's claim on a job lapsed and another worker took the job: stop, change nothing."""


def gave_up_reply(asked: str | None, ref: str) -> Reply:
    """The one message a person gets when their request was given up: plain words and a reference
    their admin can find in the log; never the error itself."""
    text = ("Herald tried several times but could not finish this, so it has stopped trying. "
            f"Please try again later; if it keeps happening, give your admin this reference: {ref}")
    return Reply(title="Sorry, Herald could not finish that", sections=(Section(text=text),),
                 context=(f"You asked: {asked}",) if asked else (), is_error=True)


def add_job(session: Session, herald: Herald, kind: str, payload: dict, status: str = "pending",
            held_by: str | None = None) -> int:
    """Add a job in the caller's transaction (commit it before acknowledging the request); its id.

    `held_by` (a worker's name) claims it at once for whoever runs it inline; the worker leaves it
    alone until it is released or its lock lapses (the process died before finishing it). One
    INSERT … RETURNING, not an ORM object: a quick answer's kept copy is written on every command.
    """
    now = herald.clock.now()
    return session.connection().execute(_ADD_JOB, {
        "kind": kind, "payload": payload, "status": status, "created_at": now, "run_after": now,
        "attempts": 1 if held_by else 0, "locked_by": held_by,
        "locked_until": now + LOCK_FOR if held_by else None}).scalar_one()


_ADD_JOB = insert(Job.__table__).returning(Job.__table__.c.id)  # built once, compiled once


class JobWorker:
    """Drains due jobs of every registered kind in a background thread of the web process."""

    def __init__(self, herald: Herald, poll_seconds: float = POLL_SECONDS):
        self.herald = herald
        self.poll_seconds = poll_seconds
        self.name = f"{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._handlers: dict[str, Handler] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def handle(self, kind: str, handler: Handler) -> None:
        """Register the handler that finishes jobs of `kind` (one per kind)."""
        if self._handlers.get(kind, handler) is not handler:
            raise ValueError(f"job kind {kind!r} already has a handler")
        self._handlers[kind] = handler

    def start(self) -> None:
        """Start the thread once; it first drains whatever a previous process left pending."""
        with self._start_lock:
            if self._thread is None:  # once stopped, stays stopped (tests "kill" a process this way)
                self._thread = threading.Thread(target=self._loop, name="herald-jobs", daemon=True)
                self._thread.start()

    def wake(self) -> None:
        """Ask the worker to look for due jobs now (after a job was committed or released)."""
        self.start()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        last_prune = None
        while not self._stop.is_set():
            try:
                self.drain()
                if last_prune is None or time.monotonic() - last_prune > PRUNE_EVERY_SECONDS:
                    self.prune()
                    last_prune = time.monotonic()
            except Exception:  # noqa: BLE001 - the worker must outlive a database hiccup
                log.exception("job worker: drain failed")
            self._wake.wait(self.poll_seconds)
            self._wake.clear()

    def drain(self) -> int:
        """Run every due job now; returns how many were finished."""
        finished = 0
        while not self._stop.is_set():
            job_id = self._claim_next()
            if job_id is None:
                return finished
            finished += self._run_claimed(job_id)
        return finished

    def prune(self) -> None:
        """Forget held answers, finished jobs and receipt keys (every platform's) no retry can still need."""
        now = self.herald.clock.now()
        with self.herald.session() as session:
            session.execute(delete(Job).where(Job.status == "held", Job.created_at < now - KEEP_HELD))
            session.execute(delete(Job).where(Job.status.in_(("done", "failed")),
                                              Job.created_at < now - KEEP_FINISHED))
            session.execute(delete(ReceivedEvent).where(ReceivedEvent.received_at < now - KEEP_RECEIPTS))

    def _claim_next(self) -> int | None:
        if not self._handlers:
            return None
        now = self.herald.clock.now()
        with self.herald.reading() as session:  # an idle look takes no write lock
            candidates = session.scalars(
                select(Job.id).where(Job.kind.in_(tuple(self._handlers)), Job.status.in_(JOB_ACTIVE),
                                     Job.run_after <= now, or_(Job.locked_until.is_(None), Job.locked_until < now))
                .order_by(Job.id).limit(5)).all()
        if not candidates:
            return None
        with self.herald.session() as session:  # each claim is conditional, so a job taken meanwhile is skipped
            for job_id in candidates:
                if self._lock(session, job_id, now):
                    return job_id
        return None

    def _lock(self, session: Session, job_id: int, now) -> bool:
        claimed = session.execute(
            update(Job).where(Job.id == job_id, Job.status.in_(JOB_ACTIVE),
                              or_(Job.locked_until.is_(None), Job.locked_until < now))
            .values(locked_by=self.name, locked_until=now + LOCK_FOR, attempts=Job.attempts + 1))
        return claimed.rowcount == 1

    def run(self, job_id: int) -> bool:
        """Claim a job (unless this worker holds it already) and finish it now, due or not (tests,
        tools); False if another worker holds it or it failed (and was scheduled again)."""
        with self.herald.session() as session:
            held = session.scalar(select(Job.locked_by).where(Job.id == job_id)) == self.name
            if not held and not self._lock(session, job_id, self.herald.clock.now()):
                return False
        return self._run_claimed(job_id)

    def _run_claimed(self, job_id: int) -> bool:
        with self.herald.reading() as session:
            kind = session.scalar(select(Job.kind).where(Job.id == job_id))
        try:
            self._handlers[kind](job_id)
        except Exception as exc:  # noqa: BLE001 - recorded on the job and retried
            self.failed(job_id, exc)
            return False
        self.finish(job_id)
        return True

    def run_once(self, job_id: int, work: Callable[[Session, dict], T], keep: Callable[[Session, dict, T], dict],
                 reads: Callable[[dict], bool] = lambda payload: False) -> tuple[dict, T | None]:
        """Run a job's command if it has not run: (payload, the work's result, or None if it ran before).

        `work(session, payload)` runs the command; `keep(session, payload, result)` renders and keeps
        its answer, returning the new payload (a new dict: stored as is). One transaction holds the
        job's row (claim checked and renewed first, which locks the row on PostgreSQL and takes the
        write lock on SQLite), the work, the new payload, the status `delivering` and a renewed
        claim; so a worker claiming the job meanwhile waits, then finds it held, and the command
        never runs twice. When `reads(payload)` says the command only reads, the work runs first on
        a reading snapshot (running it twice would change nothing) and only `keep` runs in that
        transaction, so no writer waits while it thinks. Raises LeaseLost if another worker holds the job.
        """
        with self.herald.reading() as session:
            row = session.get(Job, job_id)
            if row.status != "pending":
                return row.payload, None
            only_reads = reads(row.payload)
            result = work(session, row.payload) if only_reads else None
        with self.herald.session() as session:
            row = self._hold(session, job_id)
            if row.status != "pending":  # another worker kept its answer first
                return row.payload, None
            if not only_reads:
                result = work(session, row.payload)
            row.payload = keep(session, row.payload, result)
            row.status = "delivering"
            row.locked_until = self.herald.clock.now() + LOCK_FOR  # for the delivery that follows
        return row.payload, result

    def save_progress(self, job_id: int, payload: dict) -> None:
        """Store how far delivery got and renew the claim; LeaseLost if another worker took the job."""
        with self.herald.session() as session:
            self._renew(session, job_id, payload=payload)

    def _hold(self, session: Session, job_id: int) -> Job:
        self._renew(session, job_id)
        return session.get(Job, job_id)

    def _renew(self, session: Session, job_id: int, **values) -> None:
        renewed = session.execute(update(Job).where(Job.id == job_id, Job.locked_by == self.name).values(
            locked_until=self.herald.clock.now() + LOCK_FOR, **values))
        if renewed.rowcount != 1:
            raise LeaseLost(job_id)

    def finish(self, job_id: int) -> None:
        """Mark a job done and unlock it (unless another worker has taken it over)."""
        with self.herald.session() as session:
            session.execute(update(Job).where(Job.id == job_id, Job.locked_by == self.name).values(
                status="done", finished_at=self.herald.clock.now(), locked_by=None, locked_until=None))

    def release(self, job_id: int) -> None:
        """Hand a job held inline over to the worker (unlocked, due now) and wake it."""
        with self.herald.session() as session:
            session.execute(update(Job).where(Job.id == job_id, Job.locked_by == self.name).values(
                locked_by=None, locked_until=None))
        self.wake()

    def failed(self, job_id: int, exc: BaseException, told: bool = False) -> None:
        """Record a failure (a reference in the log, no details on the row) and retry later; after
        MAX_ATTEMPTS, or at once if the person was already `told` (an apology in the HTTP answer),
        give up. A job given up untold gets its handler's `gave_up`: the person hears of it once."""
        if isinstance(exc, LeaseLost):
            log.warning("job %s: claim lapsed and another worker took it over; stopped here", job_id)
            return
        ref = uuid.uuid4().hex[:8]
        log.error("job %s failed ref=%s", job_id, ref, exc_info=exc)
        now = self.herald.clock.now()
        with self.herald.session() as session:
            row = session.get(Job, job_id)
            if row.locked_by != self.name:  # another worker took it over: its outcome is theirs
                return
            row.last_error = f"{type(exc).__name__} (ref {ref})"
            row.locked_by = row.locked_until = None
            gave_up = told or row.attempts >= MAX_ATTEMPTS
            if gave_up:
                row.status, row.finished_at = "failed", now
            else:
                row.run_after = now + timedelta(seconds=30 * 2 ** row.attempts)
        if gave_up and not told:
            self._tell_gave_up(row.kind, job_id, ref)

    def _tell_gave_up(self, kind: str, job_id: int, ref: str) -> None:
        try:
            self._handlers[kind].gave_up(job_id, ref)
        except Exception:  # noqa: BLE001 - told at most once: a failed apology is logged, not retried
            log.exception("job %s: could not tell the person it was given up (ref %s)", job_id, ref)


def shared_worker(app: Flask, herald: Herald) -> JobWorker:
    """The app's one job worker, made on first use (Slack and Teams register their kinds on it)."""
    worker = app.extensions.get(EXTENSION)
    if worker is None:
        worker = app.extensions[EXTENSION] = JobWorker(herald)
    return worker
