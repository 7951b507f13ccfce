"""Composition root: `create_app(config)` wires Herald; `app` is what gunicorn serves (`app:app`)."""
from __future__ import annotations

import logging
import sys
from typing import Any, Mapping

from flask import Flask, jsonify
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from config import ConfigError, Settings
from models.db import database_busy, database_unavailable
from runtime import Herald

DATABASE_RETRY_AFTER_SECONDS = 30
BUSY_RETRY_AFTER_SECONDS = 5


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the Flask app. `config` overrides environment settings; `CLOCK` injects a clock and
    `PACER` the spacing of outgoing posts (tests; the real one-a-second pacer otherwise).

    Raises `ConfigError` (one line naming the setting) if Herald cannot start.
    """
    overrides = dict(config or {})
    clock = overrides.pop("CLOCK", None)
    pacer = overrides.pop("PACER", None)
    settings = Settings.load(overrides)
    herald = Herald.build(settings, clock=clock, check_schema=settings.CHECK_SCHEMA, pacer=pacer)

    app = Flask(__name__, instance_relative_config=True)
    # One byte over the cap, so a reader can tell "exactly at the cap" from "over it" (chunked bodies).
    app.config["MAX_CONTENT_LENGTH"] = settings.HERALD_WEBHOOK_MAX_BYTES + 1
    app.extensions["herald"] = herald

    from bot.routes import register_routes
    register_routes(app, herald)
    _register_error_handlers(app)

    import cli
    cli.register(app)
    return app


def _register_error_handlers(app: Flask) -> None:
    """Every HTTP error answers JSON with a reason; nothing unexpected leaks a traceback."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return jsonify(error=exc.name.lower().replace(" ", "_"), reason=exc.description), exc.code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unhandled error")
        return jsonify(error="internal_error", reason="Herald hit an unexpected error; it has been logged."), 500

    @app.errorhandler(SQLAlchemyError)
    def database_error(exc: SQLAlchemyError):
        if not database_unavailable(exc):
            return unexpected(exc)
        # A database outage is not a bug: say so, and when to retry (the request's work was rolled back).
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()[:1]
        busy = database_busy(exc)
        app.logger.warning("database %s: %s", "busy" if busy else "unavailable",
                           app.extensions["herald"].settings.redacted(" ".join(cause)))
        if busy:
            response = jsonify(error="database_busy",
                               reason="Herald's database was busy with other work for too long, so nothing "
                                      f"was stored. Try again in {BUSY_RETRY_AFTER_SECONDS} seconds.")
        else:
            response = jsonify(error="database_unavailable",
                               reason="Herald's database is not reachable just now, so nothing was stored. "
                                      "Try again shortly.")
        response.headers["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS if busy else DATABASE_RETRY_AFTER_SECONDS)
        return response, 503


def _configure_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)


def __getattr__(name: str) -> Flask:
    """`app`, built on first use so importing this module does no work.

    Under the `flask` CLI the schema check is left to each command (so `db upgrade` can run);
    under gunicorn a database that is behind stops start-up. A bad setting exits with one line.
    """
    if name != "app":
        raise AttributeError(name)
    import click
    in_cli = click.get_current_context(silent=True) is not None
    _configure_logging()
    try:
        built = create_app({"CHECK_SCHEMA": False} if in_cli else None)
    except ConfigError as exc:
        print(f"Herald cannot start: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    if not in_cli:  # each web process finishes chat answers, including those a previous one left unposted
        from bot.jobs import EXTENSION as JOBS
        if JOBS in built.extensions:
            built.extensions[JOBS].start()
    globals()["app"] = built
    return built
