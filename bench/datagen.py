"""Synthetic but realistic Herald data, bulk-inserted into a migrated SQLite database.

Coverage items are spread over three years before `anchor`, from ~60 outlets in every tier, with a
neutral-heavy tone mix, councils weighted by population (so Thurrock appears about as often as it
would), syndicated stories and programme tags. 500 programmes with RAG histories, 400 councils with
peer challenges and 300 peers make `/programme` and `/peer-challenge stats` realistic.

Rows go in with one transaction and `executemany` on tuples: a million items take minutes.
PostgreSQL databases are filled by copying this SQLite file (see `bench.databases`), so both
backends hold identical data.
"""
from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from models.demo import OUTLETS as DEMO_OUTLETS
from models.outlet import TIERS
from models.peer_challenge import KINDS, STAGES
from models.programme import RATINGS

CHUNK = 50_000
YEARS = 3
TONE_WEIGHTS = (("neutral", 0.55), ("positive", 0.30), ("negative", 0.15))
TOPICS = (  # (headline phrase, tag or None): tags are programme and campaign keywords
    ("corporate peer challenge report", "peer challenge"), ("LG Inform data", "LG Inform"),
    ("Oflog performance measures", "Oflog"), ("Be a Councillor drive", "Be a Councillor"),
    ("adult social care funding", None), ("temporary accommodation costs", None),
    ("section 114 notice", None), ("council tax rise", None), ("climate emergency plan", None),
    ("children's services inspection", None), ("leadership academy graduates", "Leadership Academy"),
    ("Knowledge Hub community", "Knowledge Hub"), ("graduate scheme intake", "NGDP"),
    ("local elections turnout", None), ("devolution deal", None), ("pothole repairs", None),
)
VERBS = ("welcomes", "faces questions over", "publishes", "criticised over", "praised for", "delays",
         "responds to", "launches", "cuts", "celebrates")
PROGRAMME_WORDS = ("Leadership", "Productivity", "Digital", "Housing", "Care", "Finance", "Climate",
                   "Workforce", "Data", "Skills", "Health", "Transport", "Growth", "Safety", "Culture")
REGIONS = ("North West", "North East", "Yorkshire", "Midlands", "East", "London", "South East",
           "South West")


@dataclass(frozen=True)
class DataSpec:
    """What to generate: `items` coverage items over `span_days` ending just before `anchor` (UTC)."""

    items: int
    anchor: datetime
    span_days: int = YEARS * 365
    programmes: int = 500
    challenge_councils: int = 400
    peers: int = 300
    seed: int = 10


@dataclass(frozen=True)
class CouncilRef:
    code: str
    name: str
    population: int


def week_anchor(now: datetime) -> datetime:
    """Thursday 12:00 UTC of `now`'s week: where generated data ends and handler benchmarks' clock stands.

    Mid-week, so "this week" holds three and a half days of items and "last week" a whole one;
    fixed for a week, so the cache stays valid that long.
    """
    monday = (now.astimezone(timezone.utc) - timedelta(days=now.astimezone(timezone.utc).weekday())).date()
    return datetime.combine(monday, datetime.min.time(), tzinfo=timezone.utc) + timedelta(days=3, hours=12)


def week_start(anchor: datetime) -> datetime:
    """Monday 00:00 UTC of the anchor's week."""
    return anchor - timedelta(days=3, hours=12)


