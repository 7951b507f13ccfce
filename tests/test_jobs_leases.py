"""The shared job worker under its two hard cases: a command that outlives its claim while a second
process's worker looks for work, and a job given up after its last attempt.

Two `JobWorker`s (two Herald apps on one database, as two processes would have), the clock moved
past the claim inside the command, and a loopback Slack; Teams jobs over the Workflows and Bot
Framework fakes. Run on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import re
import threading

from sqlalchemy import event, func, select

from bot.jobs import LOCK_FOR, MAX_ATTEMPTS
from bot.slack.delivery import Target
from bot.slack.jobs import ReplyJob, enqueue
from bot.slack.post import Pacer
from bot.teams.outgoing import EXTENSION as OUTGOING
from handlers.context import Context
from handlers.family import Family
from handlers.reply import Reply, Section
from models.audit import AuditEntry, record_audit
from models.inbound import Job
from tests.fakes.http import Answer
from tests.slack_helpers import with_families
from tests.teams2_fixtures import CONVERSATION, bot_framework, bot_framework_server, post_activity  # noqa: F401
from tests.test_teams_jobs import built, card_json, flow, jobs, post, posted, webhook_app  # noqa: F401

pytest_plugins = ("tests.slack_fixtures",)  # slack_api, make_slack

SECRET = "postgres://herald:hunter2@db.internal/herald"


def overrunning_family(clock, while_running) -> tuple[Family, list[str]]:
    """A `/report` whose command writes an audit entry and, the first time, outlives its claim: it
    moves the clock past LOCK_FOR and calls `while_running()` before returning. Returns the family
    and the list of runs (one entry per time the command ran)."""
    runs: list[str] = []

    def handle(rest: str, ctx: Context) -> Reply:
        runs.append(rest)
        record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="note", entity="report", detail={"text": rest})
        if len(runs) == 1:
            clock.advance(seconds=LOCK_FOR.total_seconds() + 60)
            while_running()
        return Reply(title=f"Report: {rest}", sections=(Section(text="Ready."),))

    family = Family(name="report", summary="test report", usage="/report <what>", examples=("/report quarter",),
                    handle=handle, slow=True)
    return family, runs


def claim_attempts(herald) -> threading.Event:
    """Set when this Herald's engine starts a worker's claim: the UPDATE of the jobs table, or on
    SQLite the BEGIN IMMEDIATE before it, which waits there for the write lock A holds."""
    seen = threading.Event()

    def spy(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(("UPDATE JOBS", "BEGIN IMMEDIATE")):
            seen.set()
    event.listen(herald.engine, "before_cursor_execute", spy)
    return seen


def test_a_slack_command_outliving_its_claim_runs_once_and_is_answered_once(make_slack, database_url, clock):
    """Process A runs a slow command past its claim; process B's worker looks for work meanwhile. B
    waits for the job's row (or SQLite's write lock), then finds the claim renewed: one run, one answer."""
    first, second = make_slack(database_url), make_slack(database_url)
    second_claimed = claim_attempts(second.herald)
    outcome: dict[str, int] = {}

    def second_process_looks() -> None:
        thread = threading.Thread(target=lambda: outcome.update(second=second.runtime.worker.drain()))
        thread.start()
        outcome["thread"] = thread
        assert second_claimed.wait(10)  # B is claiming while A's command still runs

    family, runs = overrunning_family(clock, second_process_looks)
    with_families(first, family)
    with_families(second, family)
    target = Target(channel="C1", user="U1", team="T1", response_url=f"{first.api.server.url}/response/T-lease",
                    received_at=clock.now().isoformat())
    with first.herald.session() as session:
        job_id = enqueue(session, first.herald, ReplyJob(target=target, command="/report quarter", actor=None))

    assert first.runtime.worker.drain() == 1
    outcome["thread"].join(30)
    assert outcome["second"] == 0 and runs == ["quarter"]
    assert [r["text"] for r in first.responses("T-lease")] == ["Report: quarter"]
    assert second.runtime.worker.drain() == 0 and first.runtime.worker.drain() == 0
    with first.herald.session() as session:
        assert session.get(Job, job_id).status == "done"
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_a_worker_whose_claim_was_taken_over_stops_without_posting_again(make_slack, database_url, clock, slack_api):
    """A delivery stalled past its claim: B takes the job over and posts the rest; A, when its post
    returns, finds the claim gone and stops. The stalled message may go twice, the rest once."""
    first, second = (make_slack(database_url, PACER=Pacer(interval=0)) for _ in range(2))
    taken_over: list[int] = []

    def stalls_then_second_takes_over(rec):
        if not taken_over:
            clock.advance(seconds=LOCK_FOR.total_seconds() + 60)
            taken_over.append(second.runtime.worker.drain())
        return slack_api._answer(rec)

    slack_api.server.script("/api/chat.postMessage", stalls_then_second_takes_over, lambda rec: slack_api._answer(rec))
    messages = [{"text": f"part {i}", "blocks": []} for i in range(3)]
    with first.herald.session() as session:
        job_id = enqueue(session, first.herald, ReplyJob(target=Target(channel="C5", user=None, in_channel=True),
                                                        messages=messages))
    assert first.runtime.worker.drain() == 0  # A lost the job mid-delivery
    assert taken_over == [1]
    assert [c["text"] for c in slack_api.calls("chat.postMessage")] == ["part 0", "part 0", "part 1", "part 2"]
    with first.herald.session() as session:
        row = session.get(Job, job_id)
        assert (row.status, row.locked_by, row.last_error) == ("done", None, None)


def crashes_when_let(gate: threading.Event):
    """A command crashing outside the router every time (the database going away mid-answer),
    first holding on until `gate` opens so its first attempt is late."""
    def route(text: str, ctx: Context) -> Reply:
        gate.wait(30)
        raise RuntimeError(f"could not reach {SECRET}")
    return route


def retry_until_given_up(drain, clock) -> None:
    """Let the worker make every remaining attempt, and one look more after it gave up."""
    for _ in range(MAX_ATTEMPTS + 1):
        clock.advance(hours=1)
        assert drain(10)


def assert_plain_apology(card_text: str, app) -> None:
    """The apology names the request and the logged reference, and nothing of the error."""
    assert "Sorry, Herald could not finish that" in card_text and "You asked: help" in card_text
    [(_, status, _)] = jobs(app)
    with app.extensions["herald"].session() as session:
        error = session.scalar(select(Job.last_error))
    ref = re.search(r"ref ([0-9a-f]{8})", error).group(1)
    assert status == "failed" and f"reference: {ref}" in card_text
    assert "hunter2" not in card_text and "RuntimeError" not in card_text and "Traceback" not in card_text


def test_a_late_teams_job_given_up_tells_the_person_once_in_their_channel(built, database_url, flow, clock):
    app = webhook_app(built, database_url, flow)
    endpoint, gate = app.extensions[OUTGOING], threading.Event()
    endpoint.replies.route, endpoint.reply_budget = crashes_when_let(gate), 0.05
    assert "Working on it" in card_json(post(app, "help"))
    gate.set()
    retry_until_given_up(endpoint.drain, clock)
    [card] = posted(flow)  # told once, through the team's Workflows channel, where they asked
    assert_plain_apology(card, app)
    assert json.loads(card)["type"] == "AdaptiveCard"


def test_a_late_teams_bot_job_given_up_is_answered_in_the_thread_it_came_from(built, sqlite_url, bot_framework, clock):
    app = built(sqlite_url, **bot_framework.settings)
    agent, gate = app.extensions["herald.teams_bot"].agent, threading.Event()
    agent.replies.route, agent.reply_budget = crashes_when_let(gate), 0.05
    assert post_activity(app.test_client(), bot_framework, bot_framework.activity("help")).status_code == 202
    gate.set()

    def drain(timeout: float) -> bool:
        bot_framework.now = clock.now()
        return agent.drain(timeout)
    retry_until_given_up(drain, clock)
    working, apology = bot_framework.replies()
    assert "Working on it" in working.body.decode()
    assert apology.path == f"/teams/v3/conversations/{CONVERSATION};messageid=1795424400000/activities/1795424400000"
    assert_plain_apology(json.dumps(apology.json()["attachments"][0]["content"], ensure_ascii=False), app)


def test_a_slack_job_given_up_tells_the_person_who_asked_privately(make_slack, database_url, clock, slack_api):
    harness = make_slack(database_url, PACER=Pacer(interval=0))
    refused = Answer(200, {"ok": False, "error": "channel_not_found"})  # not retried by the client itself
    slack_api.server.script("/api/chat.postEphemeral", *[refused] * MAX_ATTEMPTS, lambda rec: slack_api._answer(rec))
    with harness.herald.session() as session:
        enqueue(session, harness.herald, ReplyJob(target=Target(channel="C1", user="U1", team="T1"),
                                                  command="/help", actor=None))
    for _ in range(MAX_ATTEMPTS + 1):
        clock.advance(hours=1)
        harness.runtime.worker.drain()
    calls = slack_api.calls("chat.postEphemeral")
    assert len(calls) == MAX_ATTEMPTS + 1 and calls[-1]["user"] == "U1"
    told = calls[-1]["text"] + json.dumps(calls[-1]["blocks"])
    assert "Sorry, Herald could not finish that" in told and "You asked: /help" in told
    with harness.herald.session() as session:
        row = session.scalars(select(Job)).one()
    ref = re.search(r"ref ([0-9a-f]{8})", row.last_error).group(1)
    assert row.status == "failed" and f"reference: {ref}" in told and "channel_not_found" not in told
