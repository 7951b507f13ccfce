"""Stories: which story each new item joins (a person's split or merge: `models.story_corrections`).

A new item joins, in order: the newest story whose first title is the same headline (give or take
case and punctuation) seen within `TITLE_WINDOW`; else the story of the most alike item published
within 72 hours of it, if `models.story_match.same_story` says they report one event; else a new
story. Items of one batch are compared with each other as well. The comparison reads only the
items of the batch's window (their titles, the opening of their summaries, tone and councils), and
an inverted index of their words means each new item is compared with the few that share them.
A batch spends at most `SENTENCE_SECONDS` reading texts as sentences for the first time
(`models.sentence_meaning`); pairs it meets after that are judged by the model fitted without them. The webhook and
the feed poll read first, in a reading transaction, the texts of the pairs their batch will compare
(`read_story_texts`), within one allowance for the batch (`WEBHOOK_SENTENCE_SECONDS`, `FEED_SENTENCE_SECONDS`): no
writer waits on that reading, and a feed's big first poll is judged as its items would be one at a time. A webhook
post also has a time to compare its items (`grouping_budget`, spread over the batch by `_Pace`), so that it answers
within 2 s however big; what either allowance leaves, `models.story_settling` finishes after the answer.
"""
from __future__ import annotations

import hashlib
import re
import time
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Iterator, Mapping, Sequence, Union

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.allowance import Allowance, allowance
from models.bulk import batches, bulk_insert, one_of
from models.coverage import CoverageCouncil, CoverageItem, NewItem, Story
from models.sentence_meaning import read_sentences, sentence_budget
from models.story_evidence import STORY_WINDOW, decided_without_meaning
from models.story_match import StoryMatch, same_story
from models.story_meaning import sentence_texts
from models.story_text import StoryText
from models.story_words import SUMMARY_CHARS

TITLE_WINDOW = timedelta(days=7)
POOL_LIMIT = 2000  # the newest items of a batch's window that new items are compared with
COMPARED = 20  # items compared in full per new item, those sharing the most words first
COMMON = 150  # words in more of the window's items than this are not looked up
QUICK_COMPARED = 3  # items compared at least per new item while a batch's grouping allowance lasts
PAIR_SECONDS = 0.00015  # about what judging a pair takes, until a batch has timed its own
# A batch's time for reading new texts as sentences (about 2–8 ms a text): a 500-item webhook whose items all
# resemble each other keeps its 2 s (the README's benchmarks); a feed's few new items never reach it.
SENTENCE_SECONDS = 0.5
# The whole time a batch may spend reading texts as sentences, ahead of its transaction (`read_story_texts`) and in
# it: a webhook's is the half second its transaction had alone, so a 500-item post whose items all resemble each other
# keeps its 2 s; nobody waits on a feed's poll (1,000 texts take about 1.5 s on two threads).
WEBHOOK_SENTENCE_SECONDS = 0.5
FEED_SENTENCE_SECONDS = 5.0
# A webhook post's time for comparing its items in its transaction (a realistic 500-item post's ~11,000 pairs take
# about 1.5 s idle): with the half second of reading, its 2 s holds; what it leaves is settled after the answer.
WEBHOOK_GROUPING_SECONDS = 0.8
_NOT_WORD = re.compile(r"[\W_]+")
_grouping: ContextVar[Allowance | None] = ContextVar("grouping_allowance", default=None)


def story_fingerprint(title: str) -> str:
    """Titles that differ only in case, punctuation or spacing belong to one story."""
    return hashlib.sha1(_NOT_WORD.sub(" ", title.lower()).strip().encode()).hexdigest()


@dataclass(frozen=True)
class _NewStory:
    """A story still to be created, for the batch's item at this position."""

    leader: int


StoryRef = Union[int, _NewStory]


