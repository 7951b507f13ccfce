"""Lines to take: `/lines <words>` on 10,000 lines with their versions, beside a plain query on the same index.

Each backend gets a new migrated database filled with 10,000 lines (1–3 versions each: superseded,
approved, waiting drafts; tags), written through Core inserts, so SQLite's FTS5 triggers index them as
they would any line. The handler (`herald.run_command("lines …")`: read the words, full-text search,
load the lines and their versions, build the reply, commit) is timed interleaved with its floor: the
bare ranked full-text query it starts from (`models.lines_search`'s own SQL, the same index), on the
same words.
"""
from __future__ import annotations

import random
import tempfile
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import insert, text

from bench.databases import migrate_and_seed
from bench.report import Result
from bench.stats import time_interleaved
from config import Settings
from handlers.context import Actor
from models.clock import FrozenClock
from models.lines import Line, LineTag, LineVersion
from models.lines_search import FTS_TABLE, PG_DOCUMENT, PG_PLANNER, search_words
from runtime import Herald

SUITE = "lines"
LINES = 10_000
TARGET_P95_MS = 50.0
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
QUERIES = ("Oflog", "assuring", "peer challenge", "council finances", "sector support offer")
WORDS = ("council", "councils", "assurance", "improvement", "finances", "budget", "housing", "social", "care",
         "peer", "challenge", "Oflog", "sector", "support", "offer", "leadership", "workforce", "planning", "cyber",
         "digital", "children", "services", "funding", "government", "local", "national", "data", "transparency",
         "performance", "audit", "report", "recovery", "investment", "climate", "transport", "libraries", "waste",
         "homelessness", "devolution", "election", "councillor", "democracy", "welcome", "recognise", "committed",
         "working", "partners", "ministers", "communities", "residents")
TAGS = ("Oflog", "assurance", "peer challenge", "sector support", "Be a Councillor", "finance", "housing", "cyber")


def run(runs: int, warmup: int, backends: tuple[str, ...], pg_server: str | None, log=print) -> list[Result]:
    """One row per query and backend (handler, with its floor in the ratio), plus the floor rows."""
    rows: list[Result] = []
    for backend in backends:
        if backend == "postgresql" and pg_server is None:
            rows.append(Result.absent(SUITE, "/lines <words>", backend, "no PostgreSQL server",
                                      f"p95 ≤ {TARGET_P95_MS:g} ms"))
            log(rows[-1])
            continue
        with _database(backend, pg_server) as url:
            fill(url, LINES)
            herald = Herald.build(Settings.load({"DATABASE_URL": url}), clock=FrozenClock(NOW))
            try:
                for words in QUERIES:
                    for row in _measure(herald, backend, words, runs, warmup):
                        log(row)
                        rows.append(row)
            finally:
                herald.engine.dispose()
    return rows


def _measure(herald: Herald, backend: str, words: str, runs: int, warmup: int) -> list[Result]:
    actor = Actor(user_id="UBENCH", name="bench", platform="slack")
    reply, _ = herald.run_command(f"lines {words}", actor)
    if reply.is_error:
        return [Result(SUITE, f"/lines {words}", backend, verdict="error", note=reply.title)]

    def handler() -> None:
        herald.run_command(f"lines {words}", actor)

    floor = _floor(herald, words)
    command, bare = time_interleaved([handler, floor], runs, warmup)
    where = f"{backend}, {LINES:,} lines"
    verdict = "ok" if command.p95 <= TARGET_P95_MS else "MISS"
    return [Result(SUITE, f"/lines {words}", where, command, ratio=f"p95 {command.p95 / bare.p95:.1f}× its query",
                   target=f"p95 ≤ {TARGET_P95_MS:g} ms", verdict=verdict,
                   note=f"answer: {reply.title[:60]}"),
            Result(SUITE, f"plain query: {words}", where, bare, verdict="n/a",
                   note="the ranked full-text query alone, same index, top 30")]


