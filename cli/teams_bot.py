"""`flask --app app teams-bot …`: see where the Teams bot is installed and post a test card there.

`conversations` lists the stored conversation references (ids, kinds and install dates; never
tokens), and `test-post` sends a "Herald is connected" card to one of them through the same
`send_proactive` a digest would use.
"""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from bot.teams.agent_bot import ProactiveError, bot_enabled, send_proactive
from handlers.reply import Reply, Section
from models.teams_conversation import conversation_ref, installed_conversations
from runtime import Herald

teams_bot_cli = AppGroup("teams-bot", help="Microsoft Teams bot: installed conversations and test posts.")


def _herald() -> Herald:
    herald = current_app.extensions["herald"]
    if not bot_enabled(herald):
        raise click.ClickException("The Teams bot is off: set TEAMS_BOT_APP_ID, TEAMS_BOT_APP_PASSWORD and "
                                   "TEAMS_BOT_TENANT_ID (see README, Connect to Teams, Stage 2).")
    return herald


@teams_bot_cli.command("conversations")
def conversations() -> None:
    """The conversations the bot is installed in, with what a digest subscription would need."""
    herald = _herald()
    with herald.session() as session:
        rows = installed_conversations(session)
        lines = [f"{row.conversation_id}  {row.conversation_type or 'unknown'}  "
                 f"installed {row.installed_at.astimezone(herald.settings.tz):%d %b %Y}" for row in rows]
    click.echo("\n".join(lines) if lines else "The bot is not installed anywhere yet: add the app to a team "
                                              "or chat, and Teams will tell Herald.")


@teams_bot_cli.command("test-post")
@click.argument("conversation_id")
def test_post(conversation_id: str) -> None:
    """Post a "Herald is connected" card into a stored conversation."""
    herald = _herald()
    with herald.session() as session:
        ref = conversation_ref(session, conversation_id)
    if ref is None:
        raise click.ClickException("No such conversation, or the bot was removed from it: "
                                   "see `flask --app app teams-bot conversations`.")
    now = herald.clock.now().astimezone(herald.settings.tz)
    reply = Reply(title="Herald is connected",
                  sections=(Section(text=f"Test card sent {now:%a %d %b %Y %H:%M}. Digests for this "
                                         "conversation can arrive here."),))
    try:
        send_proactive(herald, ref, reply)
    except ProactiveError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("Sent.")
