"""Shared fixtures for the programme area, loaded with `pytest_plugins = ("tests.programme_fixtures",)`.

Cloning a database costs a second or two, so the area's read-only tests share one demo database per
backend (registered as a plugin, the fixtures exist once and their package scope holds).
"""
from __future__ import annotations

import shutil
import uuid

import pytest
from sqlalchemy import create_engine, text

from models.clock import FrozenClock
from tests.programme_data import DEMO_NOW


@pytest.fixture(scope="package", params=("sqlite", "postgresql"))
def shared_url(request, tmp_path_factory) -> str:
    """A fresh migrated database with councils loaded, shared by the read-only tests of this area."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("programme") / "herald.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    admin_url = request.getfixturevalue("postgres_admin_url")
    template = request.getfixturevalue("postgres_template")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"herald_prog_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="package")
def demo_herald(shared_url):
    """A Herald on the shared database with the demo loaded, its clock frozen at DEMO_NOW."""
    from app import create_app
    from models.demo import load_demo

    flask_app = create_app({"DATABASE_URL": shared_url, "CLOCK": FrozenClock(DEMO_NOW)})
    herald = flask_app.extensions["herald"]
    with herald.session() as session:
        load_demo(session, DEMO_NOW, herald.settings.tz)
    yield herald
    herald.engine.dispose()


@pytest.fixture(scope="package")
def read_session(demo_herald):
    """A session on the shared demo database, for tests that only read."""
    with demo_herald.reading() as session:
        yield session
