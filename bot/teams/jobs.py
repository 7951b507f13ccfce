"""Durable Teams answers: every command is a `Job` row before Teams gets its acknowledgement.

Teams waits only seconds (5 for the outgoing webhook, about 15 for the bot). A command is written
as a job (with the message's receipt, in one transaction), held by this process and run at once;
the job's row is updated in the command's own transaction with the rendered answer (status
`delivering`), so the command's work happens at most once. If it finishes within the budget, the
answer rides in the HTTP answer. If not, Teams is told "Working on it…" and the shared job worker
(`bot/jobs.py`, also Slack's) posts the answer when it is ready: through the team's Workflows URL
(outgoing webhook) or into the message's thread (the bot). Should the process die first, the job's
lock lapses and any process's worker runs it. A job given up after its last attempt is answered
with an apology and a reference, once, where the person asked. Notices the command raised (a
programme's rating changed) go to the same Teams destination, as new posts.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.jobs import JobWorker, add_job, gave_up_reply, shared_worker
from bot.teams import workflows
from bot.teams.cards import render_cards
from bot.teams.late import LateAnswers, reply_of
from bot.teams.settings import TeamsSettings, load_teams_settings
from handlers.context import Actor, Context, Notice
from handlers.reply import Reply, Section
from handlers.router import family_for, only_reads, route, split_command
from models.inbound import JOB_ACTIVE, Job, ReceivedEvent
from runtime import Herald

log = logging.getLogger("herald.teams.jobs")
KIND = "teams.reply"
EXTENSION = "herald.teams.replies"

Router = Callable[[str, Context], Reply]
ConversationPoster = Callable[[dict, "str | None", list[dict]], None]  # (reference, reply_to id, cards)


@dataclass
class TeamsReplyJob:
    """A Teams job's payload: the command, who asked where, and the answer's Teams destination.

    Exactly one destination: `team` (outgoing webhook: that team's Workflows URL, read from settings
    when posting, never stored) or `conversation` (the bot: a conversation reference; the answer is a
    reply to `reply_to`, notices are new posts).
    """

    command: str
    actor: dict
    channel: str
    team: str | None = None
    conversation: dict | None = None
    reply_to: str | None = None
    asked: str | None = None  # "In answer to …" above an answer posted away from the question
    cards: list[dict] | None = None
    delivered: int = 0  # cards already posted (or answered inline): a retry carries on from here
    notices: list[dict] = field(default_factory=list)
    notices_delivered: int = 0

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "TeamsReplyJob":
        return cls(**data)


def notice_reply(notice: Notice) -> Reply:
    """A handler's notice as a one-line message for a Teams channel."""
    return Reply(title="Herald notice", sections=(Section(text=notice.text),), visibility="channel")


