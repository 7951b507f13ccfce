"""Herald as deployed, under a mixed load, on SQLite and on PostgreSQL.

The Procfile's two processes run as it starts them: `gunicorn … app:app` in the `web:` line's shape
(workers × threads read from the Procfile) and `flask --app app clock` beside it. Eight clients
then mix, for at least twenty seconds, webhook batches, `/press log` slash commands, press-log form
submissions, button clicks (a `coverage log` button), `/coverage this week` reads and Teams
outgoing-webhook commands: all signed, all real HTTP. Meanwhile the clock takes its lease, polls two
loopback feeds and sends a daily digest that falls due during the run (see `_digest_minute`).
Everything Herald sends out goes to loopback fakes (Slack's Web API and response URLs, the feeds).

Afterwards: every request got a 200 and was accepted (no 5xx, no 503 refusal, no apology), every
accepted record is stored exactly once and nothing refused is stored (counted per kind), the feeds'
items are stored once each, no job failed, and the digest was posted exactly once.
"""
from __future__ import annotations

import os
import secrets
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from bench.databases import BenchDatabase
from bench.suites.http import Server, procfile_web_shape, start_server
from models.clock import SystemClock
from tests.coverage_fixtures import Entry, feed_answer, rss, run
from tests.digest_fixtures import subscribe
from tests.fakes.http import FakeServer
from tests.fakes.slack_api import FakeSlackAPI
from tests.mixedload_fixtures import KINDS, WRITES, Secrets, Tally, run_clients
from tests.teams_fixtures import DOC_SECRET

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

CLIENTS = 8
MIN_SECONDS = 20.0
DRAIN_SECONDS = 60.0  # most the job workers may take to finish what the load left queued (5-7 s seen)
FEEDS, FEED_ITEMS = ("a", "b"), 12
DIGEST_CHANNEL = "CDIGEST"


def _digest_minute(now: datetime) -> datetime:
    """The London minute the digest falls due: the next minute boundary when it comes early enough in
    the run for the cron job and the sweep to race for it mid-load; otherwise the minute already
    begun (due a few seconds before the load starts), which the clock claims and sends under the load
    on its first sweep. Either way the digest is composed and posted while the clients run."""
    begun = now.replace(second=0, microsecond=0)
    boundary = begun + timedelta(minutes=1)
    due = boundary if (boundary - now).total_seconds() <= MIN_SECONDS - 8 else begun
    return due.astimezone(ZoneInfo("Europe/London"))


def _feed_entries(name: str) -> list[Entry]:
    now = datetime.now(timezone.utc)
    return [Entry(f"Council finance story {name}{i}", f"https://www.localgov.co.uk/mixed-feed-{name}/{i}",
                  guid=f"{name}{i}", published=now - timedelta(hours=i + 1)) for i in range(FEED_ITEMS)]


def _add_feeds(make_app, database_url: str, feeds: FakeServer) -> None:
    """Two loopback feeds, added as an admin would (the clock polls them on taking its lease)."""
    herald = make_app(database_url, CLOCK=SystemClock(), HERALD_ALLOW_PRIVATE_FEEDS=True).extensions["herald"]
    for name in FEEDS:
        feeds.script(f"/rss-{name}", feed_answer(rss(_feed_entries(name))))
        assert not run(herald, f"feeds add {feeds.url}/rss-{name} LocalGov{name} tier:trade").is_error
    herald.engine.dispose()


def _subscribe_digest(make_app, database_url: str) -> tuple[int, datetime]:
    """A daily digest to DIGEST_CHANNEL due at `_digest_minute`; (subscription id, due time)."""
    herald = make_app(database_url, CLOCK=SystemClock()).extensions["herald"]
    now = datetime.now(timezone.utc)
    due = _digest_minute(now)
    subscription = subscribe(herald, "daily", destination=DIGEST_CHANNEL, day_of_week="mon-sun", hour=due.hour,
                             minute=due.minute, created=now - timedelta(hours=1))
    herald.engine.dispose()
    return subscription, due


