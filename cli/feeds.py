"""`flask --app app feeds poll|add|list|remove`: the feed commands from the shell."""
from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from bot.plaintext import render_text
from handlers.context import Actor

feeds_cli = AppGroup("feeds", help="The feeds Herald polls for coverage.")


def _run(command: str) -> None:
    from cli.core import require_current_schema
    require_current_schema()
    reply, _ctx = current_app.extensions["herald"].run_command(command, Actor.cli())
    click.echo(render_text(reply), nl=False)
    if reply.is_error:
        sys.exit(1)


@feeds_cli.command("poll")
@click.option("--all", "everything", is_flag=True, help="Poll every feed now, due or not.")
def poll(everything: bool) -> None:
    """Poll the feeds that are due (what the clock does every HERALD_FEED_POLL_MINUTES)."""
    from bot.slack.coverage_alerts import SlackNotifier
    from cli.core import operator, require_current_schema
    from feeds.poll import poll_due_feeds
    from models.access import Action
    require_current_schema()
    operator(Action.FEEDS_POLL)
    herald = current_app.extensions["herald"]
    report = poll_due_feeds(herald, SlackNotifier.for_herald(herald), everything=everything)
    for outcome in report.outcomes:
        detail = f": {outcome.error}" if outcome.error else ""
        click.echo(f"{outcome.feed_id:>4} {outcome.name}: {outcome.status}, {outcome.created} new{detail}")
    click.echo(f"{len(report.outcomes)} feeds polled, {report.created} new items, "
               f"{len(report.failed)} failed, {report.alerts_sent} alerts sent.")


@feeds_cli.command("add")
@click.argument("url")
@click.argument("name", required=False)
@click.option("--tier", default="online", show_default=True)
def add(url: str, name: str | None, tier: str) -> None:
    """Add a feed (same checks as /feeds add)."""
    quoted = f' "{name}"' if name else ""
    _run(f"feeds add {url}{quoted} tier:{tier}")


@feeds_cli.command("list")
def list_() -> None:
    """Every feed and its health."""
    _run("feeds list")


@feeds_cli.command("remove")
@click.argument("feed_id", type=int)
def remove(feed_id: int) -> None:
    """Remove a feed by id; its coverage stays."""
    _run(f"feeds remove {feed_id}")


COMMANDS = (feeds_cli,)
