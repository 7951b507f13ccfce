"""Feed ingestion: new items end to end against feedparser's own parse of the same bytes.

The floor is `feedparser.parse(bytes)` — always measured. End to end, a feed is served over
loopback HTTP with an ETag and polled once through the `feeds` package's public poll function
(every item new: fetch, parse, normalise, classify, store), then polled again unchanged (which
must cost a conditional request and no parse).

Fairness: the floor and the end-to-end poll are timed alternately on the same bytes, run after
run, so the machine's noise hits both alike, and the ratio is of their medians. Each run serves a
new feed of new stories (nothing Herald cached from an earlier run can help), into one database
per backend that already holds the earlier runs, as a running Herald's does. One untimed poll
first starts the parsing child and loads the lexicon, as a running Herald has them; the heap is
collected before each timed call so no call pays for garbage the setup left.
"""
from __future__ import annotations

import gc
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Callable, Iterator
from xml.sax.saxutils import escape

import feedparser

from bench.report import Result
from bench.seams import find_public
from bench.stats import Summary, summarize, time_once, traced_peak_mb

SUITE = "feeds"
ITEMS = 1_000
MEMORY_ITEMS = 100_000
POLLERS = ("feeds.poll:poll_due_feeds",)
ETAG = '"bench-feed-v1"'
_FEED_PATH = re.compile(r"/feed-(\d+)\.xml")


def make_feed(items: int, now: datetime, first: int = 0) -> bytes:
    """An RSS 2.0 feed of `items` distinct stories numbered from `first`, newest first, as a
    trade-press feed looks."""
    entries = []
    for i in range(first, first + items):
        published = format_datetime(now - timedelta(minutes=7 * (i - first)))
        title = escape(f"Council {i} responds to Oflog report on adult social care & housing")
        entries.append(
            f"<item><title>{title}</title><link>https://www.example-trade.co.uk/news/{i}?utm_source=rss</link>"
            f"<guid isPermaLink=\"false\">bench-{i}</guid><pubDate>{published}</pubDate>"
            f"<description>{escape('<p>Leaders in <b>Thurrock</b> and Woking discuss the peer challenge.</p>')}"
            "</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench Trade News"
            "</title><link>https://www.example-trade.co.uk/</link><description>bench</description>"
            + "".join(entries) + "</channel></rss>").encode()


def run(runs: int, log=print, backends: tuple[str, ...] = ("sqlite",), pg_server: str | None = None) -> list[Result]:
    """The parse floor, then end-to-end ingestion and the unchanged poll per backend if a poller exists."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    repeats = max(3, min(runs, 9))  # a parse of 1,000 items takes about half a second
    found = find_public(POLLERS)
    if found is None:
        return _floor_only(now, repeats, log)
    rows: list[Result] = []
    for backend in backends:
        if backend == "postgresql" and pg_server is None:
            rows.append(Result.absent(SUITE, f"ingest {ITEMS:,} new items end to end", backend,
                                      "no PostgreSQL server", "≤ 1.3× parse"))
            continue
        with _database(backend, pg_server) as url:
            rows += _end_to_end(found, url, backend, now, repeats)
        for row in rows[-4:]:
            log(row)
    return rows


def _floor_only(now: datetime, repeats: int, log) -> list[Result]:
    body = make_feed(ITEMS, now)
    floor = summarize([_timed(lambda: feedparser.parse(body)) for _ in range(repeats)])
    why = "feeds package has no public poll function in this build"
    rows = [_floor_row(floor, body, "—"),
            Result.absent(SUITE, f"ingest {ITEMS:,} new items end to end", "sqlite", why, "≤ 1.3× parse"),
            Result.absent(SUITE, "poll an unchanged feed", "sqlite", why, "304, no parse")]
    for row in rows:
        log(row)
    return rows


def _floor_row(floor: Summary, body: bytes, where: str) -> Result:
    return Result(SUITE, f"floor: feedparser.parse, {ITEMS:,} items", f"{where}, {len(body) / 1e6:.2f} MB",
                  floor, throughput=f"{ITEMS / (floor.p50 / 1000):,.0f} items/s",
                  peak_mb=traced_peak_mb(lambda: feedparser.parse(body)), verdict="n/a",
                  note="timed alternately with the row below, on the same bytes")


def _timed(call: Callable[[], object]) -> float:
    gc.collect()
    return time_once(call)


@dataclass(frozen=True)
class Runs:
    """Alternate samples: the floor's, the first (all-new) poll's and the unchanged poll's."""

    floor: list[float]
    first: list[float]
    unchanged: list[float]
    conditional_sent: bool


