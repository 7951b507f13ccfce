"""Herald's command line, registered on the app (`flask --app app …`). One module per area."""
from __future__ import annotations

from flask import Flask

from cli import campaign, core, digest, feeds, lines, parliament, programme
from cli.teams import teams_cli
from cli.teams_bot import teams_bot_cli


def register(app: Flask) -> None:
    """Attach every Herald command to the app's `flask` CLI."""
    for command in (*core.COMMANDS, *feeds.COMMANDS, *campaign.COMMANDS, *programme.COMMANDS,
                    *digest.COMMANDS, *lines.COMMANDS, *parliament.COMMANDS, teams_cli, teams_bot_cli):
        app.cli.add_command(command)
