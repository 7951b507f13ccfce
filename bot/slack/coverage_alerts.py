"""Posting coverage alerts and feed notices to Slack (the `feeds.alerts.Notifier` port).

Posts are spaced per channel by the Herald's pacer (Slack takes about one message a second per
channel), so a burst of alerts to one channel is not refused; tests inject a pacer that records.
"""
from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.post import Pacer, make_web_client, post_reply
from config import Settings
from handlers.reply import Reply
from runtime import Herald


class SlackNotifier:
    """Sends each reply with `chat.postMessage`, paced, link previews off, retrying 429s."""

    def __init__(self, client: WebClient, pacer: Pacer | None = None):
        self._client = client
        self._pacer = pacer  # None: the process-wide one-a-second pacer

    @classmethod
    def from_settings(cls, settings: Settings, pacer: Pacer | None = None) -> "SlackNotifier | None":
        """A notifier when a bot token is configured, else None (alerts stay queued)."""
        return cls(make_web_client(settings), pacer) if settings.SLACK_BOT_TOKEN else None

    @classmethod
    def for_herald(cls, herald: Herald) -> "SlackNotifier | None":
        """The notifier of this Herald: its settings' bot token and its pacer (see `from_settings`)."""
        return cls.from_settings(herald.settings, herald.pacer)

    def send(self, platform: str, destination: str, reply: Reply) -> None:
        """Post to a Slack channel; rules made in other platforms are not Slack's to deliver."""
        if platform not in ("slack", "cli", "system"):
            raise ValueError(f"SlackNotifier cannot deliver to platform {platform!r}")
        post_reply(self._client, destination, reply, pacer=self._pacer)
