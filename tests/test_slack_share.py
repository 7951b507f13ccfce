""""Share in channel" over signed HTTP: an answer that only read is asked again when shared (so the
read itself writes nothing and never waits for SQLite's write lock); an answer to a command that
changed something is shared from the copy kept when it was answered; nothing else is ever posted."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from models.audit import AuditEntry
from models.db import make_engine
from models.inbound import Job
from tests.slack_helpers import audited_family, wait_until, with_families

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api


def _count(harness, table) -> int:
    with harness.herald.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def _share_value(ack: dict) -> str:
    return next(e["value"] for b in ack["blocks"] if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == "herald_share")


def _click_share(harness, value: str, user: str = "U1", n: int = 1, expect: bool = True) -> list[dict]:
    """Click "Share in channel" with `value`; what was posted back (waited for when `expect`)."""
    payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user, "name": "alex", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": "tr", "channel": {"id": "C1"},
               "response_url": f"{harness.api.server.url}/response/share-{n}",
               "container": {"type": "message", "is_ephemeral": True},
               "actions": [{"action_id": "herald_share", "block_id": "b", "value": value, "type": "button",
                            "action_ts": f"1795424400.{n}"}]}
    assert harness.interaction(payload).status_code == 200
    if expect:
        return wait_until(lambda: harness.responses(f"share-{n}"))
    harness.runtime.worker.drain()
    return harness.responses(f"share-{n}")


@pytest.fixture
def sunday_night(clock):
    """Sunday 29 November 2026, 23:50 in London: the last minutes of that week."""
    clock.set(datetime(2026, 11, 29, 23, 50, tzinfo=timezone.utc))
    return clock


def test_a_read_shared_next_morning_still_answers_the_week_it_was_asked_in(make_slack, database_url, sunday_night):
    harness = make_slack(database_url)
    ack = harness.command("/coverage", "this week", trigger="T-week").get_json()
    jobs = _count(harness, Job)
    sunday_night.advance(hours=10)  # Monday morning: "this week" would now be a new week
    harness.now = int(sunday_night.now().timestamp())
    shared, = _click_share(harness, _share_value(ack))
    assert shared["response_type"] == "in_channel"
    assert shared["blocks"][0] == ack["blocks"][0]  # the same title: the week of 23–29 November
    assert "Shared by alex" in json.dumps(shared["blocks"])
    assert _count(harness, Job) == jobs + 1  # the post's delivery job; no copy was ever kept


def test_a_read_answered_in_the_ack_never_waits_for_the_write_lock(make_slack, sqlite_url):
    """Another writer holds SQLite's write lock for the whole request: the read answers all the same."""
    harness = make_slack(sqlite_url)
    holder, locked, release = make_engine(sqlite_url), threading.Event(), threading.Event()

    def hold_the_lock():
        with holder.begin() as conn:  # Herald's engines begin IMMEDIATE: this takes the write lock
            conn.exec_driver_sql("SELECT 1")
            locked.set()
            release.wait(30)

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    try:
        assert locked.wait(10)
        ack = harness.command("/coverage", "this week", trigger="T-locked").get_json()
    finally:
        release.set()
        thread.join(30)
        holder.dispose()
    assert ack["blocks"][0]["type"] == "header" and _share_value(ack).startswith("ask|U1|")


def test_a_changes_private_answer_is_shared_from_its_kept_copy_and_not_run_again(make_slack, database_url):
    harness = make_slack(database_url)
    with_families(harness, audited_family())
    ack = harness.command("/note", "kept", trigger="T-note").get_json()
    value = _share_value(ack)
    assert value.isdigit() and _count(harness, AuditEntry) == 1
    shared, = _click_share(harness, value)
    assert shared["blocks"][0] == ack["blocks"][0] and _count(harness, AuditEntry) == 1


def test_a_share_button_herald_never_made_posts_nothing(make_slack, sqlite_url):
    harness = make_slack(sqlite_url)
    for n, value in enumerate(["", "zzz", "ask|U1|soon|coverage", "ask|U1|99999999999999999999|coverage",
                               "ask||1795424400|coverage", "ask|U1|1795424400|  ", "9" * 30], start=1):
        assert _click_share(harness, value, n=n, expect=False) == [], value
    assert harness.api.calls("chat.postMessage") == []


def test_someone_elses_read_is_not_asked_again_for_them_and_the_refusal_is_audited(make_slack, sqlite_url):
    harness = make_slack(sqlite_url)
    ack = harness.command("/coverage", "this week", user="U7", trigger="T-u7").get_json()
    assert _click_share(harness, _share_value(ack), user="U1", expect=False) == []
    with harness.herald.session() as s:
        refusal = s.scalars(select(AuditEntry)).one()
    assert refusal.action == "answer.share" and refusal.actor == "U1"


def test_a_share_value_naming_a_command_that_writes_runs_nothing_and_says_so(make_slack, sqlite_url):
    harness = make_slack(sqlite_url)
    with_families(harness, audited_family())
    told, = _click_share(harness, "ask|U1|1795424400|note sneaked in")
    assert "can no longer be shared" in json.dumps(told) and told.get("response_type") != "in_channel"
    assert _count(harness, AuditEntry) == 0


def test_a_long_read_that_cannot_ride_in_the_button_is_kept_as_a_copy(make_slack, sqlite_url):
    harness = make_slack(sqlite_url)
    words = '"' + " ".join(f"word{i}" for i in range(300)) + '"'  # longer than a button's 2,000 characters
    ack = harness.command("/coverage", f"this week {words}", trigger="T-long").get_json()
    value = _share_value(ack)
    assert value.isdigit()
    shared, = _click_share(harness, value)
    assert shared["blocks"][0] == ack["blocks"][0]


def test_share_is_still_offered_after_the_clock_changes(make_slack, sqlite_url, clock):
    """Asked in BST, shared after the clocks went back: the week is London's week either way."""
    clock.set(datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc))  # 01:30 BST, Sunday 25 October
    harness = make_slack(sqlite_url)
    ack = harness.command("/coverage", "this week", trigger="T-bst").get_json()
    clock.advance(hours=2)  # 01:30 GMT, after the change
    harness.now = int(clock.now().timestamp())
    shared, = _click_share(harness, _share_value(ack))
    assert shared["blocks"][0] == ack["blocks"][0]