def ts(value: datetime) -> str:
    """A UTC datetime as SQLAlchemy stores it in SQLite (naive, microseconds always written)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def fill(path: Path, spec: DataSpec) -> None:
    """Insert the whole data set into the migrated SQLite database at `path` (councils loaded)."""
    rng = random.Random(spec.seed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-400000", "temp_store=MEMORY",
                       "foreign_keys=OFF"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        councils = _councils(conn, current=True)
        outlet_ids = _insert_outlets(conn)
        _insert_coverage(conn, spec, rng, councils, outlet_ids)
        _insert_programmes(conn, spec, rng)
        # Current English councils first, then ones abolished since (challenged before
        # reorganisation), then Welsh councils (challenged with the WLGA): 400 in all.
        challenged = councils + _councils(conn, current=False) + _councils(conn, current=True, nation="Wales")
        _insert_peer_challenges(conn, spec, rng, challenged)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")  # as Herald runs it
    finally:
        conn.close()


def _councils(conn: sqlite3.Connection, current: bool, nation: str = "England") -> list[CouncilRef]:
    rows = conn.execute("SELECT code, nice_name, coalesce(population, 50000) FROM councils "
                        "WHERE current = ? AND nation = ? ORDER BY code", (current, nation)).fetchall()
    return [CouncilRef(code, name, population) for code, name, population in rows]


def _outlets() -> list[tuple[str, str, str]]:
    """The demo outlets plus regional papers, broadcasters and online titles: (name, domain, tier)."""
    outlets = list(DEMO_OUTLETS)
    for region in REGIONS:
        slug = region.lower().replace(" ", "")
        outlets += [(f"{region} Evening Post", f"{slug}post.co.uk", "regional"),
                    (f"{region} Gazette", f"{slug}gazette.co.uk", "regional"),
                    (f"BBC {region}", f"bbc.co.uk/{slug}", "broadcast"),
                    (f"ITV {region}", f"itv.com/{slug}", "broadcast"),
                    (f"{region} Live", f"{slug}live.co.uk", "online"),
                    (f"{region} Council Watch", f"{slug}watch.org.uk", "online")]
    return outlets


def _insert_outlets(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    rows = [(i, name, domain, tier, None) for i, (name, domain, tier) in enumerate(_outlets(), start=1)]
    assert all(tier in TIERS for *_, tier, _ in rows)
    conn.executemany("INSERT INTO outlets (id, name, domain, tier, aliases) VALUES (?, ?, ?, ?, ?)", rows)
    return [(oid, domain, tier) for oid, _, domain, tier, _ in rows]


def _insert_coverage(conn: sqlite3.Connection, spec: DataSpec, rng: random.Random,
                     councils: list[CouncilRef], outlets: list[tuple[int, str, str]]) -> None:
    """Items in publication order (as ingestion writes them), with stories, councils and tags."""
    for stories, items, mentions, tags in _coverage_chunks(spec, rng, councils, outlets):
        conn.executemany("INSERT INTO stories (id, title, fingerprint, first_seen_at) VALUES (?, ?, ?, ?)",
                         stories)
        conn.executemany(
            "INSERT INTO coverage_items (id, story_id, url, canonical_url, guid, title, summary, outlet_id, "
            "feed_id, source, published_at, first_seen_at, tone, tone_score, tone_overridden, note, "
            "logged_by, classified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, NULL, NULL, 1)",
            items)
        conn.executemany("INSERT INTO coverage_councils (coverage_id, council_code, published_at, tone) "
                         "VALUES (?, ?, ?, ?)", mentions)
        conn.executemany("INSERT INTO coverage_tags (coverage_id, tag, programme_id, campaign_id) "
                         "VALUES (?, ?, NULL, NULL)", tags)


def _coverage_chunks(spec: DataSpec, rng: random.Random, councils: list[CouncilRef],
                     outlets: list[tuple[int, str, str]]) -> Iterator[tuple[list, list, list, list]]:
    span = spec.span_days * 86400
    start = spec.anchor.timestamp() - span
    offsets = sorted(rng.random() * span for _ in range(spec.items))
    council_weights = [c.population for c in councils]
    tones = [t for t, _ in TONE_WEIGHTS]
    tone_weights = [w for _, w in TONE_WEIGHTS]
    story_id, story_title = 0, ""
    for first in range(0, spec.items, CHUNK):
        stories, items, mentions, tags = [], [], [], []
        count = min(CHUNK, spec.items - first)
        picked_councils = rng.choices(councils, weights=council_weights, k=count * 2)
        picked_tones = rng.choices(tones, weights=tone_weights, k=count)
        for k in range(count):
            item_id = first + k + 1
            published = datetime.fromtimestamp(start + offsets[item_id - 1], tz=timezone.utc)
            council, other = picked_councils[2 * k], picked_councils[2 * k + 1]
            phrase, tag = TOPICS[rng.randrange(len(TOPICS))]
            outlet_id, domain, _ = outlets[rng.randrange(len(outlets))]
            if story_id == 0 or rng.random() < 0.75:  # a new story; otherwise syndicated
                story_id += 1
                story_title = f"{council.name} {VERBS[rng.randrange(len(VERBS))]} {phrase}"
                stories.append((story_id, story_title, f"{story_id:016x}", ts(published)))
            url = f"https://{domain}/news/{item_id}"
            tone = picked_tones[k]
            score = {"positive": 0.6, "neutral": 0.0, "negative": -0.6}[tone] + rng.uniform(-0.3, 0.3)
            items.append((item_id, story_id, url + "?utm_source=rss", url, f"{domain}:{item_id}", story_title,
                          f"{story_title}. Reported by the {domain} newsroom.", outlet_id,
                          "feed" if rng.random() < 0.9 else "webhook", ts(published),
                          ts(published + timedelta(minutes=rng.randint(1, 90))), tone, round(score, 3)))
            roll = rng.random()
            if roll < 0.85:
                mentions.append((item_id, council.code, ts(published), tone))
            if roll < 0.15 and other.code != council.code:
                mentions.append((item_id, other.code, ts(published), tone))
            if tag:
                tags.append((item_id, tag))
        yield stories, items, mentions, tags


def _insert_programmes(conn: sqlite3.Connection, spec: DataSpec, rng: random.Random) -> None:
    """`spec.programmes` programmes, each rated at two to four half-yearly reviews."""
    ratings_cycle = [r for r in RATINGS if r != "not_rated"]
    created = spec.anchor - timedelta(days=YEARS * 365)
    programme_rows, rating_rows = [], []
    rating_id = 0
    for pid in range(1, spec.programmes + 1):
        words = rng.sample(PROGRAMME_WORDS, 2)
        name = f"{words[0]} {words[1]} Programme {pid:03d}"
        programme_rows.append((pid, name, f"Councils improve {words[0].lower()} outcomes",
                               f"{words[1]} toolkit, peer support and events", "Over three years",
                               f"Owner {pid % 37}", "[]", json.dumps([f"{words[0]}{pid:03d}"]),
                               json.dumps([f"{words[0].lower()} {words[1].lower()}"]), ts(created)))
        for review in range(rng.randint(2, 4)):
            rating_id += 1
            rated = spec.anchor - timedelta(days=180 * (4 - review) + rng.randint(0, 20))
            rating_rows.append((rating_id, pid, rng.choice(ratings_cycle), f"Review {review + 1}",
                                "Progress as planned; see the programme board", "U0BENCH", "slack", ts(rated)))
    conn.executemany("INSERT INTO programmes (id, name, outcome_indicator, outputs, timescales, owner, "
                     "manager_user_ids, aliases, keywords, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     programme_rows)
    conn.executemany("INSERT INTO rag_ratings (id, programme_id, rating, review, comment, rated_by, platform, "
                     "rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rating_rows)


def _insert_peer_challenges(conn: sqlite3.Connection, spec: DataSpec, rng: random.Random,
                            councils: list[CouncilRef]) -> None:
    """A challenge for each of the first `spec.challenge_councils` councils, with its stages; the peers."""
    chosen = councils[:spec.challenge_councils]
    first_day = (spec.anchor - timedelta(days=YEARS * 365)).date()
    challenges, stages = [], []
    for cid, council in enumerate(chosen, start=1):
        kind = rng.choices(KINDS, weights=(70, 10, 10, 5, 5))[0]
        reached = rng.randrange(len(STAGES))
        day = first_day + timedelta(days=rng.randrange(YEARS * 300))
        for stage in STAGES[:reached + 1]:
            stages.append((len(stages) + 1, cid, stage, day.isoformat(), None, None, "U0BENCH",
                           ts(datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc))))
            day = min(day + timedelta(days=rng.randint(10, 60)), spec.anchor.date() - timedelta(days=1))
        days_allowed = 5 if kind == "change of control" else None
        challenges.append((cid, council.code, kind, STAGES[reached], stages[-1][3],
                           rng.randint(0, 5) if days_allowed else None, days_allowed,
                           f"Cllr Peer {cid % 50}", "Lead member, chief executive, two officers",
                           None, None, ts(spec.anchor - timedelta(days=YEARS * 365)), stages[-1][7]))
    conn.executemany("INSERT INTO peer_challenges (id, council_code, kind, stage, stage_on, days_used, "
                     "days_allowed, lead_peer, team, report_url, notes, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", challenges)
    conn.executemany("INSERT INTO peer_challenge_stages (id, challenge_id, stage, occurred_on, link, note, "
                     "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", stages)
    peers = [(pid, f"Peer {pid}", rng.choice(("member", "officer")), rng.choice(councils).code,
              (first_day + timedelta(days=rng.randrange(YEARS * 365))).isoformat())
             for pid in range(1, spec.peers + 1)]
    conn.executemany("INSERT INTO peers (id, name, role, council_code, signed_up_on) VALUES (?, ?, ?, ?, ?)",
                     peers)

