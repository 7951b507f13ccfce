"""`flask --app app teams …`: check the Teams set-up without Teams in the loop.

`status` lists the configured teams (names and Workflows hosts, never secrets), `test-post` sends a
card through a team's Workflows URL, and `sign` prints the HMAC header Teams would send for a body
file, so `/teams/outgoing` can be tried with curl.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from bot.teams import workflows
from bot.teams.outgoing import EXTENSION, TeamsEndpoint
from bot.teams.signing import sign
from handlers.reply import Reply, Section

teams_cli = AppGroup("teams", help="Microsoft Teams: outgoing webhook and Workflows checks.")


def _endpoint() -> TeamsEndpoint:
    return current_app.extensions[EXTENSION]


@teams_cli.command("status")
def status() -> None:
    """Which teams have a webhook token and a Workflows URL (names and hosts only)."""
    settings = _endpoint().settings
    if not settings.enabled:
        click.echo("Teams is off: set TEAMS_OUTGOING_WEBHOOK_SECRET (see README, Connect to Teams).")
        return
    for team in sorted(settings.keys):
        url = settings.workflows_urls.get(team)
        path = "/teams/outgoing" + (f"?team={team}" if team else "")
        click.echo(f"{team or '(default)'}: callback {path}; "
                   f"{workflows.describe_url(url) if url else 'no Workflows URL (slow answers are not posted)'}")


@teams_cli.command("test-post")
@click.option("--team", default="", help="Team name as in TEAMS_WORKFLOWS_URL (default: the bare URL).")
def test_post(team: str) -> None:
    """Post a "Herald is connected" card through the team's Workflows URL."""
    endpoint = _endpoint()
    url = endpoint.settings.workflows_urls.get(team.lower())
    if not url:
        raise click.ClickException(f"No TEAMS_WORKFLOWS_URL entry for {endpoint.settings.describe(team.lower())}.")
    now = endpoint.herald.clock.now().astimezone(endpoint.herald.settings.tz)
    reply = Reply(title="Herald is connected",
                  sections=(Section(text=f"Test card sent {now:%a %d %b %Y %H:%M}. Digests and slow answers "
                                         "for this team will arrive here."),))
    try:
        delivery = workflows.post_reply(url, reply)
    except workflows.WorkflowsError as exc:
        raise click.ClickException(str(exc)) from None
    note = " (no answer came back: check the channel before trying again)" if delivery.uncertain else ""
    click.echo(f"Sent to {workflows.describe_url(url)}{note}. If no card appears, open the flow's run history.")


@teams_cli.command("sign")
@click.argument("body", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--team", default="", help="Whose token signs it (default: the bare token).")
def sign_body(body: Path, team: str) -> None:
    """Print the `Authorization` header Teams would send for the bytes of BODY."""
    key = _endpoint().settings.keys.get(team.lower())
    if key is None:
        raise click.ClickException("No TEAMS_OUTGOING_WEBHOOK_SECRET entry for that team.")
    sys.stdout.write(sign(key, body.read_bytes()) + "\n")
