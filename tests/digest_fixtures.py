"""Fixtures for the digest tests: a Herald wired to a loopback fake Slack and a pacer on virtual
time (the real one-a-second spacing, without the waiting), and subscription helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest

from sqlalchemy import insert, select

from bot.slack.post import Pacer
from models.clock import Clock
from models.coverage import CoverageItem
from models.digest import DigestRun, SubscriptionSpec, create_subscription
from models.outlet import Outlet
from tests.fakes.slack_api import FakeSlackAPI


@pytest.fixture
def slack():
    """The loopback fake of Slack's Web API (it takes files_upload_v2's three steps by itself)."""
    with FakeSlackAPI() as fake:
        yield fake


@dataclass
class VirtualTime:
    """A pacer's time: the test's clock plus every wait so far; a wait is recorded, not slept."""

    clock: Clock
    waits: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.clock.now().timestamp() + sum(self.waits)

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def pacing(clock) -> VirtualTime:
    return VirtualTime(clock)


@pytest.fixture
def digest_app(make_app, database_url, slack, pacing):
    """The app on the test database, its Slack Web API the loopback fake, admins on CADMIN, and the
    real Pacer on virtual time (`pacing.waits` holds what it would have slept). U1 (Slack) and 29:1
    (Teams) are digest editors."""
    return make_app(database_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                    HERALD_DIGEST_EDITORS=("U1", "29:1"), HERALD_EMAIL_DOMAINS=("council.example",),
                    HERALD_ALLOW_PRIVATE_FEEDS=True,  # Workflows URLs on the loopback fakes
                    HERALD_ADMIN_CHANNEL="CADMIN", HERALD_BASE_URL="https://herald.example",
                    PACER=Pacer(monotonic=pacing.monotonic, sleep=pacing.sleep))


@pytest.fixture
def digest_herald(digest_app):
    return digest_app.extensions["herald"]


def subscribe(herald, kind="weekly", created=datetime(2026, 11, 20, tzinfo=timezone.utc), **changes):
    """Add a subscription (Slack #leaders unless changed); returns its id."""
    values = dict(kind=kind, platform="slack", destination="CLEADERS",
                  day_of_week="mon" if kind == "weekly" else "mon-fri",
                  hour=8 if kind == "weekly" else 9, minute=0)
    values.update(changes)
    with herald.session() as session:
        return create_subscription(session, SubscriptionSpec(**values), "U1", created).id


def runs(herald, subscription_id=None) -> list[DigestRun]:
    with herald.session() as session:
        query = session.query(DigestRun).order_by(DigestRun.due_at)
        if subscription_id is not None:
            query = query.filter(DigestRun.subscription_id == subscription_id)
        return list(query)


def posts(slack, channel=None) -> list[dict]:
    calls = slack.calls("chat.postMessage")
    return [c for c in calls if channel is None or c.get("channel") == channel]


TONES = ("positive", "neutral", "negative")


def add_items(session, count: int, start: datetime, hours: float = 24 * 7) -> None:
    """`count` items spread over `hours` from `start`, across three outlets, a few unclassified."""
    outlets = []
    for name, tier in (("LGC", "trade"), ("The Guardian", "national"), ("Northern Echo", "regional")):
        outlet = session.scalar(select(Outlet).where(Outlet.name == name))
        if outlet is None:
            outlet = Outlet(name=name, domain=f"{name.lower().replace(' ', '')}.example", tier=tier)
            session.add(outlet)
            session.flush()
        outlets.append(outlet.id)
    step = timedelta(hours=hours) / max(count, 1)
    rows = [dict(url=f"https://news.example/{start:%Y%m%d}/{i}", canonical_url=f"https://news.example/{start:%Y%m%d}/{i}",
                 title=f"Council story {i}", outlet_id=outlets[i % 3], source="feed",
                 published_at=start + step * i, first_seen_at=start + step * i, tone=TONES[(i // 3) % 3],
                 classified=i % 10 != 0) for i in range(count)]
    session.execute(insert(CoverageItem), rows)