class StoryPool:
    """Items a new item may join, indexed by their words."""

    def __init__(self, wanted: frozenset[str]) -> None:
        """`wanted`: the words of the new items; only those are indexed (no other can be looked up)."""
        self._entries: list[tuple[StoryText, StoryRef]] = []
        self._postings: dict[str, list[int]] = {concept: [] for concept in wanted}

    def add(self, text: StoryText, ref: StoryRef) -> None:
        position = len(self._entries)
        self._entries.append((text, ref))
        postings = self._postings
        for concept in text.concepts:
            if concept in postings:
                postings[concept].append(position)

    def compared_with(self, text: StoryText) -> list[tuple[StoryText, StoryRef]]:
        """The items `text` is judged against: those sharing the most of its telling words, up to `COMPARED`."""
        shared: dict[int, int] = defaultdict(int)
        for concept in text.concepts:
            postings = self._postings.get(concept, ())
            if len(postings) > COMMON:
                continue  # a word this common in the window tells no story from another
            for position in postings:
                shared[position] += 1
        needed = 1 if len(text.concepts) <= 3 else 2
        ranked = sorted((p for p, n in shared.items() if n >= needed), key=lambda p: (-shared[p], -p))
        return [self._entries[position] for position in ranked[:COMPARED]]

    def best(self, text: StoryText, own: StoryRef | None = None, moved: Mapping[int, int] | None = None,
             candidates: Sequence[tuple[StoryText, StoryRef]] | None = None) -> tuple[StoryRef, StoryMatch] | None:
        """The story of the most alike item that reports the same event, if any, among `candidates` (by default
        `compared_with(text)`); not `own`, the story `text` is in already (`models.story_settling`), a story in
        `moved` taken as the one it was moved into."""
        found: tuple[StoryRef, StoryMatch] | None = None
        for other, ref in self.compared_with(text) if candidates is None else candidates:
            ref = moved.get(ref, ref) if moved and isinstance(ref, int) else ref
            if ref == own:
                continue
            match = same_story(text, other)
            if match.same and (found is None or match.score > found[1].score):
                found = (ref, match)
        return found


def read_story_texts(session: Session, arriving: Sequence[StoryText]) -> int:
    """Read as sentences the texts the story rule will read when this batch is stored: those of each pair it will
    compare whose time apart and headlines do not decide it alone, the stored items' included; until the time
    `sentence_budget` gives is spent. How many texts were read. Called in a reading transaction before the batch's
    write transaction, so that no writer waits on the reading and, as far as the allowance goes, a big batch's pairs
    are judged as they would be one at a time."""
    if not arriving:
        return 0
    by_rank: list[list[tuple[StoryText, StoryText]]] = []

    def note_pairs(text: StoryText, pool: StoryPool) -> None:
        undecided = (other for other, _ref in pool.compared_with(text) if not decided_without_meaning(text, other))
        for rank, other in enumerate(undecided):
            if rank == len(by_rank):
                by_rank.append([])
            by_rank[rank].append((text, other))

    _walk(session, arriving, note_pairs)
    texts = (sentence for pairs in by_rank for pair in pairs for text in pair
             for sentence in sentence_texts(text.title, (text.summary or "")[:SUMMARY_CHARS]))
    return read_sentences(dict.fromkeys(texts))


@contextmanager
def grouping_budget(seconds: float) -> Iterator[Allowance]:
    """Within the block (in this thread), a batch's new items are compared with others for their stories only until
    `seconds` have passed: an item met after that joins a story of its very headline or starts its own, and the
    allowance yielded says so (`ran_short`); `models.story_settling` finishes the comparing later."""
    with allowance(_grouping, seconds) as given:
        yield given


def story_ids_for(session: Session, fresh: Sequence[NewItem]) -> list[int]:
    """The story id of each item of `fresh` (in order), creating the new stories needed."""
    texts = [StoryText(i.title, i.summary, i.published_at, tuple(i.council_codes), i.tone) for i in fresh]
    given = _grouping.get()
    pace = None if given is None else _Pace(given, len(texts))

    def best_story(text: StoryText, pool: StoryPool) -> StoryRef | None:
        best = pool.best(text) if pace is None else pace.best(text, pool)
        return best[0] if best else None

    with sentence_budget(SENTENCE_SECONDS):
        refs = _walk(session, texts, best_story)
    prints = [story_fingerprint(item.title) for item in fresh]
    leaders = [ref.leader for ref in dict.fromkeys(r for r in refs if isinstance(r, _NewStory))]
    created: dict[int, int] = {}
    if leaders:
        bulk_insert(session, Story.__table__, [dict(title=fresh[n].title[:1000], fingerprint=prints[n],
                                                    first_seen_at=fresh[n].first_seen_at) for n in leaders])
        newest = _newest_stories(session, [prints[n] for n in leaders])  # the rows just inserted are the newest
        created = {n: newest[prints[n]] for n in leaders}
    return [ref if isinstance(ref, int) else created[ref.leader] for ref in refs]


