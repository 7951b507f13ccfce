"""Shared fixtures: every storage test runs on SQLite and on a real PostgreSQL server.

The suite starts its own throwaway PostgreSQL cluster when `initdb`/`pg_ctl` are on PATH, or uses
`TEST_DATABASE_URL`. With `CI` set, a missing PostgreSQL fails the run instead of skipping.
Each test gets a fresh database cloned from a migrated template (councils loaded).
"""
from __future__ import annotations

import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from config import Settings
from models.clock import FrozenClock
from models.db import make_engine
from models.migrate import upgrade_with_reference_data
from tests import pgcluster

ENV_PREFIXES = ("SLACK_", "TEAMS_", "HERALD_", "SMTP_", "DATABASE_URL")
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    """No developer's Slack token or database leaks into a test."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIXES):
            monkeypatch.delenv(name, raising=False)


def _migrate_and_seed(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade_with_reference_data(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "herald.db"
    _migrate_and_seed(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    """A superuser URL on a PostgreSQL server for this run (sqlalchemy form)."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield Settings(DATABASE_URL=given).database_url
        return
    if not pgcluster.binaries_present():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) are missing and CI is set")
        pytest.skip("no PostgreSQL server available (install it or set TEST_DATABASE_URL)")
    cluster = pgcluster.start_cluster()
    try:
        yield Settings(DATABASE_URL=cluster.url()).database_url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_admin_url) -> str:
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    name = f"herald_template_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    _migrate_and_seed(postgres_admin_url.rsplit("/", 1)[0] + f"/{name}")
    admin.dispose()
    return name


def _fresh_postgres(admin_url: str, template: str) -> tuple[str, callable]:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"herald_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.rsplit("/", 1)[0] + f"/{name}", drop


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    """A fresh, migrated database with councils loaded: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "herald.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    admin_url = request.getfixturevalue("postgres_admin_url")
    url, drop = _fresh_postgres(admin_url, request.getfixturevalue("postgres_template"))
    yield url
    drop()


@pytest.fixture
def sqlite_url(sqlite_template, tmp_path) -> str:
    """A fresh SQLite database only, for tests about behaviour that does not depend on the backend."""
    path = tmp_path / "herald.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def clock() -> FrozenClock:
    """Monday 23 November 2026, 09:00 UTC (09:00 in London, GMT)."""
    return FrozenClock(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))


# A loaded CI machine is not Slack's 3 s or Teams' 5 s clock: a quick answer may take longer here without a test
# meaning to test lateness, and would then arrive later through the job worker. Tests of the late path set the budget
# themselves (test_slack_http.py, test_teams_outgoing.py).
TEST_REPLY_BUDGET_SECONDS = 15.0


def _generous_reply_budgets(flask_app) -> None:
    from bot.teams.outgoing import EXTENSION as TEAMS_OUTGOING
    if (slack := flask_app.extensions.get("herald_slack")) is not None:
        slack.ack_budget_seconds = TEST_REPLY_BUDGET_SECONDS
    if (outgoing := flask_app.extensions.get(TEAMS_OUTGOING)) is not None:
        outgoing.reply_budget = TEST_REPLY_BUDGET_SECONDS


@pytest.fixture
def make_app(clock):
    """Build a Herald app on a database URL with test overrides; disposes engines afterwards."""
    built = []

    def factory(url: str, **overrides):
        from app import create_app
        config = {"DATABASE_URL": url, "CLOCK": clock, **overrides}
        flask_app = create_app(config)
        flask_app.config["TESTING"] = True
        _generous_reply_budgets(flask_app)
        built.append(flask_app)
        return flask_app

    yield factory
    from bot.jobs import EXTENSION
    for flask_app in built:
        if (worker := flask_app.extensions.get(EXTENSION)) is not None:
            worker.stop(timeout=2)  # no background worker outlives its test's database
        flask_app.extensions["herald"].engine.dispose()


@pytest.fixture
def app(make_app, database_url):
    return make_app(database_url)


@pytest.fixture
def herald(app):
    return app.extensions["herald"]


@pytest.fixture
def session(herald):
    """A session on the test database; committed at the end of the test if nothing failed."""
    with herald.session() as s:
        yield s


@pytest.fixture
def matcher(make_app, sqlite_url):
    """Herald's council finder over the register, in a session on a fresh SQLite database."""
    from feeds.councils import council_matcher
    with make_app(sqlite_url).extensions["herald"].session() as s:
        yield council_matcher(s)
