"""The bare SQL under a coverage answer — its count and tone breakdown for the period — as the floor.

A handler cannot be faster than the query it must run; its ratio to this floor is what a handler
adds (parsing, ORM, building the reply). Run through the same engine and pool as the handler.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import bindparam, text
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
