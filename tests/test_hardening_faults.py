"""Faults: the database going away mid-request, and Slack answering 429 and 500.

The database is a real PostgreSQL database made unreachable (connections refused, live ones
terminated) while a webhook post or a signed Slack command arrives; Slack is a loopback fake.
The bar: the person or tool gets a clear answer (503 with a reason, or a short apology), nothing
is half-written, and the same request succeeds once the database is back.
"""
from __future__ import annotations

import json
import logging
import re
import socket

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError

from bot.slack.blocks import SlackMessage
from bot.slack.delivery import Target
from bot.slack.jobs import MAX_ATTEMPTS, ReplyJob, enqueue
from bot.slack.post import Pacer, make_web_client, post_messages, respond
from config import Settings
from handlers.family import Family
from handlers.reply import Reply
from models.audit import AuditEntry, record_audit
from models.campaign import CampaignMetric
from models.coverage import CoverageItem
from models.db import database_unavailable, make_engine
from models.inbound import Job, ReceivedEvent
from tests.fakes.http import Answer
from tests.harden_fixtures import outage_db  # noqa: F401 - fixture
from tests.slack_helpers import audited_family, wait_until, with_families

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures

TOKEN = "faults-webhook-token-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _count(herald, model) -> int:
    with herald.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _item(n: int) -> dict:
    return {"url": f"https://www.lgcplus.com/news/outage-{n}", "title": f"Outage story {n}", "outlet": "LGC"}


def _assert_unavailable(response) -> None:
    assert response.status_code == 503, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"] == "database_unavailable" and "database" in body["reason"]
    assert response.headers["Retry-After"]
    assert "Traceback" not in response.get_data(as_text=True)


def test_webhook_posts_get_503_while_the_database_is_away_and_succeed_when_it_returns(make_app, outage_db):
    url, outage = outage_db
    flask_app = make_app(url, HERALD_WEBHOOK_TOKEN=TOKEN)
    client = flask_app.test_client()
    assert client.post("/webhooks/coverage", json=_item(1), headers=AUTH).status_code == 200

    outage.begin()
    _assert_unavailable(client.post("/webhooks/coverage", json={"items": [_item(2), _item(3)]}, headers=AUTH))
    metric = {"campaign": "Be a Councillor", "metric": "page_views", "value": 10, "date": "2026-11-20"}
    _assert_unavailable(client.post("/webhooks/campaign-metrics", json=metric, headers=AUTH))
    outage.end()

    answer = client.post("/webhooks/coverage", json={"items": [_item(2), _item(3)]}, headers=AUTH)
    assert answer.status_code == 200 and answer.get_json()["created"] == 2  # the retry stores what the 503 did not
    assert _count(flask_app.extensions["herald"], CoverageItem) == 3
    assert _count(flask_app.extensions["herald"], CampaignMetric) == 0


@pytest.mark.parametrize("command, text", [("/coverage", "log https://www.themj.co.uk/outage MJ neutral"),
                                           ("/report", "quarterly")], ids=["quick", "slow"])
def test_a_slack_command_while_the_database_is_away_gets_an_apology_then_works(outage_db, make_slack, command, text):
    """Quick commands answer in the acknowledgement; slow ones are first recorded as a job: either
    way the person is told, within Slack's 3 seconds, and can simply try again."""
    url, outage = outage_db
    harness = make_slack(url)
    with_families(harness, audited_family("report", slow=True))
    outage.begin()
    response = harness.command(command, text, trigger="T-outage")
    outage.end()
    assert response.status_code == 200
    said = json.dumps(response.get_json())  # the fallback text and the blocks the person reads
    assert "database" in said and "try again" in said and "Traceback" not in said
    assert _count(harness.herald, ReceivedEvent) == 0 and _count(harness.herald, Job) == 0

    again = harness.command(command, text, trigger="T-outage")  # Slack's retry, or the person's
    assert again.status_code == 200 and "database" not in str(again.get_json())
    wait_until(lambda: _count(harness.herald, AuditEntry) == 1)  # a slow command is finished by the worker


def test_a_mention_while_the_database_is_away_is_refused_so_slack_delivers_it_again(outage_db, make_slack,
                                                                                    slack_api):
    url, outage = outage_db
    harness = make_slack(url)
    mention = {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.0", "text": "<@UHERALD> help"}
    outage.begin()
    refused = harness.event(mention, event_id="Ev-outage")
    outage.end()
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    assert "database" in refused.get_json()["reason"]
    retried = harness.event(mention, event_id="Ev-outage", headers={"X-Slack-Retry-Num": "1"})
    assert retried.status_code == 200
    wait_until(lambda: slack_api.calls("chat.postMessage"))
    assert [c["thread_ts"] for c in slack_api.calls("chat.postMessage")] == ["1.0"]


def test_a_teams_message_while_the_database_is_away_gets_503(outage_db, make_app):
    from tests.teams_fixtures import DOC_SECRET, activity, teams_auth
    url, outage = outage_db
    client = make_app(url, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET).test_client()
    raw = activity("<at>Herald</at> coverage this week")
    outage.begin()
    response = client.post("/teams/outgoing", data=raw,
                           headers={"Authorization": teams_auth(DOC_SECRET, raw), "Content-Type": "application/json"})
    outage.end()
    _assert_unavailable(response)


def _dies_midway(outage, at_commit: bool) -> Family:
    """A test-only command that writes, then loses its database connection, before or at commit."""
    def handle(rest: str, ctx) -> Reply:
        record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="note", entity="note", detail={"n": 1})
        ctx.session.flush()
        outage.kill_backend(ctx.session.scalar(text("SELECT pg_backend_pid()")))
        if not at_commit:
            record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="note", entity="note", detail={"n": 2})
            ctx.session.flush()
        return Reply(title="Noted twice")

    return Family(name="note", summary="test", usage="/note", examples=("/note",), handle=handle)


