"""Conversation references stored on install, and proactive posts into them (SQLite and PostgreSQL)."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from bot.teams.agent_bot import ProactiveError, send_proactive
from handlers.reply import Item, Reply, Section
from models.inbound import Job
from models.teams_conversation import ConversationRef, TeamsConversation, conversation_ref
from tests.fakes.http import Answer
from tests.teams2_fixtures import (BOT_ACCOUNT, CONVERSATION, TENANT_ID, bot_framework,  # noqa: F401
                                   bot_framework_server, post_activity, stop_jobs)


@pytest.fixture
def bot_db_app(make_app, database_url, bot_framework):
    """The bot on both databases: for the tests about what is stored."""
    app = make_app(database_url, **bot_framework.settings)
    yield app
    stop_jobs(app)


@pytest.fixture
def bot_lite_app(make_app, sqlite_url, bot_framework):
    """The bot on SQLite only: for the tests about what is sent."""
    app = make_app(sqlite_url, **bot_framework.settings)
    yield app
    stop_jobs(app)


def stored(app) -> list[TeamsConversation]:
    with app.extensions["herald"].session() as session:
        rows = list(session.scalars(select(TeamsConversation)))
        session.expunge_all()
        return rows


def test_installing_the_app_stores_the_conversation_reference(bot_db_app, bot_framework, clock):
    assert_install_stored(bot_db_app, bot_framework, clock, "installationUpdate")


def test_the_bot_added_to_a_conversation_is_stored_too(bot_lite_app, bot_framework, clock):
    assert_install_stored(bot_lite_app, bot_framework, clock, "conversationUpdate")


def assert_install_stored(app, bot_framework, clock, kind: str) -> None:
    response = post_activity(app.test_client(), bot_framework, bot_framework.install(kind))
    assert response.status_code == 202
    [row] = stored(app)
    assert (row.conversation_id, row.service_url, row.bot_id, row.channel_id) == (
        CONVERSATION, bot_framework.service_url, BOT_ACCOUNT, "msteams")
    assert (row.tenant_id, row.team_id, row.conversation_type) == (TENANT_ID, "19:team@thread.tacv2", "channel")
    assert row.installed_at == clock.now() and row.removed_at is None
    assert bot_framework.replies() == []  # installing is silent


def test_a_message_refreshes_the_reference_and_removal_is_remembered(bot_db_app, bot_framework, clock):
    client = bot_db_app.test_client()
    post_activity(client, bot_framework, bot_framework.install())
    clock.advance(days=1)
    bot_framework.now = clock.now()
    assert post_activity(client, bot_framework, bot_framework.activity("help")).status_code == 202
    [row] = stored(bot_db_app)  # the message's ";messageid=…" thread suffix is not a new conversation
    assert row.updated_at == clock.now() and row.installed_at < row.updated_at
    removal = {**bot_framework.install(), "action": "remove", "id": "f:remove-1"}
    assert post_activity(client, bot_framework, removal).status_code == 202
    [row] = stored(bot_db_app)
    assert row.removed_at == clock.now()
    with bot_db_app.extensions["herald"].session() as session:
        assert conversation_ref(session, CONVERSATION) is None


def test_a_redelivered_message_is_answered_once(bot_lite_app, bot_framework):
    client = bot_lite_app.test_client()
    body = bot_framework.activity("help")
    assert post_activity(client, bot_framework, body).status_code == 202
    assert post_activity(client, bot_framework, body).status_code == 202
    assert len(bot_framework.replies()) == 1
    with bot_lite_app.extensions["herald"].session() as session:  # one job, written with the one receipt
        assert session.scalar(select(func.count()).select_from(Job)) == 1


def digest(items: int) -> Reply:
    return Reply(title="Weekly comms round-up", sections=(Section(heading="Coverage", items=tuple(
        Item(title=f"Story {n}: councils <at>everyone</at> & 'quotes'", url=f"https://example.org/{n}",
             detail="x" * 900) for n in range(items))),))


def test_send_proactive_posts_a_new_message_with_a_bot_token(bot_lite_app, bot_framework):
    herald = bot_lite_app.extensions["herald"]
    post_activity(bot_lite_app.test_client(), bot_framework, bot_framework.install())
    with herald.session() as session:
        ref = conversation_ref(session, CONVERSATION)
    ids = send_proactive(herald, ref, digest(2))
    [post] = bot_framework.replies()
    assert post.path == f"/teams/v3/conversations/{CONVERSATION}/activities"  # a new post, not a reply
    assert post.headers["authorization"].startswith("Bearer bot-token-")
    body = post.json()
    assert body["type"] == "message" and body["conversation"]["id"] == CONVERSATION
    [attachment] = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["content"]["version"] == "1.4"
    assert "<at>" not in post.body.decode()  # user text cannot mention anyone
    assert len(ids) == 1 and ids[0].startswith("reply-")


def test_a_long_digest_goes_as_several_cards_in_order(bot_lite_app, bot_framework):
    herald = bot_lite_app.extensions["herald"]
    ref = ConversationRef(conversation_id=CONVERSATION, service_url=bot_framework.service_url,
                          bot_id=BOT_ACCOUNT, tenant_id=TENANT_ID)
    send_proactive(herald, ref, digest(60))
    posts = bot_framework.replies()
    assert len(posts) > 1
    titles = [p.json()["attachments"][0]["content"]["body"][0]["inlines"][1]["text"] for p in posts]
    assert titles == [f"  (part {n} of {len(posts)})" for n in range(1, len(posts) + 1)]
    assert len(bot_framework.token_requests()) == 1


def test_a_bot_removed_from_the_team_is_forgotten(bot_db_app, bot_framework):
    herald = bot_db_app.extensions["herald"]
    post_activity(bot_db_app.test_client(), bot_framework, bot_framework.install())
    bot_framework.server.script(f"/teams/v3/conversations/{CONVERSATION}/activities",
                                Answer(403, {"error": {"code": "BotNotInConversationRoster",
                                                       "message": "MessageWritesBlocked"}}))
    with herald.session() as session:
        ref = conversation_ref(session, CONVERSATION)
    with pytest.raises(ProactiveError) as err:
        send_proactive(herald, ref, digest(1))
    assert err.value.blocked and "403" in str(err.value)
    [row] = stored(bot_db_app)
    assert row.removed_at is not None


def test_a_refused_bot_token_is_reported_without_the_secret(bot_lite_app, bot_framework):
    herald = bot_lite_app.extensions["herald"]
    bot_framework.server.script(f"/{TENANT_ID}/oauth2/v2.0/token",
                                Answer(401, {"error": "invalid_client", "error_description": "bad secret"}))
    ref = ConversationRef(conversation_id=CONVERSATION, service_url=bot_framework.service_url, bot_id=BOT_ACCOUNT)
    with pytest.raises(ProactiveError) as err:
        send_proactive(herald, ref, digest(1))
    assert "invalid_client" in str(err.value) and "test-bot-client-secret-value" not in str(err.value)
    assert bot_framework.replies() == []


def test_a_conversation_id_too_long_to_keep_is_not_stored_cut(bot_lite_app, bot_framework):
    body = bot_framework.install()
    body["conversation"] = {**body["conversation"], "id": "19:" + "x" * 300 + "@thread.tacv2"}
    assert post_activity(bot_lite_app.test_client(), bot_framework, body).status_code == 202
    assert stored(bot_lite_app) == []


def test_a_crash_inside_herald_is_answered_with_an_apology_and_no_details(bot_lite_app, bot_framework):
    def crashing_route(text, ctx):
        raise RuntimeError("connection to db at postgres://herald:hunter2@db failed")

    bot_lite_app.extensions["herald.teams_bot"].agent.replies.route = crashing_route
    assert post_activity(bot_lite_app.test_client(), bot_framework, bot_framework.activity("help")).status_code == 202
    [reply] = bot_framework.replies()
    assert "Sorry, something went wrong" in reply.body.decode()
    assert "hunter2" not in reply.body.decode() and "RuntimeError" not in reply.body.decode()


def test_a_slow_answer_says_working_on_it_then_arrives_in_the_thread(bot_lite_app, bot_framework):
    agent = bot_lite_app.extensions["herald.teams_bot"].agent
    gate, real_route = threading.Event(), agent.replies.route

    def slow_route(text, ctx):
        gate.wait(30)
        return real_route(text, ctx)

    agent.replies.route, agent.reply_budget = slow_route, 0.05
    assert post_activity(bot_lite_app.test_client(), bot_framework, bot_framework.activity("help")).status_code == 202
    [first] = bot_framework.replies()
    assert "Working on it" in first.body.decode()
    gate.set()
    assert agent.drain(10)
    first, late = bot_framework.replies()
    thread = f"/teams/v3/conversations/{CONVERSATION};messageid=1795424400000/activities/1795424400000"
    assert first.path == late.path == thread
    assert "Working on it" not in late.body.decode() and "coverage" in late.body.decode().lower()


def test_a_throttled_proactive_post_waits_as_told_and_lands_once(bot_lite_app, bot_framework):
    herald = bot_lite_app.extensions["herald"]
    path = f"/teams/v3/conversations/{CONVERSATION}/activities"
    bot_framework.server.script(path, Answer(429, {"error": {"code": "Throttled"}}, headers={"Retry-After": "3"}),
                                Answer(503, {"error": {"code": "ServiceUnavailable"}}), Answer(201, {"id": "late-1"}))
    ref = ConversationRef(conversation_id=CONVERSATION, service_url=bot_framework.service_url, bot_id=BOT_ACCOUNT)
    slept: list[float] = []
    assert send_proactive(herald, ref, digest(1), sleep=slept.append) == ["late-1"]
    assert slept == [3.0, 2.0] and len(bot_framework.replies()) == 3


def test_a_500_is_not_sent_again_because_it_may_have_landed(bot_lite_app, bot_framework):
    herald = bot_lite_app.extensions["herald"]
    bot_framework.server.script(f"/teams/v3/conversations/{CONVERSATION}/activities",
                                Answer(500, {"error": {"code": "InternalServerError"}}))
    ref = ConversationRef(conversation_id=CONVERSATION, service_url=bot_framework.service_url, bot_id=BOT_ACCOUNT)
    with pytest.raises(ProactiveError, match="HTTP 500"):
        send_proactive(herald, ref, digest(1), sleep=lambda s: None)
    assert len(bot_framework.replies()) == 1
