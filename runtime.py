"""The running Herald: settings, database, clock — and the one way to run a command."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Protocol

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from config import ConfigError, Settings
from handlers.context import Actor, Context
from handlers.reply import Reply
from handlers.family import Family
from handlers.router import FAMILIES, only_reads, route
from models.clock import Clock, SystemClock
from models.db import make_engine, make_reading_factory, make_session_factory, transaction
from models.migrate import SchemaBehind, ensure_current


class Pacer(Protocol):
    """Spaces outgoing posts to one destination (Slack takes about one message a second per channel)."""

    def wait(self, destination: str) -> None:
        """Block until `destination` may take another post."""
        ...


@dataclass
class Herald:
    """Everything a request, a CLI command or the clock needs, built once per process."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    families: tuple[Family, ...] = FAMILIES  # the command families the router knows; tests may add one
    pacer: Pacer | None = None  # spacing of outgoing posts; None: the process-wide real one (bot/slack/post.PACER)
    readers: sessionmaker[Session] | None = None  # sessions for reading only; built from `engine` if None

    def __post_init__(self) -> None:
        if self.readers is None:
            self.readers = make_reading_factory(self.engine)

    @classmethod
    def build(cls, settings: Settings, clock: Clock | None = None, check_schema: bool = True,
              pacer: Pacer | None = None) -> "Herald":
        """Connect to the database (and check its schema) or raise `ConfigError` naming the setting."""
        engine = make_engine(settings.database_url)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = settings.redacted(str(getattr(exc, "orig", exc)).strip().splitlines()[0])
            raise ConfigError(f"DATABASE_URL: cannot connect to {safe_url(settings.DATABASE_URL)} ({reason})") from None
        if check_schema:
            try:
                ensure_current(engine)
            except SchemaBehind as exc:
                engine.dispose()
                raise ConfigError(str(exc)) from None
        return cls(settings=settings, engine=engine, sessions=make_session_factory(engine),
                   clock=clock or SystemClock(), pacer=pacer)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction that may write: committed if the block succeeds, rolled back whole
        otherwise. On SQLite it holds the one write lock from start to end, so keep it short."""
        with transaction(self.sessions) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads: one consistent snapshot that neither waits for nor blocks
        a writer. A write inside it is a bug and raises `models.db.WriteWhileReading`."""
        with transaction(self.readers) as session:
            yield session

    def run_command(self, text_: str, actor: Actor, channel: str | None = None) -> tuple[Reply, Context]:
        """Route one command line in its own transaction (a reading one if the command only reads);
        the context carries any notices to post."""
        with (self.reading() if only_reads(text_, self.families) else self.session()) as session:
            ctx = Context(session=session, actor=actor, clock=self.clock, settings=self.settings,
                          channel=channel)
            reply = route(text_, ctx, self.families)
        return reply, ctx


def safe_url(url: str) -> str:
    """A database URL with any password hidden."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in creds else f"{scheme}://{user}@{host}"
    return url
