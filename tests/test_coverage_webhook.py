"""`POST /webhooks/coverage`: token, field-level errors, size cap, batches, idempotency."""
import json

from sqlalchemy import func, select

from models.coverage import CoverageItem
from tests.coverage_fixtures import reply_text, run

TOKEN = "hook-secret-123"


def _post(client, body, token=TOKEN, raw=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/webhooks/coverage", data=raw if raw is not None else json.dumps(body),
                       headers=headers, content_type="application/json")


def test_token_is_required_and_checked(make_app, sqlite_url):
    client = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN).test_client()
    item = {"url": "https://lgcplus.com/a", "title": "Thurrock"}
    assert _post(client, item, token=None).status_code == 401
    wrong = _post(client, item, token="nope")
    assert wrong.status_code == 401 and TOKEN not in wrong.get_data(as_text=True)


def test_field_level_errors_name_each_bad_field_and_store_nothing(make_app, database_url):
    app = make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    client = app.test_client()
    body = {"items": [{"url": "https://lgcplus.com/ok", "title": "Fine"},
                      {"url": "ftp://x", "title": "", "tone": "angry", "published_at": "yesterday", "colour": 1}]}
    response = _post(client, body)
    assert response.status_code == 400
    fields = response.get_json()["fields"]
    assert set(fields) == {"items[1].url", "items[1].title", "items[1].tone", "items[1].published_at",
                           "items[1].colour"}
    assert _post(client, {"items": []}).get_json()["fields"] == {"items": "must be a non-empty list of items"}
    assert _post(client, None, raw="[1, 2]").status_code == 400
    assert _post(client, None, raw="{not json").status_code == 400
    with app.extensions["herald"].session() as s:
        assert s.scalar(select(func.count()).select_from(CoverageItem)) == 0


def test_batch_is_stored_classified_and_idempotent_on_url(make_app, database_url):
    app = make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    client = app.test_client()
    batch = {"items": [
        {"url": "https://www.themj.co.uk/thurrock?utm_source=meltwater", "title": "Thurrock <b>Council</b> recovery",
         "outlet": "The MJ", "tier": "trade", "published_at": "2026-11-23T08:00:00Z"},
        {"url": "https://ft.com/woking", "title": "Woking debt", "tone": "negative",
         "published_at": "2026-11-23T07:00:00+00:00", "summary": "Woking Borough Council"}]}
    first = _post(client, batch).get_json()
    assert (first["received"], first["created"], first["duplicates"]) == (2, 2, 0)
    again = _post(client, {"url": "https://themj.co.uk/thurrock", "title": "Same story"}).get_json()
    assert again["items"][0] == {"url": "https://themj.co.uk/thurrock", "id": first["items"][0]["id"],
                                 "status": "duplicate"}
    herald = app.extensions["herald"]
    out = reply_text(run(herald, "coverage today"))
    assert "Coverage today: 2 items" in out and "Thurrock Council recovery" in out and "The MJ" in out
    with herald.session() as s:
        woking = s.scalar(select(CoverageItem).where(CoverageItem.url == "https://ft.com/woking"))
        assert (woking.tone, woking.tone_overridden, woking.source) == ("negative", True, "webhook")


def test_bodies_over_the_cap_get_413(make_app, sqlite_url):
    client = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN, HERALD_WEBHOOK_MAX_BYTES=2000).test_client()
    big = {"items": [{"url": f"https://a.org/{i}", "title": "x" * 100} for i in range(50)]}
    assert _post(client, big).status_code == 413
