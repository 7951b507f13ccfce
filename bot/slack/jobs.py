"""Durable Slack work: a `Job` row written before the acknowledgement, finished from the database.

A job moves `pending` → (command run, answer rendered and stored, in the command's own transaction,
the job's row held: `JobWorker.run_once`) → `delivering` → (answer posted) → `done`; or, given up,
`failed`, and the person who asked is told once, privately, with a reference. The shared worker (`bot/jobs.py`, also Teams') claims
due jobs, picks up those a crashed or redeployed process left behind, and hands Slack's to
`SlackReplies`. A command's work is therefore done at most once, and its answer delivered at least once.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.jobs import MAX_ATTEMPTS, JobWorker, add_job, gave_up_reply  # noqa: F401 - MAX_ATTEMPTS: Slack jobs' limit
from bot.slack.blocks import SlackMessage, render_messages
from bot.slack.delivery import (Target, deliver, deliver_files, deliver_notices, files_to_json, notices_from_json,
                                notices_to_json)
from bot.slack.sharing import render_answer
from handlers.context import Actor, Context, Notice
from handlers.reply import Reply
from handlers.router import only_reads, route
from models.inbound import Job
from runtime import Herald

log = logging.getLogger("herald.slack.jobs")

REPLY_KIND = "slack.reply"


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


def enqueue(session: Session, herald: Herald, job: ReplyJob) -> int:
    """Add a pending job in the caller's transaction (commit it before acknowledging Slack); its id."""
    return add_job(session, herald, REPLY_KIND, job.to_json())


class SlackReplies:
    """The shared worker's handler for Slack jobs: run the command if not yet run, then deliver."""

    def __init__(self, herald: Herald, worker: JobWorker, client_for: Callable[[str | None], WebClient]):
        self.herald, self.worker, self.client_for = herald, worker, client_for

    def __call__(self, job_id: int) -> None:
        payload, _answer = self.worker.run_once(job_id, self._run_command, self._keep_answer, self._only_reads)
        job = ReplyJob.from_json(payload)
        client = self.client_for(job.target.team)
        messages = [SlackMessage(**m) for m in job.messages or []]
        for index in range(job.delivered, len(messages)):
            deliver([messages[index]], job.target, client, self.herald.clock.now(), pacer=self.herald.pacer)
            job.delivered = index + 1
            self.worker.save_progress(job_id, job.to_json())
        deliver_files(job.files, job.target, client)
        deliver_notices(notices_from_json(job.notices), client, pacer=self.herald.pacer)

    def _only_reads(self, payload: dict) -> bool:
        command = ReplyJob.from_json(payload).command
        return command is None or only_reads(command, self.herald.families)

    def _run_command(self, session: Session, payload: dict) -> tuple[Reply, list[Notice]] | None:
        """Run the job's command (none for a job that only delivers): its reply and notices."""
        job = ReplyJob.from_json(payload)
        if job.command is None:
            return None
        actor = Actor(**job.actor) if job.actor else Actor.system()
        ctx = Context(session=session, actor=actor, clock=self.herald.clock, settings=self.herald.settings,
                      channel=job.target.channel)
        return route(job.command, ctx, self.herald.families), list(ctx.notices)

    def _keep_answer(self, session: Session, payload: dict, answer: tuple[Reply, list[Notice]] | None) -> dict:
        """The payload with the command's answer rendered (and, if private, held for sharing)."""
        if answer is None:
            return payload
        job, (reply, notices) = ReplyJob.from_json(payload), answer
        owner = job.target.user if job.shareable else None
        job.messages = [m.to_dict() for m in render_answer(session, self.herald, reply, owner)]
        job.target.in_channel = job.target.in_channel or reply.visibility == "channel"  # e.g. "Post this line"
        job.notices = notices_to_json(notices)
        job.files = files_to_json(reply)
        return job.to_json()

    def gave_up(self, job_id: int, ref: str) -> None:
        """Tell the person who asked, privately where they asked, that their request was given up."""
        with self.herald.session() as session:
            job = ReplyJob.from_json(session.get(Job, job_id).payload)
        if job.target.user is None:  # a post nobody asked for (a notice, a shared answer): logged only
            return
        target = replace(job.target, in_channel=False)
        deliver(render_messages(gave_up_reply(job.command, ref)), target, self.client_for(target.team),
                self.herald.clock.now(), pacer=self.herald.pacer)
