"""A 500-item `POST /webhooks/coverage` (the documented maximum) through gunicorn, as the Procfile runs it.

The database holds the demo data, a press log of 300 activities over the last 90 days and 2,000
coverage items over the last 120 (what the earned-coverage matching reads: the activities whose
14-day window an item falls in, and the coverage around them that sets how rare each word is).
Each timed post carries 500 new items published over the last fortnight, a third of them echoing
an activity's words, so suggestions are made as they would be. Target: every post ≤ 2 s, all
500 items created.

A second case posts a real week's coverage: 500 items from the labelled story pairs (`tests/data/stories/`, never
the held-out splits), each pair's two reports published its hours apart within one week, so the batch's items must be
compared and read for their stories. Its post answers within the same 2 s, and what its judgement had no time for is
settled after the answer (`models.story_settling`); the note gives how long that took, timed until the job was done.
"""
from __future__ import annotations

import json
import secrets
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from bench.databases import BenchDatabase, migrate_and_seed
from bench.report import Result
from bench.stats import summarize

SUITE = "webhook"
ITEMS = 500
ACTIVITIES = 300
BACKGROUND = 2_000
RUNS = 5
TARGET_MS = 2_000.0
TOPICS = ("adult social care funding", "children's services budget", "housing delivery plan", "council tax rise",
          "corporate peer challenge report", "local government finance settlement", "SEND deficit recovery",
          "workforce pay offer", "climate emergency action", "devolution deal talks", "library closures",
          "waste collection contract", "planning reform consultation", "homelessness prevention grant")
PLACES = ("Thurrock", "Woking", "Birmingham", "Croydon", "Slough", "Nottingham", "Kent", "Somerset", "Wirral",
          "Leeds", "Cornwall", "Norfolk", "Bradford", "Barnet", "Hackney", "Stoke-on-Trent")
PEOPLE = ("Cllr Abi Brown", "Cllr Shaun Davies", "Cllr Louise Gittins", "Cllr Kevin Bentley", "Mark Lloyd")


def run(backends: tuple[str, ...], pg_server: str | None, log=print) -> list[Result]:
    """Five 500-item posts per backend and case, timed at the client."""
    rows = []
    for backend in backends:
        for case, make_batch in ((f"POST /webhooks/coverage, {ITEMS} items", batch),
                                 (f"POST /webhooks/coverage, {ITEMS} items of a real week", real_week)):
            if backend == "postgresql" and pg_server is None:
                rows.append(Result.absent(SUITE, case, backend, "no PostgreSQL server", f"≤ {TARGET_MS:,.0f} ms"))
            else:
                with _database(backend, pg_server) as url:
                    rows.append(_measure(url, backend, case, make_batch))
            log(rows[-1])
    return rows


def _measure(url: str, backend: str, case: str, make_batch) -> Result:
    from bench.suites.http import start_server
    from tests.fakes.slack_api import FakeSlackAPI
    now = datetime.now(timezone.utc).replace(microsecond=0)
    _fill(url, now)
    token = secrets.token_hex(16)
    with FakeSlackAPI() as slack_api:
        server = start_server(BenchDatabase(backend, BACKGROUND, url), secrets.token_hex(16), slack_api.api_url,
                              {"HERALD_WEBHOOK_TOKEN": token})
        try:
            _post(server.url, token, batch(now, 0, 50))  # warm: the council matcher and tone lexicon load
            samples, created, settling = [], [], []
            for run_number in range(1, RUNS + 1):
                body = make_batch(now, run_number, ITEMS)
                started = time.perf_counter_ns()
                answer = _post(server.url, token, body)
                samples.append((time.perf_counter_ns() - started) / 1e6)
                created.append(answer["created"])
                settling.append(_settled_after(url, started))
        finally:
            server.stop()
    timing = summarize(samples)
    worst = max(samples)
    complete = all(n == ITEMS for n in created)
    return Result(SUITE, case, f"{backend}, demo + {ACTIVITIES} press activities + {BACKGROUND:,} items",
                  timing, throughput=f"{ITEMS / (timing.p50 / 1000):,.0f} items/s", target=f"≤ {TARGET_MS:,.0f} ms",
                  verdict="ok" if worst <= TARGET_MS and complete else "MISS",
                  note=f"gunicorn per the Procfile; {RUNS} posts of new items, slowest {worst:,.0f} ms; "
                       f"created {min(created)}–{max(created)} of {ITEMS}; {_settling_note(settling)}")


def _settled_after(url: str, started_ns: int, limit_seconds: float = 120.0) -> float | None:
    """Seconds from the post's start until no story-settling job is left pending, or None if none was left."""
    from sqlalchemy import create_engine, func, select
    from models.inbound import Job
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if not connection.scalar(select(func.count()).select_from(Job).where(Job.kind == "stories.settle")):
                return None
        while True:
            with engine.connect() as connection:
                left = connection.scalar(select(func.count()).select_from(Job).where(
                    Job.kind == "stories.settle", Job.status != "done"))
            seconds = (time.perf_counter_ns() - started_ns) / 1e9
            if not left or seconds > limit_seconds:
                return seconds
            time.sleep(0.1)
    finally:
        engine.dispose()


