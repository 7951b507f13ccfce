"""Named webhook tokens: each integration its own token, allowed onto named webhooks; two valid at
once for rotation; what each stores (and its audit trail) says which integration sent it; the older
HERALD_WEBHOOK_TOKEN still works everywhere."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from config import ConfigError
from models.audit import AuditEntry
from models.campaign import CampaignMetric
from models.coverage import CoverageItem
from tests.press_fixtures import demo_sqlite_template  # noqa: F401  (fixture)

OLD, NEW, METRICS, LEGACY = ("melt-old-0123456789abcdef", "melt-new-0123456789abcdef",
                             "analytics-0123456789abcdef", "legacy-0123456789abcdef")
TOKENS = f"meltwater/coverage={OLD}, meltwater/coverage={NEW} analytics/campaign-metrics={METRICS}"
METRIC = {"campaign": "Be a Councillor", "metric": "page_views", "value": 1234, "date": "2026-11-20"}


@pytest.fixture
def app(demo_sqlite_template, make_app, tmp_path):  # noqa: F811
    import shutil
    shutil.copy(demo_sqlite_template, tmp_path / "hooks.db")
    return make_app(f"sqlite:///{tmp_path / 'hooks.db'}", HERALD_WEBHOOK_TOKENS=TOKENS, HERALD_WEBHOOK_TOKEN=LEGACY)


def post(app, path: str, body: dict, token: str):
    return app.test_client().post(path, json=body, headers={"Authorization": f"Bearer {token}"})


def coverage_by(app, url: str) -> str | None:
    with app.extensions["herald"].session() as session:
        return session.scalar(select(CoverageItem.logged_by).where(CoverageItem.url == url))


def test_both_tokens_of_an_integration_work_during_a_rotation_and_records_name_it(app):
    for n, token in enumerate((OLD, NEW)):
        url = f"https://www.themj.co.uk/rotation-{n}"
        response = post(app, "/webhooks/coverage", {"url": url, "title": f"Rotation {n}"}, token)
        assert response.status_code == 200 and response.get_json()["created"] == 1
        assert coverage_by(app, url) == "webhook:meltwater"
    with app.extensions["herald"].session() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "coverage.webhook")).all()
    assert [(a.actor, a.platform, a.detail["created"]) for a in audit] == [("webhook:meltwater", "webhook", 1)] * 2


def test_a_token_is_only_let_onto_its_own_webhooks(app):
    refused = post(app, "/webhooks/coverage", {"url": "https://www.themj.co.uk/x", "title": "x"}, METRICS)
    assert refused.status_code == 403 and "analytics" in refused.get_data(as_text=True)
    assert coverage_by(app, "https://www.themj.co.uk/x") is None
    assert post(app, "/webhooks/campaign-metrics", METRIC, OLD).status_code == 403
    assert post(app, "/webhooks/campaign-metrics", METRIC, METRICS).status_code == 200
    with app.extensions["herald"].session() as session:
        assert session.scalars(select(CampaignMetric.recorded_by).where(CampaignMetric.value == 1234)).all() == [
            "webhook:analytics"]


def test_the_single_older_token_still_works_everywhere(app):
    assert post(app, "/webhooks/coverage", {"url": "https://www.themj.co.uk/legacy", "title": "L"}, LEGACY
                ).status_code == 200
    assert coverage_by(app, "https://www.themj.co.uk/legacy") == "webhook:webhook"
    assert post(app, "/webhooks/campaign-metrics", {**METRIC, "value": 77}, LEGACY).status_code == 200
    assert post(app, "/webhooks/coverage", {"url": "https://www.themj.co.uk/y", "title": "y"}, "wrong-token"
                ).status_code == 401


@pytest.mark.parametrize("setting, message", [
    ("meltwater=short", "entry 1 is not name/scope=token"),
    ("meltwater/press=0123456789abcdefgh", "unknown scope 'press'"),
    ("meltwater/coverage=tooshort", "shorter than 16"),
])
def test_a_malformed_token_setting_stops_start_up_naming_the_entry_not_the_token(make_app, sqlite_url, setting,
                                                                                 message):
    with pytest.raises(ConfigError, match="HERALD_WEBHOOK_TOKENS") as caught:
        make_app(sqlite_url, HERALD_WEBHOOK_TOKENS=setting)
    assert message in str(caught.value) and "0123456789abcdefgh" not in str(caught.value)
