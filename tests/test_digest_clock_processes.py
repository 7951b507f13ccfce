"""Real clock processes (`flask --app app clock`) on one database and a loopback fake Slack. On
PostgreSQL: two clocks, a weekly digest falls due and is posted exactly once; a clock killed after
the claim and before the post is replaced, and the digest is still posted exactly once. On SQLite and
PostgreSQL: the leader SIGKILLed twenty times at random points of the digest runs, and every
period still posted exactly once.

"Now" is made due without any test hook: the subscription is for the current London minute, which
has just begun, so the clocks find it due on their first sweep. The lease and sweep are shortened
through HERALD_CLOCK_LEASE_SECONDS / HERALD_CLOCK_SWEEP_SECONDS.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from digests.claims import schedule_for
from digests.schedule import DAY_NAMES, occurrences_between
from models.clock import SystemClock
from models.digest import DigestSubscription
from tests.clockkill_fixtures import PHASES, POST_HOLD, ClockPool, kill_at_random_points, progress
from tests.digest_fixtures import add_items, slack, subscribe  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
on_postgresql = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@pytest.fixture
def due_now(make_app, database_url):
    """A weekly subscription due at the start of the current London minute; returns its id."""
    herald = make_app(database_url, CLOCK=SystemClock()).extensions["herald"]
    local = datetime.now(timezone.utc).astimezone(ZoneInfo("Europe/London"))
    if local.second > 50:  # keep the whole test inside one minute's period
        time.sleep(61 - local.second)
        local = datetime.now(timezone.utc).astimezone(ZoneInfo("Europe/London"))
    return subscribe(herald, day_of_week=DAY_NAMES[local.weekday()], hour=local.hour, minute=local.minute,
                     created=datetime.now(timezone.utc) - timedelta(hours=1))


def _clock_env(database_url: str, slack_url: str, **settings: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url, "SLACK_API_URL": slack_url, "SLACK_BOT_TOKEN": "xoxb-test",
            "HERALD_CLOCK_LEASE_SECONDS": "3", "HERALD_CLOCK_SWEEP_SECONDS": "1", **settings}


def _start_clock(database_url: str, slack_url: str, log: Path) -> subprocess.Popen:
    env = _clock_env(database_url, slack_url)
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "clock"], cwd=ROOT, env=env,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _run_rows(database_url: str) -> list[tuple]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT status, attempts, claimed_by FROM digest_runs")))
    finally:
        engine.dispose()


@on_postgresql
def test_two_clock_processes_post_a_due_weekly_digest_exactly_once(database_url, slack, due_now, tmp_path):
    clocks = [_start_clock(database_url, slack.api_url, tmp_path / f"clock{i}.log") for i in range(2)]
    try:
        _wait_for(lambda: len(slack.calls("chat.postMessage")) >= 1, 60, "the weekly digest")
        time.sleep(4)  # several more sweeps by whichever clock leads, and a lease period
        assert all(c.poll() is None for c in clocks), "a clock process died"
    finally:
        _stop(*clocks)
    assert len(slack.calls("chat.postMessage")) == 1
    assert [row[0] for row in _run_rows(database_url)] == ["sent"]
    logs = "".join((tmp_path / f"clock{i}.log").read_text() for i in range(2))
    assert logs.count("holds the lease") == 1


@on_postgresql  # the test holds a table lock to stop the compose
def test_clock_killed_after_the_claim_is_replaced_and_posts_once(database_url, slack, due_now, tmp_path):
    locker = create_engine(database_url)
    conn = locker.connect()
    transaction = conn.begin()
    conn.execute(text("LOCK TABLE coverage_items IN ACCESS EXCLUSIVE MODE"))  # compose will block here
    first = _start_clock(database_url, slack.api_url, tmp_path / "first.log")
    try:
        _wait_for(lambda: [r[0] for r in _run_rows(database_url)] == ["sending"], 60, "the claim")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        transaction.rollback()
        conn.close()
        locker.dispose()
    assert slack.calls("chat.postMessage") == []
    second = _start_clock(database_url, slack.api_url, tmp_path / "second.log")
    try:
        _wait_for(lambda: len(slack.calls("chat.postMessage")) >= 1, 60, "the retried digest")
        time.sleep(3)
    finally:
        _stop(second)
    assert len(slack.calls("chat.postMessage")) == 1
    (status, attempts, claimed_by), = _run_rows(database_url)
    assert (status, attempts) == ("sent", 2) and claimed_by.startswith("clock:")


# --- Twenty random kills ---------------------------------------------------------------------
#
# Four daily and one weekly subscription to five channels, created a week ago, with a long grace:
# about 35 periods are due at once, each a message (the weekly adds its chart upload). Clocks are
# started in twos (a leader and a warm standby); twenty times the leader is SIGKILLed at a point
# of the run picked by a seeded `random.Random`, and the standby takes over:
#
#   starting  — a random moment in the first 0.8 s after it took the lease (sweep, claims, compose);
#   claimed   — as soon as it has taken a run for an attempt (status `sending`, before the post);
#   posting   — while a post it sent is held by the fake Slack (Slack has the message; the clock
#               has not heard back): the "posted but not recorded" window;
#   recorded  — just after it recorded a delivered part (between parts, or between runs).
#
# No test seam in Herald: the kill points are observed from outside (the lease row, the run rows,
# the fake Slack's requests), and the fake holds each post's answer for POST_HOLD seconds. A dead
# clock's lease is expired by the test at once (what the lease's expiry does within 2 s) to keep
# twenty cycles short. Replay a failure's choices with CLOCKKILL_SEED=<the printed seed>.

DAILY_CHANNELS = ("CDAY1", "CDAY2", "CDAY3", "CDAY4")


@pytest.fixture
def many_due_periods(make_app, database_url) -> list[int]:
    """Five subscriptions with about 35 periods due now (none falling due during the test), and some
    coverage so the weekly digest has a chart (its second part, an upload)."""
    herald = make_app(database_url, CLOCK=SystemClock()).extensions["herald"]
    now = datetime.now(timezone.utc)
    with herald.session() as session:
        add_items(session, 40, now - timedelta(days=9), hours=24 * 9)
    local = now.astimezone(ZoneInfo("Europe/London"))
    created = now - timedelta(days=7, hours=12)
    ids = []
    for offset, channel in enumerate(DAILY_CHANNELS):  # due 2–5 hours ago each day, interleaved by hour
        due = local - timedelta(hours=2 + offset)
        ids.append(subscribe(herald, "daily", destination=channel, day_of_week="mon-sun", hour=due.hour,
                             minute=due.minute, created=created))
    weekly_due = local - timedelta(days=2)
    ids.append(subscribe(herald, destination="CWEEK", day_of_week=DAY_NAMES[weekly_due.weekday()],
                         hour=weekly_due.hour, minute=weekly_due.minute, created=created))
    return ids


def _expected_periods(make_app, database_url, subscription_ids: list[int]) -> dict[int, set[str]]:
    herald = make_app(database_url, CLOCK=SystemClock()).extensions["herald"]
    now, out = datetime.now(timezone.utc), {}
    with herald.session() as session:
        for sub_id in subscription_ids:
            sub = session.get(DigestSubscription, sub_id)
            found = occurrences_between(schedule_for(sub, herald.settings.tz), now - timedelta(days=8), now)
            out[sub_id] = {occ.period_key for occ in found if occ.due_at >= sub.created_at}
    return out


def _posts_per_run(slack) -> dict[int, list[str]]:
    """What landed in Slack for each digest run: its marked messages and chart files, by channel history."""
    out: dict[int, list[str]] = {}
    for channel, messages in slack.history.items():
        for message in messages:
            for name in [f["name"] for f in message.get("files") or ()]:
                out.setdefault(int(name.split("-")[1]), []).append(f"{channel}:chart")
            if message.get("metadata"):
                payload = message["metadata"]["event_payload"]
                out.setdefault(payload["delivery"], []).append(f"{channel}:part{payload['part']}")
    return out


def test_twenty_random_kills_of_the_clock_post_each_period_exactly_once(database_url, slack, many_due_periods,
                                                                        make_app, tmp_path):
    seed = int(os.environ.get("CLOCKKILL_SEED") or random.SystemRandom().randrange(2 ** 32))
    print(f"CLOCKKILL_SEED={seed}", flush=True)
    slack.post_delay = POST_HOLD
    env = _clock_env(database_url, slack.api_url, HERALD_CLOCK_LEASE_SECONDS="2", HERALD_DIGEST_GRACE_HOURS="240")
    pool = ClockPool(database_url, env, tmp_path)
    try:
        points = kill_at_random_points(pool, slack, random.Random(seed))
        pool.top_up()
        expected = _expected_periods(make_app, database_url, many_due_periods)
        total = sum(len(keys) for keys in expected.values())
        _wait_for(lambda: progress(pool, slack)[1] == total, 60, f"all {total} digests sent (seed {seed})")
        time.sleep(2)  # more sweeps by the last leader: nothing further may be posted
        rows = pool.query("SELECT id, subscription_id, period_key, status, attempts FROM digest_runs")
        received = progress(pool, slack)[0]
    finally:
        pool.close()
    assert {p.phase for p in points if p.reached} == set(PHASES), f"seed {seed}: not every phase was hit"
    assert {sub: {r[2] for r in rows if r[1] == sub} for sub in many_due_periods} == expected
    assert all(r[3] == "sent" for r in rows), rows
    landed = _posts_per_run(slack)
    weekly = many_due_periods[-1]
    for run_id, sub_id, period, _status, _attempts in rows:
        want = ["CWEEK:part1", "CWEEK:chart"] if sub_id == weekly else [
            f"{DAILY_CHANNELS[many_due_periods.index(sub_id)]}:part1"]
        assert sorted(landed.get(run_id, [])) == sorted(want), f"seed {seed}: run {run_id} ({period}) posted " \
                                                               f"{landed.get(run_id)}"
    unmarked = [m for ms in slack.history.values() for m in ms if not m.get("metadata") and not m.get("files")]
    assert unmarked == [], f"seed {seed}: posts not belonging to any digest run"
    weekly_runs = sum(r[1] == weekly for r in rows)
    assert received == len(rows) + weekly_runs, f"seed {seed}: a post was sent twice"
