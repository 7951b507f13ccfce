"""The database: declarative base, engine and session factory, and the UTC timestamp type.

SQLite is the embedded default and PostgreSQL the production database; everything here works on
both. Timestamps are stored in UTC and always come back timezone-aware.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from sqlalchemy import DateTime, MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and returned timezone-aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a timezone first")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


def column_rows(session: Session, statement, params: dict | None = None) -> list:
    """The rows of a columns-only read (no ORM entities), executed on the session's connection:
    it skips the ORM's per-statement and per-row work, a large share of a quick answer's time.
    Pending changes are flushed first, as `session.execute` would."""
    session.flush()
    return session.connection().execute(statement, params).all()


MODE = "herald_transaction"  # execution option: "write" (the default) or "read"
READ = "read"


class WriteWhileReading(RuntimeError):
    """A statement that changes data ran in a transaction opened for reading: a bug in Herald (the
    work belongs in `Herald.session()`), raised at once so it can never become a lock fault."""


def make_engine(url: str, **kwargs) -> Engine:
    """An engine tuned for Herald: SQLite gets WAL, foreign keys, a busy timeout and write
    transactions that take the write lock when they begin; PostgreSQL a connect timeout and
    pre-ping (a connection the server dropped is replaced, not used). On both, a statement that
    writes inside a transaction opened for reading is refused (`WriteWhileReading`)."""
    if url.startswith("sqlite"):
        # A writer waits its turn for the write lock up to SQLITE_BUSY_WAIT_SECONDS, or ?timeout= in the URL.
        waits = {} if "timeout=" in url else {"timeout": SQLITE_BUSY_WAIT_SECONDS}
        kwargs.setdefault("connect_args", {**waits, "check_same_thread": False})
        engine = create_engine(url, **kwargs)
        _sqlite_transactions(engine)
    else:
        if "connect_timeout" not in url:  # a silent or black-holed server must not hold a request for minutes
            kwargs.setdefault("connect_args", {"connect_timeout": PG_CONNECT_TIMEOUT_SECONDS})
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 20)
        engine = create_engine(url, **kwargs)
    _refuse_writes_while_reading(engine)
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """SQLite has one write lock for the whole file. A transaction that reads and then writes must
    upgrade its read snapshot to that lock, and if another connection committed in between, SQLite
    refuses at once (SQLITE_BUSY): no busy timeout can help, because the snapshot is stale. So a
    transaction that may write begins IMMEDIATE, taking the lock first (waiting up to the busy
    timeout for it), and only work opened for reading begins deferred, on a snapshot, never
    blocking or blocked by writers (WAL). sqlite3's own BEGIN handling is turned off so that every
    transaction, reads included, really begins where SQLAlchemy begins it (SQLAlchemy's recipe)."""

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(MODE) == READ else "BEGIN IMMEDIATE")


def _refuse_writes_while_reading(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _check(conn, _cursor, statement, _params, context, _many) -> None:
        if context is not None and (context.isinsert or context.isupdate or context.isdelete) \
                and conn.get_execution_options().get(MODE) == READ:
            raise WriteWhileReading(f"a write in a transaction opened for reading: {statement[:80]}")


PG_CONNECT_TIMEOUT_SECONDS = 5  # unless DATABASE_URL sets ?connect_timeout=
# How long a writer waits its turn for SQLite's write lock: under gunicorn's 30 s request timeout, so
# a web request that waits too long still gets Herald's 503 busy, not a killed worker.
SQLITE_BUSY_WAIT_SECONDS = 20
_SQLITE_TRANSIENT = ("locked", "busy", "unable to open", "disk i/o")


def database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` means the database could not be reached or used just now (server down or
    restarting, connection dropped, pool exhausted, SQLite busy) rather than a bug: the same
    request may succeed when retried, so callers answer "try again" instead of "error"."""
    if isinstance(exc, OperationalError) and type(exc.orig).__module__ == "sqlite3":
        # SQLite raises OperationalError for bugs too ("no such table"); only these are transient.
        return any(word in str(exc.orig).lower() for word in _SQLITE_TRANSIENT)
    if isinstance(exc, (OperationalError, InterfaceError, PoolTimeout)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


_PG_BUSY = ("55P03", "40001", "40P01")  # lock not available, serialisation failure, deadlock


def database_busy(exc: BaseException) -> bool:
    """Whether `exc` means the database is there but busy: a writer waited its whole turn for
    SQLite's write lock, PostgreSQL reported a lock conflict, or every pooled connection was in use.
    Callers say "busy, try again in a few seconds", not "not reachable"."""
    if isinstance(exc, PoolTimeout):
        return True
    orig = getattr(exc, "orig", None)
    if type(orig).__module__ == "sqlite3":
        return any(word in str(orig).lower() for word in ("locked", "busy"))
    return getattr(orig, "sqlstate", None) in _PG_BUSY


WROTE = "herald_wrote"  # Session.info key: this session changed state since the flag was last cleared
# Writing only these records a request or a change (the audit log, delivery receipts); it changes nothing.
RECORD_ONLY_TABLES = frozenset({"audit_log", "received_events"})


@event.listens_for(Session, "after_flush")
def _mark_flushed(session: Session, _flush_context) -> None:
    # In after_flush the session still lists what this flush wrote.
    for obj in (*session.new, *session.dirty, *session.deleted):
        if getattr(obj, "__tablename__", None) not in RECORD_ONLY_TABLES:
            session.info[WROTE] = True
            return


def wrote_since_cleared(session: Session) -> bool:
    """Whether `session` changed anything through the ORM since `session.info[WROTE]` was last cleared
    (pending changes are flushed first): how the router knows a command changed state. Statements a
    caller executes itself (`session.execute(update(…))`) are not seen: no listener on every statement,
    which would cost every read; the actions that issue them ask the access policy first."""
    session.flush()
    return bool(session.info.get(WROTE))


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for work that may write (on SQLite they take the write lock when they begin)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def make_reading_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for work that only reads: a snapshot that neither waits for nor blocks a writer."""
    return sessionmaker(bind=engine.execution_options(**{MODE: READ}), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back whole on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
