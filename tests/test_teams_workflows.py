"""Delivery to a Teams Workflows URL, against a loopback fake that answers 202, 429, 503 and times out."""
from __future__ import annotations

import json
import re
import socket
import threading

import pytest

from bot.teams.pacing import RateLimiter
from bot.teams.workflows import RetryPolicy, WorkflowsError, check_workflows_url, post_reply
from handlers.reply import Item, Reply, Section
from tests.fakes.http import Answer, FakeServer
from tests.teams_fixtures import card_validator

MAX_BYTES = 26 * 1024
PART = re.compile(r"\(part (\d+) of (\d+)\)")


class VirtualTime:
    """A clock that only moves when something sleeps: pacing and back-off without real waiting."""

    def __init__(self):
        self.now, self.sleeps, self.starts = 0.0, [], []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


class RecordingLimiter(RateLimiter):
    def __init__(self, time: VirtualTime):
        super().__init__(clock=time.clock, sleep=time.sleep)
        self.time = time

    def wait(self) -> None:
        super().wait()
        self.time.starts.append(self.time.now)


def long_digest(items: int = 90) -> Reply:
    stories = tuple(Item(f"Story {n}: councils and the sector-led improvement offer " + "é" * 200,
                         url=f"https://www.lgcplus.com/story/{n}", meta=("LGC", "Mon 23 Nov"),
                         detail="Summary " + "x" * 600, marker="positive") for n in range(1, items + 1))
    return Reply(title="Start the week: comms round-up", sections=(Section(heading="Coverage", items=stories),))


def part_of(body: bytes) -> tuple[int, int]:
    card = json.loads(body)["attachments"][0]["content"]
    match = PART.search(json.dumps(card["body"][0], ensure_ascii=False))
    return int(match.group(1)), int(match.group(2))


def test_a_long_digest_arrives_once_in_order_through_429_503_and_a_timeout():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(202), Answer(429, "slow down", {"Retry-After": "7"}), Answer(202),
                      Answer(503, "busy"), Answer(202), Answer(202, delay=0.8), Answer(202))
        delivery = post_reply(f"{server.url}/flow?sig=abc", long_digest(), timeout=(2, 0.3),
                              limiter=RecordingLimiter(time), sleep=time.sleep)
        requests_ = server.received("/flow")
    parts = [part_of(r.body)[0] for r in requests_]
    total = part_of(requests_[0].body)[1]
    assert total >= 6 and delivery.parts == total and delivery.accepted == total
    assert parts == [1, 2, 2, 3, 3, 4] + list(range(5, total + 1))   # part 4 timed out: never resent
    assert delivery.uncertain == (4,)
    assert 7.0 in time.sleeps and 1.0 in time.sleeps                # Retry-After honoured; 503 backed off
    for request in requests_:
        assert len(request.body) <= MAX_BYTES
        assert request.headers["content-type"].startswith("application/json")
        payload = json.loads(request.body)
        assert payload["type"] == "message" and len(payload["attachments"]) == 1
        assert payload["attachments"][0]["content"]["version"] == "1.4"
    for body in {r.body for r in requests_}:                       # each distinct card, schema-checked once
        card_validator().validate(json.loads(body)["attachments"][0]["content"])
    landed = {part_of(r.body)[0]: r.body.decode() for r in requests_}      # one body per part
    stories = [int(n) for part in sorted(landed) for n in re.findall(r"Story (\d+):", landed[part])]
    assert stories == list(range(1, 91))                                    # every story once, in order


def test_no_more_than_four_requests_start_in_any_second():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(202))
        post_reply(f"{server.url}/flow", long_digest(150), limiter=RecordingLimiter(time), sleep=time.sleep)
    starts = time.starts
    assert len(starts) >= 9
    assert all(starts[i + 4] - starts[i] >= 1.0 for i in range(len(starts) - 4))


