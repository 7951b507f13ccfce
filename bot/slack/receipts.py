"""Run a Slack request's command once: its receipt key and its work share one transaction.

Slack re-sends events whose acknowledgement was late, and people double-click buttons. Each request
carries a key (event id; team + action_ts + action_id; view id + hash + values). The key is written
in the same transaction as the command's work, so a repeat finds it and its work is undone, and a
request whose work failed (rolled back) leaves no key behind and can be tried again. A retry whose
first delivery never arrived has no key yet, so it is processed, never dropped.

A command that only reads (`handlers.router.only_reads`) runs on a reading snapshot and keeps no
key: running it again changes nothing, and Slack never re-sends a slash command (each has its own
trigger id), so it takes no write lock just to record that it ran. What its answer must keep (the
copy behind "Share in channel", a delivery job) is written afterwards, in a short transaction of its
own. A command that may write holds SQLite's write lock from its start (`models.db`), so repeats
of it queue one behind the other and the second finds the first's key.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy.orm import Session

from handlers.context import Actor, Context, Notice
from handlers.reply import Reply
from handlers.router import is_database_reply, only_reads, route
from models.inbound import claim_receipt, receipt_exists
from runtime import Herald

PLATFORM = "slack"


@dataclass
class Outcome:
    """What running a command produced: the reply and the notices to post elsewhere."""

    reply: Reply
    notices: list[Notice] = field(default_factory=list)
    read_only: bool = False  # the command only read, so asking it again changes nothing


def receipt_key(*parts: str | None) -> str:
    """A receipt key from a request's identifying parts, hashed when too long for the column."""
    key = ":".join(part or "-" for part in parts)
    return key if len(key) <= 200 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def record(session: Session, herald: Herald, key: str, job_id: int | None = None) -> bool:
    """Record `key` in the caller's transaction; False when a delivery already holds it."""
    return claim_receipt(session, PLATFORM, key, herald.clock.now(), job_id)


class _Repeat(Exception):
    """This delivery is a repeat: its key was claimed first by another, so its work is undone."""


def run_command(herald: Herald, text: str, actor: Actor, channel: str | None, key: str | None = None,
                then: Callable[[Session, Outcome], None] | None = None) -> Outcome | None:
    """Run one command line in one transaction with its receipt; None if `key` was already handled.

    `then` runs in that same transaction with the outcome (to render and keep the answer), so if it
    fails the command's work is undone with it. When the result is None, whatever `then` saw belongs
    to a repeat and must not be sent. A command that only reads runs on a snapshot, keeps no key,
    and `then` gets a session of its own, which begins a transaction (taking SQLite's write lock)
    only if `then` writes something.
    """
    if only_reads(text, herald.families):
        return _run_reading(herald, text, actor, channel, then)
    try:
        with herald.session() as session:
            ctx = Context(session=session, actor=actor, clock=herald.clock, settings=herald.settings,
                          channel=channel)
            reply = route(text, ctx, herald.families)
            outcome = Outcome(reply=reply, notices=list(ctx.notices))
            if then is not None:
                then(session, outcome)
            # A refusal changed nothing (the router rolled it back), so it keeps no key: a repeat may retry.
            if key and not reply.is_error and not record(session, herald, key):
                raise _Repeat
    except _Repeat:
        return None
    if key and reply.is_error and not is_database_reply(reply) and _claimed_by_another(herald, key):
        return None  # a concurrent repeat whose writes collided with the first delivery's
    return outcome


def _run_reading(herald: Herald, text: str, actor: Actor, channel: str | None,
                 then: Callable[[Session, Outcome], None] | None) -> Outcome:
    with herald.reading() as session:
        ctx = Context(session=session, actor=actor, clock=herald.clock, settings=herald.settings, channel=channel)
        reply = route(text, ctx, herald.families)
        outcome = Outcome(reply=reply, notices=list(ctx.notices), read_only=True)
    if then is not None:  # a session that opens no transaction until `then` uses it (most answers do not)
        with herald.session() as session:
            then(session, outcome)
    return outcome


def _claimed_by_another(herald: Herald, key: str) -> bool:
    try:
        with herald.reading() as session:
            return receipt_exists(session, PLATFORM, key)
    except Exception:  # noqa: BLE001 - the database is away: the error reply stands
        return False