def _floor(herald: Herald, words: str):
    terms = search_words(words)
    if herald.engine.dialect.name == "postgresql":
        sql = text(f"SELECT id FROM lines WHERE {PG_DOCUMENT} @@ to_tsquery('english', :q) "
                   f"ORDER BY ts_rank({PG_DOCUMENT}, to_tsquery('english', :q)) DESC LIMIT 30")
        query = " & ".join(terms)
    else:
        sql = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
                   f"ORDER BY bm25({FTS_TABLE}, 10.0, 5.0, 1.0) LIMIT 30")
        query = " AND ".join(f'"{t}"' for t in terms)

    def bare() -> list:
        with herald.engine.connect() as conn:
            if herald.engine.dialect.name == "postgresql":
                conn.execute(text(PG_PLANNER))  # the same plan as the handler's
            return conn.execute(sql, {"q": query}).all()
    return bare


def fill(url: str, count: int, seed: int = 23) -> None:
    """`count` lines with 1–3 versions each (the last approved, or a draft waiting), tags and search text.

    Each line is about two of the domain words (so a query word matches a few hundred lines, as a
    topic does in a real library); the rest of its text is drawn from a 4,000-word made-up vocabulary."""
    from models.db import make_engine
    rng = random.Random(seed)
    filler = _vocabulary(rng, 4000)
    engine = make_engine(url)
    lines, versions, tags = [], [], []
    for i in range(1, count + 1):
        subject = rng.sample(WORDS, 2)  # what the line is about: each domain word in about 4% of lines
        topic = " ".join(subject).capitalize() + f" {i}"
        texts = [" ".join(rng.sample(subject, 2) + rng.choices(filler, k=60)) + "." for _ in range(rng.randint(1, 3))]
        line_tags = subject + ([rng.choice(TAGS)] if rng.random() < 0.1 else [])
        lines.append({"id": i, "topic": topic, "tags": ", ".join(line_tags), "use": "on_request",
                      "search_body": "\n\n".join(texts[-2:]), "owner_id": "UBENCH", "owner_name": "bench",
                      "platform": "slack", "workspace": None, "press_id": None, "created_at": NOW,
                      "updated_at": NOW})
        for n, words in enumerate(texts, start=1):
            last = n == len(texts)
            status = ("approved" if rng.random() < 0.8 else "draft") if last else "superseded"
            versions.append({"line_id": i, "number": n, "text": words, "spokesperson": "Cllr Abi Brown",
                             "review_by": date(2027, 3, 31) - timedelta(days=i % 400), "status": status,
                             "author_id": "UBENCH", "author_name": "bench", "created_at": NOW,
                             "approved_by": "UADMIN" if status != "draft" else None, "approved_by_name": None,
                             "approved_at": NOW if status != "draft" else None,
                             "ended_at": NOW if status == "superseded" else None, "withdrawn_by": None,
                             "withdraw_reason": None})
        tags += [{"line_id": i, "tag": t, "kind": "word", "ref": t.lower()} for t in line_tags]
    try:
        with engine.begin() as conn:
            conn.execute(insert(Line.__table__), lines)
            conn.execute(insert(LineVersion.__table__), versions)
            conn.execute(insert(LineTag.__table__), tags)
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT setval('lines_id_seq', (SELECT max(id) FROM lines))"))
                conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """`size` made-up words, weighted as language is (a few common, most rare), for the lines' other words."""
    letters = "abcdefghijklmnoprstuw"
    words = ["".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(size)]
    return [w for rank, w in enumerate(words, start=1) for _ in range(max(1, 200 // rank))]


@contextmanager
def _database(backend: str, pg_server: str | None) -> Iterator[str]:
    """A new, migrated database holding the councils: a temporary SQLite file or a PostgreSQL database."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'lines.db'}"
            migrate_and_seed(url)
            yield url
        return
    from bench.databases import fresh_postgres_database
    with fresh_postgres_database(pg_server, "herald_bench_lines") as url:
        migrate_and_seed(url)
        yield url