def test_a_refusal_stops_with_what_was_delivered_and_never_the_url():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(202), Answer(400, "bad card"))
        with pytest.raises(WorkflowsError) as raised:
            post_reply(f"{server.url}/flow?sig=TOPSECRET", long_digest(), limiter=RecordingLimiter(time),
                       sleep=time.sleep)
        assert len(server.received("/flow")) == 2
    error = raised.value
    assert (error.part, error.delivered, error.status, error.retryable) == (2, 1, 400, False)
    assert "TOPSECRET" not in str(error) and "127.0.0.1" in str(error)


def test_a_delivery_resumes_from_a_part_without_resending_earlier_ones():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(202))
        delivery = post_reply(f"{server.url}/flow", long_digest(), start_part=3, limiter=RecordingLimiter(time),
                              sleep=time.sleep)
        parts = [part_of(r.body)[0] for r in server.received("/flow")]
    assert parts == list(range(3, delivery.parts + 1)) and delivery.accepted == delivery.parts


def test_retries_run_out_on_a_server_that_stays_down():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(503))
        with pytest.raises(WorkflowsError) as raised:
            post_reply(f"{server.url}/flow", Reply(title="Daily coverage"), limiter=RecordingLimiter(time),
                       sleep=time.sleep, policy=RetryPolicy(max_attempts=4))
        assert len(server.received("/flow")) == 4
    assert raised.value.retryable and raised.value.delivered == 0
    assert time.sleeps == [1.0, 2.0, 4.0]


def test_a_retry_after_date_and_an_over_long_wait():
    time = VirtualTime()
    with FakeServer() as server:
        server.script("/flow", Answer(429, "", {"Retry-After": "Mon, 23 Nov 2026 09:00:30 GMT"}), Answer(202))
        post_reply(f"{server.url}/flow", Reply(title="x"), limiter=RecordingLimiter(time), sleep=time.sleep,
                   wall_clock=lambda: 1795424400.0)   # 09:00:00 GMT that day
        server.script("/later", Answer(429, "", {"Retry-After": "3600"}))
        with pytest.raises(WorkflowsError) as raised:
            post_reply(f"{server.url}/later", Reply(title="x"), limiter=RecordingLimiter(time), sleep=time.sleep)
        assert len(server.received("/later")) == 1
    assert 30.0 in time.sleeps and raised.value.retryable


def test_a_refused_connection_was_never_sent_so_it_is_retried():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    time = VirtualTime()
    with pytest.raises(WorkflowsError) as raised:
        post_reply(f"http://127.0.0.1:{port}/flow", Reply(title="x"), limiter=RecordingLimiter(time),
                   sleep=time.sleep, policy=RetryPolicy(max_attempts=3))
    assert raised.value.status is None and raised.value.retryable and time.sleeps == [1.0, 2.0]


@pytest.mark.parametrize("url, ok", [
    ("https://prod-12.uksouth.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x", True),
    ("https://default1234.environment.api.powerplatform.com/powerautomate/automations/direct/x?sig=y", True),
    ("http://127.0.0.1:8080/flow", True),
    ("http://prod-12.uksouth.logic.azure.com/workflows/abc", False),
    ("https://contoso.webhook.office.com/webhookb2/abc", False),
    ("ftp://example.org/x", False),
    ("not a url", False),
])
def test_workflows_urls_are_checked(url, ok):
    if ok:
        assert check_workflows_url(url) == url
    else:
        with pytest.raises(ValueError) as raised:
            check_workflows_url(url)
        assert url not in str(raised.value)


def test_a_connection_dropped_after_sending_is_not_sent_again():
    """The server reads the whole request, then hangs up without answering: it may have posted."""
    received: list[bytes] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def hang_up_after_reading():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                received.append(conn.recv(65536))

    threading.Thread(target=hang_up_after_reading, daemon=True).start()
    time = VirtualTime()
    try:
        delivery = post_reply(f"http://127.0.0.1:{listener.getsockname()[1]}/flow", Reply(title="Daily coverage"),
                              limiter=RecordingLimiter(time), sleep=time.sleep)
    finally:
        listener.close()
    assert len(received) == 1 and received[0].startswith(b"POST /flow")
    assert delivery.uncertain == (1,) and time.sleeps == []