def _start_clock(database_url: str, slack_url: str, log: Path) -> subprocess.Popen:
    """`flask --app app clock`, as the Procfile's clock line runs it, its Slack on the loopback fake."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "HERALD_", "TEAMS_"))}
    env.update(DATABASE_URL=database_url, SLACK_API_URL=slack_url, SLACK_BOT_TOKEN="xoxb-mixed",
               HERALD_ALLOW_PRIVATE_FEEDS="1", HERALD_CLOCK_LEASE_SECONDS="6", HERALD_CLOCK_SWEEP_SECONDS="2")
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "clock"], cwd=ROOT, env=env,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)


def _stop(clock: subprocess.Popen | None, server: Server) -> None:
    if clock is not None and clock.poll() is None:
        clock.send_signal(signal.SIGTERM)
        try:
            clock.wait(timeout=20)
        except subprocess.TimeoutExpired:
            clock.kill()
            clock.wait()
    server.stop()


class Store:
    """Read-only questions about what the run left in the database."""

    def __init__(self, database_url: str):
        self.engine = create_engine(database_url)

    def rows(self, sql: str, **params) -> list[tuple]:
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql), params))

    def coverage_urls(self, marker: str) -> Counter[str]:
        return Counter(r[0] for r in self.rows("SELECT url FROM coverage_items WHERE url LIKE :m", m=f"%{marker}%"))

    def press_titles(self) -> Counter[str]:
        return Counter(r[0] for r in self.rows("SELECT title FROM press_activities WHERE title LIKE 'Mixed %'"))

    def jobs(self) -> Counter[str]:
        return Counter(r[0] for r in self.rows("SELECT status FROM jobs"))

    def feeds_polled(self) -> int:
        return self.rows("SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL")[0][0]


def _marks(messages: list[dict]) -> Counter:
    """How often each (run, part, message) mark occurs among a channel's posts (a chart's mark is its
    file name, `herald-<run>-<part>-chart.png`); None counts the unmarked posts."""
    found: Counter = Counter()
    for message in messages:
        payload = (message.get("metadata") or {}).get("event_payload") or {}
        charts = [f["name"].split("-") for f in message.get("files") or ()]
        if payload:
            found[(payload["delivery"], payload["part"], payload["message"])] += 1
        for _herald, run_id, part, _name in charts:
            found[(int(run_id), int(part), "chart")] += 1
        if not payload and not charts:
            found[None] += 1
    return found


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def _report(backend: str, tally: Tally, seconds: float) -> str:
    """One line per kind (count, p50, p99) and the accepted writes per second, printed for the log."""
    lines = [f"{backend}: {len(tally.sent)} requests in {seconds:.1f} s, statuses {dict(tally.statuses())}"]
    for kind in KINDS:
        ms = sorted(s.ms for s in tally.sent if s.kind == kind)
        if ms:
            lines.append(f"  {kind:14} n={len(ms):4} p50={statistics.median(ms):7.1f} ms "
                         f"p99={ms[min(len(ms) - 1, int(len(ms) * 0.99))]:7.1f} ms")
    writes = sum(len(tally.accepted(kind)) for kind in WRITES)
    lines.append(f"  accepted records {writes} ({writes / seconds:.0f}/s); refused {len(tally.refused())}")
    return "\n".join(lines)


def test_procfile_processes_under_mixed_load_store_everything_once(database_url, make_app, tmp_path):
    backend = database_url.split(":", 1)[0].split("+", 1)[0]
    run_id = secrets.token_hex(3)
    with FakeSlackAPI() as slack, FakeServer() as feeds:
        keys = Secrets(slack=secrets.token_hex(16), teams=DOC_SECRET, webhook=secrets.token_hex(16),
                       response_url=f"{slack.server.url}/response")
        _add_feeds(make_app, database_url, feeds)
        server = start_server(BenchDatabase(backend, 0, database_url), keys.slack, slack.api_url, {
            "HERALD_WEBHOOK_TOKEN": keys.webhook, "TEAMS_OUTGOING_WEBHOOK_SECRET": keys.teams,
            "HERALD_ALLOW_PRIVATE_FEEDS": "1"})
        clock = None
        store = Store(database_url)
        try:
            subscription, due = _subscribe_digest(make_app, database_url)
            clock = _start_clock(database_url, slack.api_url, tmp_path / "clock.log")
            started = time.monotonic()
            cap = started + MIN_SECONDS + 30
            tally = run_clients(server.url, keys, run_id, CLIENTS, until=lambda: time.monotonic() > cap or (
                time.monotonic() - started >= MIN_SECONDS and slack.history.get(DIGEST_CHANNEL)))
            seconds = time.monotonic() - started
            expected_coverage = len(tally.accepted("webhook")) + len(tally.accepted("button"))
            # Accepted chat work is finished by the job workers after the load (each answer's post is
            # paced per channel, as Slack requires), so give what is still queued time to drain.
            drained_at = time.monotonic()
            _wait(lambda: store.jobs()["pending"] + store.jobs()["delivering"] == 0
                  and sum(store.coverage_urls(f"/mixed/{run_id}-").values()) >= expected_coverage
                  and store.feeds_polled() == len(FEEDS), DRAIN_SECONDS)
            drained = time.monotonic() - drained_at
            time.sleep(2.5)  # a sweep or two more: nothing further may be posted
        finally:
            _stop(clock, server)
        print(f"digest due {due:%H:%M} London")
        print(_report(f"{backend} (gunicorn {'x'.join(map(str, procfile_web_shape()))})", tally, seconds))
        print(f"  job backlog drained in {drained:.1f} s after the load")
        print("clock log tail:", (tmp_path / "clock.log").read_text()[-1500:])
        digest_posts = list(slack.history.get(DIGEST_CHANNEL, []))
        runs = store.rows("SELECT id, status FROM digest_runs WHERE subscription_id = :s", s=subscription)
        coverage = store.coverage_urls(f"/mixed/{run_id}-")
        press = store.press_titles()
        feed_items = store.coverage_urls("/mixed-feed-")
        jobs = store.jobs()
        store.engine.dispose()

    assert seconds >= MIN_SECONDS
    assert set(tally.per_kind()) == set(KINDS), tally.per_kind()
    accepted_coverage = tally.accepted("webhook") + tally.accepted("button")
    accepted_press = tally.accepted("press_command") + tally.accepted("form") + tally.accepted("teams")
    broken = Counter((s.kind, s.status) for s in tally.sent if s.status >= 500 or s.status == 0)
    refused = Counter((s.kind, s.status, s.detail[:120]) for s in tally.refused())
    failures = {
        "5xx or dropped connections (kind, status)": dict(broken),
        "refused requests (kind, status, answer)": dict(refused),
        "coverage stored twice": [url for url, n in coverage.items() if n > 1],
        "accepted coverage not stored": sorted(set(accepted_coverage) - set(coverage)),
        "refused coverage stored anyway": sorted(set(coverage) - set(accepted_coverage)),
        "press activity stored twice": [title for title, n in press.items() if n > 1],
        "accepted press activity not stored": sorted(set(accepted_press) - set(press)),
        "refused press activity stored anyway": sorted(set(press) - set(accepted_press)),
        "feed items not stored exactly once": (len(FEEDS) * FEED_ITEMS, sorted(feed_items.values()))
        if sorted(feed_items.values()) != [1] * (len(FEEDS) * FEED_ITEMS) else None,
        "jobs failed or unfinished": dict(jobs) if jobs["failed"] or jobs["pending"] + jobs["delivering"] else None,
        "digest runs not one sent": runs if [status for _id, status in runs] != ["sent"] else None,
        "digest not posted": not digest_posts,
        "digest posts twice, unmarked or of another run": {
            mark: n for mark, n in _marks(digest_posts).items() if n > 1 or mark is None or mark[0] != runs[0][0]}
        if runs else None,
    }
    assert {bar: found for bar, found in failures.items() if found} == {}
