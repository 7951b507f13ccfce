"""Connecting to Slack: OAuth installs stored in Herald's database, settings checks, Socket Mode."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import text

from config import ConfigError
from tests.fakes.http import Answer

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures

OAUTH = {"SLACK_CLIENT_ID": "111.222", "SLACK_CLIENT_SECRET": "oauth-secret", "SLACK_BOT_TOKEN": "",
         "HERALD_ALLOWED_WORKSPACES": ("T2",)}


def _install(harness, slack_api, team: str = "T2", token: str = "xoxb-team-two"):
    client = harness.app.test_client()
    page = client.get("/slack/install")
    assert page.status_code == 200
    authorize = re.search(r'href="(https://slack.com/oauth/v2/authorize[^"]+)"', page.get_data(as_text=True)).group(1)
    query = parse_qs(urlsplit(authorize.replace("&amp;", "&")).query)
    assert query["client_id"] == ["111.222"] and "commands" in query["scope"][0]
    state = query["state"][0]
    slack_api.server.script("/api/oauth.v2.access", Answer(200, {
        "ok": True, "access_token": token, "token_type": "bot", "scope": "commands,chat:write",
        "bot_user_id": "UB2", "app_id": "A1", "team": {"id": team, "name": "Thurrock Council"},
        "enterprise": None, "is_enterprise_install": False, "authed_user": {"id": "U9"}}))
    done = client.get(f"/slack/oauth_redirect?code=abc&state={state}",
                      headers={"Cookie": f"slack-app-oauth-state={state}"})
    return done


def test_oauth_install_is_stored_in_herald_database_and_used_for_that_workspace(make_slack, database_url,
                                                                                slack_api):
    harness = make_slack(database_url, **OAUTH)
    done = _install(harness, slack_api)
    assert done.status_code == 200, done.get_data(as_text=True)[:300]
    with harness.herald.engine.connect() as conn:
        stored = conn.execute(text("SELECT team_id, bot_token FROM slack_bots")).all()
    assert [tuple(row) for row in stored] == [("T2", "xoxb-team-two")]
    assert harness.runtime.client_for("T2").token == "xoxb-team-two"
    response = harness.command("/herald", "help", team_id="T2", trigger="T-oauth")
    assert response.status_code == 200 and response.get_json()["blocks"][0]["type"] == "header"


def test_oauth_redirect_with_a_forged_state_installs_nothing(make_slack, sqlite_url, slack_api):
    harness = make_slack(sqlite_url, **OAUTH)
    response = harness.app.test_client().get("/slack/oauth_redirect?code=abc&state=forged",
                                              headers={"Cookie": "slack-app-oauth-state=forged"})
    assert response.status_code in (400, 401, 403)
    assert slack_api.calls("oauth.v2.access") == []


def test_slack_settings_that_cannot_work_stop_startup_with_the_setting_named(make_app, sqlite_url):
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        make_app(sqlite_url, SLACK_SIGNING_SECRET="s3cret")
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        make_app(sqlite_url, SLACK_CLIENT_ID="1.2", SLACK_CLIENT_SECRET="x")
    post_only = make_app(sqlite_url, SLACK_BOT_TOKEN="xoxb-1")  # digests may post; nothing is received
    assert post_only.test_client().post("/slack/events", data=b"{}").status_code == 404


def test_socket_mode_needs_no_public_endpoint_and_builds_without_network(make_app, sqlite_url, slack_api):
    from bot.slack.socket_mode import socket_mode_handler
    app = make_app(sqlite_url, SLACK_APP_TOKEN="xapp-1", SLACK_BOT_TOKEN="xoxb-1", SLACK_API_URL=slack_api.api_url)
    assert app.test_client().post("/slack/events", data=b"{}").status_code == 404
    handler = socket_mode_handler(app.extensions["herald_slack"])
    assert handler.client.app_token == "xapp-1" and handler.client.web_client.base_url == slack_api.api_url
    handler.close()
    assert slack_api.server.requests == []
    app.extensions["herald_slack"].worker.stop()


def test_manifest_declares_every_command_scope_event_and_shortcut_herald_handles():
    from pathlib import Path

    import yaml

    from bot.slack.app import BOT_SCOPES
    from bot.slack.listeners import LOG_COVERAGE_SHORTCUT
    from handlers.router import FAMILIES

    manifest = yaml.safe_load((Path(__file__).parent.parent / "slack-manifest.yaml").read_text())
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {f"/{f.name}" for f in FAMILIES} | {"/herald"}
    # Only /enquiry asks Slack to escape: `owner:@sam` must arrive as the person's id, <@U…|sam>.
    assert all(c["url"].endswith("/slack/events") and c["should_escape"] is (c["command"] == "/enquiry")
               for c in manifest["features"]["slash_commands"])
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im",
                                                                               "app_home_opened"}
    assert manifest["features"]["shortcuts"][0]["callback_id"] == LOG_COVERAGE_SHORTCUT
    assert manifest["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")


def test_a_socket_mode_command_reaches_the_same_listeners_without_a_signature(make_app, sqlite_url, slack_api):
    import json

    from slack_bolt.adapter.socket_mode.internals import run_bolt_app
    from slack_sdk.socket_mode.request import SocketModeRequest
    app = make_app(sqlite_url, SLACK_APP_TOKEN="xapp-1", SLACK_BOT_TOKEN="xoxb-1", SLACK_API_URL=slack_api.api_url)
    runtime = app.extensions["herald_slack"]
    payload = {"command": "/herald", "text": "help", "user_id": "U1", "team_id": "T1", "channel_id": "C1",
               "trigger_id": "T-socket", "response_url": f"{slack_api.server.url}/response/socket"}
    response = run_bolt_app(runtime.bolt, SocketModeRequest(type="slash_commands", envelope_id="e1", payload=payload))
    runtime.worker.stop()
    assert response.status == 200
    assert json.loads(response.body)["blocks"][0]["text"]["text"].startswith("Herald")


def test_a_token_in_the_environment_starts_without_a_misleading_bolt_warning(make_app, sqlite_url, slack_api,
                                                                            monkeypatch, caplog):
    # Bolt reads SLACK_BOT_TOKEN itself and warns it "will be unused" beside Herald's client, which holds it.
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    with caplog.at_level("WARNING"):
        app = make_app(sqlite_url, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s3cret",
                       SLACK_API_URL=slack_api.api_url)
    assert app.extensions["herald_slack"].bolt.client.token == "xoxb-1"
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()], caplog.text
