"""Storing candidates: classify, dedupe against the seen-set and canonical URLs, store, and pick
which new items alert. One path for feeds, the webhook and hand-logged items."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from feeds.classify import Classification, Classifier
from feeds.normalize import Candidate
from models.alerts import AlertCandidate, alert_rules_for, record_deliveries, rule_matches
from models.bulk import batches, bulk_insert, one_of
from models.coverage import CoverageCouncil, CoverageItem, NewItem, Stored, store_items
from models.outlet import Feed, FeedEntry, Outlet
from models.press_earned import suggest_for_new_coverage
from models.relevance import excluded_urls, feed_rule, judge_relevance, off_topic, speaks_of_a_council, spokespeople
from models.stories import read_story_texts
from models.story_text import StoryText

BATCH = 2000


@dataclass
class IngestResult:
    """What one batch did: items created, already known, and alerts claimed for delivery."""

    created: list[int] = field(default_factory=list)
    known: list[int] = field(default_factory=list)
    alerts: list[tuple[int, int]] = field(default_factory=list)  # (rule id, item id)
    stored: list[Stored] = field(default_factory=list)
    left_out: int = 0  # entries not stored: not relevant under the feed's rule, or marked "not ours"


def _relevant(rule: str, found: Classification, spokespeople: list[str], text: str) -> bool:
    """Whether an item counts under a feed's rule; the off-topic reading only when it can decide (a
    council found by name, no council word)."""
    council_word = speaks_of_a_council(text)
    kind = off_topic(text) if found.council_codes and not council_word else None
    return judge_relevance(rule, found.council_codes, [t.tag for t in found.tags], spokespeople, council_word,
                           kind).relevant


def read_ahead(session: Session, candidates: Sequence[Candidate]) -> None:
    """Read the candidates' texts as the story rule will, and those of the stored items they will be compared with,
    in a reading transaction before the one that stores them: no other writer waits on the reading. Enter the
    batch's `sentence_budget` around both, so that one allowance bounds the reading ahead and within."""
    read_story_texts(session, [StoryText(c.title, c.summary or None, c.published_at) for c in candidates])


