"""The loopback fakes behave like the services they stand for (so other tests can trust them)."""
import requests

from bot.slack.post import make_web_client, post_reply
from config import Settings
from handlers.reply import Reply
from tests.fakes.http import Answer, FakeServer
from tests.fakes.slack_api import FakeSlackAPI


def test_fake_slack_records_posts_and_herald_retries_a_429():
    with FakeSlackAPI() as slack:
        slack.server.script("/api/chat.postMessage",
                            Answer(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
                            lambda rec: slack._answer(rec))
        client = make_web_client(Settings(SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test"))
        ts = post_reply(client, "C123", Reply(title="<!channel> hello & bye"))
        calls = slack.calls("chat.postMessage")
        assert len(calls) == 2 and ts.startswith("1700000000.")
        assert slack.server.received("/api/chat.postMessage")[1].at - slack.server.received(
            "/api/chat.postMessage")[0].at >= 1.0
        assert calls[1]["channel"] == "C123" and calls[1]["unfurl_links"] is False


def test_fake_server_scripts_answers_in_turn():
    with FakeServer() as server:
        server.script("/feed", Answer(500, "boom"), Answer(200, "ok", {"ETag": '"v1"'}))
        assert requests.get(server.url + "/feed", timeout=5).status_code == 500
        second = requests.get(server.url + "/feed", timeout=5)
        assert second.status_code == 200 and second.headers["ETag"] == '"v1"'
        assert requests.get(server.url + "/feed", timeout=5).status_code == 200
        assert len(server.received("/feed")) == 3
