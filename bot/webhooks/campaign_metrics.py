"""`POST /webhooks/campaign-metrics`: campaign figures from analytics exports, same as `/campaign metric`.

Body: one reading `{"campaign": "Be a Councillor", "metric": "page_views", "value": 2200,
"date": "2023-06-30"}` or many as `{"metrics": [ … ]}` (at most 1,000). `date` defaults to today
(in HERALD_TIMEZONE); `source` names the export (default "webhook"). Idempotent on campaign +
metric + date: sending the same reading again changes nothing; a new value for that day replaces
the old one and says so. All or nothing: one bad reading rejects the whole body with its index.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from flask import Blueprint, current_app, jsonify
from sqlalchemy.orm import Session

from bot.webhooks import json_body, require_bearer_token
from handlers.context import Actor
from models.access import Action
from models.campaign import CampaignDataError, find_campaign, metric_name, record_metric
from models.lookup import UnknownName
from models.periods import PeriodError, parse_day

bp = Blueprint("campaign_metrics", __name__)
MAX_READINGS = 1000


class BadReading(ValueError):
    """A reading that cannot be stored; the message names it (`metrics[2].date: …`)."""

    def __init__(self, message: str, status: int = 400, suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.status = status
        self.suggestions = suggestions


@dataclass(frozen=True)
class Reading:
    """One metric reading from the body, checked."""

    campaign: str
    metric: str
    value: float
    measured_on: date
    source: str


@bp.post("/webhooks/campaign-metrics")
def campaign_metrics():
    """Authenticate, parse, store: see the module docstring for the body."""
    actor = require_bearer_token("campaign-metrics", Action.CAMPAIGN_METRICS_WEBHOOK)
    return receive(json_body(), actor)


def receive(data: object, actor: Actor):
    """Store every reading in one transaction, or none; answer what each did, or why none was stored."""
    herald = current_app.extensions["herald"]
    today = herald.clock.now().astimezone(herald.settings.tz).date()
    try:
        readings = read_body(data, today)
        with herald.session() as session:
            results = [_store(session, i, r, herald.clock.now(), actor) for i, r in enumerate(readings)]
    except BadReading as exc:
        body = {"error": "unprocessable" if exc.status == 422 else "bad_request", "reason": str(exc)}
        if exc.suggestions:
            body["suggestions"] = list(exc.suggestions)
        return jsonify(body), exc.status
    return jsonify(stored=len(results), results=results)


def _store(session: Session, index: int, r: Reading, now: datetime, actor: Actor) -> dict:
    """Record one reading; an unknown campaign is a 422 naming the reading."""
    try:
        campaign = find_campaign(session, r.campaign)
    except UnknownName as exc:
        raise BadReading(f"metrics[{index}].campaign: {exc}", 422, exc.suggestions) from None
    result = record_metric(session, campaign, r.metric, r.value, r.measured_on, r.source, actor, now)
    return {"campaign": campaign.name, "metric": r.metric, "date": r.measured_on.isoformat(),
            "value": r.value, "outcome": result.outcome}


def read_body(data: object, today: date) -> list[Reading]:
    """The readings in a body (one object, or `{"metrics": [...]}`), each checked."""
    if isinstance(data, dict) and "metrics" in data:
        items = data["metrics"]
        if not isinstance(items, list) or not items:
            raise BadReading("metrics: give a non-empty list of readings")
        if len(items) > MAX_READINGS:
            raise BadReading(f"metrics: at most {MAX_READINGS} readings per request")
    elif isinstance(data, dict):
        items = [data]
    else:
        raise BadReading("body: send a JSON object")
    return [_reading(item, i, today) for i, item in enumerate(items)]


def _reading(item: object, i: int, today: date) -> Reading:
    where = f"metrics[{i}]"
    if not isinstance(item, dict):
        raise BadReading(f"{where}: each reading is an object")
    campaign, metric, value = item.get("campaign"), item.get("metric"), item.get("value")
    if not isinstance(campaign, str) or not campaign.strip():
        raise BadReading(f"{where}.campaign: give the campaign's name")
    if not isinstance(metric, str):
        raise BadReading(f"{where}.metric: give the metric's name, e.g. page_views")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadReading(f"{where}.value: give a number")
    try:
        name = metric_name(metric)
    except CampaignDataError as exc:
        raise BadReading(f"{where}.metric: {exc}") from None
    source = item.get("source", "webhook")
    if not isinstance(source, str) or len(source) > 30:
        raise BadReading(f"{where}.source: a short name of at most 30 characters")
    return Reading(campaign[:200], name, float(value), _day(item.get("date"), where, today), source)


def _day(value: object, where: str, today: date) -> date:
    if value is None:
        return today
    if not isinstance(value, str):
        raise BadReading(f"{where}.date: give a date such as 2023-06-30")
    try:
        day = parse_day(value, today)
    except PeriodError as exc:
        raise BadReading(f"{where}.date: {exc}") from None
    if day > today:
        raise BadReading(f"{where}.date: {day.isoformat()} is in the future")
    return day
