"""Weekly digest: build time with 10,000 items in the week, and its rendered size against the limits.

Slack allows 50 blocks a message and, in practice, about 12,000 characters in total; a Teams
Workflows post must stay under 28 KB (aim for 26 KB). The composition is
`digests.compose.weekly_roundup`, as the clock runs it; rendering is `bot/`'s.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from bench import databases
from bench.datagen import DataSpec, week_start
from bench.report import Result
from bench.stats import summarize, time_once, traced_peak_mb

SUITE = "digest"
ITEMS_IN_WEEK = 10_000
SLACK_MAX_BLOCKS, SLACK_MAX_CHARS, TEAMS_MAX_BYTES = 50, 12_000, 26_000
REPEATS = 10


def run(anchor: datetime, log=print) -> list[Result]:
    """Compose the weekly round-up for the week before `anchor`'s Monday (all 10,000 items in it)."""
    rows = _measure(anchor, f"sqlite, {ITEMS_IN_WEEK:,} items in the week", log)
    for row in rows:
        log(row)
    return rows


def _measure(anchor: datetime, where: str, log) -> list[Result]:
    from bot.slack.blocks import render_blocks
    from bot.teams.cards import render_card
    from config import Settings
    from models.clock import FrozenClock
    from runtime import Herald

    monday = week_start(anchor)  # the round-up of the week before this Monday, sent at 08:00
    db = databases.sqlite_database(DataSpec(items=ITEMS_IN_WEEK, anchor=monday, span_days=7), log)
    herald = Herald.build(Settings.load({"DATABASE_URL": db.url}), clock=FrozenClock(monday + timedelta(hours=8)))
    try:
        reply = _compose_once(herald, monday)
        timing = summarize([time_once(lambda: _compose_once(herald, monday)) for _ in range(REPEATS)])
        peak = traced_peak_mb(lambda: _compose_once(herald, monday))
    finally:
        herald.engine.dispose()
    blocks = render_blocks(reply)
    slack_chars = len(json.dumps(blocks, ensure_ascii=False))
    card_bytes = len(json.dumps(render_card(reply), ensure_ascii=False).encode())
    items = sum(len(section.items) for section in reply.sections)
    slack_ok = len(blocks) <= SLACK_MAX_BLOCKS and slack_chars <= SLACK_MAX_CHARS
    return [
        Result(SUITE, "build the weekly digest", where, timing, peak_mb=peak, target="≤ 500 ms",
               verdict="ok" if timing.p95 <= 500 else "MISS", note=f"digests.compose.weekly_roundup; {items} items listed"),
        Result(SUITE, "rendered for Slack", where, target=f"≤ {SLACK_MAX_BLOCKS} blocks, ≤ {SLACK_MAX_CHARS:,} chars",
               verdict="ok" if slack_ok else "MISS", note=f"{len(blocks)} blocks, {slack_chars:,} chars of JSON"),
        Result(SUITE, "rendered for Teams", where, target=f"≤ {TEAMS_MAX_BYTES:,} bytes",
               verdict="ok" if card_bytes <= TEAMS_MAX_BYTES else "MISS", note=f"{card_bytes:,} bytes of card JSON"),
    ]


def _compose_once(herald, monday: datetime):
    """The round-up as the clock composes it at Monday 08:00: the seven days before Monday."""
    from digests.compose import Window, weekly_roundup
    with herald.session() as session:
        window = Window((monday - timedelta(days=7)).date(), monday.date(), herald.settings.tz)
        return weekly_roundup(session, window, herald.clock.now())
