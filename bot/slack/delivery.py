"""Where a Slack answer goes, and delivering it there: response_url first, the Web API after.

A `response_url` takes at most five posts within thirty minutes; past either, or when Slack refuses
it, the answer goes through the Web API instead (ephemeral to the person for a private answer, a
channel post for a shared one). Notices from handlers go to their configured channels.
"""
from __future__ import annotations

import base64
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.slack.blocks import SlackMessage, render_notice
from bot.slack.post import Pacer, post_ephemeral, post_messages, respond
from bot.slack.mrkdwn import clean, plain
from handlers.context import Notice
from handlers.reply import Reply

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
    thread_ts: str | None = None  # answer for everyone in this thread (app mentions, a button clicked in a thread)
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
            pacer: Pacer | None = None) -> None:
    """Send every message to `target`, falling back from response_url to the Web API per message.

    `pacer` spaces the Web API posts (None: the process-wide one-a-second `PACER`)."""
    for message in messages:
        if target.response_url_usable(now) and not (target.in_channel and target.thread_ts):  # a thread: the API
            target.response_url_uses += 1
            if respond(target.response_url, message, in_channel=target.in_channel):
                continue
            target.response_url_uses = RESPONSE_URL_USES  # refused: use the Web API from now on
        _post_by_api(client, target, message, pacer)


def _post_by_api(client: WebClient, target: Target, message: SlackMessage, pacer: Pacer | None) -> None:
    if not target.channel:
        raise RuntimeError("no channel to answer in and the response_url is spent")
    if target.in_channel or not target.user:
        post_messages(client, target.channel, [message], thread_ts=target.thread_ts, pacer=pacer)
    else:
        post_ephemeral(client, target.channel, target.user, [message], pacer=pacer)


def deliver_notices(notices: list[Notice], client: WebClient, pacer: Pacer | None = None) -> None:
    """Post each handler notice (e.g. a RAG change) to its destination channel."""
    for notice in notices:
        post_messages(client, notice.destination, [render_notice(notice.text)], pacer=pacer)


def files_to_json(reply: Reply) -> list[dict]:
    """The reply's chart and attachments as JSON-safe file records, to upload after its messages."""
    files = [{"filename": a.filename, "title": a.filename, "content": base64.b64encode(a.content).decode(),
              "alt_text": None} for a in reply.attachments]
    if reply.chart is not None:
        files.append({"filename": "chart.png", "title": reply.chart.title, "alt_text": reply.chart.alt_text,
                      "content": base64.b64encode(reply.chart.png).decode()})
    return files


def deliver_files(files: list[dict], target: Target, client: WebClient) -> None:
    """Upload files where the answer went: the channel for a shared answer, a DM for a private one."""
    if not files or not target.channel:
        return
    channel = target.channel
    if not target.in_channel and target.user and target.user != target.channel:
        channel = client.conversations_open(users=target.user)["channel"]["id"]
    uploads = [{"file": base64.b64decode(f["content"]), "filename": clean(f["filename"])[:200] or "file",
                "title": plain(f["title"], 250, default="file"),
                **({"alt_txt": plain(f["alt_text"], 1000)} if f.get("alt_text") else {})} for f in files]
    client.files_upload_v2(file_uploads=uploads, channel=channel, thread_ts=target.thread_ts)


def notices_to_json(notices: list[Notice]) -> list[dict]:
    return [asdict(n) for n in notices]


def notices_from_json(data: list[dict]) -> list[Notice]:
    return [Notice(**n) for n in data]
