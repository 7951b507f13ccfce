"""HTTP edge: unknown routes and methods, and the shared webhook guards (auth, size, JSON) under
hostile input — every answer a 4xx with a reason, never a 500 or a traceback."""
from __future__ import annotations

import http.client
import json
import threading

import pytest
from flask import Blueprint, jsonify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.serving import make_server

from bot.webhooks import json_body, require_bearer_token
from models.access import Action
from models.text import clean_text

TOKEN = "hardening-token-0123456789"
LIMIT = 2_000
PATH_CHARS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_./%~!$&'()*+,;=:@", max_size=40)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


def _probe_blueprint(received: list) -> Blueprint:
    """A test-only webhook guarded like Herald's: token, then a size-capped JSON body."""
    bp = Blueprint("hardening_probe", __name__)

    @bp.post("/webhooks/hardening-probe")
    def probe():
        require_bearer_token("coverage", Action.COVERAGE_WEBHOOK)  # guarded as the coverage webhook is
        received.append(json_body())
        return jsonify(status="ok")

    return bp


@pytest.fixture
def probe(make_app, sqlite_url):
    """(client, received): an app with the probe webhook; `received` holds every accepted body."""
    received: list = []
    flask_app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN, HERALD_WEBHOOK_MAX_BYTES=LIMIT)
    flask_app.register_blueprint(_probe_blueprint(received))
    return flask_app.test_client(), received


def _assert_reasoned_4xx(response, status: int) -> None:
    assert response.status_code == status
    body = response.get_json()
    assert body["error"] and body["reason"]
    assert "Traceback" not in response.get_data(as_text=True)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=PATH_CHARS, method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"]))
def test_unknown_routes_and_methods_answer_json_with_a_reason(probe, path, method):
    client, _ = probe
    response = client.open("/zz-" + path, method=method)
    assert response.status_code in (404, 405, 308), (path, response.status_code)
    if response.status_code != 308:
        _assert_reasoned_4xx(response, response.status_code)


def test_wrong_method_on_a_real_route(probe):
    client, _ = probe
    _assert_reasoned_4xx(client.post("/healthz"), 405)
    _assert_reasoned_4xx(client.get("/webhooks/hardening-probe"), 405)


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer wrong", f"Basic {TOKEN}", f"bearer {TOKEN}x",
                                    f"Bearer {TOKEN[:-1]}"])
def test_webhook_without_the_right_token_is_401_and_stores_nothing(probe, header):
    client, received = probe
    headers = {"Authorization": header} if header is not None else {}
    _assert_reasoned_4xx(client.post("/webhooks/hardening-probe", json={"url": "https://x.test/a"},
                                     headers=headers), 401)
    assert received == []


def test_webhooks_are_off_without_a_configured_token(make_app, sqlite_url):
    flask_app = make_app(sqlite_url)
    received: list = []
    flask_app.register_blueprint(_probe_blueprint(received))
    response = flask_app.test_client().post("/webhooks/hardening-probe", json={},
                                            headers={"Authorization": "Bearer "})
    _assert_reasoned_4xx(response, 503)
    assert received == []


def test_oversized_bodies_are_413_declared_or_not(probe):
    client, received = probe
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = json.dumps({"title": "x" * (LIMIT * 2)})
    _assert_reasoned_4xx(client.post("/webhooks/hardening-probe", data=big, content_type="application/json",
                                     headers=auth), 413)

    assert received == []


def test_a_chunked_body_without_length_is_capped_while_read(make_app, sqlite_url):
    """Over a real loopback server: no Content-Length, so only the read itself can enforce the cap."""
    received: list = []
    flask_app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN, HERALD_WEBHOOK_MAX_BYTES=LIMIT)
    flask_app.register_blueprint(_probe_blueprint(received))
    server = make_server("127.0.0.1", 0, flask_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
        body = json.dumps({"title": "x" * (LIMIT * 3)}).encode()
        conn.putrequest("POST", "/webhooks/hardening-probe")
        for name, value in (("Authorization", f"Bearer {TOKEN}"), ("Content-Type", "application/json"),
                            ("Transfer-Encoding", "chunked")):
            conn.putheader(name, value)
        conn.endheaders()
        for start in range(0, len(body), 1000):
            piece = body[start:start + 1000]
            conn.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        conn.send(b"0\r\n\r\n")
        response = conn.getresponse()
        payload = json.loads(response.read())
        assert response.status == 413 and payload["reason"], payload
    finally:
        server.shutdown()
    assert received == []


@pytest.mark.parametrize("data, content_type, status", [
    ("{}", "text/plain", 415), ("not json", "application/json", 400), ("{\"a\": ", "application/json", 400),
    ("\xff\xfe", "application/json", 400), ("", "application/json", 400),
])
def test_bad_bodies_get_the_reason(probe, data, content_type, status):
    client, received = probe
    response = client.post("/webhooks/hardening-probe", data=data, content_type=content_type,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    _assert_reasoned_4xx(response, status)
    assert received == []


def _cleaned(value):
    """The body as `json_body` hands it on: every string, keys too, without control characters."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): _cleaned(v) for k, v in value.items()}
    return value


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(JSON_VALUES.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300)))
def test_any_body_is_accepted_or_refused_with_a_reason(probe, body):
    client, received = probe
    before = len(received)
    response = client.post("/webhooks/hardening-probe", data=body, content_type="application/json",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    if response.status_code == 200:
        assert received[before:] == [_cleaned(json.loads(body))]
    else:
        _assert_reasoned_4xx(response, response.status_code)
        assert 400 <= response.status_code < 500 and len(received) == before
