"""`flask --app app digest …`: preview or send a digest, and write the quarterly board update."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from bot.plaintext import render_text
from cli.core import herald, operator, require_current_schema
from handlers.context import Actor
from models.access import Action
from models.digest import active_subscriptions, new_holder
from models.periods import PeriodError, parse_period

digest_cli = AppGroup("digest", help="Digests: preview, send now, and the quarterly board update.")


@digest_cli.command("preview")
@click.argument("kind", type=click.Choice(["weekly", "daily", "board"]))
def preview(kind: str) -> None:
    """Print the digest as it would look now."""
    require_current_schema()
    reply, _ = herald().run_command(f"digest preview {kind}", Actor.cli())
    click.echo(render_text(reply), nl=False)
    sys.exit(1 if reply.is_error else 0)


@digest_cli.command("send")
@click.argument("kind", type=click.Choice(["weekly", "daily"]))
def send(kind: str) -> None:
    """Send the current period's digest to every subscription of KIND now (once: claimed first)."""
    require_current_schema()
    operator(Action.DIGEST_SEND)
    from digests.runner import send_now
    h = herald()
    with h.session() as session:
        ids = [s.id for s in active_subscriptions(session) if s.kind == kind]
    if not ids:
        raise click.ClickException(f"No {kind} subscriptions. Add one in chat: /digest subscribe {kind} #channel")
    holder = new_holder("cli")
    for sub_id in ids:
        run, status = send_now(h, sub_id, holder)
        if run is None:
            click.echo(f"#{sub_id}: nothing due yet")
        elif status is None:
            click.echo(f"#{sub_id}: {run.period_key} already {run.status}")
        else:
            click.echo(f"#{sub_id}: {run.period_key} {status}" + (f" ({run.last_error})" if run.last_error else ""))


@digest_cli.command("board")
@click.option("--quarter", required=True, help='A financial quarter, e.g. "Q1 2023/24".')
@click.option("--format", "fmt", type=click.Choice(["docx", "md"]), default="docx", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write it (default: board-update-<quarter>.<format> here).")
def board(quarter: str, fmt: str, output: Path | None) -> None:
    """Write the quarterly board update (seed 004's shape) with the quarter's figures filled in."""
    require_current_schema()
    from digests.board import board_docx, board_markdown, build_board_update
    h = herald()
    try:
        period = parse_period(quarter, h.clock.now(), h.settings.tz)
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--quarter") from None
    if period.unit != "quarter":
        raise click.BadParameter("give a quarter such as \"Q1 2023/24\"", param_hint="--quarter")
    with h.session() as session:
        update = build_board_update(session, period, h.clock.now())
    target = output or Path(f"board-update-{period.label.replace(' ', '-').replace('/', '-')}.{fmt}")
    if fmt == "docx":
        target.write_bytes(board_docx(update))
    else:
        target.write_text(board_markdown(update), encoding="utf-8")
    click.echo(f"Wrote {target} ({update.title}, {period.label}).")


COMMANDS = (digest_cli,)
