"""Read a Teams outgoing-webhook activity (Bot Framework schema) into the command Herald should run.

Teams sends the channel message as HTML-ish text: the bot's own `<at>Name</at>` mention first, other
mentions as `<at>…</at>`, typed `<` and `&` as entities, and `&nbsp;` for some spaces. The command
is the text after the bot's mention, other mentions kept as plain names, entities decoded.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any

from handlers.context import Actor

_LEADING_MENTION = re.compile(r"^\s*(?:<(?!at\b)[^>]*>\s*)*<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)
_MENTION = re.compile(r"<at\b[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MESSAGE_ID = re.compile(r";messageid=\d+$")
KEY_MAX = 255


class BadActivity(ValueError):
    """The body is JSON but not a message activity Herald can act on; the message says what is wrong."""


@dataclass(frozen=True)
class InboundMessage:
    """One @mention of Herald in a Teams channel, reduced to what the command router needs."""

    activity_id: str
    text: str
    actor: Actor
    channel: str
    conversation_id: str

    def dedupe_key(self, team: str) -> str:
        """A key unique to this message: activity ids are only unique within a conversation."""
        key = f"{team}|{self.conversation_id}|{self.activity_id}"
        return key if len(key) <= KEY_MAX else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def command_text(raw: str) -> str:
    """The command in a message: Herald's mention removed, tags stripped, entities decoded, one line."""
    text = _LEADING_MENTION.sub("", raw or "", count=1)
    text = _MENTION.sub(lambda m: _TAG.sub("", m.group(1)), text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("\xa0", " ")
    return " ".join(_CONTROL.sub(" ", text).split())


def parse_activity(data: Any) -> InboundMessage:
    """The message in a decoded activity body; `BadActivity` naming the first thing missing."""
    if not isinstance(data, dict):
        raise BadActivity("the body must be a JSON object (a Teams activity)")
    if data.get("type") != "message":
        raise BadActivity(f"only 'message' activities are handled, not {str(data.get('type'))[:40]!r}")
    activity_id = _string(data, "id")
    sender = data.get("from")
    if not isinstance(sender, dict) or not _string(sender, "id", required=False):
        raise BadActivity("the activity has no 'from.id'")
    conversation = data.get("conversation") if isinstance(data.get("conversation"), dict) else {}
    conversation_id = _string(conversation, "id", where="conversation.id")
    channel_data = data.get("channelData") if isinstance(data.get("channelData"), dict) else {}
    channel = str(channel_data.get("teamsChannelId") or _MESSAGE_ID.sub("", conversation_id))
    tenant_info = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    tenant = conversation.get("tenantId") or tenant_info.get("id") or None
    actor = Actor(user_id=str(sender.get("aadObjectId") or sender["id"])[:100],
                  name=(str(sender["name"])[:100] if sender.get("name") else None),
                  platform="teams", workspace=(str(tenant)[:40] if tenant else None))
    return InboundMessage(activity_id=activity_id, text=command_text(str(data.get("text") or "")),
                          actor=actor, channel=channel[:200], conversation_id=conversation_id)


def _string(data: dict, key: str, required: bool = True, where: str | None = None) -> str:
    value = data.get(key)
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()
    if required:
        raise BadActivity(f"the activity has no '{where or key}'")
    return ""
