"""`flask --app app lines import lines.csv [--dry-run]`: bring in the lines to take a team keeps today."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from cli.core import operator, require_current_schema
from models.access import Action
from models.lines_import import LinesFileError, import_lines, read_lines_csv

lines_cli = AppGroup("lines", help="Lines to take.")
MAX_ERRORS_SHOWN = 50


@lines_cli.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, import nothing.")
def import_command(csv_file: Path, dry_run: bool) -> None:
    """Import lines (columns: topic, text, spokesperson, review_by, tags, use, status); all rows or none."""
    require_current_schema()
    herald = current_app.extensions["herald"]
    actor = operator(Action.LINES_IMPORT)
    today = herald.clock.now().astimezone(herald.settings.tz).date()
    with herald.session() as session:
        try:
            reading = read_lines_csv(session, csv_file.read_text(encoding="utf-8-sig"), today)
        except (LinesFileError, UnicodeDecodeError, ValueError) as exc:
            raise click.ClickException(f"{csv_file.name}: {exc}") from None
        if reading.errors:
            for number, problem in reading.errors[:MAX_ERRORS_SHOWN]:
                click.echo(f"{csv_file.name} line {number}: {problem}", err=True)
            raise click.ClickException(f"{len(reading.errors)} line(s) need fixing; nothing was imported.")
        if dry_run:
            click.echo(f"{csv_file.name}: {len(reading.rows)} lines are fine (dry run: nothing imported).")
            return
        count = import_lines(session, reading.rows, actor, herald.clock.now())
    click.echo(f"{csv_file.name}: {count} lines imported.")


COMMANDS = (lines_cli,)
