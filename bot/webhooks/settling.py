"""The job that settles a webhook batch's stories moments after its answer (`models.story_settling`).

A webhook post whose story judgement ran short of time leaves a `stories.settle` job in the transaction that stores
its items; the web process's job worker (`bot.jobs`) takes it up at once, or, should that process die first, the next
worker that looks. Settling is idempotent, so a retried job changes nothing more. Nobody asked for it, so a job given
up is only logged.
"""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy.orm import Session

from bot.jobs import JobWorker, add_job, shared_worker
from models.inbound import Job
from models.story_settling import SETTLE_JOB, settle_stories
from runtime import Herald

log = logging.getLogger("herald.stories")


class StorySettling:
    """Finishes a `stories.settle` job (`models.story_settling.settle_stories`)."""

    def __init__(self, herald: Herald) -> None:
        self.herald = herald

    def __call__(self, job_id: int) -> None:
        with self.herald.reading() as session:
            item_ids = session.get(Job, job_id).payload["items"]
        made = settle_stories(self.herald.reading, self.herald.session, item_ids)
        log.info("stories settled: %d of %d items joined a story (job %s)", len(made), len(item_ids), job_id)

    def gave_up(self, job_id: int, ref: str) -> None:
        log.warning("stories.settle job %s given up (ref %s): its items keep the stories they were given", job_id, ref)


def settle_later(session: Session, herald: Herald, item_ids: list[int]) -> int:
    """Leave a job, in the caller's transaction, to settle these items' stories after it commits (then `wake`)."""
    return add_job(session, herald, SETTLE_JOB, {"items": item_ids})


def settling_worker(app: Flask, herald: Herald) -> JobWorker:
    """The app's job worker, with the settling job registered on it."""
    worker = shared_worker(app, herald)
    worker.handle(SETTLE_JOB, app.extensions.setdefault(SETTLE_JOB, StorySettling(herald)))
    return worker
