"""`flask teams-bot …`: list where the bot is installed, post a test card there."""
from __future__ import annotations

from tests.teams2_fixtures import CONVERSATION, bot_app, bot_framework, bot_framework_server, post_activity  # noqa: F401


def test_conversations_and_a_test_post(bot_app, bot_framework):
    app = bot_app()
    runner = app.test_cli_runner()
    assert "not installed anywhere yet" in runner.invoke(args=["teams-bot", "conversations"]).output
    post_activity(app.test_client(), bot_framework, bot_framework.install())
    listed = runner.invoke(args=["teams-bot", "conversations"])
    assert listed.exit_code == 0 and listed.output.strip() == f"{CONVERSATION}  channel  installed 23 Nov 2026"
    sent = runner.invoke(args=["teams-bot", "test-post", CONVERSATION])
    assert sent.exit_code == 0 and sent.output.strip() == "Sent."
    [post] = bot_framework.replies()
    assert post.path == f"/teams/v3/conversations/{CONVERSATION}/activities" and "Herald is connected" in post.body.decode()
    assert "test-bot-client-secret-value" not in listed.output + sent.output


def test_an_unknown_conversation_is_refused_with_the_fix(bot_app, bot_framework):
    result = bot_app().test_cli_runner().invoke(args=["teams-bot", "test-post", "19:nope@thread.tacv2"])
    assert result.exit_code != 0 and "teams-bot conversations" in result.output
    assert bot_framework.replies() == []


def test_the_commands_say_when_the_bot_is_off(make_app, sqlite_url):
    result = make_app(sqlite_url).test_cli_runner().invoke(args=["teams-bot", "conversations"])
    assert result.exit_code != 0 and "TEAMS_BOT_APP_ID" in result.output
