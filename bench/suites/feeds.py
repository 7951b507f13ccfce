"""Feed ingestion: new items per second end to end against feedparser's own parse of the same bytes.

The floor is `feedparser.parse(bytes)` — always measured. End to end, a feed is served over
loopback HTTP with an ETag, polled once (every item new), then polled again unchanged (which must
cost a conditional request and no parse) through the `feeds` package's public poll function,
when this build has one.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import feedparser

from bench.report import Result
from bench.seams import find_public
from bench.stats import summarize, time_once, traced_peak_mb

SUITE = "feeds"
ITEMS = 1_000
POLLERS = ("feeds.poll:poll_due_feeds",)
ETAG = '"bench-feed-v1"'


def make_feed(items: int, now: datetime) -> bytes:
    """An RSS 2.0 feed of `items` distinct stories, newest first, as a trade-press feed looks."""
    entries = []
    for i in range(items):
        published = format_datetime(now - timedelta(minutes=7 * i))
        title = escape(f"Council {i} responds to Oflog report on adult social care & housing")
        entries.append(
            f"<item><title>{title}</title><link>https://www.example-trade.co.uk/news/{i}?utm_source=rss</link>"
            f"<guid isPermaLink=\"false\">bench-{i}</guid><pubDate>{published}</pubDate>"
            f"<description>{escape('<p>Leaders in <b>Thurrock</b> and Woking discuss the peer challenge.</p>')}"
            "</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench Trade News"
            "</title><link>https://www.example-trade.co.uk/</link><description>bench</description>"
            + "".join(entries) + "</channel></rss>").encode()


def run(runs: int, log=print) -> list[Result]:
    """The parse floor, then end-to-end ingestion and the unchanged poll if a poller exists."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    body = make_feed(ITEMS, now)
    repeats = max(3, min(runs, 10))  # a parse of 1,000 items takes most of a second
    samples = [time_once(lambda: feedparser.parse(body)) for _ in range(repeats)]
    floor = summarize(samples)
    floor_rate = ITEMS / (floor.p50 / 1000)
    peak = traced_peak_mb(lambda: feedparser.parse(body))
    rows = [Result(SUITE, f"floor: feedparser.parse, {ITEMS:,} items", f"{len(body) / 1e6:.2f} MB",
                   floor, throughput=f"{floor_rate:,.0f} items/s", peak_mb=peak, verdict="n/a")]
    found = find_public(POLLERS)
    if found is None:
        why = "feeds package has no public poll function in this build"
        rows.append(Result.absent(SUITE, f"ingest {ITEMS:,} new items end to end", "sqlite", why,
                                  "≤ 1.3× parse"))
        rows.append(Result.absent(SUITE, "poll an unchanged feed", "sqlite", why, "304, no parse"))
    else:
        rows += _end_to_end(found, body, floor.p50, now)
    for row in rows:
        log(row)
    return rows


@dataclass(frozen=True)
class IngestRun:
    """One fresh database polled twice: the first poll's time, the unchanged poll's, and what was sent."""

    first_ms: float
    second_ms: float
    conditional_sent: bool


def _end_to_end(found: tuple[str, Callable], body: bytes, floor_ms: float, now: datetime) -> list[Result]:
    """Ingest through Herald's poller (timed), then again in a fresh database under tracemalloc (peak)."""
    name, poll = found
    try:
        _warm_parser()
        timed = _ingest_fresh(poll, body, now)
        peak = traced_peak_mb(lambda: _ingest_fresh(poll, body, now))
    except TypeError as exc:
        return [Result.absent(SUITE, "ingest end to end", "sqlite",
                              f"{name} found but takes other arguments ({exc}); adapt _poll_once")]
    ratio = timed.first_ms / floor_ms
    new_rate = ITEMS / (timed.first_ms / 1000)
    return [
        Result(SUITE, f"ingest {ITEMS:,} new items end to end", "sqlite", summarize([timed.first_ms]),
               throughput=f"{new_rate:,.0f} items/s", ratio=f"{ratio:.2f}× parse", peak_mb=peak,
               target="≤ 1.3× parse", verdict="ok" if ratio <= 1.3 else "MISS", note=f"via {name}"),
        Result(SUITE, "poll an unchanged feed", "sqlite", summarize([timed.second_ms]),
               ratio=f"{timed.second_ms / floor_ms:.2f}× parse", target="304, no parse",
               verdict="ok" if timed.conditional_sent else "MISS",
               note="conditional GET answered 304" if timed.conditional_sent
               else "no If-None-Match on the second poll"),
    ]


def _ingest_fresh(poll: Callable, body: bytes, now: datetime) -> IngestRun:
    """A new database and a loopback feed server with an ETag; poll twice."""
    from bench.databases import migrate_and_seed
    from config import Settings
    from models.clock import FrozenClock
    from models.outlet import Feed
    from runtime import Herald
    from tests.fakes.http import Answer, FakeServer

    def answer(rec):
        if rec.headers.get("if-none-match") == ETAG:
            return Answer(304, b"", {"ETag": ETAG})
        return Answer(200, body, {"ETag": ETAG, "Content-Type": "application/rss+xml"})

    with tempfile.TemporaryDirectory() as tmp, FakeServer(default=answer) as server:
        url = f"sqlite:///{Path(tmp) / 'feeds.db'}"
        migrate_and_seed(url)
        settings = Settings.load({"DATABASE_URL": url, "HERALD_ALLOW_PRIVATE_FEEDS": True})
        herald = Herald.build(settings, clock=FrozenClock(now))
        try:
            with herald.session() as session:
                feed = Feed(url=f"{server.url}/feed.xml", name="Bench Trade News", added_at=now,
                            baseline_done=True)
                session.add(feed)
                session.flush()
                feed_id = feed.id
            first_ms = time_once(lambda: _poll_once(poll, herald, feed_id))
            second_ms = time_once(lambda: _poll_once(poll, herald, feed_id))
        finally:
            herald.engine.dispose()
        conditional = any(r.headers.get("if-none-match") == ETAG for r in server.requests[1:])
    return IngestRun(first_ms, second_ms, conditional)


def _poll_once(poll: Callable, herald, feed_id: int) -> None:
    """The one call into the feeds package: poll every feed (the database holds only this one)."""
    report = poll(herald, None, everything=True)
    failed = [o for o in report.outcomes if o.feed_id == feed_id and o.status == "failed"]
    if failed or not report.outcomes:
        raise RuntimeError(f"the bench feed did not poll: {report.outcomes}")


def _warm_parser() -> None:
    """Start the long-lived parsing child before timing, as a running Herald has it already."""
    try:
        from feeds.parse import shared_parser
    except ImportError:
        return
    shared_parser().parse(make_feed(1, datetime.now(timezone.utc)), "application/rss+xml", None, 60)
