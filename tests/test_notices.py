"""Notices, the one scheduler of reminders and once-per-event alerts: each reaches its recipient
exactly once, whoever schedules it how often, whoever sends it, and across a crash mid-send.

Real parts: the loopback fake of Slack's Web API (DMs open through conversations.open), a loopback
Teams Workflows server, both databases, an injected clock.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from digests import notices as sender
from digests.notice_kinds import COMPOSERS
from handlers.reply import Reply, Section
from models.notices import (Notice, Recipient, cancel_notices, notices_of, owner_recipient, schedule_notice,
                            team_recipients)
from tests.digest_fixtures import digest_app, digest_herald, pacing, slack  # noqa: F401
from tests.fakes.http import Answer, FakeServer

NOON = datetime(2026, 3, 27, 12, 0, tzinfo=timezone.utc)
OWNER = Recipient("slack", "U7")


WORDS: dict[str, str] = {}  # what the test kind's composer says, by notice key


@pytest.fixture(autouse=True)
def _test_kind(monkeypatch):
    """A notice kind for these tests: its composer says the words the test scheduled it with."""
    WORDS.clear()
    monkeypatch.setitem(COMPOSERS, "test", lambda session, notice, now, settings: Reply(
        title="Reminder", sections=(Section(text=WORDS[notice.key]),), visibility="channel"))


def _schedule(herald, key="enquiry:1:before", due=NOON, to=OWNER, kind="test", subject=1, text="Deadline soon"):
    WORDS[key] = text
    with herald.session() as session:
        return schedule_notice(session, key=key, kind=kind, subject_id=subject, to=to, due_at=due,
                               now=herald.clock.now())


def _dm_posts(slack, user="U7") -> list[dict]:
    return [c for c in slack.calls("chat.postMessage") if c["channel"] == f"D{user}"]


def _words(post: dict) -> str:
    return post["text"] + " " + str(post.get("blocks"))


def _notices(herald) -> list[Notice]:
    with herald.reading() as session:
        return list(session.query(Notice).order_by(Notice.id))


def test_a_reminder_reaches_its_owner_once_when_due_and_not_before(digest_herald, slack, clock):
    clock.set(NOON - timedelta(hours=2))
    assert _schedule(digest_herald) is True
    assert _schedule(digest_herald) is False  # the same event scheduled again: still one notice
    clock.set(NOON - timedelta(seconds=1))
    assert sender.send_due_notices(digest_herald, "clock:a") == 0 and not slack.calls("chat.postMessage")
    clock.set(NOON)
    assert sender.send_due_notices(digest_herald, "clock:a") == 1
    assert sender.send_due_notices(digest_herald, "clock:a") == 0
    clock.advance(hours=3)
    assert sender.send_due_notices(digest_herald, "clock:b") == 0
    (post,) = _dm_posts(slack)
    assert "Deadline soon" in _words(post)
    (notice,) = _notices(digest_herald)
    assert (notice.status, notice.attempts, notice.sent_at) == ("sent", 1, NOON)


def test_two_senders_at_once_post_it_once(digest_herald, slack, clock):
    clock.set(NOON)
    for n in range(6):
        _schedule(digest_herald, key=f"alert:{n}", text=f"alert {n}")
    barrier = threading.Barrier(2)

    def send(holder: str) -> None:
        barrier.wait()
        sender.send_due_notices(digest_herald, holder)

    threads = [threading.Thread(target=send, args=(h,)) for h in ("cli:a", "cli:b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    texts = sorted(_words(p) for p in _dm_posts(slack))
    assert len(texts) == 6 and len(set(texts)) == 6
    assert {n.status for n in _notices(digest_herald)} == {"sent"}


def test_a_post_slack_took_before_a_crash_is_not_posted_again(digest_herald, slack, clock):
    clock.set(NOON)
    _schedule(digest_herald)
    sender.send_due_notices(digest_herald, "clock:a")
    with digest_herald.session() as session:  # as a clock killed after Slack took the post leaves it
        notice = session.query(Notice).one()
        notice.status, notice.claimed_by, notice.sent_at = "sending", "clock:dead", None
    clock.advance(minutes=1)
    assert sender.send_due_notices(digest_herald, "clock:b") == 1
    assert len(_dm_posts(slack)) == 1  # found in the DM's history by its marks
    (notice,) = _notices(digest_herald)
    assert (notice.status, notice.attempts) == ("sent", 2)
    assert slack.calls("chat.postMessage")[0]["metadata"]["event_payload"]["delivery"] == f"notice:{notice.id}"


def test_a_cancelled_notice_and_one_no_longer_warranted_are_not_sent(digest_herald, slack, clock, monkeypatch):
    clock.set(NOON)
    _schedule(digest_herald, key="enquiry:1:before", subject=1)
    _schedule(digest_herald, key="enquiry:2:before", subject=2, kind="closing")
    with digest_herald.session() as session:
        assert cancel_notices(session, kind="test", subject_id=1, now=NOON) == 1
    monkeypatch.setitem(COMPOSERS, "closing", lambda session, notice, now, settings: None)  # the enquiry closed
    assert sender.send_due_notices(digest_herald, "clock:a") == 0
    assert not slack.calls("chat.postMessage")
    assert [n.status for n in _notices(digest_herald)] == ["cancelled", "cancelled"]


def test_a_composer_says_what_is_true_when_the_notice_falls_due(digest_herald, slack, clock, monkeypatch):
    said = []

    def compose(session, notice, now, settings):
        said.append(now)
        return Reply(title=f"Due at {notice.due_at:%H:%M}, sent {now:%H:%M}", visibility="channel")

    monkeypatch.setitem(COMPOSERS, "composed", compose)
    clock.set(NOON - timedelta(hours=1))
    _schedule(digest_herald, kind="composed")
    clock.set(NOON + timedelta(minutes=2))
    sender.send_due_notices(digest_herald, "clock:a")
    (post,) = _dm_posts(slack)
    assert "Due at 12:00, sent 12:02" in _words(post) and said == [NOON + timedelta(minutes=2)]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_failures_retry_with_backoff_then_the_admins_are_told(digest_herald, slack, clock):
    clock.set(NOON)
    _schedule(digest_herald)
    refused = Answer(200, {"ok": False, "error": "channel_not_found"})
    slack.server.script("/api/chat.postMessage", *[refused] * 5, Answer(200, {"ok": True, "ts": "1.1"}))
    for minutes in (0, 1, 5, 15, 60):
        clock.advance(minutes=minutes)
        sender.send_due_notices(digest_herald, "clock:a")
    (notice,) = _notices(digest_herald)
    assert (notice.status, notice.attempts) == ("gave_up", 5) and "channel_not_found" in notice.last_error
    told = [c for c in slack.calls("chat.postMessage") if c["channel"] == "CADMIN"]
    assert len(told) == 1 and "Gave up" in _words(told[0])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_team_channels_are_slack_and_teams_workflows(make_app, database_url, slack, clock):
    with FakeServer(default=lambda rec: Answer(202, "")) as teams:
        url = f"{teams.url}/workflows/team/invoke?sig=SECRET"
        app = make_app(database_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                       HERALD_TEAM_CHANNEL="#CTEAM", HERALD_TEAM_WORKFLOWS_URL=url, HERALD_ALLOW_PRIVATE_FEEDS=True)
        herald = app.extensions["herald"]
        clock.set(NOON)
        recipients = team_recipients(herald.settings)
        assert recipients == [Recipient("slack", "CTEAM"), Recipient("teams", "workflows")]
        for to in recipients:
            _schedule(herald, key=f"spotlight:thurrock:{to.platform}", to=to, text="Thurrock in the spotlight")
        assert sender.send_due_notices(herald, "clock:a") == 2
        (card,) = teams.received("/workflows/team/invoke")
    assert "Thurrock in the spotlight" in str(card.json())
    assert [p["channel"] for p in slack.calls("chat.postMessage")] == ["CTEAM"]
    with herald.reading() as session:
        assert all("SECRET" not in (n.address + (n.last_error or "")) for n in session.query(Notice))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_who_can_be_sent_a_direct_message(digest_herald):
    settings = digest_herald.settings
    assert owner_recipient(settings, "slack", "U7") == Recipient("slack", "U7")
    assert owner_recipient(settings, "slack", "#general") is None
    assert owner_recipient(settings, "teams", "29:1") is None  # callers fall back to the team channel


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_subjects_notices_are_listed_soonest_first(digest_herald, clock):
    clock.set(NOON - timedelta(hours=3))
    _schedule(digest_herald, key="e:1:at", due=NOON)
    _schedule(digest_herald, key="e:1:before", due=NOON - timedelta(hours=1))
    with digest_herald.reading() as session:
        assert [n.key for n in notices_of(session, "test", 1)] == ["e:1:before", "e:1:at"]


def test_a_clock_stalled_past_its_lease_posts_nothing_after_its_successor(make_app, database_url, digest_herald,
                                                                          slack, clock):
    from models.digest import acquire_lease
    from tests.test_digest_stalled_claim import StallingPacer

    clock.set(NOON)
    _schedule(digest_herald, to=Recipient("slack", "CTEAM"), text="Thurrock in the spotlight")
    with digest_herald.session() as session:
        assert acquire_lease(session, "clock", "clock:a", clock.now(), 2)
    pacer = StallingPacer()
    pacer.book("CTEAM")  # clock A's post to the team channel will stall in the pacing wait
    herald_a = make_app(database_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                        HERALD_CLOCK_LEASE_SECONDS=2, PACER=pacer).extensions["herald"]
    stalled = threading.Thread(target=sender.send_due_notices, args=(herald_a, "clock:a"), daemon=True)
    stalled.start()
    assert pacer.stalled.wait(30), "clock A never reached its post"

    clock.advance(seconds=5)  # A's lease lapsed while it stalled; B takes the lease, then the notice
    with digest_herald.session() as session:
        assert acquire_lease(session, "clock", "clock:b", clock.now(), 60)
    assert sender.send_due_notices(digest_herald, "clock:b") == 1
    pacer.gate.set()
    stalled.join(timeout=30)
    assert not stalled.is_alive()
    assert [p["channel"] for p in slack.calls("chat.postMessage")] == ["CTEAM"]
    (notice,) = _notices(digest_herald)
    assert (notice.status, notice.attempts, notice.claimed_by) == ("sent", 2, "clock:b")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_composer_that_fails_is_retried_not_left_claimed(digest_herald, slack, clock, monkeypatch):
    calls = []

    def compose(session, notice, now, settings):
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("a bug in a composer")
        return Reply(title="Second time lucky", visibility="channel")

    monkeypatch.setitem(COMPOSERS, "flaky", compose)
    clock.set(NOON)
    _schedule(digest_herald, kind="flaky")
    assert sender.send_due_notices(digest_herald, "clock:a") == 0
    (notice,) = _notices(digest_herald)
    assert notice.status == "failed" and "internal error" in notice.last_error
    clock.advance(minutes=1)
    assert sender.send_due_notices(digest_herald, "clock:a") == 1  # the same clock retries it
    assert "Second time lucky" in _words(_dm_posts(slack)[0])
