"""Composing digests: aggregate counts over a busy week, tiers first, the chart, the daily by outlet."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from digests.compose import Window, daily_digest, weekly_roundup
from tests.digest_fixtures import add_items

LONDON = ZoneInfo("Europe/London")


def test_weekly_round_up_counts_ten_thousand_items_in_aggregate(session, clock):
    add_items(session, 10_000, datetime(2026, 11, 16, 0, 30, tzinfo=timezone.utc), hours=160)
    reply = weekly_roundup(session, Window(date(2026, 11, 16), date(2026, 11, 23), LONDON), clock.now())
    coverage = reply.sections[0]
    assert coverage.facts[0].value == "10000 (+10000 on the week before)"
    assert coverage.facts[0].command == "/coverage 16/11/2026 to 22/11/2026"
    assert coverage.facts[1].value == "3334 positive · 3333 neutral · 3333 negative"
    assert len(coverage.items) == 5 and all(item.meta[0] == "The Guardian" for item in coverage.items)
    assert reply.chart.png.startswith(b"\x89PNG") and "Tue 17 Nov: 1500 (" in reply.chart.alt_text


def test_daily_digest_groups_by_outlet_and_lists_items_to_classify(session, clock):
    add_items(session, 30, datetime(2026, 11, 20, 0, 30, tzinfo=timezone.utc), hours=70)
    reply = daily_digest(session, Window(date(2026, 11, 20), date(2026, 11, 23), LONDON), clock.now())
    headings = [s.heading for s in reply.sections]
    assert headings == ["LGC (10)", "Northern Echo (10)", "The Guardian (10)", "Alerts and tagging"]
    assert reply.sections[0].text == "4 positive · 3 neutral · 3 negative"
    tagging = reply.sections[-1]
    assert tagging.facts[1].value == "3" and len(tagging.items) == 3
