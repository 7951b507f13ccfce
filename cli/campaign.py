"""`flask --app app campaign import "<campaign>" plan.csv`: load a campaign plan from a spreadsheet.

The file is checked in full first (a progress bar for large files), and every bad line is
reported with its number and reason; only a clean file is imported, in one transaction.
"""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from cli.core import operator, require_current_schema
from models.access import Action
from models.campaign import find_campaign
from models.campaign_plan import PlanFileError, PlanReading, import_plan, read_plan, split_plan
from models.lookup import UnknownName

campaign_cli = AppGroup("campaign", help="Campaign plans.")
MAX_ERRORS_SHOWN = 50
BAR_FROM = 200  # rows; smaller files are checked without a progress bar


@campaign_cli.command("import")
@click.argument("campaign")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, import nothing.")
def import_command(campaign: str, csv_file: Path, dry_run: bool) -> None:
    """Import a plan (columns: activity, date, status, channel) into CAMPAIGN; all rows or none."""
    require_current_schema()
    herald = current_app.extensions["herald"]
    with herald.session() as session:
        _campaign(session, campaign)
    today = herald.clock.now().astimezone(herald.settings.tz).date()
    try:
        columns, lines = split_plan(csv_file.read_text(encoding="utf-8-sig"))
    except (PlanFileError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{csv_file.name}: {exc}") from None
    with _bar(lines, "Checking") as rows:
        reading = read_plan(rows, columns, today)
    if reading.errors:
        _report(csv_file, reading)
        raise click.ClickException(f"{len(reading.errors)} line(s) need fixing; nothing was imported.")
    if dry_run:
        click.echo(f"{csv_file.name}: {len(reading.rows)} rows are fine (dry run: nothing imported).")
        return
    with herald.session() as session:
        target = _campaign(session, campaign)
        with _bar(reading.rows, "Importing") as rows:
            result = import_plan(session, target, rows, operator(Action.CAMPAIGN_IMPORT), herald.clock.now(),
                                 csv_file.name)
    click.echo(f"{target.name}: {result.added} activities imported, {result.already_there} already in the plan.")


def _campaign(session, text: str):
    try:
        return find_campaign(session, text)
    except UnknownName as exc:
        hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        raise click.ClickException(f"{exc}{hint}") from None


def _bar(items: list, label: str):
    """A progress bar for large files; a plain pass-through context for small ones."""
    if len(items) >= BAR_FROM:
        return click.progressbar(items, label=label, file=sys.stderr)
    return nullcontext(items)


def _report(csv_file: Path, reading: PlanReading) -> None:
    click.echo(f"{csv_file.name}: {len(reading.errors)} of {len(reading.errors) + len(reading.rows)} lines "
               "cannot be imported:", err=True)
    for error in reading.errors[:MAX_ERRORS_SHOWN]:
        click.echo(f"  line {error.line}: {error.message}", err=True)
    if len(reading.errors) > MAX_ERRORS_SHOWN:
        click.echo(f"  … and {len(reading.errors) - MAX_ERRORS_SHOWN} more", err=True)


COMMANDS = (campaign_cli,)