def unseen_entries(session: Session, feed_id: int, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates whose entry key the feed has not seen (read ahead of ingesting; `ingest_feed_entries` checks
    again in its own transaction)."""
    seen = _seen_keys(session, feed_id, [c.entry_key for c in candidates])
    return [c for c in candidates if c.entry_key not in seen]


def classify_and_store(session: Session, candidates: list[Candidate], *, source: str, now: datetime,
                       outlet_id: int | None = None, feed_id: int | None = None,
                       tone: str | None = None, note: str | None = None, logged_by: str | None = None,
                       classifier: Classifier | None = None, relevance: str = "all") -> IngestResult:
    """Classify and store candidates not already held (by canonical URL) nor marked "not ours", in a
    fixed number of statements whatever the batch's size or the press log's. A given `tone` is a
    person's: it is stored as an override. A candidate's own `outlet_id` and `tone` win over the
    batch's. Under the `mentions` relevance rule only candidates that mention a council, tag or
    spokesperson are stored."""
    classifier = classifier or Classifier(session)
    result = IngestResult()
    speakers = _Spokespeople(spokespeople(session)) if relevance == "mentions" else None
    for start in range(0, len(candidates), BATCH):  # bounded memory for big feeds and backfills
        new_items = []
        chunk = candidates[start:start + BATCH]
        excluded = excluded_urls(session, [c.canonical_url for c in chunk])
        for c in chunk:
            if c.canonical_url in excluded:
                result.left_out += 1
                continue
            found = classifier.classify(c.title, c.summary)
            text = f"{c.title}\n{c.summary or ''}"
            if speakers is not None and not _relevant(relevance, found, speakers.named_in(text), text):
                result.left_out += 1
                continue
            given_tone = c.tone or tone
            new_items.append(NewItem(
                url=c.url, canonical_url=c.canonical_url, title=c.title, summary=c.summary or None,
                published_at=c.published_at, first_seen_at=now, source=source,
                outlet_id=c.outlet_id if c.outlet_id is not None else outlet_id,
                feed_id=feed_id, guid=c.guid, tone=given_tone or found.tone, tone_score=found.tone_score,
                tone_overridden=given_tone is not None, council_codes=found.council_codes, tags=found.tags,
                note=note, logged_by=logged_by))
        if not new_items:
            continue
        stored = store_items(session, new_items)
        created = [s.item_id for s in stored if s.created]
        suggest_for_new_coverage(session, created)
        result.created += created
        result.known += [s.item_id for s in stored if not s.created]
        result.stored += stored
    return result


def ingest_feed_entries(session: Session, feed: Feed, candidates: list[Candidate], now: datetime,
                        alert_max_age: timedelta, classifier: Classifier | None = None) -> IngestResult:
    """New entries of one feed: those whose key is not in the feed's seen-set. On the first poll
    they are a silent baseline (stored, never alerted); later ones alert if recent enough."""
    unique = list({c.entry_key: c for c in candidates}.values())
    seen = _seen_keys(session, feed.id, [c.entry_key for c in unique])
    fresh = [c for c in unique if c.entry_key not in seen]
    if not fresh:
        return IngestResult()
    result = classify_and_store(session, fresh, source="feed", now=now, outlet_id=feed.outlet_id, feed_id=feed.id,
                                classifier=classifier, relevance=feed_rule(feed.relevance, feed.tier))
    ids = {s.canonical_url: s.item_id for s in result.stored}
    bulk_insert(session, FeedEntry.__table__, [
        dict(feed_id=feed.id, entry_key=c.entry_key, coverage_id=ids.get(c.canonical_url), first_seen_at=now)
        for c in fresh])
    if feed.baseline_done:
        recent = {ids[c.canonical_url] for c in fresh if c.canonical_url in ids and c.published_at >= now - alert_max_age}
        result.alerts = claim_alerts(session, [i for i in result.created if i in recent], now)
    return result


class _Spokespeople:
    """Spokespeople's names, found in text as whole words, any case."""

    def __init__(self, names: list[str]):
        self._names = names
        self._pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I) if names else None

    def named_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(m.group(0) for m in self._pattern.finditer(text))) if self._pattern else []


def _seen_keys(session: Session, feed_id: int, keys: list[str]) -> set[str]:
    seen: set[str] = set()
    for chunk in batches(session, keys):
        seen.update(session.scalars(select(FeedEntry.entry_key).where(
            FeedEntry.feed_id == feed_id, one_of(session, FeedEntry.entry_key, chunk))))
    return seen


def claim_alerts(session: Session, item_ids: list[int], now: datetime) -> list[tuple[int, int]]:
    """Match new items against every active rule and claim each (rule, item) pair once."""
    rules = alert_rules_for(session)
    if not rules or not item_ids:
        return []
    pairs = []
    for chunk in batches(session, item_ids):
        for candidate in _alert_candidates(session, chunk):
            pairs += [(rule.id, candidate.item_id) for rule in rules if rule_matches(rule, candidate)]
    return record_deliveries(session, pairs, now)


def _alert_candidates(session: Session, item_ids: list[int]) -> list[AlertCandidate]:
    """What the rules look at, for a chunk of items: two statements, not two per item."""
    councils: dict[int, list[str]] = defaultdict(list)
    for item_id, code in session.execute(select(CoverageCouncil.coverage_id, CoverageCouncil.council_code)
                                         .where(one_of(session, CoverageCouncil.coverage_id, item_ids))):
        councils[item_id].append(code)
    rows = session.execute(
        select(CoverageItem.id, CoverageItem.title, CoverageItem.summary, CoverageItem.tone, Outlet.tier)
        .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(one_of(session, CoverageItem.id, item_ids))
        .order_by(CoverageItem.id))
    return [AlertCandidate(item_id, f"{title}\n{summary or ''}", tone, tuple(councils[item_id]), tier)
            for item_id, title, summary, tone, tier in rows]