class TeamsReplies:
    """Accepts Teams commands as jobs, answers them inline when quick, and is the worker's handler."""

    def __init__(self, herald: Herald, worker: JobWorker, settings: TeamsSettings):
        self.herald, self.worker, self.settings = herald, worker, settings
        self.route: Router = lambda text, ctx: route(text, ctx, herald.families)  # tests wrap it
        self.post_to_conversation: ConversationPoster | None = None  # set when the bot is configured
        self.commands = ThreadPoolExecutor(8, "teams-command")
        self.running = LateAnswers()  # commands running in this process (inline attempts)
        worker.handle(KIND, self)

    def accept(self, job: TeamsReplyJob, receipt: ReceivedEvent | None = None) -> int | None:
        """Write the job (held by this process) and the receipt in one transaction; None for a repeat."""
        try:
            with self.herald.session() as session:
                if receipt is not None:
                    session.add(receipt)
                    session.flush()
                return add_job(session, self.herald, KIND, job.to_json(), held_by=self.worker.name)
        except IntegrityError:
            return None

    def answer(self, job_id: int, command: str, budget: float) -> Reply | None:
        """Run the job's command now: its reply if done within `budget` seconds, else None (the worker
        posts it when done). A command its family marks slow goes straight to the worker."""
        if self._is_slow(command):
            self.worker.release(job_id)
            return None
        inline = _InlineRun(self, job_id)
        future = self.commands.submit(inline.run)
        self.running.track(future)
        reply = inline.wait(future, budget)
        if reply is not None and future.exception() is None:
            self._answered_inline(job_id)
        return reply

    def _is_slow(self, command: str) -> bool:
        word, rest = split_command(command)
        family = family_for(word, self.herald.families)
        return bool(family and family.ready and family.is_slow(rest))

    def __call__(self, job_id: int) -> None:
        """The worker's handler: run the command if it has not run, then post what is left to post."""
        job, _reply = self.run_command(job_id)
        for index in range(job.delivered, len(job.cards or ())):
            self._post(job, [job.cards[index]], reply_to=job.reply_to)
            job.delivered = index + 1
            self.worker.save_progress(job_id, job.to_json())
        for index in range(job.notices_delivered, len(job.notices)):
            self._post(job, render_cards(notice_reply(Notice(**job.notices[index]))), reply_to=None)
            job.notices_delivered = index + 1
            self.worker.save_progress(job_id, job.to_json())

    def run_command(self, job_id: int) -> tuple[TeamsReplyJob, Reply | None]:
        """Run a pending job's command once (`JobWorker.run_once`), storing its cards and notices in
        the command's transaction; the reply is None if the command had already run."""
        payload, answer = self.worker.run_once(job_id, self._command, self._keep,
                                               lambda p: only_reads(p["command"], self.herald.families))
        return TeamsReplyJob.from_json(payload), (answer[0] if answer else None)

    def _command(self, session: Session, payload: dict) -> tuple[Reply, list[Notice]]:
        job = TeamsReplyJob.from_json(payload)
        ctx = Context(session=session, actor=Actor(**job.actor), clock=self.herald.clock,
                      settings=self.herald.settings, channel=job.channel)
        return self.route(job.command, ctx), list(ctx.notices)

    def _keep(self, _session: Session, payload: dict, answer: tuple[Reply, list[Notice]]) -> dict:
        job, (reply, notices) = TeamsReplyJob.from_json(payload), answer
        shown = replace(reply, context=(job.asked, *reply.context)) if job.asked else reply
        job.cards = render_cards(shown)
        job.notices = [asdict(n) for n in notices]
        return job.to_json()

    def gave_up(self, job_id: int, ref: str) -> None:
        """Tell the person, where they asked (the thread, or the team's Workflows channel), that their
        request was given up: plain words and a reference, once."""
        with self.herald.session() as session:
            job = TeamsReplyJob.from_json(session.get(Job, job_id).payload)
        self._post(job, render_cards(gave_up_reply(job.command, ref)), reply_to=job.reply_to)

    def _answered_inline(self, job_id: int) -> None:
        """The answer went back in the HTTP answer: only its notices are left for the worker."""
        with self.herald.session() as session:
            row = session.get(Job, job_id)
            job = TeamsReplyJob.from_json(row.payload)
            job.delivered = len(job.cards or ())
            row.payload = job.to_json()
            left = bool(job.notices)
        if left:
            self.worker.release(job_id)
        else:
            self.worker.finish(job_id)

    def _post(self, job: TeamsReplyJob, cards: list[dict], reply_to: str | None) -> None:
        if job.team is not None:
            url = self.settings.workflows_urls.get(job.team)
            if not url:  # the person was told when they asked; nothing to retry
                log.warning("Teams answer for %s not posted: no TEAMS_WORKFLOWS_URL entry",
                            self.settings.describe(job.team))
                return
            workflows.post_cards(url, cards)
        elif job.conversation is not None:
            if self.post_to_conversation is None:
                log.warning("Teams bot answer not posted: the bot is no longer configured")
                return
            self.post_to_conversation(job.conversation, reply_to, cards)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait for commands still running here, then for every Teams job to be finished (shutdown,
        tests); True if none is left running or waiting to be posted by `timeout` seconds."""
        deadline = time.monotonic() + timeout
        if not self.running.drain(timeout):
            return False
        while True:
            self.worker.drain()
            with self.herald.session() as session:
                left = session.scalar(select(func.count()).select_from(Job).where(
                    Job.kind == KIND, Job.status.in_(JOB_ACTIVE), Job.run_after <= self.herald.clock.now()))
            if not left or time.monotonic() > deadline:
                return not left
            time.sleep(0.02)  # another thread is posting one: wait for it to finish


class _InlineRun:
    """One command run against Teams' deadline: answered inline if it finishes in time, otherwise
    (it was late) handed to the worker when it does finish, so exactly one of the two answers."""

    def __init__(self, replies: TeamsReplies, job_id: int):
        self.replies, self.job_id = replies, job_id
        self._lock = threading.Lock()
        self._finished = self._late = False

    def run(self) -> Reply:
        worker = self.replies.worker
        try:
            _job, reply = self.replies.run_command(self.job_id)
        except Exception as exc:
            if self._finish():  # "working on it" was said: retry later, like any job
                worker.failed(self.job_id, exc)
            else:  # the person is told nothing changed: it must not run later
                worker.failed(self.job_id, exc, told=True)
            raise
        if self._finish():
            worker.release(self.job_id)
        return reply

    def _finish(self) -> bool:
        """Mark the run finished; True if it was late (its answer is then the worker's to post)."""
        with self._lock:
            self._finished = True
            return self._late

    def wait(self, future: Future, budget: float) -> Reply | None:
        """The reply if the command finished within `budget` (an apology if it crashed), else None."""
        try:
            return reply_of(future, budget)
        except FutureTimeout:
            with self._lock:
                if not self._finished:
                    self._late = True
                    return None
        return reply_of(future, None)


def teams_replies(app: Flask, herald: Herald) -> TeamsReplies:
    """The app's one `TeamsReplies`, registered on the shared job worker on first use."""
    replies = app.extensions.get(EXTENSION)
    if replies is None:
        replies = app.extensions[EXTENSION] = TeamsReplies(herald, shared_worker(app, herald),
                                                           load_teams_settings(herald.settings))
    return replies
