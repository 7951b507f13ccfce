"""Outbound to Slack: response_url budget and fallback, per-channel pacing, notices, Socket Mode start."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from bot.slack.blocks import SlackMessage
from bot.slack.delivery import Target, deliver, deliver_notices
from bot.slack.post import Pacer, make_web_client, post_messages
from config import Settings
from handlers.context import Notice
from tests.fakes.http import Answer

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
MESSAGE = SlackMessage(text="Coverage <b>", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}])


def _client(api):
    return make_web_client(Settings(SLACK_API_URL=api.api_url, SLACK_BOT_TOKEN="xoxb-test"))


def _target(api, **kwargs) -> Target:
    base = dict(channel="C9", user="U1", response_url=f"{api.server.url}/response/budget",
                received_at=NOW.isoformat())
    return Target(**{**base, **kwargs})


def test_sixth_use_of_a_response_url_goes_through_the_web_api(slack_api):
    target = _target(slack_api)
    deliver([MESSAGE] * 6, target, _client(slack_api), NOW, pacer=Pacer(interval=0))
    assert len(slack_api.server.received("/response/budget")) == 5
    assert [c["user"] for c in slack_api.calls("chat.postEphemeral")] == ["U1"]


def test_response_url_older_than_thirty_minutes_is_not_used(slack_api):
    target = _target(slack_api, in_channel=True)
    deliver([MESSAGE], target, _client(slack_api), NOW + timedelta(minutes=31), pacer=Pacer(interval=0))
    assert slack_api.server.received("/response/budget") == []
    assert slack_api.calls("chat.postMessage")[0]["channel"] == "C9"


def test_refused_response_url_falls_back_without_crashing(slack_api):
    slack_api.server.script("/response/budget", Answer(404, "used_url"))
    deliver([MESSAGE, MESSAGE], _target(slack_api), _client(slack_api), NOW, pacer=Pacer(interval=0))
    assert len(slack_api.server.received("/response/budget")) == 1
    assert len(slack_api.calls("chat.postEphemeral")) == 2


def test_posts_to_one_channel_are_spaced_a_second_apart(slack_api):
    clock = {"t": 100.0}
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock["t"] += seconds

    pacer = Pacer(interval=1.0, monotonic=lambda: clock["t"], sleep=sleep)
    post_messages(_client(slack_api), "C1", [MESSAGE] * 3, pacer=pacer)
    post_messages(_client(slack_api), "C2", [MESSAGE], pacer=pacer)
    assert slept == [1.0, 1.0]  # the other channel did not wait
    posts = slack_api.calls("chat.postMessage")
    assert [p["channel"] for p in posts] == ["C1", "C1", "C1", "C2"]
    assert all(p["unfurl_links"] is False and p["unfurl_media"] is False for p in posts)


def test_notices_are_posted_to_their_channels_escaped(slack_api):
    deliver_notices([Notice(destination="CPROG", text="LG Inform is now <!channel> red")], _client(slack_api),
                    pacer=Pacer(interval=0))
    post = slack_api.calls("chat.postMessage")[0]
    assert post["channel"] == "CPROG" and "&lt;!channel&gt;" in post["text"] and "<!channel>" not in str(post)


def test_rate_limited_api_is_retried_after_retry_after(slack_api):
    slack_api.server.script("/api/chat.postMessage",
                            Answer(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}),
                            lambda rec: slack_api._answer(rec))
    post_messages(_client(slack_api), "C3", [MESSAGE], pacer=Pacer(interval=0))
    first, second = slack_api.server.received("/api/chat.postMessage")
    assert second.at - first.at >= 1.0


def test_serve_starts_the_worker_and_survives_a_socket_mode_refusal(make_slack, sqlite_url, slack_api):
    from cli.core import _start_slack
    harness = make_slack(sqlite_url, SLACK_APP_TOKEN="xapp-1")
    slack_api.server.script("/api/apps.connections.open", Answer(200, {"ok": False, "error": "invalid_auth"}))
    assert _start_slack(harness.runtime, harness.herald) is None
    assert slack_api.calls("apps.connections.open") and harness.runtime.worker._thread.is_alive()


def test_sixty_item_digest_is_posted_as_several_messages_within_limits(slack_api):
    from bot.slack.post import post_reply
    from handlers.reply import Item, Reply, Section
    items = tuple(Item(title=f"Council story {i} " + "w" * 250, url=f"https://example.org/{i}", meta=("LGC", "positive"))
                  for i in range(60))
    ts = post_reply(_client(slack_api), "CDIGEST", Reply(title="Start the week", sections=(Section(items=items),)),
                    pacer=Pacer(interval=0))
    posts = slack_api.calls("chat.postMessage")
    assert ts.startswith("1700000000.") and len(posts) >= 2
    for post in posts:
        blocks = json.loads(post["blocks"]) if isinstance(post["blocks"], str) else post["blocks"]
        assert len(blocks) <= 50 and all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    shown = "".join(str(p["blocks"]) for p in posts)
    assert all(f"https://example.org/{i}|" in shown for i in range(60))


def test_a_delivery_that_fails_midway_resumes_after_what_was_sent(make_slack, sqlite_url, slack_api):
    from bot.slack.jobs import ReplyJob, enqueue
    harness = make_slack(sqlite_url)
    harness.runtime.worker.stop()  # drive the worker by hand
    slack_api.server.script("/api/chat.postMessage", lambda rec: slack_api._answer(rec),
                            Answer(200, {"ok": False, "error": "channel_not_found"}))
    messages = [SlackMessage(text=f"part {i}", blocks=[]).to_dict() for i in range(2)]
    with harness.herald.session() as session:
        job_id = enqueue(session, harness.herald, ReplyJob(target=Target(channel="C5", user=None, in_channel=True),
                                                           messages=messages))
    assert harness.runtime.worker.run(job_id) is False  # part 0 went, part 1 was refused
    slack_api.server.script("/api/chat.postMessage", lambda rec: slack_api._answer(rec))
    assert harness.runtime.worker.run(job_id) is True
    assert [c["text"] for c in slack_api.calls("chat.postMessage")] == ["part 0", "part 1", "part 1"]
