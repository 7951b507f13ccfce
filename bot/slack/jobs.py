"""Durable Slack work: a `Job` row written before the acknowledgement, finished from the database.

A job moves `pending` → (command run, answer rendered and stored, in the command's own transaction)
→ `delivering` → (answer posted) → `done`. A worker thread in the web process drains due jobs; on
start it also picks up jobs a crashed or redeployed process left behind (their lock has expired).
A command's work is therefore done at most once, and its answer delivered at least once.
"""
from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Callable

from slack_sdk import WebClient
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bot.slack.blocks import SlackMessage, render_messages, with_share_id, without_share_button
from bot.slack.receipts import PLATFORM
from bot.slack.delivery import (Target, deliver, deliver_files, deliver_notices, files_to_json, notices_from_json,
                                notices_to_json)
from handlers.context import Actor, Context
from handlers.reply import Reply
from handlers.router import route
from models.inbound import Job, ReceivedEvent
from runtime import Herald

log = logging.getLogger("herald.slack.jobs")

REPLY_KIND = "slack.reply"
SHARE_KIND = "slack.share"  # a private answer kept so its "Share in channel" button can post it
SHARE_ID_UNKNOWN = "0"  # the button's value until the kept copy has its id (no Job has id 0)
LOCK_FOR = timedelta(minutes=5)
KEEP_SHARES = timedelta(days=1)  # ephemeral answers are gone from Slack long before this
KEEP_FINISHED = timedelta(days=7)
KEEP_RECEIPTS = timedelta(days=1)  # Slack's last retry comes about five minutes after the first
MAX_ATTEMPTS = 5
POLL_SECONDS = 5.0
PRUNE_EVERY_SECONDS = 3600.0


@dataclass
class ReplyJob:
    """A job's payload: the command to run (or the answer already rendered) and where it goes."""

    target: Target
    command: str | None = None
    actor: dict | None = None
    shareable: bool = False
    messages: list[dict] | None = None
    notices: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)  # chart and attachments, uploaded after the messages
    delivered: int = 0  # messages already sent: a retried delivery carries on from here

    def to_json(self) -> dict:
        data = asdict(self)
        data["target"] = self.target.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict) -> "ReplyJob":
        return cls(**{**data, "target": Target.from_json(data["target"])})


def enqueue(session: Session, herald: Herald, job: ReplyJob) -> Job:
    """Add a pending job in the caller's transaction (commit it before acknowledging Slack)."""
    now = herald.clock.now()
    row = Job(kind=REPLY_KIND, payload=job.to_json(), status="pending", created_at=now, run_after=now, attempts=0)
    session.add(row)
    session.flush()
    return row


def hold_for_sharing(session: Session, herald: Herald, messages: list[SlackMessage], owner: str | None) -> str:
    """Keep a private answer so its owner's "Share in channel" can post it later; returns the button's id."""
    now = herald.clock.now()
    row = Job(kind=SHARE_KIND, payload={"messages": [m.to_dict() for m in messages], "owner": owner}, status="held",
              created_at=now, run_after=now, attempts=0)
    session.add(row)
    session.flush()
    return str(row.id)


def shared_messages(session: Session, share_id: str, user: str | None) -> list[SlackMessage] | None:
    """The messages held under `share_id` for `user` (only the person who was answered may share)."""
    row = session.get(Job, int(share_id)) if share_id.isdigit() else None
    if row is None or row.kind != SHARE_KIND or row.payload.get("owner") != user:
        return None
    return [SlackMessage(**m) for m in row.payload["messages"]]


def render_answer(session: Session, herald: Herald, reply: Reply, share_owner: str | None) -> list[SlackMessage]:
    """The messages for `reply`; a private, successful answer to `share_owner` gets "Share in channel"."""
    if not share_owner or reply.is_error or reply.visibility == "channel":
        return render_messages(reply)
    messages = render_messages(reply, share_id=SHARE_ID_UNKNOWN)
    share_id = hold_for_sharing(session, herald, without_share_button(messages), share_owner)
    return with_share_id(messages, share_id)


