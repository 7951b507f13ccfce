"""Load against gunicorn with PostgreSQL: 200 concurrent signed `/coverage log` commands and 50
concurrent webhook posts — no 5xx, and every logged record stored exactly once.

Runs once `/slack/events` or `/webhooks/coverage` is in the build; skips, saying so, until then.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, select

from bench.databases import BenchDatabase
from bench.loadclient import sign, slash_command_body
from bench.suites.http import Server, start_server
from models.coverage import CoverageItem
from tests.fakes.slack_api import FakeSlackAPI

SECRET = "load-signing-secret"
TOKEN = "load-webhook-token"
COMMANDS, WEBHOOK_POSTS = 200, 50


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _routes(make_app, database_url: str) -> set[str]:
    """The routes this build serves, read from an app built in-process (cheaper than a server)."""
    flask_app = make_app(database_url, SLACK_SIGNING_SECRET=SECRET, SLACK_BOT_TOKEN="xoxb-load",
                         HERALD_WEBHOOK_TOKEN=TOKEN, SLACK_API_URL="http://127.0.0.1:9/api/")
    return {rule.rule for rule in flask_app.url_map.iter_rules()}


def _signed_log(server: Server, index: int) -> int:
    body = slash_command_body("/coverage", f"log https://www.themj.co.uk/load/slack-{index} MJ neutral", index)
    return _post(server.url + "/slack/events", body, sign(SECRET, body, int(time.time())))


def _webhook_item(server: Server, index: int) -> int:
    item = {"url": f"https://www.lgcplus.com/load/webhook-{index}", "title": f"Load item {index}",
            "outlet": "LGC"}
    return _post(server.url + "/webhooks/coverage", json.dumps(item).encode(),
                 {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})


def _stored_urls(database_url: str, prefix: str) -> list[str]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(CoverageItem.canonical_url)
                                     .where(CoverageItem.canonical_url.like(f"%/load/{prefix}-%"))))
    finally:
        engine.dispose()


def _wait_for(database_url: str, prefix: str, expected: int) -> list[str]:
    """Stored URLs once `expected` are there (listeners may finish after the HTTP answer), or at 30 s."""
    deadline = time.monotonic() + 30
    while True:
        urls = _stored_urls(database_url, prefix)
        if len(urls) >= expected or time.monotonic() > deadline:
            return urls
        time.sleep(0.5)


def test_concurrent_commands_and_webhooks_lose_nothing_and_duplicate_nothing(database_url, make_app):
    if not database_url.startswith("postgresql"):
        pytest.skip("this load test runs against PostgreSQL")
    routes = _routes(make_app, database_url)
    slack, webhooks = "/slack/events" in routes, "/webhooks/coverage" in routes
    if not (slack or webhooks):
        pytest.skip("neither /slack/events nor /webhooks/coverage is in this build yet")
    with FakeSlackAPI() as slack_api:
        server = start_server(BenchDatabase("postgresql", 0, database_url), SECRET, slack_api.api_url,
                              {"HERALD_WEBHOOK_TOKEN": TOKEN})
        try:
            with ThreadPoolExecutor(max_workers=COMMANDS + WEBHOOK_POSTS) as pool:
                slack_statuses = list(pool.map(lambda i: _signed_log(server, i), range(COMMANDS))) if slack else []
                hook_statuses = (list(pool.map(lambda i: _webhook_item(server, i), range(WEBHOOK_POSTS)))
                                 if webhooks else [])
        finally:
            server.stop()
    assert [s for s in slack_statuses + hook_statuses if s >= 500] == []
    if slack:
        assert slack_statuses == [200] * COMMANDS
        urls = _wait_for(database_url, "slack", COMMANDS)
        assert sorted(urls) == sorted(set(urls)) and len(urls) == COMMANDS
    if webhooks:
        assert all(200 <= s < 300 for s in hook_statuses), hook_statuses
        urls = _wait_for(database_url, "webhook", WEBHOOK_POSTS)
        assert sorted(urls) == sorted(set(urls)) and len(urls) == WEBHOOK_POSTS
