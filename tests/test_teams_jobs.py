"""Teams answers as durable jobs: written before the ack, posted after a restart, notices posted,
receipts pruned with Slack's. Signed requests in, loopback fakes (Workflows, Bot Framework) out."""
from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import select

from bot.jobs import EXTENSION as JOBS, KEEP_RECEIPTS
from bot.teams.outgoing import EXTENSION
from handlers.router import FAMILIES
from models.demo import load_demo
from models.inbound import Job, ReceivedEvent
from tests.fakes.http import Answer, FakeServer
from tests.slack_helpers import audited_family, wait_until
from tests.teams2_fixtures import (CONVERSATION, bot_framework, bot_framework_server,  # noqa: F401
                                   post_activity)
from tests.teams_fixtures import DOC_SECRET, activity, card_validator, teams_auth

ADMIN = "a1b2c3d4-0000-4000-8000-000000000001"  # the aadObjectId of Jo Bloggs in `activity()`


class Killed(BaseException):
    """The process dies mid-command: nothing the command did is committed, nothing after it runs."""


@pytest.fixture(scope="module")
def flow():
    with FakeServer() as server:
        server.script("/flow", Answer(202))
        yield server


@pytest.fixture
def built(make_app):
    """`built(url, **settings)`: an app whose job worker is stopped when the test ends."""
    apps = []

    def build(url, **settings):
        app = make_app(url, **settings)
        apps.append(app)
        return app
    yield build
    for app in apps:
        app.extensions[JOBS].stop()


def webhook_app(built, url, flow, **settings):
    with flow._lock:
        flow.requests.clear()
    return built(url, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                 TEAMS_WORKFLOWS_URL=f"{flow.url}/flow?api-version=1&sig=SECRET-SIG", **settings)


