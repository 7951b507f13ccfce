"""Posting coverage alerts and feed notices to Slack (the `feeds.alerts.Notifier` port)."""
from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.post import make_web_client, post_reply
from config import Settings
from handlers.reply import Reply


class SlackNotifier:
    """Sends each reply with `chat.postMessage`, link previews off, retrying 429s."""

    def __init__(self, client: WebClient):
        self._client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> "SlackNotifier | None":
        """A notifier when a bot token is configured, else None (alerts stay queued)."""
        return cls(make_web_client(settings)) if settings.SLACK_BOT_TOKEN else None

    def send(self, platform: str, destination: str, reply: Reply) -> None:
        """Post to a Slack channel; rules made in other platforms are not Slack's to deliver."""
        if platform not in ("slack", "cli", "system"):
            raise ValueError(f"SlackNotifier cannot deliver to platform {platform!r}")
        post_reply(self._client, destination, reply)
