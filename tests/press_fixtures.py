"""Helpers for the press and campaign tests: people, running a command, reading a reply."""
from __future__ import annotations

import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.plaintext import render_text
from handlers.context import Actor
from handlers.reply import Reply
from models.clock import FrozenClock
from models.db import make_engine, make_session_factory, transaction
from models.demo import load_demo

ALICE = Actor(user_id="U_ALICE", name="Alice Officer", platform="slack", workspace="T1")
BOB = Actor(user_id="U_BOB", name="Bob Officer", platform="slack", workspace="T1")
ADMIN = Actor(user_id="U_ADMIN", name="Ada Admin", platform="slack", workspace="T1", is_admin=True)


def ask(herald, text: str, actor: Actor = ALICE) -> Reply:
    """Run one chat command as `actor` and return its reply."""
    reply, _ctx = herald.run_command(text, actor)
    return reply


def text_of(reply: Reply) -> str:
    """The reply as the CLI prints it: what a person reads."""
    return render_text(reply)


def error_of(reply: Reply) -> str:
    """The message of an error reply (its first section), failing if the reply is not an error."""
    assert reply.is_error, text_of(reply)
    return reply.sections[0].text


def logged_id(reply: Reply) -> int:
    """The id in "Logged statement #12"."""
    assert not reply.is_error, text_of(reply)
    return int(reply.title.rsplit("#", 1)[1])


@pytest.fixture(scope="session")
def demo_sqlite_template(sqlite_template, tmp_path_factory) -> Path:
    """A migrated SQLite database with the demo loaded at the test clock's time, built once."""
    path = tmp_path_factory.mktemp("press-demo") / "herald.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with transaction(make_session_factory(engine)) as session:
            load_demo(session, FrozenClock().now(), ZoneInfo("Europe/London"))
    finally:
        engine.dispose()
    return path


@pytest.fixture
def demo_herald(demo_sqlite_template, make_app, clock, tmp_path):
    """Herald on a fresh copy of the demo database (SQLite), with the test clock."""
    assert clock.now() == FrozenClock().now()  # the template was loaded at this instant
    path = tmp_path / "demo.db"
    shutil.copy(demo_sqlite_template, path)
    return make_app(f"sqlite:///{path}", HERALD_PROGRAMME_MANAGERS=(ALICE.user_id,)).extensions["herald"]
