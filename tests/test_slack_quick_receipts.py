"""A command that may write keeps its receipt in its own transaction, so a repeat's work is undone; a
command that only reads (quick or slow) keeps none and holds no write lock while it reads (SQLite has
one for the whole database)."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone

from sqlalchemy import func, insert, select

from handlers.family import Family
from handlers.reply import Reply
from models.audit import AuditEntry
from models.db import make_engine
from models.inbound import ReceivedEvent
from tests.slack_helpers import audited_family, wait_until, with_families

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api


def _count(harness, table) -> int:
    with harness.herald.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def _deliver_together(harness, command: str, text: str, times: int) -> list:
    """The same slash command (one trigger id) delivered `times` times at once; their responses."""
    start, responses = threading.Barrier(times), []

    def deliver():
        start.wait()
        responses.append(harness.command(command, text, trigger="T-repeat"))

    threads = [threading.Thread(target=deliver) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return responses


def test_concurrent_repeats_of_a_quick_command_do_its_work_once_and_answer_once(make_slack, database_url):
    harness = make_slack(database_url)
    with_families(harness, audited_family())
    responses = _deliver_together(harness, "/note", "repeat", 4)
    assert [r.status_code for r in responses] == [200] * 4
    answered = [r.get_data(as_text=True) for r in responses if r.get_data()]
    assert len(answered) == 1 and "Noted: repeat" in answered[0]
    assert _count(harness, AuditEntry) == 1 and _count(harness, ReceivedEvent) == 1


def _keyed_family(both_inside: threading.Barrier) -> Family:
    """A command whose write has a natural key, so a second run collides with the first's row."""
    def handle(rest: str, ctx) -> Reply:
        both_inside.wait(10)
        ctx.session.add(ReceivedEvent(platform="test", key=rest, received_at=ctx.now()))
        ctx.session.flush()
        return Reply(title=f"Kept {rest}")

    return Family(name="keep", summary="test", usage="/keep <key>", examples=("/keep a",), handle=handle)


def test_a_repeat_that_collides_with_the_first_deliverys_write_is_silent_not_an_error(make_slack, database_url):
    harness = make_slack(database_url)
    with_families(harness, _keyed_family(threading.Barrier(2)))
    responses = _deliver_together(harness, "/keep", "k1", 2)
    bodies = sorted(r.get_data(as_text=True) for r in responses)
    assert [r.status_code for r in responses] == [200, 200]
    assert bodies[0] == "" and "Kept k1" in bodies[1] and "Sorry" not in "".join(bodies)


def _reading_family(name: str, reading: threading.Event, finish: threading.Event, slow: bool = False) -> Family:
    """A command that only reads and holds its snapshot open until the test lets it finish."""
    def handle(rest: str, ctx) -> Reply:
        reading.set()
        finish.wait(10)
        return Reply(title=f"Read by {name}")

    return Family(name=name, summary="t", usage=f"/{name}", examples=(f"/{name}",), handle=handle, slow=slow,
                  reads=lambda rest: True)


def _write_meanwhile(sqlite_url: str) -> None:
    """A webhook or a feed poll writing while the command reads: gives up after 1 s if the lock is held."""
    writer = make_engine(sqlite_url + "?timeout=1")
    try:
        with writer.begin() as connection:
            connection.execute(insert(ReceivedEvent).values(platform="test", key="meanwhile",
                                                            received_at=datetime.now(timezone.utc)))
    finally:
        writer.dispose()


def test_a_command_still_reading_leaves_sqlite_free_for_other_writers(make_slack, sqlite_url):
    reading, finish = threading.Event(), threading.Event()
    harness = make_slack(sqlite_url)
    with_families(harness, _reading_family("read", reading, finish))
    command = threading.Thread(target=lambda: harness.command("/read", trigger="T-read"))
    command.start()
    assert reading.wait(10)
    try:
        _write_meanwhile(sqlite_url)
    finally:
        finish.set()
        command.join(30)
    assert _count(harness, ReceivedEvent) == 1  # the writer's row: a command that only reads keeps no receipt


def test_a_slow_command_that_only_reads_leaves_sqlite_free_for_other_writers(make_slack, sqlite_url):
    """A job's command that only reads runs on a snapshot; only its answer is kept under the lock."""
    reading, finish = threading.Event(), threading.Event()
    harness = make_slack(sqlite_url)
    with_families(harness, _reading_family("slowread", reading, finish, slow=True))
    assert harness.command("/slowread", trigger="T-slowread").get_json()["text"] == "Working on it…"
    assert reading.wait(10)
    try:
        _write_meanwhile(sqlite_url)
    finally:
        finish.set()
    answer = wait_until(lambda: harness.responses("T-slowread"))[0]
    assert "Read by slowread" in json.dumps(answer)
