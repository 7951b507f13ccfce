"""`flask --app app parliament poll`: poll Parliament now (what the clock does every
HERALD_PARLIAMENT_POLL_MINUTES)."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

parliament_cli = AppGroup("parliament", help="Parliament watch: Hansard, written questions and statements.")


@parliament_cli.command("poll")
@click.option("--due", is_flag=True, help="Poll only the sources that are due (as the clock does).")
def poll(due: bool) -> None:
    """Poll every Parliament source now, paging through everything since its last successful poll."""
    from bot.slack.coverage_alerts import SlackNotifier
    from cli.core import operator, require_current_schema
    from feeds.parliament.poll import poll_parliament
    from models.access import Action
    require_current_schema()
    operator(Action.PARLIAMENT_POLL)
    herald = current_app.extensions["herald"]
    report = poll_parliament(herald, SlackNotifier.for_herald(herald), everything=not due)
    for o in report.outcomes:
        detail = f": {o.error}" if o.error else ""
        click.echo(f"{o.source}: {o.status}, {o.created} new, {o.updated} updated{detail}")
    click.echo(f"{len(report.outcomes)} sources, {report.created} new mentions, {len(report.failed)} failed, "
               f"{report.requests} requests.")


COMMANDS = (parliament_cli,)
