"""The mixed load of issue 17 against Herald as deployed: accepted writes per second, latency, refusals.

gunicorn serves `app:app` in the Procfile's shape and `flask --app app clock` runs beside it, as
the Procfile starts them, on a scratch copy of the bench database. Eight clients (`bench.mixload`)
mix webhook batches, `/press log` commands, form submissions, button clicks, `/coverage` reads and
Teams outgoing-webhook commands for `seconds`, while the clock polls loopback feeds. Afterwards the
database is asked how many of the accepted records it holds.

Targets, on each database: at least 200 accepted writes (records) a second, p99 at most 250 ms over
every request, none refused.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import databases
from bench.databases import BenchDatabase
from bench.mixload import KINDS, Keys, Tally, run_clients
from bench.report import Result
from bench.stats import summarize
from bench.suites.http import ROOT, start_server

SUITE = "mixed"
CLIENTS = 8
FEEDS, FEED_ITEMS = 4, 100
WARMUP_SECONDS = 3.0  # two clients, untimed and not counted, so the run measures a Herald that is warm
MIN_WRITES_PER_SECOND = 200
MAX_P99_MS = 250.0
TEAMS_SECRET = "bWl4ZWQtbG9hZC1iZW5jaC1vdXRnb2luZy1zZWNyZXQ="  # base64, as Teams shows a security token


def run(db: BenchDatabase, seconds: float, log=print) -> list[Result]:
    """The mixed load on a scratch copy of `db`: one row per kind of request and the verdict row."""
    with databases.scratch_copy(db) as scratch:
        return _run(scratch, seconds, log)


def _run(db: BenchDatabase, seconds: float, log) -> list[Result]:
    from tests.coverage_fixtures import Entry, feed_answer, rss
    from tests.fakes.http import FakeServer
    from tests.fakes.slack_api import FakeSlackAPI
    run_id = secrets.token_hex(3)
    where = f"{db.backend} {db.items:,}"
    with FakeSlackAPI() as slack, FakeServer() as feeds:
        keys = Keys(slack=secrets.token_hex(16), teams=TEAMS_SECRET, webhook=secrets.token_hex(16),
                    response_url=f"{slack.server.url}/response")
        now = datetime.now(timezone.utc)
        for n in range(FEEDS):
            feeds.script(f"/rss-{n}", feed_answer(rss([
                Entry(f"Council finance story {run_id} {n}-{i}", f"https://www.localgov.co.uk/mixed-feed-{run_id}/{n}/{i}",
                      guid=f"{run_id}-{n}-{i}", published=now - timedelta(minutes=i + 1))
                for i in range(FEED_ITEMS)])))
        _add_feeds(db, [f"{feeds.url}/rss-{n}" for n in range(FEEDS)])
        server = start_server(db, keys.slack, slack.api_url, {
            "HERALD_WEBHOOK_TOKEN": keys.webhook, "TEAMS_OUTGOING_WEBHOOK_SECRET": keys.teams,
            "HERALD_ALLOW_PRIVATE_FEEDS": "1"})
        clock = _start_clock(db, slack.api_url)
        try:
            run_clients(server.url, keys, f"{run_id}w", 2, WARMUP_SECONDS)  # each worker's matchers, imports, pool
            tally, elapsed = run_clients(server.url, keys, run_id, CLIENTS, seconds)
            stored = _stored(db, run_id, tally, wait_seconds=20)
        finally:
            clock.terminate()
            try:
                clock.wait(timeout=20)
            except subprocess.TimeoutExpired:
                clock.kill()
                clock.wait()
            server.stop()
    results = rows(tally, elapsed, stored, where)
    for result in results:
        log(result)
    return results


def _add_feeds(db: BenchDatabase, urls: list[str]) -> None:
    """Add the loopback feeds as an admin would (`feeds add`), so the clock polls them when it starts."""
    from config import Settings
    from handlers.context import Actor
    from runtime import Herald
    herald = Herald.build(Settings.load({"DATABASE_URL": db.url, "HERALD_ALLOW_PRIVATE_FEEDS": True}))
    try:
        for index, url in enumerate(urls):
            reply, _ = herald.run_command(f"feeds add {url} MixedFeed{index} tier:trade", Actor.cli())
            if reply.is_error:
                raise RuntimeError(f"feeds add {url}: {reply.title}")
    finally:
        herald.engine.dispose()


def _start_clock(db: BenchDatabase, slack_api_url: str) -> subprocess.Popen:
    """`flask --app app clock` as the Procfile's clock line runs it, its Slack the loopback fake."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "HERALD_", "TEAMS_"))}
    env.update(DATABASE_URL=db.url, SLACK_API_URL=slack_api_url, SLACK_BOT_TOKEN="xoxb-bench-token",
               HERALD_ALLOW_PRIVATE_FEEDS="1", HERALD_CLOCK_LEASE_SECONDS="6", HERALD_CLOCK_SWEEP_SECONDS="2")
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "clock"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def _stored(db: BenchDatabase, run_id: str, tally: Tally, wait_seconds: float) -> dict[str, int]:
    """How many of the run's records the database holds (coverage, press, feed items), once the
    job workers have caught up (buttons and Teams commands may finish as jobs) or after `wait_seconds`."""
    engine = create_engine(db.url)
    expected = {store: len(tally.accepted_records(store)) for store in ("coverage", "press")}
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            with engine.connect() as conn:
                counts = {
                    "coverage": conn.execute(text("SELECT count(*) FROM coverage_items WHERE url LIKE :m"),
                                             {"m": f"%/mixed/{run_id}-%"}).scalar_one(),
                    "press": conn.execute(text("SELECT count(*) FROM press_activities WHERE title LIKE :m"),
                                          {"m": f"Mixed % {run_id}-%"}).scalar_one(),
                    "feed items": conn.execute(text("SELECT count(*) FROM coverage_items WHERE url LIKE :m"),
                                               {"m": f"%/mixed-feed-{run_id}/%"}).scalar_one()}
            if all(counts[store] >= n for store, n in expected.items()) and \
                    counts["feed items"] >= FEEDS * FEED_ITEMS or time.monotonic() > deadline:
                return counts
            time.sleep(0.5)
    finally:
        engine.dispose()


