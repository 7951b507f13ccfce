"""Batch SQL for thousands of rows at once, on SQLite and PostgreSQL alike: a lookup by many values,
those values in slices each database can take, and a bulk insert (COPY on PostgreSQL)."""
from __future__ import annotations

from typing import Iterator, Sequence

from sqlalchemy import Table, any_, bindparam
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

CHUNK = 500


def one_of(session: Session, column, values: Sequence):
    """`column IN (values)` for a batch lookup; on PostgreSQL `column = ANY(:values)`, one array
    parameter, since rendering and parsing a 500-parameter IN list costs more than the query."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def batches(session: Session, values: Sequence) -> Iterator[Sequence]:
    """`values` in slices that one `one_of` lookup can take: all at once on PostgreSQL (one array
    parameter, one round trip), `CHUNK` at a time on SQLite (its limit on bound parameters)."""
    size = len(values) if session.get_bind().dialect.name == "postgresql" else CHUNK
    for start in range(0, len(values), max(1, size)):
        yield values[start:start + size]


def bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert many rows (each with the same keys) in the session's transaction: a plain
    executemany, or on PostgreSQL one COPY stream, which costs psycopg a fraction of sending
    the INSERT once per row. A unique-key clash raises `IntegrityError` either way."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    import psycopg
    columns = list(rows[0])
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])
    except psycopg.IntegrityError as exc:
        raise IntegrityError(statement, None, exc) from exc
