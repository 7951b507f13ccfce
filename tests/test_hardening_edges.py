"""Bad input at the edges, through real HTTP into the app: JSON nested past any real body, control
characters and NUL in webhook text (PostgreSQL refuses NUL), numbers too large for an id column,
and a search of hundreds of words (SQLite's "Expression tree is too large"). Each gets a 4xx or a
usage reply with a reason, the same on SQLite and PostgreSQL; nothing is a 500 or an apology."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from models.campaign import CampaignMetric
from models.alerts import AlertRule
from models.coverage import CoverageItem
from models.demo import load_demo
from models.outlet import Outlet
from tests.teams_fixtures import DOC_SECRET, activity, teams_auth

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api

TOKEN = "edges-webhook-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEEP = b"[" * 10_000


@pytest.fixture
def edge(make_slack, database_url):
    """Slack, Teams and the webhooks configured on one app, over the demo data."""
    harness = make_slack(database_url, HERALD_WEBHOOK_TOKEN=TOKEN, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                         SLACK_ADMIN_USER_IDS=("UADMIN",))  # the number checks come after the access check
    with harness.herald.session() as session:
        load_demo(session, harness.herald.clock.now(), harness.herald.settings.tz)
    return harness


def _said(edge, command: str, rest: str, **who) -> str:
    """The blocks of the answer Slack shows (the answer, or the usage it gives)."""
    return str(edge.answer(command, rest, **who)["blocks"])


@pytest.mark.parametrize("path", ["/webhooks/coverage", "/webhooks/campaign-metrics"])
def test_json_nested_ten_thousand_deep_is_a_400_with_the_reason(edge, path):
    response = edge.app.test_client().post(path, data=DEEP, content_type="application/json", headers=AUTH)
    assert response.status_code == 400
    assert response.get_json()["reason"] == "Body nests deeper than 32 levels."


@pytest.mark.parametrize("path", ["/webhooks/coverage", "/webhooks/campaign-metrics"])
def test_a_number_of_five_thousand_digits_is_a_400_with_the_reason(edge, path):
    body = b'{"campaign": "Be a Councillor", "metric": "page_views", "value": ' + b"7" * 5000 + b"}"
    response = edge.app.test_client().post(path, data=body, content_type="application/json", headers=AUTH)
    assert response.status_code == 400
    assert response.get_json()["reason"] == "Body holds a number too long to read."


def test_deep_json_to_the_teams_webhook_is_a_400(edge):
    raw = DEEP + b"]" * 10_000
    response = edge.app.test_client().post("/teams/outgoing", data=raw, headers={
        "Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
    assert response.status_code == 400 and b"nests deeper" in response.data


def test_control_characters_in_webhook_text_are_stripped_the_same_on_both_databases(edge):
    item = {"url": "https://www.lgcplus.com/news/nul\x00-story", "title": "Thurrock\x00 budget\x07 agreed\x1b",
            "outlet": "Null\x00 Gazette", "summary": "First line\x00\nsecond\tline\x7f\x9b", "tier": "trade"}
    response = edge.app.test_client().post("/webhooks/coverage", json=item, headers=AUTH)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["items"][0]["url"] == "https://lgcplus.com/news/nul-story"
    with edge.herald.session() as session:
        stored = session.scalars(select(CoverageItem).where(CoverageItem.id == response.get_json()["items"][0]["id"])).one()
        outlet = session.get(Outlet, stored.outlet_id)
        assert (stored.title, stored.summary, outlet.name) == ("Thurrock budget agreed", "First line second line",
                                                               "Null Gazette")
        assert "THR" in {c.council_code for c in stored.councils}


def test_control_characters_in_campaign_metric_text_are_stripped(edge):
    reading = {"campaign": "Be a\x00 Councillor", "metric": "page_views\x00", "value": 5, "date": "2026-11-20",
               "source": "GA4\x00 export\tweekly"}
    response = edge.app.test_client().post("/webhooks/campaign-metrics", json=reading, headers=AUTH)
    assert response.status_code == 200, response.get_data(as_text=True)
    with edge.herald.session() as session:
        metric = session.scalars(select(CampaignMetric).where(CampaignMetric.value == 5)).one()
        assert (metric.name, metric.source) == ("page_views", "GA4 export\tweekly")


def test_a_lone_surrogate_is_stored_as_a_replacement_character(edge):
    body = b'{"url": "https://www.themj.co.uk/s", "title": "Woking \\ud800 debt"}'
    response = edge.app.test_client().post("/webhooks/coverage", data=body, content_type="application/json",
                                           headers=AUTH)
    assert response.status_code == 200, response.get_data(as_text=True)
    with edge.herald.session() as session:
        assert session.scalar(select(CoverageItem.title).where(CoverageItem.canonical_url.like("%themj%/s"))) \
            == "Woking \ufffd debt"


def test_a_chart_number_too_large_for_any_id_is_a_404(edge):
    for run in ("99999999999999999999", "2147483648"):
        response = edge.app.test_client().get(f"/digests/charts/{run}/x.png")
        assert response.status_code == 404, run


@pytest.mark.parametrize("text", [
    "/feeds remove 99999999999999999999", "/coverage tone 99999999999999999999 positive",
    "/coverage this week page:99999999999999999999", "/coverage page:²", "/coverage alert remove 99999999999999999999",
    "/digest drop 99999999999999999999 1", "/digest approve 99999999999999999999", "/digest unsubscribe 2²",
    "/press show 99999999999999999999", "/programme page:99999999999999999999",
    '/peer-challenge update Woking "on site" days:²',
])
def test_numbers_no_record_can_have_get_usage_not_an_apology(edge, text):
    command, _, rest = text.partition(" ")
    said = _said(edge, command, rest, user="UADMIN")
    assert "Sorry, something went wrong" not in said and "reference" not in said
    assert "Example" in said or "There is no" in said or "not a" in said


def test_eight_hundred_search_words_get_the_cap_with_an_example(edge):
    words = " ".join(f"word{n}" for n in range(800))
    said = _said(edge, "/coverage", f"this week {words}")
    assert "at most 10 words" in said and '/coverage this month "social care" Thurrock' in said
    ten = _said(edge, "/coverage", "last month " + " ".join(f"w{n}" for n in range(10)), trigger="T-2")
    assert "at most 10" not in ten and "0 items" in ten


def test_an_alert_rule_with_hundreds_of_words_gets_the_cap(edge):
    said = _said(edge, "/coverage", "alert add " + " ".join(f"w{n}" for n in range(300)))
    assert "at most 20 words or phrases" in said
    with edge.herald.session() as session:
        assert session.scalars(select(AlertRule)).all() == []


def test_teams_message_with_control_characters_runs_cleaned(edge):
    raw = activity("<at>Herald</at> coverage\x00 this\x07 week")
    response = edge.app.test_client().post("/teams/outgoing", data=raw, headers={
        "Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
    assert response.status_code == 200 and "Coverage this week" in response.get_data(as_text=True)
