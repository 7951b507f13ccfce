"""Digests posted by Herald's Teams bot into the conversation it is installed in: subscribed with
"here" from Teams, sent by the clock exactly once per period, resumed at the first card not posted."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from bot.delivery import DeliveryError, Destination, deliver, delivery_parts
from bot.jobs import EXTENSION as JOBS
from handlers.reply import Item, Reply, Section
from digests import runner
from models.digest import DigestRun, DigestSubscription
from tests.fakes.http import Answer
from tests.teams2_fixtures import CONVERSATION, bot_framework, bot_framework_server, post_activity  # noqa: F401

ADMIN = "a1b2c3d4-0000-4000-8000-000000000001"
NEW_POSTS = f"/teams/v3/conversations/{CONVERSATION}/activities"
DUE = datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc)  # Monday 08:00 London: the weekly digest is due


@pytest.fixture
def teams_digest_app(make_app, database_url, bot_framework):
    app = make_app(database_url, TEAMS_ADMIN_USER_IDS=(ADMIN,), HERALD_BASE_URL="https://herald.example",
                   **bot_framework.settings)
    yield app
    app.extensions[JOBS].stop()


def subscribe_here(app, bot_framework) -> DigestSubscription:
    client = app.test_client()
    assert post_activity(client, bot_framework, bot_framework.install()).status_code == 202
    body = bot_framework.activity("digest subscribe weekly here", activity_id="sub-1")
    assert post_activity(client, bot_framework, body).status_code == 202
    assert app.extensions["herald.teams_bot"].agent.drain(10)
    [answer] = bot_framework.replies()
    shown = json.dumps(answer.json()["attachments"][0]["content"])
    assert "Subscribed: weekly digest #1" in shown and CONVERSATION in shown
    with app.extensions["herald"].session() as session:
        [sub] = session.query(DigestSubscription).all()
        session.expunge(sub)
    return sub


def digest_posts(bot_framework) -> list:
    return [r for r in bot_framework.replies() if r.path == NEW_POSTS]


def test_a_digest_subscribed_here_in_teams_is_posted_by_the_bot_once(teams_digest_app, bot_framework, clock):
    sub = subscribe_here(teams_digest_app, bot_framework)
    assert (sub.platform, sub.destination, sub.secret_url) == ("teams", CONVERSATION, None)
    herald = teams_digest_app.extensions["herald"]
    clock.set(DUE)
    bot_framework.now = clock.now()
    runner.sweep(herald, "clock:a")
    runner.sweep(herald, "clock:b")  # a second clock (or a restart) finds the period claimed
    [post] = digest_posts(bot_framework)
    card = post.json()["attachments"][0]["content"]
    assert card["version"] == "1.4" and "Weekly round" in json.dumps(card)
    assert post.headers["authorization"].startswith("Bearer bot-token-")
    with herald.session() as session:
        [run] = session.query(DigestRun).all()
        assert (run.status, run.delivered_parts, run.period_key) == ("sent", 1, "2026-W49")


def test_a_bot_removed_from_the_team_fails_the_digest_with_the_reason(teams_digest_app, bot_framework, clock):
    subscribe_here(teams_digest_app, bot_framework)
    herald = teams_digest_app.extensions["herald"]
    bot_framework.server.script(NEW_POSTS, Answer(403, {"error": {"code": "BotNotInConversationRoster"}}))
    clock.set(DUE)
    bot_framework.now = clock.now()
    runner.sweep(herald, "clock:a")
    with herald.session() as session:
        [run] = session.query(DigestRun).all()
        assert (run.status, run.delivered_parts) == ("failed", 0)
        assert "403" in run.last_error and "bot-token" not in run.last_error
    clock.advance(minutes=2)
    runner.sweep(herald, "clock:a")  # the 403 marked the conversation gone: the retry says so, posts nothing
    with herald.session() as session:
        [run] = session.query(DigestRun).all()
        assert run.status == "failed" and "not installed" in run.last_error
    assert len(digest_posts(bot_framework)) == 1


def long_digest() -> Reply:
    return Reply(title="Weekly comms round-up", sections=(Section(heading="Coverage", items=tuple(
        Item(title=f"Story {n}", url=f"https://example.org/{n}", detail="x" * 900) for n in range(60))),))


def test_a_long_digest_resumes_at_the_first_card_not_posted(teams_digest_app, bot_framework):
    herald = teams_digest_app.extensions["herald"]
    assert post_activity(teams_digest_app.test_client(), bot_framework, bot_framework.install()).status_code == 202
    cards = delivery_parts(long_digest(), "teams")
    assert len(cards) >= 3
    bot_framework.server.script(NEW_POSTS, Answer(201, {"id": "a"}), Answer(201, {"id": "b"}),
                                Answer(404, {"error": {"code": "ConversationNotFound"}}), Answer(201, {"id": "c"}))
    where, done = Destination("teams", CONVERSATION), []
    with pytest.raises(DeliveryError, match="HTTP 404"):
        deliver(herald.settings, where, long_digest(), 0, done.append, herald=herald)
    assert done == [1, 2]
    deliver(herald.settings, where, long_digest(), done[-1], done.append, herald=herald)  # the runner's retry
    posts = digest_posts(bot_framework)
    assert done[-1] == len(cards) and len(posts) == len(cards) + 1  # cards 1 and 2 were not sent again
    titles = [json.dumps(p.json()["attachments"][0]["content"]) for p in posts]
    assert [f"part {n} of {len(cards)}" in t for n, t in zip([1, 2, 3, *range(3, len(cards) + 1)], titles)] == \
        [True] * len(posts)


def test_a_card_answered_500_counts_as_posted(teams_digest_app, bot_framework):
    herald = teams_digest_app.extensions["herald"]
    assert post_activity(teams_digest_app.test_client(), bot_framework, bot_framework.install()).status_code == 202
    bot_framework.server.script(NEW_POSTS, Answer(500, {"error": {"code": "InternalServerError"}}))
    done = []
    deliver(herald.settings, Destination("teams", CONVERSATION), Reply(title="Daily coverage"), 0, done.append, herald=herald)
    assert done == [1] and len(digest_posts(bot_framework)) == 1  # may have landed: not resent


def test_here_in_teams_without_the_bot_still_asks_for_a_workflows_url(make_app, sqlite_url):
    from handlers.context import Actor
    herald = make_app(sqlite_url, HERALD_DIGEST_EDITORS=("29:1",)).extensions["herald"]
    reply, _ = herald.run_command("digest subscribe weekly here",
                                  Actor(user_id="29:1", name="Ben", platform="teams"), "19:abc123@thread.tacv2")
    assert reply.is_error and "Workflows URL" in json.dumps(reply.sections[0].text)
