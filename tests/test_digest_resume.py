"""A digest resumed after a crash does not post again what Slack already took, and its parts to one
channel are spaced by the real Pacer (on virtual time: the waits are recorded, not slept).

The crash is the state a clock killed between Slack's accepting a part and the run's recording it
leaves behind: the run `sending`, claimed by the dead clock, `delivered_parts` one short, and the
part in the channel. (The twenty-kills process test produces that state for real.)
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from digests import runner
from models.digest import DigestRun
from tests.digest_fixtures import (add_items, digest_app, digest_herald, pacing, posts, runs, slack,  # noqa: F401
                                   subscribe)
from tests.fakes.http import Answer

MONDAY_0800 = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)


def _crash_after_posting(herald, run_id: int, recorded_parts: int) -> None:
    """Put the run back as a clock killed after its next part landed, before recording it, left it."""
    with herald.session() as session:
        run = session.get(DigestRun, run_id)
        run.status, run.claimed_by, run.sent_at = "sending", "clock:dead:1:abc", None
        run.delivered_parts = recorded_parts


def _sent_weekly(herald, clock) -> DigestRun:
    sub = subscribe(herald)
    with herald.session() as session:
        add_items(session, 30, datetime(2026, 11, 16, tzinfo=timezone.utc))
    clock.set(MONDAY_0800)
    runner.sweep(herald, "clock:a")
    run, = runs(herald, sub)
    assert (run.status, run.delivered_parts) == ("sent", 2)  # the message, then the chart
    return run


def test_a_message_slack_took_before_the_crash_is_not_posted_again(digest_herald, slack, clock):
    subscribe(digest_herald, "daily", created=datetime(2026, 11, 23, 8, tzinfo=timezone.utc))
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald)
    _crash_after_posting(digest_herald, run.id, recorded_parts=0)
    clock.advance(minutes=3)
    runner.sweep(digest_herald, "clock:b")
    run, = runs(digest_herald)
    assert (run.status, run.attempts, run.delivered_parts) == ("sent", 2, 1)
    assert len(posts(slack, "CLEADERS")) == 1  # found in the channel's history by its metadata
    assert slack.calls("chat.postMessage")[0]["metadata"] == {
        "event_type": "herald_delivery_part", "event_payload": {"delivery": run.id, "part": 1, "message": 0}}


def test_a_chart_slack_took_before_the_crash_is_not_uploaded_again(digest_herald, slack, clock):
    run = _sent_weekly(digest_herald, clock)
    _crash_after_posting(digest_herald, run.id, recorded_parts=1)
    runner.sweep(digest_herald, "clock:b")
    run, = runs(digest_herald)
    assert (run.status, run.delivered_parts) == ("sent", 2) and run.last_error is None
    assert len(slack.uploads()) == 1 and len(posts(slack)) == 1
    history = slack.history["CLEADERS"]
    assert [f["name"] for m in history for f in m.get("files", ())] == [f"herald-{run.id}-2-chart.png"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_without_history_access_the_part_is_posted_again_and_that_is_noted(digest_herald, slack, clock):
    run = _sent_weekly(digest_herald, clock)
    _crash_after_posting(digest_herald, run.id, recorded_parts=1)
    slack.server.script("/api/conversations.history", Answer(200, {"ok": False, "error": "missing_scope"}))
    runner.sweep(digest_herald, "clock:b")
    run, = runs(digest_herald)
    assert run.status == "sent" and len(slack.uploads()) == 2  # at least once rather than never
    assert "could not check Slack for part 2" in run.last_error and "missing_scope" in run.last_error


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_first_attempt_does_not_read_the_channel(digest_herald, slack, clock):
    _sent_weekly(digest_herald, clock)
    assert slack.calls("conversations.history") == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_parts_of_a_long_digest_are_paced_a_second_apart_in_one_channel(digest_herald, slack, clock, pacing):
    sub = subscribe(digest_herald, "daily", created=datetime(2026, 11, 23, 8, tzinfo=timezone.utc))
    with digest_herald.session() as session:
        add_items(session, 60, datetime(2026, 11, 21, 9, tzinfo=timezone.utc), hours=40)
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    sent = posts(slack, "CLEADERS")
    assert run.status == "sent" and len(sent) >= 2
    assert pacing.waits == [1.0] * (len(sent) - 1)  # the real Pacer: each post a second after the last


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_approval_draft_slack_took_before_the_crash_is_not_posted_again(digest_herald, slack, clock):
    sub = subscribe(digest_herald, approval_destination="CCOMMS", approval_deadline_minutes=60)
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    with digest_herald.session() as session:  # died after Slack took the draft, before noting it was posted
        run = session.get(DigestRun, runs(digest_herald, sub)[0].id)
        run.draft = {**run.draft, "draft_posted": False}
        run.status, run.claimed_by, run.next_attempt_at = "sending", "clock:dead:1:abc", None
    clock.advance(minutes=2)
    runner.sweep(digest_herald, "clock:b")
    run, = runs(digest_herald, sub)
    assert run.status == "draft" and run.draft["draft_posted"] is True
    assert len(posts(slack, "CCOMMS")) == 1 and posts(slack, "CLEADERS") == []