def _end_to_end(found: tuple[str, Callable], url: str, backend: str, now: datetime, repeats: int) -> list[Result]:
    """Warm up, then alternate floor and poll on a new feed each run; then one traced poll (peak)."""
    name, poll = found
    with _herald(url, now) as (herald, server):
        _poll_new_feed(poll, herald, server, 0)  # starts the parser child, loads the lexicon
        runs = Runs([], [], [], True)
        for run_number in range(1, repeats + 1):
            body = server.body(run_number)
            runs.floor.append(_timed(lambda: feedparser.parse(body)))
            first, unchanged, conditional = _poll_new_feed(poll, herald, server, run_number)
            runs.first.append(first)
            runs.unchanged.append(unchanged)
            runs = Runs(runs.floor, runs.first, runs.unchanged, runs.conditional_sent and conditional)
        peak = traced_peak_mb(lambda: _poll_new_feed(poll, herald, server, repeats + 1))
    floor, first = summarize(runs.floor), summarize(runs.first)
    ratio = first.p50 / floor.p50
    unchanged = summarize(runs.unchanged)
    return [
        _floor_row(floor, server.body(1), backend),
        Result(SUITE, f"ingest {ITEMS:,} new items end to end", backend, first,
               throughput=f"{ITEMS / (first.p50 / 1000):,.0f} items/s", ratio=f"{ratio:.2f}× parse",
               peak_mb=peak, target="≤ 1.3× parse", verdict="ok" if ratio <= 1.3 else "MISS",
               note=f"via {name}; median of {repeats} new feeds"),
        Result(SUITE, "poll an unchanged feed", backend, unchanged, ratio=f"{unchanged.p50 / floor.p50:.2f}× parse",
               target="304, no parse", verdict="ok" if runs.conditional_sent else "MISS",
               note="conditional GET answered 304" if runs.conditional_sent
               else "no If-None-Match on the second poll"),
        _memory_row(url, backend),
    ]


class _FeedServer:
    """Loopback feeds /feed-N.xml, each of new stories, answering 304 to its ETag."""

    def __init__(self, server, now: datetime):
        self._server, self._now, self._bodies = server, now, {}
        self.url = server.url

    def body(self, number: int) -> bytes:
        if number not in self._bodies:
            self._bodies = {number: make_feed(ITEMS, self._now, first=number * ITEMS)}  # one held at a time
        return self._bodies[number]

    def answer(self, rec):
        from tests.fakes.http import Answer
        match = _FEED_PATH.fullmatch(rec.path)
        if match is None:
            return Answer(404, b"")
        if rec.headers.get("if-none-match") == ETAG:
            return Answer(304, b"", {"ETag": ETAG})
        return Answer(200, self.body(int(match.group(1))), {"ETag": ETAG, "Content-Type": "application/rss+xml"})

    def conditional_sent(self, number: int) -> bool:
        path = f"/feed-{number}.xml"
        asked = [r for r in self._server.requests if r.path == path]
        return len(asked) >= 2 and asked[-1].headers.get("if-none-match") == ETAG


@contextmanager
def _herald(url: str, now: datetime) -> Iterator[tuple[object, _FeedServer]]:
    from config import Settings
    from models.clock import FrozenClock
    from runtime import Herald
    from tests.fakes.http import FakeServer

    feeds: _FeedServer | None = None
    with FakeServer(default=lambda rec: feeds.answer(rec)) as server:
        feeds = _FeedServer(server, now)
        settings = Settings.load({"DATABASE_URL": url, "HERALD_ALLOW_PRIVATE_FEEDS": True})
        herald = Herald.build(settings, clock=FrozenClock(now))
        try:
            yield herald, feeds
        finally:
            herald.engine.dispose()


def _poll_new_feed(poll: Callable, herald, server: _FeedServer, number: int) -> tuple[float, float, bool]:
    """Add feed N (past its baseline), poll it (timed, every item new), then poll it unchanged (timed)."""
    from models.outlet import Feed
    now = herald.clock.now()
    with herald.session() as session:
        feed = Feed(url=f"{server.url}/feed-{number}.xml", name=f"Bench Trade News {number}", added_at=now,
                    baseline_done=True)
        session.add(feed)
        session.flush()
        feed_id = feed.id
    server.body(number)  # generated before the clock starts, as the floor's bytes are
    first = _timed(lambda: _poll_once(poll, herald, feed_id, ITEMS))
    with herald.session() as session:
        session.get(Feed, feed_id).next_poll_at = now  # due again: the unchanged poll
    unchanged = _timed(lambda: _poll_once(poll, herald, feed_id, 0))
    return first, unchanged, server.conditional_sent(number)


def _poll_once(poll: Callable, herald, feed_id: int, expected: int) -> None:
    """The one call into the feeds package: poll what is due (only this feed is)."""
    report = poll(herald, None)
    outcomes = [o for o in report.outcomes if o.feed_id == feed_id]
    if len(report.outcomes) != 1 or not outcomes or outcomes[0].status == "failed" \
            or outcomes[0].created != expected:
        raise RuntimeError(f"the bench feed did not poll as expected: {report.outcomes}")


@contextmanager
def _database(backend: str, pg_server: str | None) -> Iterator[str]:
    """A new, migrated database holding the councils: a temporary SQLite file or a PostgreSQL database."""
    from bench.databases import migrate_and_seed
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'feeds.db'}"
            migrate_and_seed(url)
            yield url
        return
    from bench.databases import fresh_postgres_database
    with fresh_postgres_database(pg_server, "herald_bench_feeds") as url:
        migrate_and_seed(url)
        yield url


def _memory_row(url: str, backend: str) -> Result:
    """Resident peak of a new process (and its parsing child) ingesting 100,000 items."""
    from bench.ingest_memory import measure_in_subprocess
    measured = measure_in_subprocess(url, MEMORY_ITEMS // ITEMS)
    total = measured.parent_mb + measured.child_mb
    return Result(SUITE, f"peak memory ingesting {MEMORY_ITEMS:,} new items", backend, None,
                  throughput=f"{measured.created / measured.seconds:,.0f} items/s", peak_mb=total,
                  target="≤ 300 MB", verdict="ok" if total <= 300 and measured.created == MEMORY_ITEMS else "MISS",
                  note=f"resident peak (VmHWM): poller {measured.parent_mb:.0f} MB + parsing child "
                       f"{measured.child_mb:.0f} MB; {MEMORY_ITEMS // ITEMS} feeds of {ITEMS:,} in one poll")
