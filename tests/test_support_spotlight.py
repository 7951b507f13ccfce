"""Spotlight alerts over real HTTP: negative coverage pushed through the signed coverage webhook,
the check run by the clock's job, the alert sent by the shared notices to the loopback fake Slack,
and its buttons clicked as signed interactivity payloads. Both databases.

Bars: 3 negative items from 2 outlets inside 48 h raise exactly ONE alert (the check run twice, by
two holders, and more items later: still one); a dismissed spike never alerts again.
"""
from __future__ import annotations

import itertools
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.slack.post import Pacer
from digests.notices import send_due_notices
from digests.spotlight_alerts import run_spotlight_check
from models.audit import REFUSED, AuditEntry
from models.notices import Notice
from models.spotlight import Spotlight
from models.support import SupportRequest
from tests.digest_fixtures import VirtualTime
from tests.fakes.http import Answer, FakeServer
from tests.slack_helpers import wait_until

pytest_plugins = ("tests.slack_fixtures",)

TOKEN = "monitor-token-0123456789"
ADMIN, MEMBER, OTHER = "UADMIN", "UMEMBER", "UOTHER"
_n = itertools.count(1)


@pytest.fixture
def workflows():
    """The team's Teams channel: a loopback Workflows URL that accepts every card."""
    with FakeServer(default=lambda rec: Answer(202, {})) as server:
        yield server


@pytest.fixture
def harness(make_slack, database_url, clock, workflows):
    time = VirtualTime(clock)
    return make_slack(database_url, HERALD_WEBHOOK_TOKEN=TOKEN, HERALD_TEAM_CHANNEL="CTEAM",
                      HERALD_TEAM_WORKFLOWS_URL=f"{workflows.url}/team", HERALD_ALLOW_PRIVATE_FEEDS=True,
                      SLACK_ADMIN_USER_IDS=(ADMIN,), PACER=Pacer(monotonic=time.monotonic, sleep=time.sleep))


def push(harness, title: str, outlet: str, hours_ago: float, tone: str = "negative") -> None:
    """One item through POST /webhooks/coverage, as a media monitor sends it."""
    n = next(_n)
    published = harness.herald.clock.now() - timedelta(hours=hours_ago)
    body = {"url": f"https://{outlet.lower().replace(' ', '')}.example.com/story/{n}", "title": title,
            "outlet": outlet, "tone": tone, "published_at": published.isoformat()}
    response = harness.app.test_client().post("/webhooks/coverage", json=body,
                                              headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["created"] == 1


def team_posts(harness) -> list[dict]:
    return [c for c in harness.api.calls("chat.postMessage") if c["channel"] == "CTEAM"]


def command(harness, text: str, user: str) -> str:
    """Type `/family rest` in Slack now (signed at the clock's time); the answer's JSON."""
    harness.now = int(harness.herald.clock.now().timestamp())
    word, _, rest = text.partition(" ")
    return harness.command(word, rest, user=user).get_data(as_text=True)


def click(harness, value: str, user: str) -> str:
    """Click a button whose value is `value` in the team channel, as `user`; Herald's answer."""
    n = next(_n)
    harness.now = int(harness.herald.clock.now().timestamp())
    payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user, "name": "m", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": f"tr{n}", "channel": {"id": "CTEAM"},
               "response_url": f"{harness.api.server.url}/response/click-{n}",
               "container": {"type": "message", "is_ephemeral": False},
               "actions": [{"action_id": "herald_run_0", "block_id": "b", "value": value, "type": "button",
                            "action_ts": f"1795424400.{n}"}]}
    assert harness.interaction(payload).status_code == 200
    return json.dumps(wait_until(lambda: harness.responses(f"click-{n}"))[-1], ensure_ascii=False)


def buttons_of(post: dict) -> dict[str, str]:
    return {e["text"]["text"]: e["value"] for block in post["blocks"] if block["type"] == "actions"
            for e in block["elements"] if "value" in e}


def raise_spotlight(harness) -> dict:
    """Three negative Thurrock stories from two outlets inside 48 h; the check; the alert sent."""
    push(harness, "Thurrock Council issues section 114 notice", "LGC", 30)
    push(harness, "Thurrock auditors & councillors clash over debts", "The MJ", 20)
    assert run_spotlight_check(harness.herald, "clock:a") == 0  # two items: not yet
    push(harness, "Thurrock commissioners step in", "LGC", 2)
    assert run_spotlight_check(harness.herald, "clock:a") == 1
    assert run_spotlight_check(harness.herald, "clock:b") == 0  # a second holder: nothing new
    assert send_due_notices(harness.herald, "clock:a") == 2  # the Slack and the Teams team channel
    assert send_due_notices(harness.herald, "clock:b") == 0
    (post,) = team_posts(harness)
    return post


def teams_cards(workflows) -> list[str]:
    return [json.dumps(r.json()) for r in workflows.requests if r.path.startswith("/team")]


