""""Share in channel": a private answer posted for everyone by the person it answered.

A private answer that only read (`/coverage this week`, a question, help) is shared by asking the
same question again, as of the moment it was first asked: its button carries the command line, that
moment and the person, so answering it writes nothing and a read never waits for the write lock.
Any other private answer (a command that changed something, or one answered later by the worker) is
kept as a copy in the transaction that renders it, and its button carries the copy's id.

Either way only the person it answered may share it (the access policy's ANSWER_SHARE): the value
comes back inside Slack's signed payload, and the person is checked again on the click.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from bot.jobs import add_job
from bot.slack.blocks import SlackMessage, render_messages, with_share_id, without_share_button
from handlers.inputs import is_id
from handlers.reply import Reply
from models.inbound import Job
from runtime import Herald

SHARE_KIND = "slack.share"  # a private answer kept so its "Share in channel" button can post it
SHARE_ID_UNKNOWN = "0"  # the button's value until the kept copy has its id (no Job has id 0)
_ASKED = "ask"  # a button value that asks again: ask|<person>|<unix seconds>|<command line>
_BUTTON_VALUE_LIMIT = 2000  # Slack's limit on a button's value


@dataclass(frozen=True)
class AskedAgain:
    """A read-only answer, shared by running its command again as of `asked_at` for `owner`."""

    command: str
    asked_at: datetime
    owner: str

    def button_value(self) -> str | None:
        """The button's value, or None when the command line is too long to ride in one."""
        value = f"{_ASKED}|{self.owner}|{int(self.asked_at.timestamp())}|{self.command}"
        return value if len(value) <= _BUTTON_VALUE_LIMIT else None


@dataclass(frozen=True)
class HeldCopy:
    """A private answer kept as rendered, by the id of its row."""

    job_id: int


def read_share_value(value: str) -> AskedAgain | HeldCopy | None:
    """What a "Share in channel" button's value names, or None for a value Herald never made."""
    if is_id(value):
        return HeldCopy(int(value))
    kind, _, rest = value.partition("|")
    owner, _, rest = rest.partition("|")
    seconds, _, command = rest.partition("|")
    if kind != _ASKED or not owner or not seconds.isdigit() or not command.strip():
        return None
    try:
        asked_at = datetime.fromtimestamp(int(seconds), tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return AskedAgain(command=command, asked_at=asked_at, owner=owner)


def hold_for_sharing(session: Session, herald: Herald, messages: list[SlackMessage], owner: str | None) -> str:
    """Keep a private answer so its owner's "Share in channel" can post it later; returns the button's id."""
    return str(add_job(session, herald, SHARE_KIND, {"messages": [m.to_dict() for m in messages], "owner": owner},
                       status="held"))  # pruned a day later, with every held job (bot/jobs.py)


def held_answer(session: Session, copy: HeldCopy) -> tuple[str | None, list[SlackMessage]] | None:
    """(the person it answered, the messages) kept as `copy`, or None."""
    row = session.get(Job, copy.job_id)
    if row is None or row.kind != SHARE_KIND:
        return None
    return row.payload.get("owner"), [SlackMessage(**m) for m in row.payload["messages"]]


def render_answer(session: Session, herald: Herald, reply: Reply, share_owner: str | None,
                  asked: AskedAgain | None = None) -> list[SlackMessage]:
    """The messages for `reply`; a private, successful answer to `share_owner` gets "Share in channel":
    asked again when `asked` is given and fits the button, otherwise through a kept copy."""
    if not share_owner or reply.is_error or reply.visibility == "channel":
        return render_messages(reply)
    messages = render_messages(reply, share_id=SHARE_ID_UNKNOWN)
    value = asked.button_value() if asked is not None and asked.owner == share_owner else None
    if value is None:
        value = hold_for_sharing(session, herald, without_share_button(messages), share_owner)
    return with_share_id(messages, value)
