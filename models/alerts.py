"""Alert rules: a channel's subscription to new coverage matching a rule, and the once-only record
that a rule's alert for an item was claimed and sent."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import Boolean, ForeignKey, String, Text, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base


class AlertRule(Base):
    """A channel's subscription to new coverage matching a rule (no user-supplied regex)."""

    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(10))
    destination: Mapped[str] = mapped_column(String(2000))
    workspace: Mapped[str | None] = mapped_column(String(40))
    negative_only: Mapped[bool] = mapped_column(Boolean, default=False)
    include_terms: Mapped[str | None] = mapped_column(Text)
    exclude_terms: Mapped[str | None] = mapped_column(Text)
    council_code: Mapped[str | None] = mapped_column(ForeignKey("councils.code"))
    tier: Mapped[str | None] = mapped_column(String(20))
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AlertDelivery(Base):
    """That a rule's alert for an item was sent: the key that makes alerts once-only."""

    __tablename__ = "alert_deliveries"

    rule_id: Mapped[int] = mapped_column(ForeignKey("alert_rules.id", ondelete="CASCADE"), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


@dataclass(frozen=True)
class AlertCandidate:
    """What an alert rule looks at in a new item."""

    item_id: int
    text: str
    tone: str
    council_codes: tuple[str, ...]
    tier: str | None


def split_terms(text: str | None) -> list[str]:
    """Stored include/exclude terms: one phrase per line."""
    return [t for t in (text or "").split("\n") if t.strip()]


def rule_matches(rule: AlertRule, item: AlertCandidate) -> bool:
    """Whether `item` is one the rule's channel asked for. Terms are plain words or phrases,
    matched case-insensitively on word boundaries (never a regular expression)."""
    if rule.negative_only and item.tone != "negative":
        return False
    if rule.council_code and rule.council_code not in item.council_codes:
        return False
    if rule.tier and rule.tier != item.tier:
        return False
    words = f" {' '.join(''.join(c if c.isalnum() else ' ' for c in item.text.lower()).split())} "
    def has(term: str) -> bool:
        plain = " ".join("".join(c if c.isalnum() else " " for c in term.lower()).split())
        return bool(plain) and f" {plain} " in words
    include = split_terms(rule.include_terms)
    if include and not any(has(t) for t in include):
        return False
    return not any(has(t) for t in split_terms(rule.exclude_terms))


def add_alert_rule(session: Session, *, platform: str, destination: str, workspace: str | None,
                   negative_only: bool, include: Sequence[str], exclude: Sequence[str],
                   council_code: str | None, tier: str | None, created_by: str, now: datetime) -> AlertRule:
    """Subscribe a channel to new coverage matching the rule."""
    rule = AlertRule(platform=platform, destination=destination, workspace=workspace,
                     negative_only=negative_only, include_terms="\n".join(include) or None,
                     exclude_terms="\n".join(exclude) or None, council_code=council_code, tier=tier,
                     created_by=created_by, created_at=now, active=True)
    session.add(rule)
    session.flush()
    return rule


def alert_rules_for(session: Session, destination: str | None = None) -> list[AlertRule]:
    """Active rules, for one channel or all."""
    query = select(AlertRule).where(AlertRule.active.is_(True)).order_by(AlertRule.id)
    if destination is not None:
        query = query.where(AlertRule.destination == destination)
    return list(session.scalars(query))


def remove_alert_rule(session: Session, rule_id: int) -> AlertRule | None:
    """Stop a rule (kept, inactive, so its delivery history stays)."""
    rule = session.get(AlertRule, rule_id)
    if rule is None or not rule.active:
        return None
    rule.active = False
    session.flush()
    return rule


def record_deliveries(session: Session, pairs: Sequence[tuple[int, int]], now: datetime) -> list[tuple[int, int]]:
    """Claim (rule, item) alerts not claimed before; returns the newly claimed ones (once-only key)."""
    if not pairs:
        return []
    rule_ids = {r for r, _ in pairs}
    item_ids = {i for _, i in pairs}
    taken = {(rule_id, item_id) for rule_id, item_id in session.execute(
        select(AlertDelivery.rule_id, AlertDelivery.coverage_id)
        .where(AlertDelivery.rule_id.in_(rule_ids), AlertDelivery.coverage_id.in_(item_ids)))}
    fresh = [p for p in dict.fromkeys(pairs) if p not in taken]
    if fresh:
        session.execute(insert(AlertDelivery), [dict(rule_id=r, coverage_id=i, status="pending", created_at=now)
                                                for r, i in fresh])
    return fresh


def pending_deliveries(session: Session, limit: int = 200) -> list[AlertDelivery]:
    """Claimed alerts not yet sent (sent late after a crash or a failed post)."""
    return list(session.scalars(select(AlertDelivery).where(AlertDelivery.status == "pending")
                                .order_by(AlertDelivery.created_at).limit(limit)))