def _settling_note(settling: list[float | None]) -> str:
    timed = [s for s in settling if s is not None]
    if not timed:
        return "every post judged in full, nothing left to settle"
    return f"{len(timed)} of {len(settling)} posts settled after the answer, done {max(timed):.1f} s after the post at most"


def real_week(now: datetime, run_number: int, size: int) -> dict:
    """`size` new items from the labelled story pairs (a different share each run), published within one week."""
    import csv
    import random
    pairs = []
    for path in sorted((Path(__file__).resolve().parents[2] / "tests" / "data" / "stories").glob("train*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            pairs += list(csv.DictReader(handle))
    chosen = pairs[(run_number - 1) * size // 2:run_number * size // 2]
    rng = random.Random(run_number)
    items = []
    for n, pair in enumerate(chosen):
        first = now - timedelta(days=7) + timedelta(minutes=rng.randrange(7 * 24 * 60 - 72 * 60))
        for side, at in (("a", first), ("b", first + timedelta(hours=float(pair["hours_apart"])))):
            items.append({"url": f"https://www.example-monitor.co.uk/week/{run_number}/{n}{side}",
                          "title": pair[f"title_{side}"], "summary": pair[f"summary_{side}"],
                          "outlet": ("The MJ", "LGC", "BBC News", f"Local Paper {n % 40}")[(n + (side == "b")) % 4],
                          "tier": "trade", "published_at": at.isoformat()})
    return {"items": items[:size]}


def batch(now: datetime, run_number: int, size: int) -> dict:
    """`size` new items (unique URLs per run) published over the last fortnight; every third one
    names a topic and a place the press log also names."""
    items = []
    for n in range(size):
        topic, place = TOPICS[n % len(TOPICS)], PLACES[(n // len(TOPICS)) % len(PLACES)]
        title = f"{place} {topic}: what happens next" if n % 3 == 0 else f"Round-up {run_number}-{n}: a quiet week"
        items.append({"url": f"https://www.example-monitor.co.uk/story/{run_number}/{n}?utm_source=alert",
                      "title": title, "outlet": ("The MJ", "LGC", "BBC News", f"Local Paper {n % 40}")[n % 4],
                      "tier": ("trade", "trade", "national", "regional")[n % 4],
                      "published_at": (now - timedelta(minutes=40 * n + run_number)).isoformat(),
                      "summary": f"Leaders respond. {PEOPLE[n % len(PEOPLE)]} said the sector needs certainty."})
    return {"items": items}


def _post(url: str, token: str, body: dict) -> dict:
    request = urllib.request.Request(url + "/webhooks/coverage", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        if response.status != 200:
            raise RuntimeError(f"the webhook answered {response.status}")
        return json.loads(response.read())


def _fill(url: str, now: datetime) -> None:
    """The demo data, then the press log and the background coverage (stored the webhook's way)."""
    from config import Settings
    from feeds.ingest import classify_and_store
    from feeds.normalize import from_fields
    from models.clock import FrozenClock
    from models.demo import load_demo
    from models.press import PressActivity
    from runtime import Herald
    herald = Herald.build(Settings.load({"DATABASE_URL": url}), clock=FrozenClock(now))
    try:
        with herald.session() as session:
            load_demo(session, now, herald.settings.tz)
            session.add_all(PressActivity(
                kind=("press release", "statement", "interview", "briefing")[n % 4],
                title=f"{PLACES[n % len(PLACES)]} and the {TOPICS[n % len(TOPICS)]}",
                spokesperson=PEOPLE[n % len(PEOPLE)], occurred_at=now - timedelta(hours=7 * n),
                logged_by="UBENCH", platform="slack", created_at=now, updated_at=now) for n in range(ACTIVITIES))
        with herald.session() as session:
            classify_and_store(session, [from_fields(
                f"https://www.example-archive.co.uk/{n}", f"{PLACES[n % len(PLACES)]} {TOPICS[(n * 7) % len(TOPICS)]}",
                "Background coverage.", now - timedelta(minutes=86 * n + 30), now) for n in range(BACKGROUND)],
                source="webhook", now=now)
    finally:
        herald.engine.dispose()


@contextmanager
def _database(backend: str, pg_server: str | None) -> Iterator[str]:
    """A new, migrated database holding the councils: a temporary SQLite file or a PostgreSQL database."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'webhook.db'}"
            migrate_and_seed(url)
            yield url
        return
    from bench.databases import fresh_postgres_database
    with fresh_postgres_database(pg_server, "herald_bench_webhook") as url:
        migrate_and_seed(url)
        yield url
