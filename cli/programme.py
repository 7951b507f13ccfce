"""`flask --app app programme import plan.csv` and `flask --app app peer-challenge import challenges.csv`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import click
from flask import current_app
from flask.cli import AppGroup

from cli.core import operator
from models.access import Action
from models.migrate import SchemaBehind, ensure_current
from models.challenge_import import import_challenges
from models.plan_import import ImportReport, PlanFileError, import_plan
from runtime import Herald

programme_cli = AppGroup("programme", help="Improvement programmes: import the programme plan.")
peer_challenge_cli = AppGroup("peer-challenge", help="Peer challenges: import records from CSV.")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return path.read_text(encoding="cp1252")  # Excel's "CSV" on Windows
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror}") from None


def _run_import(path: Path, dry_run: bool, noun: str, run: Callable[..., ImportReport], action: Action) -> None:
    """Run one import in a transaction (rolled back for --dry-run) and print its report."""
    herald: Herald = current_app.extensions["herald"]
    try:
        ensure_current(herald.engine)
    except SchemaBehind as exc:
        raise click.ClickException(str(exc)) from None
    text = _read(path)
    with herald.session() as session:
        try:
            report = run(session, text, operator(action), herald.clock.now(),
                         herald.clock.now().astimezone(herald.settings.tz).date())
        except PlanFileError as exc:
            raise click.ClickException(str(exc)) from None
        if dry_run:
            session.rollback()
    click.echo(("Dry run, nothing saved: " if dry_run else "") + report.summary(noun) + ".")
    for error in report.errors:
        click.echo(f"  line {error.line}: {error.message}", err=True)
    if report.errors:
        sys.exit(1)


@programme_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, saving nothing.")
def programme_import(path: Path, dry_run: bool) -> None:
    """Import a programme plan CSV (outcome indicator, project, outputs, timescales, review ratings, comments)."""
    _run_import(path, dry_run, "programmes",
                lambda session, text, actor, now, today: import_plan(session, text, actor, now),
                Action.PROGRAMME_IMPORT)


@peer_challenge_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, saving nothing.")
def peer_challenge_import(path: Path, dry_run: bool) -> None:
    """Import peer challenges: council, kind, one date column per stage, lead peer, team, report link, notes."""
    _run_import(path, dry_run, "challenges", import_challenges, Action.PEER_CHALLENGE_IMPORT)


COMMANDS = (programme_cli, peer_challenge_cli)
