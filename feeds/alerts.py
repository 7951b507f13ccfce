"""Delivering coverage alerts and feed-health notices through a small port.

`Notifier` is the port: anything that can post a neutral `Reply` to a destination. Slack's
implementation lives in `bot/slack/coverage_alerts.py`; tests use a fake or the loopback Slack API.
Alerts are claimed once in `alert_deliveries` when an item arrives, then sent here and marked.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.reply import Item, Reply, Section
from models.alerts import AlertRule, pending_deliveries
from models.coverage import CoverageItem
from models.outlet import Outlet

log = logging.getLogger("herald.feeds.alerts")


class Notifier(Protocol):
    """Posts a reply to a platform's destination (a Slack channel id, a Teams Workflows URL)."""

    def send(self, platform: str, destination: str, reply: Reply) -> None:
        """Deliver `reply`; raise on failure."""
        ...


def alert_reply(item: CoverageItem, outlet: Outlet | None, councils: list[str], tz: ZoneInfo) -> Reply:
    """The message for one new item: linked title, outlet, date, tone, councils."""
    meta = [outlet.name if outlet else "unknown outlet",
            item.published_at.astimezone(tz).strftime("%-d %b %Y %H:%M"), item.tone]
    if councils:
        meta.append(", ".join(councils))
    return Reply(title="New coverage", visibility="channel",
                 sections=(Section(items=(Item(title=item.title, url=item.url, meta=tuple(meta),
                                               marker=item.tone, detail=f"id {item.id}"),)),),
                 context=(f"Change the tone with /coverage tone {item.id} positive|neutral|negative",))


def deliver_pending(session: Session, notifier: Notifier | None, now: datetime, tz: ZoneInfo) -> int:
    """Send every claimed, unsent alert; a failed post is marked failed and logged. Returns sent."""
    if notifier is None:
        return 0
    from models.council import Council
    from models.coverage import CoverageCouncil
    sent = 0
    for delivery in pending_deliveries(session):
        rule = session.get(AlertRule, delivery.rule_id)
        item = session.get(CoverageItem, delivery.coverage_id)
        if rule is None or item is None or not rule.active:
            delivery.status = "skipped"
            continue
        outlet = session.get(Outlet, item.outlet_id) if item.outlet_id else None
        councils = list(session.scalars(select(Council.nice_name).join(
            CoverageCouncil, CoverageCouncil.council_code == Council.code).where(CoverageCouncil.coverage_id == item.id)))
        try:
            notifier.send(rule.platform, rule.destination, alert_reply(item, outlet, councils, tz))
        except Exception:
            log.exception("alert rule=%s item=%s could not be posted", rule.id, item.id)
            delivery.status = "failed"
            continue
        delivery.status, delivery.sent_at = "sent", now
        sent += 1
    session.flush()
    return sent


def tell_admins(notifier: Notifier | None, admin_channel: str, reply: Reply) -> bool:
    """Post a feed-health notice to HERALD_ADMIN_CHANNEL; False (and a log line) if it cannot."""
    if notifier is None or not admin_channel:
        log.warning("feed notice not posted (no notifier or HERALD_ADMIN_CHANNEL): %s", reply.title)
        return False
    try:
        notifier.send("slack", admin_channel, reply)
        return True
    except Exception:
        log.exception("feed notice could not be posted: %s", reply.title)
        return False