def rows(tally: Tally, seconds: float, stored: dict[str, int], where: str) -> list[Result]:
    """A row per kind of request (latency, count, refused) and the verdict row over all of them."""
    results = []
    for kind in KINDS:
        sent = [s for s in tally.sent if s.kind == kind]
        if not sent:
            continue
        refused = sum(1 for s in sent if not s.accepted)
        results.append(Result(SUITE, f"mixed: {kind.replace('_', ' ')}", where, summarize([s.ms for s in sent]),
                              throughput=f"{len(sent) / seconds:,.0f} req/s", verdict="n/a",
                              note=f"refused {refused}"))
    records = tally.accepted_records()
    per_second = len(records) / seconds
    write_requests = sum(1 for s in tally.sent if s.accepted and s.names)
    refused = tally.refused()
    latency = summarize([s.ms for s in tally.sent] or [0.0])
    held = stored["coverage"] + stored["press"]
    coverage, press = len(tally.accepted_records("coverage")), len(tally.accepted_records("press"))
    met = per_second >= MIN_WRITES_PER_SECOND and latency.p99 <= MAX_P99_MS and not refused
    note = (f"{CLIENTS} clients, {seconds:.0f} s, {len(tally.sent):,} requests, statuses "
            f"{dict(sorted(tally.statuses().items()))}; {write_requests / seconds:,.0f} accepted write requests/s "
            f"({len(records):,} records, webhook batches of 5); refused {len(refused)}; stored {held:,} of "
            f"{len(records):,} accepted records (coverage {stored['coverage']:,} of {coverage:,}, press "
            f"{stored['press']:,} of {press:,}); feed items polled by the clock during the run {stored['feed items']}")
    results.append(Result(SUITE, "mixed load: accepted writes", where, latency,
                          throughput=f"{per_second:,.0f} accepted writes/s",
                          target=f"≥ {MIN_WRITES_PER_SECOND} accepted writes/s, p99 ≤ {MAX_P99_MS:g} ms, 0 refused",
                          verdict="ok" if met else "MISS", note=note))
    return results
