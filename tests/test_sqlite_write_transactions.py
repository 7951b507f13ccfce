"""Write transactions take SQLite's write lock when they begin; reading transactions take none.

A transaction that reads and then writes must upgrade its snapshot to the write lock, and SQLite
refuses that at once (no busy timeout helps) if another connection committed in between. On the old
design, where every transaction began deferred, the four-process webhook test got 503 for most posts.
"""
from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, insert, select

from handlers.context import Actor
from models.coverage import CoverageItem
from models.db import WriteWhileReading, make_engine
from models.inbound import ReceivedEvent

TOKEN = "hook-secret-123"
pytest_plugins = ("tests.press_fixtures",)  # demo_herald: Herald on a fresh demo database (SQLite)


def _count(herald, table) -> int:
    with herald.reading() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_a_transaction_that_reads_then_writes_waits_its_turn_instead_of_failing(make_app, sqlite_url):
    """A reads, B commits a write meanwhile, then A writes: both succeed, one after the other."""
    herald = make_app(sqlite_url).extensions["herald"]
    other = make_engine(sqlite_url)  # another process's connection pool
    a_has_read, errors = threading.Event(), []

    def a() -> None:
        try:
            with herald.session() as session:
                session.scalar(select(func.count()).select_from(ReceivedEvent))
                a_has_read.set()
                threading.Event().wait(0.3)  # B tries to write now
                session.add(ReceivedEvent(platform="test", key="a", received_at=herald.clock.now()))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    def b() -> None:
        a_has_read.wait(10)
        try:
            with other.begin() as conn:
                conn.execute(insert(ReceivedEvent).values(platform="test", key="b", received_at=herald.clock.now()))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    [t.start() for t in threads]
    [t.join(30) for t in threads]
    other.dispose()
    assert errors == [] and _count(herald, ReceivedEvent) == 2


def test_a_reading_transaction_refuses_to_write_and_keeps_nothing(make_app, database_url):
    herald = make_app(database_url).extensions["herald"]
    with pytest.raises(WriteWhileReading):
        with herald.reading() as session:
            session.add(ReceivedEvent(platform="test", key="sneaky", received_at=herald.clock.now()))
            session.flush()
    with pytest.raises(WriteWhileReading):
        with herald.reading() as session:
            session.execute(insert(ReceivedEvent).values(platform="test", key="core", received_at=herald.clock.now()))
    assert _count(herald, ReceivedEvent) == 0


def test_a_reading_transaction_neither_waits_for_nor_blocks_a_writer(make_app, sqlite_url):
    herald = make_app(sqlite_url).extensions["herald"]
    writer = make_engine(sqlite_url + "?timeout=0.5")  # gives up after half a second
    try:
        with herald.reading() as session:
            before = session.scalar(select(func.count()).select_from(ReceivedEvent))
            with writer.begin() as conn:
                conn.execute(insert(ReceivedEvent).values(platform="test", key="w", received_at=herald.clock.now()))
            during = session.scalar(select(func.count()).select_from(ReceivedEvent))
    finally:
        writer.dispose()
    assert before == during == 0 and _count(herald, ReceivedEvent) == 1  # one snapshot, then the new row


@pytest.mark.parametrize("command", [
    "coverage this week", "coverage last month negative", "council Thurrock", "programme", "programme LG Inform",
    "peer-challenge Thurrock", "peer-challenge stats", "peer-challenge due", "press", "press list this month",
    "campaign list", "campaign Be a Councillor", "digest list", "digest preview weekly", "digest preview daily",
    "digest board Q1 2023/24", "feeds list", "help", "nonsense words", "how did Thurrock do in the press last month?"])
def test_commands_said_to_read_run_on_a_snapshot_without_writing(demo_herald, command):
    from handlers.router import only_reads
    assert only_reads(command)
    reply, _ctx = demo_herald.run_command(command, Actor.cli())  # WriteWhileReading would be a 500-style apology
    assert "Sorry, something went wrong" not in reply.title


@pytest.mark.parametrize("command", [
    "coverage log https://example.org/x", "coverage tone 1 negative", "coverage alert add negative",
    "programme update \"LG Inform\" amber \"x\"", "peer-challenge update Thurrock stage:report",
    "peer challenge update Thurrock", "press log \"press release\" \"x\"", "press edit 1 title:x",
    "campaign activity add \"x\" \"y\"", "campaign metric \"x\" views 3", "digest subscribe weekly",
    "digest approve 1", "feeds add https://example.org/feed", "feeds remove 1"])
def test_commands_that_change_things_are_never_said_to_read(command):
    from handlers.router import only_reads
    assert not only_reads(command)


def test_what_only_reads_and_what_the_access_policy_guards_never_disagree():
    """The families' `reads` (which commands may run on a snapshot) and the policy's table (which
    commands change state) are two views of one fact: a read needs no permission, a change does."""
    from handlers.router import only_reads
    from models.access import READS, RULES
    assert [phrase for phrase in sorted(READS) if not only_reads(phrase)] == []
    assert [c for rule in RULES.values() for c in rule.commands if only_reads(c)] == []


def _post_batches(app, client_no: int, posts: int, statuses: list) -> None:
    client = app.test_client()
    for n in range(posts):
        items = [{"url": f"https://example.org/{client_no}/{n}/{k}", "title": f"Story {client_no} {n} {k}",
                  "outlet": "LGC"} for k in range(5)]
        response = client.post("/webhooks/coverage", data=json.dumps({"items": items}),
                               headers={"Authorization": f"Bearer {TOKEN}"}, content_type="application/json")
        statuses.append(response.status_code)


def test_four_processes_posting_coverage_at_once_lose_nothing(make_app, sqlite_url):
    """Four apps with their own connection pools (as gunicorn's workers have) on one SQLite file."""
    apps = [make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN) for _ in range(4)]
    statuses: list[int] = []
    threads = [threading.Thread(target=_post_batches, args=(app, n, 10, statuses)) for n, app in enumerate(apps)]
    [t.start() for t in threads]
    [t.join(120) for t in threads]
    assert statuses == [200] * 40
    assert _count(apps[0].extensions["herald"], CoverageItem) == 200


def test_a_writer_that_waits_past_the_busy_timeout_is_told_busy_with_retry_after(make_app, sqlite_url):
    app = make_app(sqlite_url + "?timeout=0.2", HERALD_WEBHOOK_TOKEN=TOKEN)
    holder = make_engine(sqlite_url)
    with holder.connect() as held:
        held.exec_driver_sql("SELECT 1")  # begins IMMEDIATE: the write lock is held until rollback
        response = app.test_client().post(
            "/webhooks/coverage", data=json.dumps({"url": "https://example.org/busy", "title": "Busy"}),
            headers={"Authorization": f"Bearer {TOKEN}"}, content_type="application/json")
        held.rollback()
    holder.dispose()
    body = response.get_json()
    assert response.status_code == 503 and body["error"] == "database_busy" and "busy" in body["reason"]
    assert response.headers["Retry-After"] == "5" and "not reachable" not in body["reason"]
    assert _count(app.extensions["herald"], CoverageItem) == 0
