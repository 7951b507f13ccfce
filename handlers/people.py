"""Naming a person in a command: `owner:me`, a picked @name, or a Slack or Teams user id.

Slack sends a person picked from the @ list as `<@U123|sam>` in an escaped command (`/enquiry`); a
bare "@sam" typed into an unescaped one cannot be told apart from a name, so it is refused with how
to name them instead. Teams users are named by their Entra object id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.context import Context
from handlers.errors import UsageError

_MENTION = re.compile(r"^<@(?P<id>[UW][A-Z0-9]+)(?:\|(?P<name>[^>]*))?>$")
_SLACK_ID = re.compile(r"^@?(?P<id>[UW][A-Z0-9]{3,})$")
_TEAMS_ID = re.compile(r"^(?P<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", re.IGNORECASE)
SELF_WORDS = ("me", "myself", "@me")


@dataclass(frozen=True)
class Person:
    """Someone a command names: their Slack or Teams user id, and a name to show when one is known."""

    user_id: str
    name: str | None = None


def read_person(text: str | None, ctx: Context, example: str) -> Person:
    """The person `text` names; nothing or "me" is the asker. UsageError (on field `owner`) otherwise."""
    value = (text or "").strip()
    if not value or value.lower() in SELF_WORDS:
        return Person(ctx.actor.user_id, ctx.actor.name)
    if m := _MENTION.match(value):
        return Person(m.group("id"), m.group("name") or None)
    if m := (_SLACK_ID.match(value) or _TEAMS_ID.match(value)):
        return Person(m.group("id"))
    raise UsageError(f'owner: I can\'t tell who "{value[:40]}" is. Pick them from the @ list so their id comes '
                     "through, write owner:me, or give their Slack member id (their profile → ⋮ → Copy member ID) "
                     "or Teams user id.", example=example, field="owner")
