"""Floors: the bare SQL under a command, which no handler can beat.

Two kinds. A command's **own SQL**: the statements it sent, recorded once with their parameters and
replayed straight to the driver in one transaction, so its ratio is what Herald's Python adds
(parsing, ORM, building the reply, commit). And for the coverage answers a stricter **minimal
floor**: just the period's count by tone (or the council's index range), less than the answer needs.
Both run through the same engine and pool as the handler.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import bindparam, event, text
from sqlalchemy.engine import Engine

from models.db import UTCDateTime
from models.periods import Period

_COUNT_BY_TONE = text(
    "SELECT tone, count(*) FROM coverage_items "
    "WHERE published_at >= :start AND published_at < :end GROUP BY tone"
).bindparams(bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime()))

_COUNCIL_TONE_COUNT = text(  # one range of ix_coverage_councils_council_period, no item visited
    "SELECT tone, count(*) FROM coverage_councils "
    "WHERE council_code = :code AND published_at >= :start AND published_at < :end AND tone = :tone "
    "GROUP BY tone"
).bindparams(bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime()))


def council_code(engine: Engine, name: str) -> str:
    """The code of the council called `name` (normalised lookup, as a handler would resolve it)."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT council_code FROM council_names WHERE normalized = :n "
                                 "ORDER BY council_code LIMIT 1"), {"n": name.lower()}).scalar_one()


def period_floor(engine: Engine, period: Period) -> Callable[[], list]:
    """Count by tone of the items published in `period`."""
    params = {"start": period.start, "end": period.end}

    def run() -> list:
        with engine.connect() as conn:
            return conn.execute(_COUNT_BY_TONE, params).all()
    return run


def council_tone_floor(engine: Engine, period: Period, code: str, tone: str) -> Callable[[], list]:
    """Count of the items in `period` that mention council `code` with `tone`."""
    params = {"start": period.start, "end": period.end, "code": code, "tone": tone}

    def run() -> list:
        with engine.connect() as conn:
            return conn.execute(_COUNCIL_TONE_COUNT, params).all()
    return run


@dataclass(frozen=True)
class Statement:
    """One statement as the driver received it: SQL text and parameters."""

    sql: str
    parameters: object


def statements_of(engine: Engine, call: Callable[[], object]) -> list[Statement]:
    """The statements `call` sends through `engine`, in order, with their parameters."""
    sent: list[Statement] = []

    def record(_conn, _cursor, statement, parameters, _context, _executemany) -> None:
        sent.append(Statement(statement, parameters))
    event.listen(engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def replay_floor(engine: Engine, statements: list[Statement]) -> Callable[[], list]:
    """The recorded statements again, straight to the driver in one transaction."""
    def run() -> list:
        with engine.connect() as conn:
            results = [conn.exec_driver_sql(s.sql, s.parameters) for s in statements]
            return [r.fetchall() for r in results if r.returns_rows]
    return run
