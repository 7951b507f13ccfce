"""`POST /webhooks/coverage`: coverage pushed by monitoring tools, one item or a batch.

Body (JSON, `Authorization: Bearer $HERALD_WEBHOOK_TOKEN`), either one item or `{"items": [...]}`
with at most 500 items. Each item:

    url           required  http(s) link to the coverage; the key it is deduplicated on
    title         required  headline (HTML is stripped), at most 1000 characters
    outlet        optional  outlet name ("The MJ"); default: known by the URL's domain
    tier          optional  trade | national | regional | local | broadcast | online (for a new outlet)
    published_at  optional  ISO 8601 with a timezone offset; default: when Herald received it
    summary       optional  text, at most 5000 characters
    tone          optional  positive | neutral | negative (given = a person's judgement; else the model's)

Answers 200 `{"received", "created", "duplicates", "items": [{"url", "id", "status"}]}`; posting
the same URL again creates nothing (idempotent). Errors: 401 token, 400 with `fields` naming each
bad field (e.g. `items[2].url`), 413 over HERALD_WEBHOOK_MAX_BYTES, 415 not JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from flask import Blueprint, current_app, jsonify

from bot.webhooks import json_body, require_bearer_token
from feeds.ingest import classify_and_store, read_ahead
from feeds.normalize import Candidate, from_fields
from feeds.urls import domain_of
from models.access import Action
from models.audit import record_audit
from models.coverage import TONES
from models.outlet import TIERS, outlet_for
from bot.webhooks.settling import settle_later, settling_worker
from models.allowance import Allowance
from models.sentence_meaning import sentence_budget
from models.stories import WEBHOOK_GROUPING_SECONDS, WEBHOOK_SENTENCE_SECONDS, grouping_budget

bp = Blueprint("coverage_webhook", __name__)
MAX_ITEMS = 500
FIELDS = {"url", "title", "outlet", "tier", "published_at", "summary", "tone"}


@dataclass(frozen=True)
class WebhookItem:
    """One validated item from the body."""

    url: str
    title: str
    outlet: str | None
    tier: str
    published_at: datetime | None
    summary: str | None
    tone: str | None


@bp.post("/webhooks/coverage")
def receive_coverage():
    """Validate every item first, read their texts as sentences outside any write (`read_ahead`), then store the
    new ones in one transaction (all or nothing) and one pass: each outlet looked up once, the items classified and
    stored as one batch; audited under the integration whose token sent them. A batch too big to judge its stories
    in full within its time is settled moments after the answer (`bot.webhooks.settling`)."""
    actor = require_bearer_token("coverage", Action.COVERAGE_WEBHOOK)
    body = json_body()
    raw_items, errors = _items_of(body)
    items: list[WebhookItem] = []
    for n, raw in enumerate(raw_items):
        prefix = f"items[{n}]." if isinstance(body, dict) and "items" in body else ""
        item = _validate(raw, prefix, errors)
        if item is not None:
            items.append(item)
    if errors:
        return jsonify(error="invalid_fields", reason="Some fields are missing or wrong.", fields=errors), 400
    herald = current_app.extensions["herald"]
    now = herald.clock.now()
    candidates = [from_fields(item.url, item.title, item.summary, item.published_at, now, tone=item.tone)
                  for item in items]
    with sentence_budget(WEBHOOK_SENTENCE_SECONDS) as reading:  # one allowance, ahead of the transaction and in it
        with herald.reading() as session:
            read_ahead(session, candidates)
        results, settling = _store_batch(herald, items, candidates, actor, now, reading)
    if settling:
        settling_worker(current_app, herald).wake()
    created = sum(1 for r in results if r["status"] == "created")
    return jsonify(received=len(results), created=created, duplicates=len(results) - created, items=results), 200


def _store_batch(herald, items: list[WebhookItem], candidates: list[Candidate], actor, now: datetime,
                 reading: Allowance) -> tuple[list[dict], int | None]:
    """Store the batch in one transaction, audited: one answer per item sent, in order (a URL sent twice in the
    batch is created once), and the job that settles its stories later if its reading or comparing ran short."""
    with herald.session() as session, grouping_budget(WEBHOOK_GROUPING_SECONDS) as grouping:
        outlets: dict[tuple[str | None, str | None, str], int] = {}
        for n, item in enumerate(items):
            key = (item.outlet, None if item.outlet else domain_of(item.url), item.tier)
            if key not in outlets:
                outlets[key] = outlet_for(session, *key).id
            candidates[n] = replace(candidates[n], outlet_id=outlets[key])
        stored = {s.canonical_url: s for s in classify_and_store(session, candidates, source="webhook", now=now,
                                                                logged_by=actor.user_id).stored}
        results, answered = [], set()
        for candidate in candidates:
            row = stored[candidate.canonical_url]
            fresh = row.created and row.canonical_url not in answered
            answered.add(row.canonical_url)
            results.append({"url": row.canonical_url, "id": row.item_id,
                            "status": "created" if fresh else "duplicate"})
        created = [r["id"] for r in results if r["status"] == "created"]
        record_audit(session, at=now, actor=actor, action=Action.COVERAGE_WEBHOOK.value, entity="coverage_item",
                     detail={"received": len(results), "created": len(created), "ids": created[:100]})
        short = created and (reading.ran_short or grouping.ran_short)
        settling = settle_later(session, herald, created) if short else None
    return results, settling


def _items_of(body) -> tuple[list, dict[str, str]]:
    if isinstance(body, dict) and "items" in body:
        items = body["items"]
        if not isinstance(items, list) or not items:
            return [], {"items": "must be a non-empty list of items"}
        if len(items) > MAX_ITEMS:
            return [], {"items": f"at most {MAX_ITEMS} items per request"}
        return items, {}
    if isinstance(body, dict):
        return [body], {}
    return [], {"body": "must be an object (one item) or {\"items\": [...]}"}


def _validate(raw, prefix: str, errors: dict[str, str]) -> WebhookItem | None:
    if not isinstance(raw, dict):
        errors[prefix.rstrip(".") or "body"] = "must be an object"
        return None
    before = len(errors)
    for key in sorted(set(raw) - FIELDS):
        errors[prefix + key] = f"unknown field (allowed: {', '.join(sorted(FIELDS))})"
    url = raw.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2000:
        errors[prefix + "url"] = "required: an http(s) URL of at most 2000 characters"
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 1000:
        errors[prefix + "title"] = "required: text of 1 to 1000 characters"
    text_field(raw, "outlet", 200, prefix, errors)
    text_field(raw, "summary", 5000, prefix, errors)
    tier = raw.get("tier", "online")
    if tier not in TIERS:
        errors[prefix + "tier"] = f"one of {', '.join(TIERS)}"
    tone = raw.get("tone")
    if tone is not None and tone not in TONES:
        errors[prefix + "tone"] = f"one of {', '.join(TONES)}"
    published = _published(raw.get("published_at"), prefix, errors)
    if len(errors) > before:
        return None
    return WebhookItem(url, title, raw.get("outlet") or None, tier, published, raw.get("summary"), tone)


def text_field(raw: dict, key: str, limit: int, prefix: str, errors: dict[str, str]) -> None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, str) or len(value) > limit):
        errors[prefix + key] = f"text of at most {limit} characters"


def _published(value, prefix: str, errors: dict[str, str]) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        errors[prefix + "published_at"] = "ISO 8601 date-time with a timezone, e.g. 2026-11-23T09:00:00Z"
        return None
    return when
