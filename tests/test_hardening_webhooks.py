"""Property tests of Herald's two JSON webhooks: any JSON value or any bytes POSTed with a good token
gets a 2xx or a 4xx with a reason — never a 5xx, never a traceback."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from models.clock import FrozenClock

TOKEN = "property-webhook-token-0123"

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
           | st.sampled_from(["https://www.lgcplus.com/news/a", "javascript:alert(1)", "http://", "2026-11-20",
                              "2026-11-20T09:00:00Z", "2026-11-20T09:00:00", "positive", "trade", "page_views",
                              "Be a Councillor", "", " ", "\x00", "9" * 400]))
KEYS = st.sampled_from(["url", "title", "outlet", "tier", "published_at", "summary", "tone", "items",
                        "campaign", "metric", "value", "date", "source", "metrics"]) | st.text(max_size=8)
JSON_VALUES = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(KEYS, children, max_size=6), max_leaves=20)
# Nearly valid bodies too, so the storing paths are exercised and not only the refusals.
URLS = st.sampled_from(["https://www.lgcplus.com/news/a", "http://themj.co.uk/b?utm_source=x"]) | st.text(max_size=30)
NEAR_ITEMS = st.fixed_dictionaries({"url": URLS, "title": st.text(min_size=1, max_size=30)},
                                   optional={"tone": SCALARS, "tier": SCALARS, "published_at": SCALARS,
                                             "outlet": SCALARS, "summary": SCALARS})
NEAR_READINGS = st.fixed_dictionaries({"campaign": SCALARS, "metric": SCALARS, "value": SCALARS},
                                      optional={"date": SCALARS, "source": SCALARS})
NEAR_VALID = NEAR_ITEMS | NEAR_READINGS | st.lists(NEAR_ITEMS, max_size=3).map(lambda items: {"items": items})
BODIES = st.one_of(JSON_VALUES.map(lambda v: json.dumps(v).encode()), NEAR_VALID.map(lambda v: json.dumps(v).encode()),
                   st.binary(max_size=200), st.text(max_size=100).map(str.encode))


@pytest.fixture(scope="module")
def client(tmp_path_factory, sqlite_template):
    """One app for all examples (module-scoped: hypothesis runs many examples per test)."""
    path = tmp_path_factory.mktemp("webhook-props") / "herald.db"
    shutil.copy(sqlite_template, path)
    flask_app = create_app({"DATABASE_URL": f"sqlite:///{path}", "HERALD_WEBHOOK_TOKEN": TOKEN,
                            "HERALD_WEBHOOK_MAX_BYTES": 5_000,
                            "CLOCK": FrozenClock(datetime(2026, 11, 23, 9, tzinfo=timezone.utc))})
    yield flask_app.test_client()
    flask_app.extensions["herald"].engine.dispose()


@pytest.mark.parametrize("path", ["/webhooks/coverage", "/webhooks/campaign-metrics"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES)
def test_any_body_gets_2xx_or_a_reasoned_4xx(client, path, body):
    response = client.post(path, data=body, content_type="application/json",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (body, response.get_data(as_text=True))
    assert "Traceback" not in response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.get_json()["reason"]
