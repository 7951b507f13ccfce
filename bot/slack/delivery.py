"""Where a Slack answer goes, and delivering it there: response_url first, the Web API after.

A `response_url` takes at most five posts within thirty minutes; past either, or when Slack refuses
it, the answer goes through the Web API instead (ephemeral to the person for a private answer, a
channel post for a shared one). Notices from handlers go to their configured channels.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.slack.blocks import SlackMessage, render_notice
from bot.slack.post import PACER, Pacer, post_ephemeral, post_messages, respond
from handlers.context import Notice

RESPONSE_URL_USES = 5
RESPONSE_URL_LIFETIME = timedelta(minutes=30)


@dataclass
class Target:
    """Who asked, where, and how to answer them."""

    channel: str | None
    user: str | None
    team: str | None = None
    response_url: str | None = None
    response_url_uses: int = 0
    received_at: str | None = None  # ISO timestamp the response_url was issued
    thread_ts: str | None = None  # answer in this thread (app mentions)
    in_channel: bool = False

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Target":
        return cls(**data)

    def response_url_usable(self, now: datetime) -> bool:
        """Whether the response_url may still take a post (fewer than five uses, under thirty minutes)."""
        if not self.response_url or self.response_url_uses >= RESPONSE_URL_USES or not self.received_at:
            return False
        return now - datetime.fromisoformat(self.received_at) < RESPONSE_URL_LIFETIME


def deliver(messages: list[SlackMessage], target: Target, client: WebClient, now: datetime,
            pacer: Pacer = PACER) -> None:
    """Send every message to `target`, falling back from response_url to the Web API per message."""
    for message in messages:
        if target.response_url_usable(now):
            target.response_url_uses += 1
            if respond(target.response_url, message, in_channel=target.in_channel):
                continue
            target.response_url_uses = RESPONSE_URL_USES  # refused: use the Web API from now on
        _post_by_api(client, target, message, pacer)


def _post_by_api(client: WebClient, target: Target, message: SlackMessage, pacer: Pacer) -> None:
    if not target.channel:
        raise RuntimeError("no channel to answer in and the response_url is spent")
    if target.in_channel or not target.user or target.thread_ts:
        post_messages(client, target.channel, [message], thread_ts=target.thread_ts, pacer=pacer)
    else:
        post_ephemeral(client, target.channel, target.user, [message], pacer=pacer)


def deliver_notices(notices: list[Notice], client: WebClient, pacer: Pacer = PACER) -> None:
    """Post each handler notice (e.g. a RAG change) to its destination channel."""
    for notice in notices:
        post_messages(client, notice.destination, [render_notice(notice.text)], pacer=pacer)


def notices_to_json(notices: list[Notice]) -> list[dict]:
    return [asdict(n) for n in notices]


def notices_from_json(data: list[dict]) -> list[Notice]:
    return [Notice(**n) for n in data]