class _Pace:
    """A grouping allowance spread over a batch: each item is compared with as many of its likeliest items (those
    sharing the most words) as the time left allows for the items still to come, and at least `QUICK_COMPARED`, so
    that every item of a big batch meets its likeliest first; what the allowance leaves, settling finishes."""

    def __init__(self, given: Allowance, items: int) -> None:
        self.given, self.items_left, self.pairs, self.started = given, items, 0, time.perf_counter()

    def best(self, text: StoryText, pool: StoryPool) -> tuple[StoryRef, StoryMatch] | None:
        self.items_left -= 1
        if not self.given.left():
            self.given.fell_short()
            return None
        candidates = pool.compared_with(text)
        limit = self._limit()
        if len(candidates) > limit:
            self.given.fell_short()
        self.pairs += min(limit, len(candidates))
        return pool.best(text, candidates=candidates[:limit])

    def _limit(self) -> int:
        now = time.perf_counter()
        per_pair = (now - self.started) / self.pairs if self.pairs >= 50 else PAIR_SECONDS
        affordable = (self.given.ends - now) / ((self.items_left + 1) * per_pair)
        return max(QUICK_COMPARED, min(COMPARED, int(affordable)))


def _walk(session: Session, texts: Sequence[StoryText],
          choose: Callable[[StoryText, StoryPool], StoryRef | None]) -> list[StoryRef]:
    """Each text's story, in order of publication: the newest story of the same headline, else the one `choose`
    finds among the stored items of the batch's window and the batch's earlier items, else a new story."""
    prints = [story_fingerprint(text.title) for text in texts]
    by_print: dict[str, StoryRef] = dict(
        _newest_stories(session, list(dict.fromkeys(prints)), min(t.published_at for t in texts) - TITLE_WINDOW))
    pool = recent_pool(session, [t.published_at for t in texts], frozenset().union(*(t.concepts for t in texts)))
    refs: list[StoryRef] = [_NewStory(n) for n in range(len(texts))]
    for n in sorted(range(len(texts)), key=lambda k: texts[k].published_at):
        ref = by_print.get(prints[n])
        if ref is None:
            ref = choose(texts[n], pool) or _NewStory(n)
            by_print[prints[n]] = ref
        refs[n] = ref
        pool.add(texts[n], ref)
    return refs


def _newest_stories(session: Session, fingerprints: list[str], since: datetime | None = None) -> dict[str, int]:
    """The newest story id per fingerprint (first seen since `since`, if given)."""
    found: dict[str, int] = {}
    for chunk in batches(session, fingerprints):
        query = select(Story.fingerprint, func.max(Story.id)).where(one_of(session, Story.fingerprint, chunk))
        if since is not None:
            query = query.where(Story.first_seen_at >= since)
        found.update((fp, story_id) for fp, story_id in session.execute(query.group_by(Story.fingerprint)))
    return found


def recent_pool(session: Session, published: Sequence[datetime], wanted: frozenset[str]) -> StoryPool:
    """The stored items published within the story window of a batch published at `published` (the newest
    `POOL_LIMIT`)."""
    start = min(published) - STORY_WINDOW
    end = max(published) + STORY_WINDOW
    window = (CoverageItem.published_at >= start, CoverageItem.published_at <= end,
              CoverageItem.story_id.is_not(None))
    pool = StoryPool(wanted)
    found = _stored_texts(session, select(*_TEXT_COLUMNS).where(*window)
                          .order_by(CoverageItem.published_at.desc()).limit(POOL_LIMIT))
    for _item_id, story_id, text in reversed(found):
        pool.add(text, story_id)
    return pool


def stored_texts(session: Session, item_ids: Sequence[int]) -> list[tuple[int, int, StoryText]]:
    """(item id, story id, what the story rule reads of it) for each of these stored items that has a story."""
    found = []
    for chunk in batches(session, list(item_ids)):
        found += _stored_texts(session, select(*_TEXT_COLUMNS).where(one_of(session, CoverageItem.id, chunk),
                                                                     CoverageItem.story_id.is_not(None)))
    return found


_TEXT_COLUMNS = (CoverageItem.id, CoverageItem.story_id, CoverageItem.title,
                 func.substr(CoverageItem.summary, 1, SUMMARY_CHARS), CoverageItem.published_at, CoverageItem.tone)


def _stored_texts(session: Session, query) -> list[tuple[int, int, StoryText]]:
    rows = session.execute(query).all()
    councils: dict[int, list[str]] = defaultdict(list)
    for chunk in batches(session, [row[0] for row in rows]):
        for item_id, code in session.execute(select(CoverageCouncil.coverage_id, CoverageCouncil.council_code)
                                             .where(one_of(session, CoverageCouncil.coverage_id, chunk))):
            councils[item_id].append(code)
    return [(item_id, story_id, StoryText(title, summary, published_at, tuple(councils[item_id]), tone))
            for item_id, story_id, title, summary, published_at, tone in rows]
