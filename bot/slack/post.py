"""Posting to Slack: one Web API client setup, per-channel pacing, response_url replies.

The client waits out 429s (`Retry-After`), backs off and retries Slack's 500s and dropped
connections (slack-sdk's retry handlers). Slack allows about one message a second per channel, so
posts to one channel are spaced by a `Pacer`: the process-wide `PACER` unless the caller passes the
Herald's own (`herald.pacer`, injected by tests). Herald's own posts never unfurl links.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (ConnectionErrorRetryHandler, RateLimitErrorRetryHandler,
                                                   ServerErrorRetryHandler)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.webhook import WebhookClient

from bot.slack.blocks import SlackMessage, render_messages
from config import Settings
from handlers.reply import Reply

log = logging.getLogger("herald.slack.post")
CHANNEL_INTERVAL = 1.0  # seconds between two posts to one channel
SERVER_ERROR_BACKOFF = BackoffRetryIntervalCalculator(backoff_factor=0.5)  # 0.5 s, 1 s, … plus jitter


def _retry_handlers() -> list:
    """Retry dropped connections, 429s (after `Retry-After`) and Slack's 500/503s (backing off);
    once these are spent the call raises, and the caller reports it (a job records it as failed)."""
    return [ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2, interval_calculator=SERVER_ERROR_BACKOFF)]


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient on `SLACK_API_URL` that waits out 429s, and retries 500s and dropped connections."""
    client = WebClient(token=token or settings.SLACK_BOT_TOKEN or None, base_url=settings.SLACK_API_URL,
                       timeout=10)
    client.retry_handlers = _retry_handlers()
    return client


class Pacer:
    """Spaces posts to the same channel at least `interval` seconds apart (thread-safe)."""

    def __init__(self, interval: float = CHANNEL_INTERVAL, monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, channel: str) -> None:
        """Block until `channel` may take another message, and book the slot after it."""
        with self._lock:
            now = self._monotonic()
            slot = max(now, self._next_slot.get(channel, now))
            self._next_slot[channel] = slot + self.interval
        if slot > now:
            self._sleep(slot - now)


class FencedPacer(Pacer):
    """A pacer whose wait ends with the caller's `fence` (which raises to stop): the check runs right
    before each message is sent, after its pacing wait (a digest's claim, see `digests.runner`)."""

    def __init__(self, pacer: Pacer, fence: Callable[[], None]):
        self.pacer, self.fence = pacer, fence

    def wait(self, channel: str) -> None:
        self.pacer.wait(channel)
        self.fence()


PACER = Pacer()


def post_messages(client: WebClient, channel: str, messages: list[SlackMessage], thread_ts: str | None = None,
                  pacer: Pacer | None = None, metadata: dict | None = None) -> list[str]:
    """Post messages to a channel in order, paced, links not unfurled; returns their timestamps.

    `metadata` (Slack message metadata: event_type and event_payload) is attached to each message.
    """
    stamps = []
    for message in messages:
        (pacer or PACER).wait(channel)
        response = client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks,
                                           thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                                           metadata=metadata)
        stamps.append(response["ts"])
    return stamps


def post_reply(client: WebClient, channel: str, reply: Reply, pacer: Pacer | None = None) -> str:
    """Post `reply` to `channel` (in as many messages as it needs); returns the first message's timestamp."""
    return post_messages(client, channel, render_messages(reply), pacer=pacer)[0]


def post_ephemeral(client: WebClient, channel: str, user: str, messages: list[SlackMessage],
                   pacer: Pacer | None = None) -> None:
    """Show messages to one person in a channel (the fallback for a private answer)."""
    for message in messages:
        (pacer or PACER).wait(channel)
        client.chat_postEphemeral(channel=channel, user=user, text=message.text, blocks=message.blocks)


def respond(response_url: str, message: SlackMessage, in_channel: bool = False,
            delete_original: bool = False) -> bool:
    """Answer through a command's `response_url`; False if Slack refused (expired, used up)."""
    hook = WebhookClient(response_url, timeout=10, retry_handlers=_retry_handlers())
    try:
        result = hook.send(text=message.text, blocks=message.blocks,
                           response_type="in_channel" if in_channel else "ephemeral",
                           replace_original=False, delete_original=delete_original or None,
                           unfurl_links=False, unfurl_media=False)
    except Exception:  # noqa: BLE001 - a dead response_url falls back to the Web API
        log.warning("response_url post failed", exc_info=True)
        return False
    if result.status_code != 200:
        log.warning("response_url refused: %s %s", result.status_code, result.body[:200])
        return False
    return True


def api_error(exc: SlackApiError) -> str:
    """The Slack error code of a failed Web API call (e.g. `channel_not_found`)."""
    return str(exc.response.get("error", "unknown_error")) if exc.response is not None else "unknown_error"
