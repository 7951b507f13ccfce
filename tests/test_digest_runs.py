"""Exactly-once digest runs on SQLite and PostgreSQL: claims, restarts, late and missed periods,
retries with backoff, resumed multi-part posts, `/digest send` racing the schedule, the lease."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from digests import runner
from handlers.context import Actor
from models.digest import acquire_lease, claim_run
from tests.digest_fixtures import digest_app, digest_herald, pacing, posts, runs, slack, subscribe  # noqa: F401
from tests.fakes.http import Answer
from tests.digest_fixtures import add_items

MONDAY_0800 = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)  # 08:00 in London (GMT)


def test_weekly_digest_posts_once_however_often_the_jobs_fire(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    clock.set(MONDAY_0800 + timedelta(seconds=30))
    runner.run_subscription(digest_herald, sub, "clock:a")
    runner.run_subscription(digest_herald, sub, "clock:b")
    runner.sweep(digest_herald, "clock:a")
    clock.advance(hours=1)
    runner.sweep(digest_herald, "clock:b")
    assert len(posts(slack, "CLEADERS")) == 1
    (run,) = runs(digest_herald, sub)
    assert (run.period_key, run.status, run.late, run.delivered_parts) == ("2026-W48", "sent", False, 2)
    assert run.sent_at == MONDAY_0800 + timedelta(seconds=30)
    text = str(posts(slack)[0]["blocks"])
    assert "Weekly round-up: 16 Nov – 22 Nov 2026" in text


def test_claimed_but_unconfirmed_run_is_sent_after_a_restart(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    clock.set(MONDAY_0800)
    with digest_herald.session() as session:  # a clock claimed it, then died before posting
        claim_run(session, sub, "2026-W48", MONDAY_0800, "clock:dead:1:abc", clock.now(), late=False)
    clock.advance(minutes=2)
    runner.sweep(digest_herald, "clock:new")
    runner.sweep(digest_herald, "clock:new")
    assert len(posts(slack)) == 1
    assert runs(digest_herald, sub)[0].status == "sent"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_period_missed_while_down_is_sent_late_within_grace_and_missed_after(digest_herald, slack, clock):
    weekly = subscribe(digest_herald)
    daily = subscribe(digest_herald, "daily", destination="CCOMMS")
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=timezone.utc))  # down all day; grace is 12 h
    runner.sweep(digest_herald, "clock:a")
    weekly_run, = runs(digest_herald, weekly)
    assert (weekly_run.status, weekly_run.late) == ("sent", True)
    assert "Sent late" in str(posts(slack, "CLEADERS")[0]["blocks"])
    daily_runs = {r.period_key: r for r in runs(digest_herald, daily)}
    assert daily_runs["2026-11-23"].status == "sent" and daily_runs["2026-11-23"].late
    # Fridays before were long past their grace: recorded as missed, never posted.
    assert daily_runs["2026-11-20"].status == "missed"
    assert len(posts(slack, "CCOMMS")) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_failed_delivery_is_retried_with_backoff_then_reported(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    failing = Answer(200, {"ok": False, "error": "channel_not_found"})
    slack.server.script("/api/chat.postMessage", lambda rec: failing if
                        slack.payload(rec).get("channel") == "CLEADERS" else
                        Answer(200, {"ok": True, "ts": "1.1", "channel": "CADMIN"}))
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert (run.status, run.attempts, run.next_attempt_at) == ("failed", 1, MONDAY_0800 + timedelta(minutes=1))
    assert "channel_not_found" in run.last_error
    runner.sweep(digest_herald, "clock:a")  # not yet time to retry
    assert runs(digest_herald, sub)[0].attempts == 1
    for _ in range(6):
        clock.advance(hours=2)
        runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert (run.status, run.attempts, run.next_attempt_at) == ("failed", 5, None)
    admin = posts(slack, "CADMIN")
    assert len(admin) == 1 and "Gave up" in str(admin[0]["blocks"])
    listing, _ = digest_herald.run_command("digest list", Actor.cli())
    assert "failed" in str(listing) and "channel_not_found" in str(listing) and "gave up" in str(listing)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_multi_part_digest_resumes_after_the_last_delivered_part(digest_herald, slack, clock):
    sub = subscribe(digest_herald, "daily", created=datetime(2026, 11, 23, 8, tzinfo=timezone.utc))
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    with digest_herald.session() as session:
        add_items(session, 60, datetime(2026, 11, 21, 9, tzinfo=timezone.utc), hours=40)
    ok = Answer(200, {"ok": True, "ts": "1.1", "channel": "CLEADERS"})
    refused = Answer(500, {"ok": False})  # three times: the first try and slack-sdk's two retries
    slack.server.script("/api/chat.postMessage", ok, refused, refused, refused, ok)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert run.status == "failed" and run.delivered_parts == 1
    clock.advance(minutes=2)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert run.status == "sent" and run.delivered_parts >= 2
    delivered = [p for p in posts(slack)]
    titles = [p["blocks"][0]["text"]["text"] if isinstance(p["blocks"], list) else p["blocks"] for p in delivered]
    assert len(titles) == run.delivered_parts + 3  # part 2 refused three times, then sent once on resume
    assert sum("(1/" in t for t in titles) == 0 and sum("(2/" in t for t in titles) == 4


def test_digest_send_racing_the_schedule_posts_once(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    clock.set(MONDAY_0800 + timedelta(seconds=5))
    reply, _ = digest_herald.run_command("digest send weekly", Actor.cli())
    assert "queued" in str(reply)
    reply, _ = digest_herald.run_command("digest send weekly", Actor.cli())
    assert "already claimed" in str(reply)
    runner.run_subscription(digest_herald, sub, "clock:a")
    runner.sweep(digest_herald, "clock:a")
    assert len(posts(slack)) == 1 and runs(digest_herald, sub)[0].status == "sent"
    user = Actor(user_id="U2", platform="slack")
    reply, _ = digest_herald.run_command("digest send weekly", user)
    assert reply.is_error and "admins" in str(reply)


def test_lease_has_one_holder_and_is_taken_over_when_it_lapses(digest_herald, clock):
    with digest_herald.session() as session:
        assert acquire_lease(session, "clock", "clock:a", clock.now(), 60)
    with digest_herald.session() as session:
        assert not acquire_lease(session, "clock", "clock:b", clock.now(), 60)
        assert acquire_lease(session, "clock", "clock:a", clock.now() + timedelta(seconds=30), 60)
    with digest_herald.session() as session:
        assert not acquire_lease(session, "clock", "clock:b", clock.now() + timedelta(seconds=89), 60)
        assert acquire_lease(session, "clock", "clock:b", clock.now() + timedelta(seconds=91), 60)
    with digest_herald.session() as session:
        assert not acquire_lease(session, "clock", "clock:a", clock.now() + timedelta(seconds=92), 60)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_editor_approval_drops_adds_and_then_sends(digest_herald, slack, clock):
    sub = subscribe(digest_herald, approval_destination="CCOMMS", approval_deadline_minutes=60,
                    on_unapproved="hold")
    with digest_herald.session() as session:
        add_items(session, 6, datetime(2026, 11, 17, 9, tzinfo=timezone.utc), hours=48)
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert run.status == "draft" and posts(slack, "CLEADERS") == []
    draft_text = str(posts(slack, "CCOMMS")[0]["blocks"])
    assert "DRAFT: Weekly round-up" in draft_text and "[1] " in draft_text
    admin = Actor.cli()
    reply, _ = digest_herald.run_command(f"digest drop {run.id} 1", admin)
    assert not reply.is_error
    reply, _ = digest_herald.run_command(f'digest add {run.id} "Great week for the Board chair"', admin)
    assert not reply.is_error
    reply, _ = digest_herald.run_command(f"digest drop {run.id} 99", admin)
    assert reply.is_error and "no item 99" in str(reply)
    digest_herald.run_command(f"digest approve {run.id}", admin)
    runner.sweep(digest_herald, "clock:a")
    sent = str(posts(slack, "CLEADERS")[0]["blocks"])
    assert "Great week for the Board chair" in sent and "DRAFT" not in sent
    assert runs(digest_herald, sub)[0].status == "sent"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # backend-independent
def test_unapproved_draft_is_held_or_sent_at_its_deadline(digest_herald, slack, clock):
    held = subscribe(digest_herald, approval_destination="CCOMMS", approval_deadline_minutes=30,
                     on_unapproved="hold")
    sent = subscribe(digest_herald, destination="CLEADERS2", approval_destination="CCOMMS",
                     approval_deadline_minutes=30, on_unapproved="send")
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    clock.advance(minutes=31)
    runner.sweep(digest_herald, "clock:a")
    assert runs(digest_herald, held)[0].status == "held"
    assert runs(digest_herald, sent)[0].status == "sent"
    assert len(posts(slack, "CLEADERS")) == 0 and len(posts(slack, "CLEADERS2")) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_weekly_chart_is_uploaded_to_slack_after_the_message(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert (run.status, run.delivered_parts) == ("sent", 2)
    (upload,) = slack.uploads()
    assert upload.startswith(b"\x89PNG")
    (complete,) = slack.calls("files.completeUploadExternal")
    assert complete["channel_id"] == "CLEADERS" and "Coverage by day" in str(complete)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_run_pending_retry_is_held_once_its_subscription_is_stopped(digest_herald, slack, clock):
    sub = subscribe(digest_herald)
    clock.set(MONDAY_0800)
    with digest_herald.session() as session:
        claim_run(session, sub, "2026-W48", MONDAY_0800, "clock:dead:1:abc", clock.now(), late=False)
    digest_herald.run_command(f"digest unsubscribe {sub}", Actor.cli())
    runner.sweep(digest_herald, "clock:new")
    assert posts(slack) == [] and runs(digest_herald, sub)[0].status == "held"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_chart_slack_will_not_take_does_not_hold_the_digest_back(digest_herald, slack, clock):
    sub = subscribe(digest_herald, destination="#leaders")
    slack.server.script("/api/files.getUploadURLExternal", Answer(200, {"ok": False, "error": "channel_not_found"}))
    clock.set(MONDAY_0800)
    runner.sweep(digest_herald, "clock:a")
    run, = runs(digest_herald, sub)
    assert (run.status, run.delivered_parts) == ("sent", 2) and len(posts(slack, "leaders")) == 1
    assert run.last_error == "chart not uploaded: Slack refused the message (channel_not_found)"
    listing, _ = digest_herald.run_command("digest list", Actor.cli())
    assert "sent · Mon 23 Nov 08:00 · chart not uploaded" in str(listing)


def test_a_section_longer_than_a_slack_message_is_continued_not_cut():
    from bot.delivery import split_reply
    from bot.slack.blocks import render_blocks
    from handlers.reply import Item, Reply, Section
    items = tuple(Item(title=f"Story {n}") for n in range(100))
    reply = Reply(title="Daily coverage", sections=(Section(heading="LGC (100)", items=items),), context=("end",))
    parts = split_reply(reply, "slack")
    assert len(parts) == 3 and all(len(render_blocks(p)) <= 50 for p in parts)
    titles = [item.title for part in parts for section in part.sections for item in section.items]
    assert titles == [f"Story {n}" for n in range(100)]
    assert parts[1].sections[0].heading == "LGC (100) (continued)" and parts[-1].context == ("end",)
