"""A digest delivery that stalls (its process alive but stopped, past its claim) and is taken over
posts nothing when it wakes: the fence before every post finds the claim gone.

The stall is real and sits where it hurts most: inside the pacing wait right before a message is
sent, after the attempt took the run, composed it and checked Slack. Clock A's pacer (the real
`Pacer`, given a `sleep` that waits for the test's gate) holds its first post; clock B takes the run
over and posts it (B's look in the channel finds nothing: A has not posted). Then A wakes. Without
the fence A would post the same digest again, after B's history check, and the channel would show
it twice; the channel-history check alone cannot prevent that.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from bot.slack.post import Pacer
from digests import runner
from models.digest import acquire_lease
from tests.digest_fixtures import digest_app, digest_herald, pacing, posts, runs, slack, subscribe  # noqa: F401

DUE = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


class StallingPacer(Pacer):
    """The real Pacer on a frozen monotonic clock, whose every wait is a stall until `gate` opens."""

    def __init__(self):
        self.stalled, self.gate = threading.Event(), threading.Event()
        super().__init__(interval=1.0, monotonic=lambda: 0.0, sleep=self._stall)

    def _stall(self, _seconds: float) -> None:
        self.stalled.set()
        assert self.gate.wait(30), "the test never opened the gate"

    def book(self, channel: str) -> None:
        """Take the channel's free slot, so the next post to it waits (and stalls)."""
        self.wait(channel)


def _stalled_clock(make_app, database_url, slack, holder: str) -> tuple[StallingPacer, threading.Thread]:
    """Clock `holder` sweeping on its own Herald; its first post to CLEADERS stalls in the pacer."""
    pacer = StallingPacer()
    pacer.book("CLEADERS")
    herald = make_app(database_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                      HERALD_CLOCK_LEASE_SECONDS=2, PACER=pacer).extensions["herald"]
    thread = threading.Thread(target=runner.sweep, args=(herald, holder), daemon=True)
    thread.start()
    assert pacer.stalled.wait(30), "clock A never reached its post"
    return pacer, thread


def _wake(pacer: StallingPacer, thread: threading.Thread) -> None:
    pacer.gate.set()
    thread.join(timeout=30)
    assert not thread.is_alive()


def test_a_clock_stalled_past_its_lease_posts_nothing_after_its_successor(make_app, database_url, digest_herald,
                                                                          slack, clock):
    subscribe(digest_herald, "daily", created=DUE - timedelta(hours=1))
    clock.set(DUE)
    with digest_herald.session() as session:
        assert acquire_lease(session, "clock", "clock:a", clock.now(), 2)
    pacer, stalled = _stalled_clock(make_app, database_url, slack, "clock:a")

    clock.advance(seconds=5)  # A's lease lapsed while it stalled; B takes the lease, then the run
    with digest_herald.session() as session:
        assert acquire_lease(session, "clock", "clock:b", clock.now(), 60)
    runner.sweep(digest_herald, "clock:b")
    assert len(posts(slack, "CLEADERS")) == 1

    _wake(pacer, stalled)
    run, = runs(digest_herald)
    assert len(posts(slack, "CLEADERS")) == 1  # A woke, found the run was B's, and stopped
    assert (run.status, run.attempts, run.delivered_parts, run.claimed_by) == ("sent", 2, 1, "clock:b")


def test_a_command_line_send_stalled_past_its_claim_posts_nothing_after_the_clock(make_app, database_url,
                                                                                  digest_herald, slack, clock):
    subscribe(digest_herald, "daily", created=DUE - timedelta(hours=1))
    clock.set(DUE)
    pacer, stalled = _stalled_clock(make_app, database_url, slack, "cli:host:1:abc")

    clock.advance(minutes=3)  # past SEND_STALE_AFTER: the clock takes the run as orphaned
    runner.sweep(digest_herald, "clock:b")
    assert len(posts(slack, "CLEADERS")) == 1

    _wake(pacer, stalled)
    run, = runs(digest_herald)
    assert len(posts(slack, "CLEADERS")) == 1
    assert (run.status, run.attempts, run.claimed_by) == ("sent", 2, "clock:b")


def test_a_stalled_sender_still_within_its_claim_is_not_taken_over_and_posts_once(make_app, database_url, digest_herald,
                                                                        slack, clock):
    subscribe(digest_herald, "daily", created=DUE - timedelta(hours=1))
    clock.set(DUE)
    pacer, stalled = _stalled_clock(make_app, database_url, slack, "cli:host:1:abc")
    clock.advance(minutes=1)  # within SEND_STALE_AFTER of its last renewal: not orphaned
    runner.sweep(digest_herald, "clock:b")
    assert posts(slack, "CLEADERS") == []

    _wake(pacer, stalled)
    run, = runs(digest_herald)
    assert len(posts(slack, "CLEADERS")) == 1
    assert (run.status, run.attempts, run.claimed_by) == ("sent", 1, "cli:host:1:abc")