class JobWorker:
    """Drains due Slack jobs in a background thread of the web process."""

    def __init__(self, herald: Herald, client_for: Callable[[str | None], WebClient],
                 poll_seconds: float = POLL_SECONDS):
        self.herald = herald
        self.client_for = client_for
        self.poll_seconds = poll_seconds
        self.name = f"{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def start(self) -> None:
        """Start the thread once; it first drains whatever a previous process left pending."""
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="herald-slack-jobs", daemon=True)
                self._thread.start()

    def wake(self) -> None:
        """Ask the worker to look for due jobs now (after a job was committed)."""
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
                log.exception("slack job worker: drain failed")
            self._wake.wait(self.poll_seconds)
            self._wake.clear()

    def drain(self) -> int:
        """Run every due job now; returns how many were finished."""
        finished = 0
        while not self._stop.is_set():
            job_id = self._claim_next()
            if job_id is None:
                return finished
            finished += self.run(job_id)
        return finished

    def prune(self) -> None:
        """Forget old share copies, finished jobs and receipt keys no retry can still need."""
        now = self.herald.clock.now()
        with self.herald.session() as session:
            session.execute(delete(Job).where(Job.kind == SHARE_KIND, Job.created_at < now - KEEP_SHARES))
            session.execute(delete(Job).where(Job.kind == REPLY_KIND, Job.status.in_(("done", "failed")),
                                              Job.created_at < now - KEEP_FINISHED))
            session.execute(delete(ReceivedEvent).where(ReceivedEvent.platform == PLATFORM,
                                                        ReceivedEvent.received_at < now - KEEP_RECEIPTS))

    def _claim_next(self) -> int | None:
        now = self.herald.clock.now()
        with self.herald.session() as session:
            candidates = session.scalars(
                select(Job.id).where(Job.kind == REPLY_KIND, Job.status.in_(("pending", "delivering")),
                                     Job.run_after <= now, or_(Job.locked_until.is_(None), Job.locked_until < now))
                .order_by(Job.id).limit(5)).all()
            for job_id in candidates:
                claimed = session.execute(
                    update(Job).where(Job.id == job_id, Job.status.in_(("pending", "delivering")),
                                      or_(Job.locked_until.is_(None), Job.locked_until < now))
                    .values(locked_by=self.name, locked_until=now + LOCK_FOR, attempts=Job.attempts + 1))
                if claimed.rowcount == 1:
                    return job_id
        return None

    def run(self, job_id: int) -> bool:
        """Finish one claimed job: run its command if not yet run, then deliver the answer."""
        try:
            job = self._run_command(job_id)
            client = self.client_for(job.target.team)
            messages = [SlackMessage(**m) for m in job.messages or []]
            for index in range(job.delivered, len(messages)):
                deliver([messages[index]], job.target, client, self.herald.clock.now(), pacer=self.herald.pacer)
                job.delivered = index + 1
                self._save_progress(job_id, job)
            deliver_files(job.files, job.target, client)
            deliver_notices(notices_from_json(job.notices), client, pacer=self.herald.pacer)
        except Exception as exc:  # noqa: BLE001 - recorded on the job and retried
            self._failed(job_id, exc)
            return False
        self._finish(job_id)
        return True

    def _run_command(self, job_id: int) -> ReplyJob:
        with self.herald.session() as session:
            row = session.get(Job, job_id)
            job = ReplyJob.from_json(row.payload)
            if row.status != "pending" or job.command is None:
                return job
            actor = Actor(**job.actor) if job.actor else Actor.system()
            ctx = Context(session=session, actor=actor, clock=self.herald.clock, settings=self.herald.settings,
                          channel=job.target.channel)
            reply = route(job.command, ctx, self.herald.families)
            owner = job.target.user if job.shareable else None
            job.messages = [m.to_dict() for m in render_answer(session, self.herald, reply, owner)]
            job.notices = notices_to_json(ctx.notices)
            job.files = files_to_json(reply)
            row.payload = job.to_json()
            row.status = "delivering"  # committed with the command's work: it never runs twice
        return job

    def _save_progress(self, job_id: int, job: ReplyJob) -> None:
        with self.herald.session() as session:
            session.execute(update(Job).where(Job.id == job_id).values(payload=job.to_json()))

    def _finish(self, job_id: int) -> None:
        with self.herald.session() as session:
            session.execute(update(Job).where(Job.id == job_id).values(
                status="done", finished_at=self.herald.clock.now(), locked_by=None, locked_until=None))

    def _failed(self, job_id: int, exc: Exception) -> None:
        ref = uuid.uuid4().hex[:8]
        log.error("slack job %s failed ref=%s", job_id, ref, exc_info=exc)
        now = self.herald.clock.now()
        with self.herald.session() as session:
            row = session.get(Job, job_id)
            row.last_error = f"{type(exc).__name__} (ref {ref})"
            row.locked_by = row.locked_until = None
            if row.attempts >= MAX_ATTEMPTS:
                row.status = "failed"
            else:
                row.run_after = now + timedelta(seconds=30 * 2 ** row.attempts)
