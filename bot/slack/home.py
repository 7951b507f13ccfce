"""App Home: this week's coverage, the programme RAG board and the next digests, at a glance.

Each panel is whatever its command answers ("coverage this week", "programme", "digest list"), so
the Home tab always agrees with the commands and needs nothing of its own in the handlers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.slack.blocks import render_blocks
from bot.slack.receipts import run_command

if TYPE_CHECKING:
    from bot.slack.app import SlackRuntime

HOME_COMMANDS = ("coverage this week", "programme", "digest list")
HOME_MAX_BLOCKS = 100


def home_blocks(rt: "SlackRuntime", user: str, team: str | None) -> list[dict]:
    """The Home tab's blocks: each panel's reply rendered, divided, within the 100-block limit."""
    actor = rt.actor(user, None, team)
    blocks: list[dict] = []
    per_panel = HOME_MAX_BLOCKS // len(HOME_COMMANDS) - 1
    for command in HOME_COMMANDS:
        outcome = run_command(rt.herald, command, actor, None)
        panel = render_blocks(outcome.reply)
        if blocks:
            blocks.append({"type": "divider"})
        blocks.extend(panel[:per_panel])
    return blocks[:HOME_MAX_BLOCKS]


def publish_home(rt: "SlackRuntime", event: dict, team: str | None) -> None:
    """Publish the Home tab for the person who opened it."""
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    view = {"type": "home", "blocks": home_blocks(rt, event["user"], team)}
    rt.client_for(team).views_publish(user_id=event["user"], view=view)
