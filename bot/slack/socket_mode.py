"""Socket Mode: Slack's requests over an outbound WebSocket, so no public URL is needed.

`flask --app app serve` (what `make run` starts) connects when `SLACK_APP_TOKEN` is set. Requests
arriving over the socket reach the same Bolt app and listeners as HTTP ones; Slack authenticates
the socket with the app-level token instead of request signatures.
"""
from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.app import SlackRuntime


def socket_mode_handler(runtime: SlackRuntime) -> SocketModeHandler:
    """A Socket Mode handler for Herald's Bolt app (not yet connected: call `.connect()`)."""
    return SocketModeHandler(runtime.bolt, app_token=runtime.herald.settings.SLACK_APP_TOKEN,
                             web_client=runtime.client)
