"""One organisation per Herald: OAuth installs only from HERALD_ALLOWED_WORKSPACES; signed Slack
requests and Teams activities from any other workspace, Grid organisation or tenant get 403, with
nothing stored and nothing posted."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from config import ConfigError
from models.db import Base
from tests.teams_fixtures import DOC_SECRET, activity, teams_auth
from tests.test_slack_connect import OAUTH, _install

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api


def rows(herald) -> dict[str, int]:
    """How many rows every table holds (receipts, jobs and the audit log included)."""
    with herald.session() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def oauth(make_slack, sqlite_url):
    return make_slack(sqlite_url, **OAUTH)  # serves workspace T2 only


def test_an_install_from_a_workspace_not_on_the_list_is_refused_with_a_clear_page(oauth, slack_api):
    before = rows(oauth.herald)
    page = _install(oauth, slack_api, team="T9", token="xoxb-other-org")
    assert page.status_code == 403
    assert "This Herald is not for your organisation" in page.get_data(as_text=True)
    assert "HERALD_ALLOWED_WORKSPACES" in page.get_data(as_text=True)
    after = rows(oauth.herald)
    assert after["slack_bots"] == after["slack_installations"] == 0
    assert {k: v for k, v in after.items() if k != "slack_oauth_states"} == \
        {k: v for k, v in before.items() if k != "slack_oauth_states"}


@pytest.mark.parametrize("team, enterprise", [("T9", None), ("T9", "E9"), (None, None)])
def test_signed_requests_from_elsewhere_get_403_and_change_nothing(oauth, slack_api, team, enterprise):
    assert _install(oauth, slack_api).status_code == 200  # T2, the organisation's own workspace
    slack_api.reset()
    before = rows(oauth.herald)
    extra = {"team_id": team or "", "enterprise_id": enterprise or ""}
    assert oauth.command("/feeds", "list", trigger="T-far", **extra).status_code == 403
    event = {"type": "event_callback", "api_app_id": "A1", "event_id": "EvFar", "event_time": oauth.now,
             "event": {"type": "app_mention", "user": "U1", "text": "<@UB2> coverage this week", "channel": "C1",
                       "ts": "1.1"}, **({"team_id": team} if team else {}),
             **({"enterprise_id": enterprise} if enterprise else {})}
    assert oauth.post(json.dumps(event).encode(), "application/json").status_code == 403
    click = {"type": "block_actions", "team": {"id": team} if team else None, "user": {"id": "U1"},
             "actions": [{"action_id": "herald_run_0", "value": "coverage this week", "action_ts": "1.2"}]}
    assert oauth.interaction(click).status_code == 403
    assert rows(oauth.herald) == before
    assert slack_api.server.requests == []


def test_the_organisations_own_workspace_and_its_grid_are_served(make_slack, sqlite_url, slack_api):
    grid = make_slack(sqlite_url, SLACK_ADMIN_USER_IDS=("U1",), HERALD_ALLOWED_WORKSPACES=("E1",))
    assert grid.command("/herald", "help", team_id="T7", enterprise_id="E1").status_code == 200
    assert grid.command("/herald", "help", team_id="T7", trigger="T-2").status_code == 403


def test_oauth_without_an_allowlist_does_not_start(make_app, sqlite_url):
    with pytest.raises(ConfigError, match="HERALD_ALLOWED_WORKSPACES"):
        make_app(sqlite_url, SLACK_SIGNING_SECRET="s", **{**OAUTH, "HERALD_ALLOWED_WORKSPACES": ()})


def test_a_teams_activity_from_another_tenant_gets_403_and_changes_nothing(make_app, sqlite_url):
    app = make_app(sqlite_url, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                   HERALD_ALLOWED_TENANTS=("0f0f0f0f-0000-4000-8000-000000000000",))
    herald = app.extensions["herald"]
    before = rows(herald)
    raw = activity("<at>Herald</at> coverage log https://news.example.org/far")  # tenant 72f988bf-…
    response = app.test_client().post("/teams/outgoing", data=raw, headers={
        "Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
    assert response.status_code == 403 and rows(herald) == before
    home = make_app(sqlite_url, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                    HERALD_ALLOWED_TENANTS=("72F988BF-0000-4000-8000-000000000000",))
    assert home.test_client().post("/teams/outgoing", data=raw, headers={
        "Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)}).status_code == 200
    home.extensions["herald.teams"].drain(5)
