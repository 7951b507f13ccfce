"""`POST /webhooks/campaign-metrics`: bearer token, clear 4xx reasons, idempotent on campaign+metric+date."""
from datetime import date

import pytest
from sqlalchemy import select

from models.campaign import Campaign, CampaignMetric

TOKEN = "test-webhook-token-123"
URL = "/webhooks/campaign-metrics"


def with_campaign(flask_app, clock):
    with flask_app.extensions["herald"].session() as s:
        s.add(Campaign(name="Sector support offer launch 2023/24", aliases=["SSO launch"], keywords=[], channels=[],
                       created_at=clock.now()))
    return flask_app


@pytest.fixture
def app(make_app, database_url, clock):
    """Storage behaviour (idempotence, all-or-nothing) on SQLite and PostgreSQL."""
    return with_campaign(make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN), clock)


@pytest.fixture
def sqlite_app(make_app, sqlite_url, clock):
    """Input checks, which do not depend on the database."""
    return with_campaign(make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN), clock)


def post(app, body, token: str | None = TOKEN, content_type: str = "application/json"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if isinstance(body, (dict, list)):
        return app.test_client().post(URL, json=body, headers=headers)
    return app.test_client().post(URL, data=body, headers=headers, content_type=content_type)


def metrics(app) -> list[tuple[str, float, date, str]]:
    with app.extensions["herald"].session() as s:
        return [(m.name, m.value, m.measured_on, m.source)
                for m in s.scalars(select(CampaignMetric).order_by(CampaignMetric.name, CampaignMetric.measured_on))]


def test_a_reading_is_stored_once_however_often_it_is_sent(app):
    body = {"campaign": "SSO launch", "metric": "Page views", "value": 2200, "date": "2023-06-30", "source": "ga4"}
    first = post(app, body)
    assert first.status_code == 200
    assert first.get_json() == {"stored": 1, "results": [{"campaign": "Sector support offer launch 2023/24",
                                "metric": "page_views", "date": "2023-06-30", "value": 2200.0, "outcome": "added"}]}
    assert post(app, body).get_json()["results"][0]["outcome"] == "unchanged"
    assert post(app, {**body, "value": 2250}).get_json()["results"][0]["outcome"] == "updated"
    assert metrics(app) == [("page_views", 2250.0, date(2023, 6, 30), "ga4")]


def test_a_batch_is_all_or_nothing(app):
    good = {"campaign": "SSO launch", "metric": "unique_visitors", "value": 850, "date": "2023-06-30"}
    reply = post(app, {"metrics": [good, {**good, "campaign": "sector support offer launch 2023/24", "metric": "x"},
                                   {**good, "campaign": "Sector suport offer"}]})
    assert reply.status_code == 422
    assert reply.get_json() == {
        "error": "unprocessable", "suggestions": ["Sector support offer launch 2023/24"],
        "reason": 'metrics[2].campaign: I don\'t know the campaign "Sector suport offer".'}
    assert metrics(app) == []
    assert post(app, {"metrics": [good, {**good, "date": "2023-07-31", "value": 900}]}).status_code == 200
    assert [v for _, v, _, _ in metrics(app)] == [850.0, 900.0]


def test_no_date_means_today_in_london(app):
    assert post(app, {"campaign": "SSO launch", "metric": "applications", "value": 12}).status_code == 200
    assert metrics(app)[0][2] == date(2026, 11, 23)


@pytest.mark.parametrize("body, reason", [
    ({"campaign": "SSO launch", "metric": "page views!", "value": 1},
     'metrics[0].metric: "page views!" is not a metric name (letters, digits and _, e.g. page_views)'),
    ({"campaign": "SSO launch", "metric": "page_views", "value": "lots"}, "metrics[0].value: give a number"),
    ({"campaign": "SSO launch", "metric": "page_views", "value": True}, "metrics[0].value: give a number"),
    ({"campaign": "SSO launch", "metric": "page_views", "value": 1, "date": "2027-01-01"},
     "metrics[0].date: 2027-01-01 is in the future"),
    ({"campaign": "SSO launch", "metric": "page_views", "value": 1, "date": "31/02/2023"},
     "metrics[0].date: '31/02/2023' is not a date I can read (try 17/02/2011 or 1 June 2023)"),
    ({"metric": "page_views", "value": 1}, "metrics[0].campaign: give the campaign's name"),
    ({"metrics": []}, "metrics: give a non-empty list of readings"),
    ([1, 2], "body: send a JSON object"),
])
def test_bad_readings_get_400_with_the_reason(sqlite_app, body, reason):
    reply = post(sqlite_app, body)
    assert (reply.status_code, reply.get_json()["reason"]) == (400, reason)
    assert metrics(sqlite_app) == []


def test_authentication_and_body_checks(sqlite_app, make_app, sqlite_url):
    app = sqlite_app
    body = {"campaign": "SSO launch", "metric": "page_views", "value": 1}
    assert post(app, body, token=None).status_code == 401
    assert post(app, body, token="wrong").status_code == 401
    assert post(app, "{not json", content_type="application/json").status_code == 400
    assert post(app, "campaign=x", content_type="application/x-www-form-urlencoded").status_code == 415
    no_token = make_app(sqlite_url)
    assert no_token.test_client().post(URL, json=body).status_code == 503
    assert metrics(app) == []
