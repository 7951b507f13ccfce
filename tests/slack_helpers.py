"""Helpers for Slack tests: sign requests like Slack, wait for the worker, add test-only families."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from handlers.context import Context
from handlers.family import Family
from handlers.reply import Reply, Section
from handlers.router import FAMILIES
from models.audit import record_audit
from tests.fakes.slack_api import FakeSlackAPI

SIGNING_SECRET = "test-signing-secret-0123456789"


def sign(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    return SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)


def wait_until(predicate: Callable[[], object], timeout: float = 10.0):
    """Poll until `predicate()` is truthy (work done by the worker thread); fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out waiting for Herald's Slack worker")


@dataclass
class SlackHarness:
    """A Herald app with Slack configured against a fake Slack, and ways to call it like Slack."""

    app: object
    api: FakeSlackAPI
    now: int

    @property
    def herald(self):
        return self.app.extensions["herald"]

    @property
    def runtime(self):
        return self.app.extensions["herald_slack"]

    def post(self, body: bytes, content_type: str, timestamp: str | None = None, signature: str | None = None,
             headers: dict | None = None):
        ts = timestamp if timestamp is not None else str(self.now)
        sig = signature if signature is not None else sign(body, ts)
        all_headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig, "Content-Type": content_type,
                       **(headers or {})}
        return self.app.test_client().post("/slack/events", data=body, headers=all_headers)

    def command(self, command: str, text: str = "", user: str = "U1", trigger: str = "T-1", **extra):
        form = {"command": command, "text": text, "user_id": user, "user_name": "alex", "team_id": "T1",
                "channel_id": "C1", "trigger_id": trigger, "token": "x",
                "response_url": f"{self.api.server.url}/response/{trigger}", **extra}
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded")

    def interaction(self, payload: dict, **kwargs):
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)

    def event(self, event: dict, event_id: str = "Ev1", headers: dict | None = None):
        envelope = {"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": event_id,
                    "event_time": self.now, "event": event, "token": "x"}
        return self.post(json.dumps(envelope).encode(), "application/json", headers=headers)

    def responses(self, trigger: str = "T-1") -> list[dict]:
        return [r.json() for r in self.api.server.received(f"/response/{trigger}")]

    def answer(self, command: str, text: str = "", user: str = "U1", trigger: str = "T-1") -> dict:
        """What the person is finally shown for a slash command: the ack's answer, or, when the ack only
        said "Working on it…" (a slow command, or a quick one late on a loaded machine), the answer
        posted to its response_url after."""
        response = self.command(command, text, user=user, trigger=trigger)
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json() or {}
        if not body or body.get("text") == "Working on it…":
            body = wait_until(lambda: self.responses(trigger))[-1]
        return body


def audited_family(name: str = "note", slow: bool = False, gate: threading.Event | None = None) -> Family:
    """A test-only family whose command writes one audit entry (a visible side effect).

    With `gate`, the handler waits for the test to open it: proof the acknowledgement did not wait.
    """
    def handle(rest: str, ctx: Context) -> Reply:
        if gate is not None and not gate.wait(10):
            raise RuntimeError("gate never opened")
        record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="note", entity="note", detail={"text": rest})
        return Reply(title=f"Noted: {rest}", sections=(Section(text="Saved."),))

    return Family(name=name, summary="test notes", usage=f"/{name} <text>", examples=(f"/{name} hello",),
                  handle=handle, slow=slow)


def with_families(harness: SlackHarness, *families: Family) -> None:
    """Give this Herald extra command families (Herald.families is its documented seam)."""
    harness.herald.families = families + FAMILIES  # first match wins: a test family may stand in for one
