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


def test_a_request_cut_off_by_a_dying_client_is_not_a_call():
    """A clock SIGKILLed between sending a post's headers and its body (http.client sends them apart)
    reaches no real Slack as a post; the fake must not count it as one, nor keep it in a channel."""
    import socket
    from urllib.parse import urlsplit

    with FakeSlackAPI() as slack:
        url = urlsplit(slack.api_url)
        with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
            sock.sendall(b"POST /api/chat.postMessage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 40\r\n\r\n{\"channel\": \"C9\"")
            sock.shutdown(socket.SHUT_WR)
            assert sock.recv(100) == b""  # closed without an answer
        client = make_web_client(Settings(SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test"))
        post_reply(client, "C123", Reply(title="whole"))
        assert [c["channel"] for c in slack.calls("chat.postMessage")] == ["C123"]
        assert list(slack.history) == ["C123"]