def test_three_negative_items_from_two_outlets_raise_exactly_one_alert(harness, workflows):
    post = raise_spotlight(harness)
    (card,) = teams_cards(workflows)
    assert "In the media spotlight: Thurrock" in card and "commissioners step in" in card
    text = json.dumps(post["blocks"])
    assert "Thurrock" in post["text"]
    for title in ("section 114 notice", "auditors &amp; councillors clash over debts", "commissioners step in"):
        assert title in text
    assert "https://lgc.example.com/story/" in text  # stories are linked
    assert set(buttons_of(post)) == {"Log support offer", "Assign", "Dismiss"}
    # More negative items later in the same spike, and checks from both holders: still one alert.
    push(harness, "Thurrock leader resigns", "Sky News", 1)
    harness.herald.clock.advance(hours=30)
    push(harness, "Thurrock budget gap widens", "LGC", 1)
    for holder in ("clock:a", "clock:b", "clock:a"):
        assert run_spotlight_check(harness.herald, holder) == 0
        send_due_notices(harness.herald, holder)
    assert len(team_posts(harness)) == 1 and len(teams_cards(workflows)) == 1
    with harness.herald.reading() as session:
        (spotlight,) = session.scalars(select(Spotlight)).all()
        assert spotlight.status == "open" and "3 negative items from 2 outlets" in spotlight.reason
        assert session.query(Notice).filter_by(kind="spotlight").count() == 2  # one per team channel
    listed = command(harness, "/support spotlight", MEMBER)
    assert "Thurrock" in listed and "5 negative items" in listed


def test_positive_items_and_a_single_outlet_raise_nothing(harness):
    push(harness, "Thurrock wins award", "LGC", 10, tone="positive")
    for hours in (9, 8, 7):
        push(harness, f"Woking debt story {hours}", "The MJ", hours)  # one outlet: below the outlet rule
    assert run_spotlight_check(harness.herald, "clock:a") == 0
    assert send_due_notices(harness.herald, "clock:a") == 0 and not team_posts(harness)


def test_dismissed_spike_stays_dismissed_and_only_admins_or_its_assignee_may_dismiss(harness):
    post = raise_spotlight(harness)
    buttons = buttons_of(post)
    refused = click(harness, buttons["Dismiss"], MEMBER)
    assert "Only admins or its author" in refused
    assert "is with" in click(harness, buttons["Assign"], MEMBER)
    with harness.herald.reading() as session:
        spotlight = session.scalars(select(Spotlight)).one()
        assert (spotlight.status, spotlight.assigned_to) == ("assigned", MEMBER)
        assert session.query(AuditEntry).filter_by(entity=REFUSED, action="spotlight.dismiss").count() == 1
    assert "Dismissed spotlight" in click(harness, buttons["Dismiss"], MEMBER)  # its assignee may
    # New negative items within the spike's window join it silently: no new alert, ever.
    for hours, outlet in ((3, "LGC"), (2, "The MJ"), (1, "Sky News")):
        push(harness, f"Thurrock fresh criticism {hours}", outlet, hours)
    harness.herald.clock.advance(hours=40)
    for hours, outlet in ((3, "LGC"), (2, "The MJ"), (1, "BBC")):
        push(harness, f"Thurrock still criticised {hours}", outlet, hours)
    for holder in ("clock:a", "clock:b"):
        assert run_spotlight_check(harness.herald, holder) == 0
        assert send_due_notices(harness.herald, holder) == 0
    assert len(team_posts(harness)) == 1
    # After a quiet window, a new spike is a new spotlight and alerts once.
    harness.herald.clock.advance(hours=72)
    for hours, outlet in ((5, "LGC"), (4, "The MJ"), (3, "BBC")):
        push(harness, f"Thurrock new scandal {hours}", outlet, hours)
    assert run_spotlight_check(harness.herald, "clock:a") == 1
    assert send_due_notices(harness.herald, "clock:a") == 2
    assert len(team_posts(harness)) == 2


def test_log_support_offer_button_logs_a_prefilled_request(harness):
    post = raise_spotlight(harness)
    answer = click(harness, buttons_of(post)["Log support offer"], MEMBER)
    assert "Logged support request #1" in answer
    with harness.herald.reading() as session:
        request = session.get(SupportRequest, 1)
        assert (request.council_code, request.category, request.owner_id, request.spotlight_id) == (
            "THR", "media", MEMBER, 1)
        assert session.get(Spotlight, 1).status == "supported"
    council = command(harness, "/council Thurrock", OTHER)
    assert "Support requests (open)" in council and "In the media spotlight" in council


def test_a_spotlight_dismissed_before_its_alert_went_out_is_never_posted(harness, workflows):
    push(harness, "Thurrock Council issues section 114 notice", "LGC", 30)
    push(harness, "Thurrock auditors clash", "The MJ", 20)
    push(harness, "Thurrock commissioners step in", "LGC", 2)
    assert run_spotlight_check(harness.herald, "clock:a") == 1
    assert "Dismissed spotlight #1" in command(harness, "/support spotlight dismiss 1 national story", ADMIN)
    assert send_due_notices(harness.herald, "clock:a") == 0
    assert not team_posts(harness) and not teams_cards(workflows)
    with harness.herald.reading() as session:
        assert {n.status for n in session.query(Notice)} == {"cancelled"}
        assert session.query(AuditEntry).filter_by(action="spotlight.dismiss", actor=ADMIN).count() == 1
