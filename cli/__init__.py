"""Herald's command line, registered on the app (`flask --app app …`). One module per area."""
from __future__ import annotations

from flask import Flask

from cli import core, digest


def register(app: Flask) -> None:
    """Attach every Herald command to the app's `flask` CLI."""
    for command in (*core.COMMANDS, *digest.COMMANDS):
        app.cli.add_command(command)
