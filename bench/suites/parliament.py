"""Parliament watch: a first poll paging through 5,000 contributions and 1,000 written questions from
loopback fakes of Parliament's APIs, and a repeat poll that finds nothing new.

The fakes answer in 20 ms (a real API's latency on a good day) and Herald paces its requests as it
does against Parliament (HERALD_PARLIAMENT_REQUEST_INTERVAL, 0.1 s), so most of the first poll's time is
the APIs' and the politeness's, as it would be in production. The polls run in a fresh child process
whose peak resident memory (interpreter, imports and all) is the "peak MB"; the fakes run in this one.
Bars (issue 24): the first poll within 30 s and 250 MB; the repeat poll under 2 s.
"""
from __future__ import annotations

import multiprocessing
import resource
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from bench.report import Result
from bench.stats import summarize

SUITE = "parliament"
CONTRIBUTIONS = 5_000
QUESTIONS = 1_000
ASKERS = 50
LATENCY = 0.02
TERM = "sector support"


def _fake(now: datetime):
    from tests.fakes.parliament import FakeParliament, contribution, member_value, question
    fake = FakeParliament(latency=LATENCY)
    days = [(now - timedelta(days=d)).date() for d in range(6)]
    for i in range(CONTRIBUTIONS):
        fake.contributions.append(contribution(
            f"BENCH-C-{i}", f"<p>My Lords, the {TERM} programme helped council {i} with its finances.</p>"
            "<p>I commend the work of officers across the sector in Thurrock and Woking.</p>", days[i % 6],
            member=f"Member {i % 400}", member_id=5000 + i % 400, party="Lab", house=("Lords", "Commons")[i % 2],
            heading=f"Local Government Finance {i // 25}", debate=f"BENCH-D-{i // 25}"))
    fake.contributions.sort(key=lambda c: c["SittingDate"])
    for i in range(QUESTIONS):
        fake.questions.append(question(900_000 + i, f"To ask what assessment has been made of the {TERM} offer "
                                                    f"to council {i}.", days[i % 6], member_id=100 + i % ASKERS))
    fake.questions.sort(key=lambda q: q["dateTabled"])
    for m in range(ASKERS):
        fake.members[100 + m] = member_value(100 + m, f"Asker {m}", "Labour")
    return fake


def _measure(url: str, settings: dict, now_iso: str) -> dict:
    """In a fresh process: add the term, poll (timed), poll again two hours later (timed)."""
    from config import Settings
    from feeds.parliament.poll import poll_parliament
    from models.clock import FrozenClock
    from models.parliament import add_term
    from runtime import Herald
    now = datetime.fromisoformat(now_iso)
    clock = FrozenClock(now)
    herald = Herald.build(Settings.load({"DATABASE_URL": url, **settings}), clock=clock)
    try:
        with herald.session() as session:
            add_term(session, TERM, "admin", "bench", now)
        start = datetime.now(timezone.utc)
        first = poll_parliament(herald)
        first_s = (datetime.now(timezone.utc) - start).total_seconds()
        clock.advance(hours=2)
        start = datetime.now(timezone.utc)
        repeat = poll_parliament(herald)
        repeat_s = (datetime.now(timezone.utc) - start).total_seconds()
        clock.advance(hours=2)  # once more without the pacing: Herald's own cost of a repeat poll
        herald.settings = replace(herald.settings, HERALD_PARLIAMENT_REQUEST_INTERVAL=0)
        start = datetime.now(timezone.utc)
        unpaced = poll_parliament(herald)
        unpaced_s = (datetime.now(timezone.utc) - start).total_seconds()
    finally:
        herald.engine.dispose()
    return {"first_s": first_s, "repeat_s": repeat_s, "unpaced_s": unpaced_s,
            "created": first.created, "again": repeat.created + unpaced.created,
            "failed": [o.error for o in first.failed + repeat.failed + unpaced.failed], "requests": first.requests,
            "repeat_requests": repeat.requests,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(runs: int, log=print, backends: tuple[str, ...] = ("sqlite",), pg_server: str | None = None) -> list[Result]:
    """The first poll and the repeat poll, once per backend (each is one long measurement)."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    rows: list[Result] = []
    for backend in backends:
        if backend == "postgresql" and pg_server is None:
            rows.append(Result.absent(SUITE, "poll 5,000 contributions + 1,000 questions", backend,
                                      "no PostgreSQL server", "≤ 30 s, ≤ 250 MB"))
            continue
        with _database(backend, pg_server) as url, _fake(now) as fake:
            with multiprocessing.get_context("spawn").Pool(1) as pool:
                got = pool.apply(_measure, (url, fake.settings | {"HERALD_PARLIAMENT_REQUEST_INTERVAL": 0.1},
                                            now.isoformat()))
        ok = not got["failed"] and got["created"] == CONTRIBUTIONS + QUESTIONS and got["again"] == 0
        note = (f"{got['created']:,} stored, {got['requests']} requests; repeat: {got['again']} new, "
                f"{got['repeat_requests']} requests" + (f"; failed: {got['failed'][:1]}" if got["failed"] else ""))
        first = Result(SUITE, f"poll {CONTRIBUTIONS:,} contributions + {QUESTIONS:,} questions", backend,
                       summarize([got["first_s"] * 1000]), f"{got['created'] / got['first_s']:,.0f} items/s", "",
                       got["peak_mb"], "≤ 30 s, ≤ 250 MB",
                       "ok" if ok and got["first_s"] <= 30 and got["peak_mb"] <= 250 else "MISS", note)
        repeat = Result(SUITE, "repeat poll, nothing new", backend, summarize([got["repeat_s"] * 1000]), "", "",
                        None, "< 2 s", "ok" if ok and got["repeat_s"] < 2 else "MISS",
                        f"pages back to a day before the last success: {got['repeat_requests']} requests "
                        f"paced 0.1 s apart per API; unpaced {got['unpaced_s']:.2f} s")
        rows += [first, repeat]
        log(first)
        log(repeat)
    return rows


@contextmanager
def _database(backend: str, pg_server: str | None) -> Iterator[str]:
    """A new, migrated database holding the councils."""
    from bench.databases import migrate_and_seed
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'parliament.db'}"
            migrate_and_seed(url)
            yield url
        return
    from bench.databases import fresh_postgres_database
    with fresh_postgres_database(pg_server, "herald_bench_parliament") as url:
        migrate_and_seed(url)
        yield url
