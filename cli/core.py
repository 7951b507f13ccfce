"""The core CLI commands: `db`, `demo`, `ask`, `serve` and `clock`."""
from __future__ import annotations

import signal
import sys
import threading

import click
from flask import current_app
from flask.cli import AppGroup
from werkzeug.serving import run_simple

from bot.plaintext import render_text
from handlers.context import Actor, policy_from
from models.access import Action
from sqlalchemy import select

from models import migrate
from models.coverage import CoverageItem
from models.programme import Programme
from models.demo import load_demo
from runtime import Herald


def herald() -> Herald:
    return current_app.extensions["herald"]


def operator(action: Action) -> Actor:
    """The person at the shell, who runs Herald and counts as an admin; the policy is asked all the same,
    so the CLI passes the same gate as chat (models.access: the CLI row of each rule)."""
    actor = Actor.cli()
    policy_from(herald().settings, actor.platform).require(actor, action)
    return actor


def require_current_schema() -> None:
    """Stop a command with one line if the database needs `db upgrade` first."""
    try:
        migrate.ensure_current(herald().engine)
    except migrate.SchemaBehind as exc:
        raise click.ClickException(str(exc)) from None


db_cli = AppGroup("db", help="Database migrations.")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration, then load or refresh the council reference data."""
    h = herald()
    count = migrate.upgrade_with_reference_data(h.engine)
    click.echo(f"Database is current ({', '.join(sorted(migrate.current_revisions(h.engine)))}); "
               f"{count} councils loaded.")


@db_cli.command("check")
def db_check() -> None:
    """Fail if the models and the migrations disagree."""
    migrate.check_models_match(herald().engine)
    click.echo("Models and migrations agree.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    from alembic import command
    command.revision(migrate.alembic_config(herald().engine), message=message, autogenerate=True)


demo_cli = AppGroup("demo", help="Demo data from the seed documents.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only when the database holds no programmes or coverage yet.")
def demo_load(if_empty: bool) -> None:
    """Fill the database with the demo programmes, coverage, campaigns and peer challenges."""
    require_current_schema()
    operator(Action.DEMO_LOAD)
    h = herald()
    with h.session() as session:
        if if_empty and (session.scalar(select(Programme.id).limit(1)) or
                         session.scalar(select(CoverageItem.id).limit(1))):
            click.echo("Database already has data; demo not loaded.")
            return
        added = load_demo(session, h.clock.now(), h.settings.tz)
    if any(added.values()):
        click.echo("Demo data loaded: " + ", ".join(f"{n} {k}" for k, n in added.items() if n))
    else:
        click.echo("Demo data already loaded; nothing changed.")


@click.command("ask")
@click.argument("words", nargs=-1, required=True)
def ask(words: tuple[str, ...]) -> None:
    """Run a chat command locally and print the reply, e.g. ask "coverage this week"."""
    require_current_schema()
    reply, _ctx = herald().run_command(" ".join(words), Actor.cli())
    click.echo(render_text(reply), nl=False)
    if reply.is_error:
        sys.exit(1)


@click.command("clock")
def clock() -> None:
    """Run the scheduler process (Procfile `clock:`) until interrupted."""
    require_current_schema()
    from digests.clock import run_clock
    stop = _stop_on_signals()
    run_clock(herald(), stop)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """One local process: the web app, the in-process scheduler and, with SLACK_APP_TOKEN, Slack's
    Socket Mode connection (what `make run` starts)."""
    require_current_schema()
    from digests.clock import run_clock
    h = herald()
    stop = threading.Event()
    threading.Thread(target=run_clock, args=(h, stop), name="herald-clock", daemon=True).start()
    from bot.jobs import EXTENSION as JOBS
    if JOBS in current_app.extensions:  # Slack's and Teams' durable answers, and any a crash left behind
        current_app.extensions[JOBS].start()
    socket = _start_slack(current_app.extensions.get("herald_slack"), h)
    _print_welcome(h, host, port)
    try:
        run_simple(host, port, current_app._get_current_object(), threaded=True, use_reloader=False)
    finally:
        stop.set()
        if socket is not None:
            socket.close()


def _start_slack(slack_runtime, h: Herald):
    """Start the Slack job worker and, when SLACK_APP_TOKEN is set, connect Socket Mode."""
    if slack_runtime is None:
        return None
    slack_runtime.worker.start()
    if not h.settings.SLACK_APP_TOKEN:
        return None
    from bot.slack.socket_mode import socket_mode_handler
    handler = socket_mode_handler(slack_runtime)
    try:
        handler.connect()
    except Exception as exc:  # noqa: BLE001 - the web app still serves; say why Slack is not connected
        click.echo(f"Slack Socket Mode could not connect: {h.settings.redacted(str(exc))[:200]}", err=True)
        handler.close()
        return None
    return handler


def _print_welcome(h: Herald, host: str, port: int) -> None:
    s = h.settings
    base = f"http://{host}:{port}"
    click.echo(f"""
Herald is running on {base}
  Works now, no Slack needed:  curl {base}/healthz   ·   curl {base}/readyz
                               .venv/bin/flask --app app ask "coverage this week"
  Slack:  {_slack_mode(s)}
  Teams:  {"outgoing webhook secret set" if s.TEAMS_OUTGOING_WEBHOOK_SECRET else "set TEAMS_OUTGOING_WEBHOOK_SECRET for the outgoing webhook"}
  Webhooks: {"tokens set" if s.HERALD_WEBHOOK_TOKEN or s.HERALD_WEBHOOK_TOKENS else "set HERALD_WEBHOOK_TOKENS (or HERALD_WEBHOOK_TOKEN) to accept POST /webhooks/*"}
""")


def _slack_mode(s) -> str:
    if s.SLACK_APP_TOKEN:
        return "Socket Mode (SLACK_APP_TOKEN set): no public URL needed"
    if s.SLACK_CLIENT_ID:
        return f"OAuth: install at {s.HERALD_BASE_URL}/slack/install; events at POST /slack/events"
    if s.SLACK_BOT_TOKEN and s.SLACK_SIGNING_SECRET:
        return "one workspace: Slack sends to POST /slack/events"
    return "set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, or add SLACK_APP_TOKEN for Socket Mode (see README)"


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    return stop


COMMANDS = (db_cli, demo_cli, ask, clock, serve)
