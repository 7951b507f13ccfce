"""Hardening fixtures: a PostgreSQL database that can be made unreachable and brought back.

`outage_db` is a fresh database (cloned from the suite's migrated template) plus an `Outage` that
takes it away the way a failover or a restart does: new connections are refused and every live one
is terminated. Herald's engine is not told; it finds out on its next query, like in production.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


@dataclass
class Outage:
    """Controls one database's availability from a superuser connection to another database."""

    admin: Engine
    name: str

    def begin(self) -> None:
        """Refuse new connections to the database and terminate every one it has."""
        with self.admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": self.name})

    def end(self) -> None:
        """Let connections in again (the database "comes back")."""
        with self.admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true'))

    def kill_backend(self, pid: int) -> None:
        """Terminate one server process: the connection a request is using dies under it."""
        with self.admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


@pytest.fixture
def outage_db(postgres_admin_url, postgres_template):
    """(url, outage): a fresh migrated PostgreSQL database and the switch that takes it away."""
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    name = f"herald_outage_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"'))
    outage = Outage(admin, name)
    try:
        yield postgres_admin_url.rsplit("/", 1)[0] + f"/{name}", outage
    finally:
        outage.end()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
