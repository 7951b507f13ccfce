"""The benchmark's own tools: sizes, percentiles, and generated data that is valid and identical on
both backends (so SQLite and PostgreSQL numbers measure the same thing). No timing here."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import datagen, databases, floors
from bench.__main__ import parse_options, parse_size
from bench.stats import percentile, summarize
from bench.suites.http import procfile_web_shape
from models.periods import parse_period

LONDON = ZoneInfo("Europe/London")
ANCHOR = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
SPEC = datagen.DataSpec(items=600, anchor=ANCHOR)  # default 500 programmes, 400 challenged councils


@pytest.fixture(scope="module")
def generated(tmp_path_factory, sqlite_template) -> Path:
    path = tmp_path_factory.mktemp("bench") / "generated.db"
    shutil.copy(sqlite_template, path)
    datagen.fill(path, SPEC)
    return path


def test_sizes_and_options():
    assert [parse_size(s) for s in ("10k", "100K", "1M", "2500", "1.5m")] == [10_000, 100_000, 1_000_000,
                                                                             2_500, 1_500_000]
    options = parse_options(["--sizes", "1M,10k", "--backends", "sqlite", "--suites", "commands,http"])
    assert options.sizes == (10_000, 1_000_000) and options.http_size == 10_000
    with pytest.raises(SystemExit):
        parse_options(["--backends", "oracle"])
    with pytest.raises(SystemExit):
        parse_options(["--sizes", "ten"])


def test_the_http_bench_runs_gunicorn_in_the_procfiles_shape(tmp_path):
    assert procfile_web_shape() == (2, 1)  # what the README's HTTP table was measured with
    edited = tmp_path / "Procfile"
    edited.write_text("release: x\nweb: gunicorn --workers ${WEB_CONCURRENCY:-3} --threads ${WEB_THREADS:-4} app:app\n")
    assert procfile_web_shape(edited) == (3, 4)
    edited.write_text("web: gunicorn --workers 3 app:app\n")
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        procfile_web_shape(edited)


def test_percentiles_are_nearest_rank():
    samples = [float(v) for v in range(1, 101)]
    assert (percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99)) == (50, 95, 99)
    summary = summarize([3.0, 1.0, 2.0])
    assert (summary.n, summary.p50, summary.p99, summary.mean) == (3, 2.0, 3.0, 2.0)


def test_the_anchor_is_thursday_noon_all_week():
    for day in (23, 26, 29):
        assert datagen.week_anchor(datetime(2026, 11, day, 23, 59, tzinfo=timezone.utc)) == ANCHOR
    assert datagen.week_start(ANCHOR) == datetime(2026, 11, 23, tzinfo=timezone.utc)


def test_generated_data_is_valid_and_realistic(generated):
    conn = sqlite3.connect(generated)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count, urls, first, last = conn.execute(
            "SELECT count(*), count(DISTINCT canonical_url), min(published_at), max(published_at) "
            "FROM coverage_items").fetchone()
        assert count == urls == SPEC.items
        assert datagen.ts(datetime(2023, 11, 1, tzinfo=timezone.utc)) < first and last < datagen.ts(ANCHOR)
        tones = dict(conn.execute("SELECT tone, count(*) FROM coverage_items GROUP BY tone"))
        assert set(tones) == {"positive", "neutral", "negative"} and tones["neutral"] > tones["negative"]
        tiers = {row[0] for row in conn.execute(
            "SELECT DISTINCT o.tier FROM coverage_items c JOIN outlets o ON o.id = c.outlet_id")}
        assert tiers == {"trade", "national", "regional", "broadcast", "online"}
        assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] < SPEC.items
        assert conn.execute("SELECT count(*) FROM peer_challenges").fetchone()[0] == SPEC.challenge_councils
        assert conn.execute("SELECT count(*) FROM programmes").fetchone()[0] == SPEC.programmes
    finally:
        conn.close()


def test_postgres_copy_holds_the_same_rows(database_url, generated):
    engine = create_engine(database_url)
    try:
        if engine.dialect.name == "postgresql":
            target = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
            databases.copy_from_sqlite(generated, target)
        else:
            shutil.copy(generated, make_url(database_url).database)
        period = parse_period("last month", ANCHOR, LONDON)
        code = floors.council_code(engine, "Thurrock")
        by_tone = dict(floors.period_floor(engine, period)())
        with engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM coverage_items")).scalar_one()
        assert total == SPEC.items and sum(by_tone.values()) > 0
        expected = sqlite_counts(generated, period)
        assert by_tone == expected
        assert code == "THR"
        floors.council_tone_floor(engine, period, code, "negative")()
    finally:
        engine.dispose()


def sqlite_counts(path: Path, period) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute(
            "SELECT tone, count(*) FROM coverage_items WHERE published_at >= ? AND published_at < ? GROUP BY tone",
            (datagen.ts(period.start), datagen.ts(period.end))))
    finally:
        conn.close()