def post(app, text: str, activity_id: str = "1795424400000"):
    raw = activity(f"<at>Herald</at> {text}", activity_id)
    return app.test_client().post("/teams/outgoing", data=raw,
                                  headers={"Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})


def card_json(response) -> str:
    card = response.get_json()["attachments"][0]["content"]
    card_validator().validate(card)
    return json.dumps(card, ensure_ascii=False)


def posted(flow) -> list[str]:
    cards = [r.json()["attachments"][0]["content"] for r in flow.received("/flow")]
    for card in cards:
        card_validator().validate(card)
    return [json.dumps(card, ensure_ascii=False) for card in cards]


def jobs(app) -> list[tuple[str, str, dict]]:
    with app.extensions["herald"].session() as session:
        return [(j.kind, j.status, j.payload) for j in session.scalars(select(Job).order_by(Job.id))]


def test_a_slow_answer_is_stored_before_the_ack_and_posted_once_after_a_restart(built, database_url, flow, clock):
    first = webhook_app(built, database_url, flow)
    endpoint, gate = first.extensions[EXTENSION], threading.Event()

    def dies_mid_command(text, ctx):
        gate.wait(30)
        raise Killed()

    endpoint.replies.route, endpoint.reply_budget = dies_mid_command, 0.05
    response = post(first, "help")
    assert response.status_code == 200 and "Working on it" in card_json(response)
    [(kind, status, payload)] = jobs(first)  # committed before Teams had its answer
    assert (kind, status, payload["command"], payload["team"]) == ("teams.reply", "pending", "help", "")
    assert "SECRET-SIG" not in json.dumps(payload)  # the Workflows URL is read from settings when posting
    first.extensions[JOBS].stop()
    gate.set()
    assert endpoint.replies.running.drain(10)  # the "dead" process wrote nothing more
    assert jobs(first)[0][1] == "pending" and posted(flow) == []

    second = webhook_app(built, database_url, flow)
    clock.advance(minutes=6)  # the dead process's claim has lapsed
    assert second.extensions[EXTENSION].drain(30)
    [card] = posted(flow)
    assert "In answer to Jo Bloggs: help" in card and "Herald: what I can do" in card
    assert [status for _, status, _ in jobs(second)] == ["done"]
    assert second.extensions[EXTENSION].drain(5) and len(posted(flow)) == 1  # posted once
    again = post(second, "help")  # Teams re-sending the same activity: answered, not run again
    assert "Already answered" in again.get_json()["text"] and len(jobs(second)) == 1


def test_a_slow_bot_answer_survives_a_restart_and_lands_in_the_thread(built, sqlite_url, bot_framework, clock):
    first = built(sqlite_url, **bot_framework.settings)
    agent, gate = first.extensions["herald.teams_bot"].agent, threading.Event()

    def dies_mid_command(text, ctx):
        gate.wait(30)
        raise Killed()

    agent.replies.route, agent.reply_budget = dies_mid_command, 0.05
    assert post_activity(first.test_client(), bot_framework, bot_framework.activity("help")).status_code == 202
    [working] = bot_framework.replies()
    assert "Working on it" in working.body.decode()
    [(_, status, payload)] = jobs(first)
    assert status == "pending" and payload["reply_to"] == "1795424400000"
    first.extensions[JOBS].stop()
    gate.set()
    assert agent.replies.running.drain(10)

    second = built(sqlite_url, **bot_framework.settings)
    clock.advance(minutes=6)
    bot_framework.now = clock.now()
    assert second.extensions["herald.teams_bot"].agent.drain(30)
    working, late = bot_framework.replies()
    assert late.path == f"/teams/v3/conversations/{CONVERSATION};messageid=1795424400000/activities/1795424400000"
    card = late.json()["attachments"][0]["content"]
    card_validator().validate(card)
    assert "Herald: what I can do" in json.dumps(card) and [s for _, s, _ in jobs(second)] == ["done"]


def test_a_slow_family_goes_straight_to_the_worker(built, sqlite_url, flow):
    app = webhook_app(built, sqlite_url, flow)
    herald = app.extensions["herald"]
    gate = threading.Event()
    herald.families = (audited_family("report", slow=True, gate=gate),) + FAMILIES
    response = post(app, "report quarter")  # answered at once although the command waits for the gate
    assert "Working on it" in card_json(response)
    gate.set()
    assert app.extensions[EXTENSION].drain(30)
    [card] = posted(flow)
    assert "Noted: quarter" in card and "In answer to Jo Bloggs: report quarter" in card


def test_a_quick_answer_is_inline_and_nothing_is_posted_or_left(built, sqlite_url, flow):
    app = webhook_app(built, sqlite_url, flow)
    assert "Herald: what I can do" in card_json(post(app, "help"))
    assert app.extensions[EXTENSION].drain(10)
    assert posted(flow) == [] and [s for _, s, _ in jobs(app)] == ["done"]


def test_a_command_that_crashes_in_time_gets_an_apology_and_is_not_retried(built, sqlite_url, flow, clock):
    app = webhook_app(built, sqlite_url, flow)
    endpoint = app.extensions[EXTENSION]

    def crashes(text, ctx):
        raise RuntimeError("postgres://herald:hunter2@db is down")

    endpoint.replies.route = crashes
    card = card_json(post(app, "help"))
    assert "Sorry, something went wrong" in card and "hunter2" not in card
    clock.advance(hours=1)
    assert endpoint.drain(10) and posted(flow) == []
    [(_, status, _)] = jobs(app)
    assert status == "failed"  # the person was told nothing changed: it must not run later


def demo_programmes(app) -> None:
    herald = app.extensions["herald"]
    with herald.session() as session:
        load_demo(session, herald.clock.now(), herald.settings.tz)


def test_a_notice_raised_in_teams_is_posted_to_the_teams_workflows_channel(built, sqlite_url, flow):
    app = webhook_app(built, sqlite_url, flow, TEAMS_ADMIN_USER_IDS=(ADMIN,), HERALD_PROGRAMME_CHANNEL="C0PROGRAMMES")
    demo_programmes(app)
    answer = card_json(post(app, 'programme update "LG Inform" red "Procurement <at>slipped</at> & late"'))
    assert "LG Inform: Amber → Red" in answer
    assert app.extensions[EXTENSION].drain(10)
    [notice] = posted(flow)  # the answer went inline; only the notice is posted
    assert "LG Inform: Amber → Red, by Jo Bloggs: Procurement slipped & late" in notice
    assert "<at>" not in notice
    assert [s for _, s, _ in jobs(app)] == ["done"]


def test_a_notice_raised_through_the_bot_is_a_new_post_in_its_conversation(built, sqlite_url, bot_framework):
    app = built(sqlite_url, TEAMS_ADMIN_USER_IDS=(ADMIN,), HERALD_PROGRAMME_CHANNEL="C0PROGRAMMES",
                **bot_framework.settings)
    demo_programmes(app)
    body = bot_framework.activity('programme update "LG Inform" green "Back on track"')
    assert post_activity(app.test_client(), bot_framework, body).status_code == 202
    assert app.extensions["herald.teams_bot"].agent.drain(10)
    wait_until(lambda: len(bot_framework.replies()) == 2)  # the answer and the notice go out independently
    replies = bot_framework.replies()
    answer = next(r for r in replies if r.path.endswith("/activities/1795424400000"))  # the answer: in the thread
    notice = next(r for r in replies if r is not answer)
    assert notice.path == f"/teams/v3/conversations/{CONVERSATION}/activities"  # the notice: a new post
    assert "LG Inform: Amber → Green, by Jo Bloggs: Back on track" in json.dumps(notice.json(), ensure_ascii=False)


def test_one_pruning_forgets_old_teams_and_slack_receipts(built, database_url, flow, bot_framework, clock):
    app = webhook_app(built, database_url, flow, **bot_framework.settings)
    herald = app.extensions["herald"]
    post(app, "help", "1")
    post_activity(app.test_client(), bot_framework, bot_framework.activity("help", activity_id="2"))
    with herald.session() as session:
        session.add(ReceivedEvent(platform="slack", key="Ev-old", received_at=clock.now()))
    clock.advance(hours=1)
    post(app, "help", "3")  # recent: a retry could still need it
    clock.advance(seconds=KEEP_RECEIPTS.total_seconds() - 1800)
    app.extensions[JOBS].prune()
    with herald.session() as session:
        kept = session.execute(select(ReceivedEvent.platform, ReceivedEvent.key)).all()
    assert [(platform, key.rsplit("|", 1)[-1]) for platform, key in kept] == [("teams", "3")]
