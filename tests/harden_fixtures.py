"""Hardening fixtures: a PostgreSQL database that can be made unreachable and brought back, and a
fake internet (DNS answers and NAT) for SSRF tests.

`outage_db` is a fresh database (cloned from the suite's migrated template) plus an `Outage` that
takes it away the way a failover or a restart does: new connections are refused and every live one
is terminated. Herald's engine is not told; it finds out on its next query, like in production.
"""
from __future__ import annotations

import socket
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


PUBLIC_ADDRESS = "93.184.216.34"  # a global address: Herald's guard lets it through


@dataclass
class FakeInternet:
    """The operating system's name and address lookup, replaced for one test (outside Herald).

    `names` maps a host name to the address DNS would give. `routes` maps a public (address, port)
    to a loopback one, as a NAT would: Herald vets and connects to the public address, and the
    connection lands on a loopback fake server. Everything else resolves as usual.
    """

    names: dict[str, str]
    routes: dict[tuple[str, int], tuple[str, int]]

    def install(self, monkeypatch) -> None:
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            routed = self.routes.get((host, int(port or 0)))
            if routed is not None:
                return real(routed[0], routed[1], *args, **kwargs)
            address = self.names.get(host)
            if address is not None:
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]
            return real(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
