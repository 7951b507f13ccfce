"""Two real clock processes (`flask --app app clock`) on one PostgreSQL database and a loopback
fake Slack: a weekly digest falls due and is posted exactly once; a clock killed after the claim
and before the post is replaced, and the digest is still posted exactly once.

"Now" is made due without any test hook: the subscription is for the current London minute, which
has just begun, so the clocks find it due on their first sweep. The lease and sweep are shortened
through HERALD_CLOCK_LEASE_SECONDS / HERALD_CLOCK_SWEEP_SECONDS.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from digests.schedule import DAY_NAMES
from models.clock import SystemClock
from tests.digest_fixtures import slack, subscribe  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)]


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


def _start_clock(database_url: str, slack_url: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_API_URL": slack_url,
           "SLACK_BOT_TOKEN": "xoxb-test", "HERALD_CLOCK_LEASE_SECONDS": "3", "HERALD_CLOCK_SWEEP_SECONDS": "1"}
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
