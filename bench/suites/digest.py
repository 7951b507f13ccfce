"""Weekly digest: build time with 10,000 items in the week, and its rendered size against the limits.

Slack allows 50 blocks a message and, in practice, about 12,000 characters in total; a Teams
Workflows post must stay under 28 KB (aim for 26 KB). The composition comes from the `digests`
package when this build has it; rendering is `bot/`'s.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Callable

from bench import databases
from bench.datagen import DataSpec, week_start
from bench.report import Result
from bench.seams import find_public
from bench.stats import summarize, time_once, traced_peak_mb

SUITE = "digest"
ITEMS_IN_WEEK = 10_000
COMPOSERS = ("digests:compose_weekly", "digests.compose:compose_weekly", "digests.weekly:compose_weekly",
             "digests.compose:weekly_digest")
SLACK_MAX_BLOCKS, SLACK_MAX_CHARS, TEAMS_MAX_BYTES = 50, 12_000, 26_000
REPEATS = 10


def run(anchor: datetime, log=print) -> list[Result]:
    """Compose the weekly digest for the week before `anchor`'s Monday (all 10,000 items in it)."""
    where = f"sqlite, {ITEMS_IN_WEEK:,} items in the week"
    found = find_public(COMPOSERS)
    if found is None:
        why = "digests package has no weekly composition in this build"
        rows = [Result.absent(SUITE, "build the weekly digest", where, why, "≤ 500 ms"),
                Result.absent(SUITE, "rendered for Slack", where, why,
                              f"≤ {SLACK_MAX_BLOCKS} blocks, ≤ {SLACK_MAX_CHARS:,} chars"),
                Result.absent(SUITE, "rendered for Teams", where, why, f"≤ {TEAMS_MAX_BYTES:,} bytes")]
    else:
        rows = _measure(found, anchor, where, log)
    for row in rows:
        log(row)
    return rows


def _measure(found: tuple[str, Callable], anchor: datetime, where: str, log) -> list[Result]:
    from bot.slack.blocks import render_blocks
    from bot.teams.cards import render_card
    from config import Settings
    from models.clock import FrozenClock
    from runtime import Herald

    name, compose = found
    monday = week_start(anchor)  # the digest for the week before this Monday, sent at 08:00
    db = databases.sqlite_database(DataSpec(items=ITEMS_IN_WEEK, anchor=monday, span_days=7), log)
    herald = Herald.build(Settings.load({"DATABASE_URL": db.url}), clock=FrozenClock(monday + timedelta(hours=8)))
    try:
        try:
            reply = _compose_once(compose, herald)
        except TypeError as exc:
            return [Result.absent(SUITE, "build the weekly digest", where,
                                  f"{name} found but takes other arguments ({exc}); adapt _compose_once")]
        timing = summarize([time_once(lambda: _compose_once(compose, herald)) for _ in range(REPEATS)])
        peak = traced_peak_mb(lambda: _compose_once(compose, herald))
    finally:
        herald.engine.dispose()
    blocks = render_blocks(reply)
    slack_chars = len(json.dumps(blocks, ensure_ascii=False))
    card_bytes = len(json.dumps(render_card(reply), ensure_ascii=False).encode())
    items = sum(len(section.items) for section in reply.sections)
    slack_ok = len(blocks) <= SLACK_MAX_BLOCKS and slack_chars <= SLACK_MAX_CHARS
    return [
        Result(SUITE, "build the weekly digest", where, timing, peak_mb=peak, target="≤ 500 ms",
               verdict="ok" if timing.p95 <= 500 else "MISS", note=f"via {name}; {items} items listed"),
        Result(SUITE, "rendered for Slack", where, target=f"≤ {SLACK_MAX_BLOCKS} blocks, ≤ {SLACK_MAX_CHARS:,} chars",
               verdict="ok" if slack_ok else "MISS", note=f"{len(blocks)} blocks, {slack_chars:,} chars of JSON"),
        Result(SUITE, "rendered for Teams", where, target=f"≤ {TEAMS_MAX_BYTES:,} bytes",
               verdict="ok" if card_bytes <= TEAMS_MAX_BYTES else "MISS", note=f"{card_bytes:,} bytes of card JSON"),
    ]


def _compose_once(compose: Callable, herald):
    """The one call into the digests package (the place to adapt if its signature differs)."""
    with herald.session() as session:
        return compose(session, herald.clock.now(), herald.settings)
