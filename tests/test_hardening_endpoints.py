"""Security of the platform endpoints: wrong or missing credentials are 401 and store nothing,
oversized bodies 413, and malformed signatures never a 500.

Each endpoint is built by another issue; a test skips, saying so, while its route is not in this
build, and runs as soon as it is.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bench.loadclient import sign, slash_command_body
from models.coverage import CoverageItem
from tests.fakes.slack_api import FakeSlackAPI

SIGNING_SECRET = "hardening-signing-secret"
WEBHOOK_TOKEN = "hardening-webhook-token"
TEAMS_SECRET = base64.b64encode(b"k" * 32).decode()
LIMIT = 4_000


@pytest.fixture
def slack_api():
    with FakeSlackAPI() as fake:
        yield fake


@pytest.fixture
def edge_app(make_app, sqlite_url, slack_api):
    """An app with every platform credential configured and a small body cap."""
    return make_app(sqlite_url, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_BOT_TOKEN="xoxb-hardening",
                    SLACK_API_URL=slack_api.api_url, HERALD_WEBHOOK_TOKEN=WEBHOOK_TOKEN,
                    TEAMS_OUTGOING_WEBHOOK_SECRET=TEAMS_SECRET, HERALD_WEBHOOK_MAX_BYTES=LIMIT)


def herald_now(flask_app) -> int:
    """Herald checks signatures against its own (injected) clock, so requests are signed with it."""
    return int(flask_app.extensions["herald"].clock.now().timestamp())


def _require_route(flask_app, rule: str) -> None:
    if not any(r.rule == rule for r in flask_app.url_map.iter_rules()):
        pytest.skip(f"{rule} is not in this build yet")


def _coverage_count(flask_app) -> int:
    with flask_app.extensions["herald"].session() as session:
        return session.scalar(select(func.count()).select_from(CoverageItem))


def test_bench_signatures_are_the_ones_slack_sends():
    from slack_sdk.signature import SignatureVerifier
    body = slash_command_body("/coverage", "this week", 1)
    headers = sign(SIGNING_SECRET, body, int(time.time()))  # slack_sdk's verifier reads the real clock
    assert SignatureVerifier(SIGNING_SECRET).is_valid(
        body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"])


@pytest.mark.parametrize("timestamp, signature", [
    (None, None), ("now", "v0=" + "0" * 64), ("now", "v0=garbage"), ("stale", "valid"),
    ("abc", "valid"), ("9" * 5000, "valid"), ("-1", "valid"), ("now", ""),
])
def test_slack_requests_without_a_good_signature_are_401(edge_app, timestamp, signature):
    _require_route(edge_app, "/slack/events")
    body = slash_command_body("/coverage", "this week", 1)
    now = herald_now(edge_app)
    stamp = {"now": str(now), "stale": str(now - 600)}.get(timestamp, timestamp)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if stamp is not None:
        headers["X-Slack-Request-Timestamp"] = stamp
        base = f"v0:{stamp}:".encode() + body
        good = "v0=" + hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
        headers["X-Slack-Signature"] = good if signature == "valid" else signature
    response = edge_app.test_client().post("/slack/events", data=body, headers=headers)
    assert response.status_code == 401


def test_a_signed_slash_command_is_answered(edge_app):
    _require_route(edge_app, "/slack/events")
    body = slash_command_body("/herald", "help", 1)
    response = edge_app.test_client().post("/slack/events", data=body, headers=sign(SIGNING_SECRET, body,
                                                                                     herald_now(edge_app)))
    assert response.status_code == 200


def test_oversized_slack_bodies_are_413(edge_app):
    _require_route(edge_app, "/slack/events")
    body = slash_command_body("/coverage", "x" * (LIMIT * 2), 1)
    response = edge_app.test_client().post("/slack/events", data=body,
                                           headers=sign(SIGNING_SECRET, body, herald_now(edge_app)))
    assert response.status_code == 413


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {WEBHOOK_TOKEN}", "Bearer "])
def test_coverage_webhook_without_the_token_is_401_and_stores_nothing(edge_app, auth):
    _require_route(edge_app, "/webhooks/coverage")
    headers = {"Authorization": auth} if auth else {}
    item = {"url": "https://www.lgcplus.com/news/hardening", "title": "Hardening test", "outlet": "LGC"}
    response = edge_app.test_client().post("/webhooks/coverage", json=item, headers=headers)
    assert response.status_code == 401 and response.get_json()["reason"]
    assert _coverage_count(edge_app) == 0


def test_oversized_coverage_webhook_is_413_and_stores_nothing(edge_app):
    _require_route(edge_app, "/webhooks/coverage")
    items = [{"url": f"https://www.lgcplus.com/news/{i}", "title": "x" * 200} for i in range(100)]
    response = edge_app.test_client().post("/webhooks/coverage", json=items,
                                           headers={"Authorization": f"Bearer {WEBHOOK_TOKEN}"})
    assert response.status_code == 413 and response.get_json()["reason"]
    assert _coverage_count(edge_app) == 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["url", "title", "outlet", "published", "tone", "summary", "x"]) | st.text(max_size=8),
        children, max_size=5),
    max_leaves=15)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=JSON_VALUES)
def test_any_coverage_webhook_json_gets_2xx_or_a_reasoned_4xx(edge_app, payload):
    _require_route(edge_app, "/webhooks/coverage")
    response = edge_app.test_client().post("/webhooks/coverage", data=json.dumps(payload),
                                           content_type="application/json",
                                           headers={"Authorization": f"Bearer {WEBHOOK_TOKEN}"})
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.get_json()["reason"]


@pytest.mark.parametrize("auth", [None, "HMAC ", "HMAC AAAA", "Bearer x", "HMAC !!notbase64!!"])
def test_teams_outgoing_without_a_good_hmac_is_401(edge_app, auth):
    _require_route(edge_app, "/teams/outgoing")
    body = json.dumps({"type": "message", "text": "<at>Herald</at> coverage this week"}).encode()
    headers = {"Content-Type": "application/json", **({"Authorization": auth} if auth else {})}
    response = edge_app.test_client().post("/teams/outgoing", data=body, headers=headers)
    assert response.status_code == 401
