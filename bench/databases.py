"""Benchmark databases: generated once into a cached SQLite file, copied into PostgreSQL with COPY.

The cache (`bench/.cache/`, gitignored) is keyed by size, the schema's migration head, the
generator's source and the anchor week, so a schema or generator change regenerates it. Each run
works on a copy, so nothing a command writes leaks into the cache. PostgreSQL is a throwaway
cluster (`tests/pgcluster.py`) unless `BENCH_DATABASE_URL` names a server, where databases are
kept between runs under the same key.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import psycopg
from sqlalchemy.engine import make_url

from bench import datagen
from bench.datagen import DataSpec
from config import Settings
from models.db import make_engine
from models.migrate import head_revisions, upgrade_with_reference_data

CACHE = Path(__file__).resolve().parent / ".cache"
COPIED_TABLES = ("outlets", "stories", "coverage_items", "coverage_councils", "coverage_tags", "programmes",
                 "rag_ratings", "peer_challenges", "peer_challenge_stages", "peers")


@dataclass(frozen=True)
class BenchDatabase:
    """A filled database ready to benchmark: its SQLAlchemy URL and what it holds."""

    backend: str
    items: int
    url: str


def cache_key(spec: DataSpec) -> str:
    """Size, schema head, generator source and anchor week, as a file-name-safe key."""
    heads = ",".join(sorted(head_revisions(None)))
    source = Path(datagen.__file__).read_bytes()
    digest = hashlib.sha256(heads.encode() + source + repr(spec).encode()).hexdigest()[:10]
    return f"{spec.items}_{spec.span_days}d_{spec.anchor:%Y%m%d}_{digest}"


def migrate_and_seed(url: str) -> None:
    """Migrate a new database to head and load the councils, as `db upgrade` does."""
    engine = make_engine(url)
    try:
        upgrade_with_reference_data(engine)
    finally:
        engine.dispose()


def cached_sqlite(spec: DataSpec, log=print) -> Path:
    """The cached SQLite file for `spec`, generated first if missing."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"sqlite_{cache_key(spec)}.db"
    if path.exists():
        return path
    for stale in CACHE.glob(f"sqlite_{spec.items}_{spec.span_days}d_*"):  # other anchor weeks, schemas or generators
        stale.unlink()
    building = path.with_suffix(".building")
    log(f"generating {spec.items:,} coverage items into {path.name} (cached for later runs)…")
    started = time.monotonic()
    migrate_and_seed(f"sqlite:///{building}")
    datagen.fill(building, spec)
    building.replace(path)
    log(f"generated in {time.monotonic() - started:.0f} s")
    return path


def sqlite_database(spec: DataSpec, log=print) -> BenchDatabase:
    """A working copy of the cached SQLite database for this run."""
    source = cached_sqlite(spec, log)
    work = CACHE / "work"
    work.mkdir(exist_ok=True)
    target = work / f"sqlite_{spec.items}_{spec.span_days}d.db"
    for stale in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return BenchDatabase(backend="sqlite", items=spec.items, url=f"sqlite:///{target}")


@contextmanager
def postgres_server(log=print) -> Iterator[str]:
    """A PostgreSQL server URL (libpq form, to its `postgres` database): given, or a throwaway cluster."""
    given = os.environ.get("BENCH_DATABASE_URL")
    if given:
        yield given
        return
    from tests import pgcluster
    if not pgcluster.binaries_present():
        raise RuntimeError("no PostgreSQL server: install initdb/pg_ctl or set BENCH_DATABASE_URL")
    log("starting a throwaway PostgreSQL cluster…")
    cluster = pgcluster.start_cluster()
    try:
        yield cluster.url()
    finally:
        cluster.stop()


def server_version(server_url: str) -> str:
    """'PostgreSQL 15.8' for the server at `server_url`."""
    with psycopg.connect(_libpq(server_url, "postgres")) as conn:
        return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0].split()[0]


def _libpq(url: str, dbname: str) -> str:
    return make_url(url).set(drivername="postgresql", database=dbname).render_as_string(hide_password=False)


def postgres_database(server_url: str, spec: DataSpec, log=print) -> BenchDatabase:
    """A PostgreSQL database holding the same rows as the cached SQLite file (created if missing)."""
    name = f"herald_bench_{cache_key(spec)}"
    with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            building = name + "_building"
            admin.execute(f'DROP DATABASE IF EXISTS "{building}"')
            admin.execute(f'CREATE DATABASE "{building}"')
            sqlite_path = cached_sqlite(spec, log)
            log(f"copying {spec.items:,} items into PostgreSQL database {name}…")
            started = time.monotonic()
            target = _libpq(server_url, building)
            migrate_and_seed(Settings(DATABASE_URL=target).database_url)
            copy_from_sqlite(sqlite_path, target)
            admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
            log(f"copied in {time.monotonic() - started:.0f} s")
    return BenchDatabase(backend="postgresql", items=spec.items,
                         url=Settings(DATABASE_URL=_libpq(server_url, name)).database_url)


def copy_from_sqlite(sqlite_path: Path, pg_url: str) -> None:
    """COPY every generated table from SQLite into PostgreSQL, fix the id sequences, ANALYZE."""
    import sqlite3
    source = sqlite3.connect(sqlite_path)
    try:
        with psycopg.connect(pg_url) as target:
            target.execute("SET TIME ZONE 'UTC'")
            for table in COPIED_TABLES:
                columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
                column_list = ", ".join(columns)
                with target.cursor().copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {column_list} FROM {table}"):
                        copy.write_row(row)
                if "id" in columns:
                    target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                   f"coalesce(max(id), 1)) FROM {table}")
            target.commit()
            target.autocommit = True
            target.execute("VACUUM (ANALYZE)")  # what autovacuum soon does to an insert-only table
    finally:
        source.close()


@contextmanager
def fresh_postgres_database(server_url: str, name: str) -> Iterator[str]:
    """An empty PostgreSQL database `name` on the server (replacing one left by a crashed run),
    dropped afterwards; yields its SQLAlchemy URL."""
    with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Settings(DATABASE_URL=_libpq(server_url, name)).database_url
    finally:
        with psycopg.connect(_libpq(server_url, "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def scratch_copy(db: BenchDatabase) -> Iterator[BenchDatabase]:
    """A copy of `db` that a benchmark may write to, thrown away afterwards: a new SQLite working copy
    is already one; a PostgreSQL database is copied from it as a template (no one may be connected)."""
    if db.backend == "sqlite":
        yield db
        return
    url = make_url(db.url)
    name = f"{url.database}_scratch"[:63]
    server = url.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(_libpq(server, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}"')
    try:
        yield BenchDatabase(backend=db.backend, items=db.items,
                            url=url.set(database=name).render_as_string(hide_password=False))
    finally:
        with psycopg.connect(_libpq(server, "postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
