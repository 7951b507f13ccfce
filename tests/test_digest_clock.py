"""The clock in-process (what `make run` starts in a thread): it takes the lease, syncs one cron job
per subscription, sends what is due, and gives the lease up when stopped; and the CLI commands."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from digests.clock import Clock, ClockOptions, run_clock
from digests.schedule import DAY_NAMES
from handlers.context import Actor
from models.clock import SystemClock
from models.digest import ClockLease
from tests.digest_fixtures import posts, runs, slack, subscribe  # noqa: F401


@pytest.fixture
def live_app(make_app, database_url, slack):
    """The lease and sweep shortened through their settings, as the clock's digest fence reads them."""
    return make_app(database_url, CLOCK=SystemClock(), SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                    HERALD_CLOCK_LEASE_SECONDS=3, HERALD_CLOCK_SWEEP_SECONDS=1)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_in_process_clock_sends_what_is_due_and_releases_the_lease(live_app, slack):
    herald = live_app.extensions["herald"]
    local = datetime.now(timezone.utc).astimezone(ZoneInfo("Europe/London"))
    sub = subscribe(herald, day_of_week=DAY_NAMES[local.weekday()], hour=local.hour, minute=local.minute,
                    created=datetime.now(timezone.utc) - timedelta(hours=1))
    stop = threading.Event()
    thread = threading.Thread(target=run_clock, args=(herald, stop))
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not posts(slack) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
    assert len(posts(slack)) == 1 and runs(herald, sub)[0].status == "sent"
    with herald.session() as session:
        lease = session.get(ClockLease, "clock")
        assert lease.expires_at < datetime.now(timezone.utc)  # released: the next clock need not wait


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_cron_job_per_subscription_in_london_time_resynced_on_change(live_app):
    herald = live_app.extensions["herald"]
    first = subscribe(herald, day_of_week="wed", hour=7, minute=45)
    clock = Clock(herald, ClockOptions())
    clock.add_fixed_jobs()
    clock.scheduler.start(paused=True)
    clock.sync_subscriptions()
    job = clock.scheduler.get_job(f"digest:{first}")
    assert str(job.trigger) == "cron[day_of_week='wed', hour='7', minute='45']"
    assert job.misfire_grace_time == 3600 and job.coalesce is True
    assert str(job.trigger.timezone) == "Europe/London"
    herald.run_command(f"digest unsubscribe {first}", Actor.cli())
    second = subscribe(herald, "daily")
    clock.sync_subscriptions()
    clock.sync_subscriptions()
    ids = sorted(j.id for j in clock.scheduler.get_jobs())
    clock.scheduler.shutdown(wait=False)
    assert ids == sorted(["digests:sweep", "digests:sync", "feeds:poll", "notices:send", "spotlight:check",
                          "parliament:poll", f"digest:{second}"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_cli_digest_send_and_preview(make_app, database_url, slack, clock):
    flask_app = make_app(database_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test")
    herald = flask_app.extensions["herald"]
    runner = flask_app.test_cli_runner()
    assert "No weekly subscriptions" in runner.invoke(args=["digest", "send", "weekly"]).output
    subscribe(herald)
    clock.set(datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc))
    result = runner.invoke(args=["digest", "send", "weekly"])
    assert result.exit_code == 0 and "#1: 2026-W48 sent" in result.output
    assert "already sent" in runner.invoke(args=["digest", "send", "weekly"]).output
    assert len(posts(slack)) == 1
    preview = runner.invoke(args=["digest", "preview", "weekly"])
    assert preview.exit_code == 0 and "Preview: Weekly round-up" in preview.output
