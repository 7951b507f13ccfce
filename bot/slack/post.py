"""Posting to Slack through the Web API: one client setup, retries on 429 and connection errors.
(First version: the Slack issue adds per-channel pacing.)"""
from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.slack.blocks import fallback_text, render_blocks
from config import Settings
from handlers.reply import Reply


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient on `SLACK_API_URL` that waits out 429s (`Retry-After`) and retries dropped connections."""
    client = WebClient(token=token or settings.SLACK_BOT_TOKEN or None, base_url=settings.SLACK_API_URL,
                       timeout=10)
    client.retry_handlers = [ConnectionErrorRetryHandler(max_retry_count=2),
                             RateLimitErrorRetryHandler(max_retry_count=3)]
    return client


def post_reply(client: WebClient, channel: str, reply: Reply) -> str:
    """Post `reply` to `channel` with link unfurling off; returns the message timestamp."""
    response = client.chat_postMessage(channel=channel, text=fallback_text(reply), blocks=render_blocks(reply),
                                       unfurl_links=False, unfurl_media=False)
    return response["ts"]