@pytest.mark.parametrize("at_commit", [False, True], ids=["during-the-work", "at-commit"])
def test_the_connection_dying_mid_command_leaves_nothing_half_written(outage_db, make_slack, at_commit):
    url, outage = outage_db
    harness = make_slack(url)
    with_families(harness, _dies_midway(outage, at_commit))
    said = str(harness.command("/herald", "note x", trigger="T-midway").get_json())
    assert "Sorry" in said and "Traceback" not in said and "Noted" not in said
    assert "database" in said and "try again" in said
    assert _count(harness.herald, AuditEntry) == 0 and _count(harness.herald, ReceivedEvent) == 0
    with_families(harness)  # the ordinary families again: pool_pre_ping replaced the dead connection
    assert "Herald" in str(harness.command("/herald", "help", trigger="T-after").get_json())


def test_only_transient_sqlite_errors_count_as_the_database_being_away(tmp_path):
    """SQLite raises OperationalError for a missing table too: that is a bug (500), not "try again"."""
    url = f"sqlite:///{tmp_path / 'lock.db'}"
    holder, waiter = create_engine(url), create_engine(url, connect_args={"timeout": 0})
    with holder.connect() as held:
        held.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        held.commit()
        held.exec_driver_sql("BEGIN IMMEDIATE")
        with pytest.raises(OperationalError) as locked:
            with waiter.begin() as conn:
                conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        held.rollback()
    with pytest.raises(OperationalError) as missing, waiter.connect() as conn:
        conn.exec_driver_sql("SELECT * FROM no_such_table")
    holder.dispose()
    waiter.dispose()
    assert database_unavailable(locked.value) and not database_unavailable(missing.value)


def test_a_silent_database_server_fails_the_connection_in_seconds_not_minutes():
    """A server that accepts TCP but never answers (a hung or black-holed host): the connect gives up
    at Herald's connect timeout, as an outage that endpoints answer with 503 or an apology."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        engine = make_engine(f"postgresql+psycopg://herald@127.0.0.1:{silent.getsockname()[1]}/herald")
        try:
            with pytest.raises(OperationalError) as failed:
                engine.connect()
        finally:
            engine.dispose()
    assert database_unavailable(failed.value) and "timeout" in str(failed.value)


# --- Slack answering 429 and 500 ------------------------------------------------------------------

MESSAGE = SlackMessage(text="Coverage this week", blocks=[])
RATE_LIMITED = Answer(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "0"})
SERVER_ERROR = Answer(500, {"ok": False, "error": "internal_error"})


def _client(api):
    return make_web_client(Settings(SLACK_API_URL=api.api_url, SLACK_BOT_TOKEN="xoxb-faults"))


def test_a_post_answered_429_then_500_is_retried_with_backoff_and_sent_once(slack_api):
    slack_api.server.script("/api/chat.postMessage", RATE_LIMITED, SERVER_ERROR, lambda rec: slack_api._answer(rec))
    [stamp] = post_messages(_client(slack_api), "C1", [MESSAGE], pacer=Pacer(interval=0))
    assert stamp.startswith("1700000000.")  # the third try was accepted, and only one message posted
    first, second, third = slack_api.server.received("/api/chat.postMessage")
    assert third.at - second.at >= 0.5  # backed off after the 500 (0.5 s × 2^attempt, plus jitter)
    assert first.body == second.body == third.body


def test_a_response_url_answered_429_then_500_is_retried(slack_api):
    slack_api.server.script("/response/T-retry", RATE_LIMITED, SERVER_ERROR, Answer(200, "ok"))
    assert respond(f"{slack_api.server.url}/response/T-retry", MESSAGE) is True
    assert len(slack_api.server.received("/response/T-retry")) == 3


def test_when_slack_keeps_failing_the_job_is_marked_failed_with_a_logged_reference(make_slack, sqlite_url,
                                                                                 slack_api, caplog):
    harness = make_slack(sqlite_url)  # its worker thread is not started: drained by hand below
    slack_api.server.script("/api/chat.postMessage", SERVER_ERROR)
    with harness.herald.session() as session:
        job_id = enqueue(session, harness.herald, ReplyJob(target=Target(channel="C7", user=None, in_channel=True),
                                                           messages=[MESSAGE.to_dict()]))
        session.get(Job, job_id).attempts = MAX_ATTEMPTS - 1  # its earlier attempts failed the same way
    with caplog.at_level(logging.ERROR, logger="herald.slack.jobs"):
        assert harness.runtime.worker.drain() == 0
    with harness.herald.session() as session:
        row = session.get(Job, job_id)
        assert row.status == "failed"
        ref = re.search(r"ref ([0-9a-f]{8})", row.last_error).group(1)
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)
    assert len(slack_api.server.received("/api/chat.postMessage")) == 3  # the first try and two retries
