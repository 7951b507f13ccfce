"""Run a Slack request's command once: its receipt key and its work share one transaction.

Slack re-sends events whose acknowledgement was late, and people double-click buttons. Each request
carries a key (event id; team + action_ts + action_id; view id + hash + values). The key is written
in the same transaction as the command's work, so a repeat finds it and does nothing, and a request
whose work failed (rolled back) leaves no key behind and can be tried again. A retry whose first
delivery never arrived has no key yet, so it is processed, never dropped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy.orm import Session

from handlers.context import Actor, Context, Notice
from handlers.reply import Reply
from handlers.router import route
from models.inbound import claim_receipt
from runtime import Herald

PLATFORM = "slack"


@dataclass
class Outcome:
    """What running a command produced: the reply and the notices to post elsewhere."""

    reply: Reply
    notices: list[Notice] = field(default_factory=list)


def receipt_key(*parts: str | None) -> str:
    """A receipt key from a request's identifying parts, hashed when too long for the column."""
    key = ":".join(part or "-" for part in parts)
    return key if len(key) <= 200 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def record(session: Session, herald: Herald, key: str, job_id: int | None = None) -> bool:
    """Record `key` as the first write of the caller's transaction; False when a delivery already holds it."""
    return claim_receipt(session, PLATFORM, key, herald.clock.now(), job_id)


def run_command(herald: Herald, text: str, actor: Actor, channel: str | None, key: str | None = None,
                then: Callable[[Session, Outcome], None] | None = None) -> Outcome | None:
    """Run one command line in one transaction with its receipt; None if `key` was already handled.

    `then` runs in that same transaction with the outcome (to render and keep the answer), so a
    quick answer costs one transaction, and if it fails the command's work is undone with it.
    """
    with herald.session() as session:
        if key and not record(session, herald, key):
            return None
        ctx = Context(session=session, actor=actor, clock=herald.clock, settings=herald.settings, channel=channel)
        reply = route(text, ctx, herald.families)  # an error rolls back the key too: a repeat may retry
        outcome = Outcome(reply=reply, notices=list(ctx.notices))
        if then is not None:
            then(session, outcome)
    return outcome
