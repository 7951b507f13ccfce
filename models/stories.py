"""Stories: which story each new item joins, and a person's split or merge of stories (audited).

A new item joins, in order: the newest story whose first title is the same headline (give or take
case and punctuation) seen within `TITLE_WINDOW`; else the story of the most alike item published
within 72 hours of it, if `models.story_match.same_story` says they report one event; else a new
story. Items of one batch are compared with each other as well. The comparison reads only the
items of the batch's window (their titles, the opening of their summaries, tone and councils), and
an inverted index of their words means each new item is compared with the few that share them.
A batch spends at most `SENTENCE_SECONDS` reading texts as sentences for the first time
(`models.sentence_meaning`); pairs it meets after that are judged by the model fitted without them.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence, Union

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.bulk import batches, bulk_insert, one_of
from models.coverage import CoverageCouncil, CoverageItem, NewItem, Story
from models.sentence_meaning import sentence_budget
from models.story_match import STORY_WINDOW, StoryMatch, same_story
from models.story_text import StoryText
from models.story_words import SUMMARY_CHARS

TITLE_WINDOW = timedelta(days=7)
POOL_LIMIT = 2000  # the newest items of a batch's window that new items are compared with
COMPARED = 20  # items compared in full per new item, those sharing the most words first
COMMON = 150  # words in more of the window's items than this are not looked up
# A batch's time for reading new texts as sentences (about 2–8 ms a text): a 500-item webhook whose items all
# resemble each other keeps its 2 s (the README's benchmarks); a feed's few new items never reach it.
SENTENCE_SECONDS = 0.5
_NOT_WORD = re.compile(r"[\W_]+")


def story_fingerprint(title: str) -> str:
    """Titles that differ only in case, punctuation or spacing belong to one story."""
    return hashlib.sha1(_NOT_WORD.sub(" ", title.lower()).strip().encode()).hexdigest()


@dataclass(frozen=True)
class _NewStory:
    """A story still to be created, for the batch's item at this position."""

    leader: int


StoryRef = Union[int, _NewStory]


class _Pool:
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

    def best(self, text: StoryText) -> tuple[StoryRef, StoryMatch] | None:
        """The story of the most alike item that reports the same event, if any."""
        shared: dict[int, int] = defaultdict(int)
        for concept in text.concepts:
            postings = self._postings.get(concept, ())
            if len(postings) > COMMON:
                continue  # a word this common in the window tells no story from another
            for position in postings:
                shared[position] += 1
        needed = 1 if len(text.concepts) <= 3 else 2
        ranked = sorted((p for p, n in shared.items() if n >= needed), key=lambda p: (-shared[p], -p))
        found: tuple[StoryRef, StoryMatch] | None = None
        for position in ranked[:COMPARED]:
            other, ref = self._entries[position]
            match = same_story(text, other)
            if match.same and (found is None or match.score > found[1].score):
                found = (ref, match)
        return found


def story_ids_for(session: Session, fresh: Sequence[NewItem]) -> list[int]:
    """The story id of each item of `fresh` (in order), creating the new stories needed."""
    prints = [story_fingerprint(item.title) for item in fresh]
    known = _newest_stories(session, list(dict.fromkeys(prints)), min(i.published_at for i in fresh) - TITLE_WINDOW)
    texts = [StoryText(i.title, i.summary, i.published_at, tuple(i.council_codes), i.tone) for i in fresh]
    pool = _recent_pool(session, fresh, frozenset().union(*(t.concepts for t in texts)))
    refs: list[StoryRef | None] = [None] * len(fresh)
    by_print: dict[str, StoryRef] = dict(known)
    with sentence_budget(SENTENCE_SECONDS):
        for n in sorted(range(len(fresh)), key=lambda k: fresh[k].published_at):
            text = texts[n]
            ref = by_print.get(prints[n])
            if ref is None:
                best = pool.best(text)
                ref = best[0] if best else _NewStory(n)
                by_print[prints[n]] = ref
            refs[n] = ref
            pool.add(text, ref)
    leaders = [ref.leader for ref in dict.fromkeys(r for r in refs if isinstance(r, _NewStory))]
    created: dict[int, int] = {}
    if leaders:
        bulk_insert(session, Story.__table__, [dict(title=fresh[n].title[:1000], fingerprint=prints[n],
                                                    first_seen_at=fresh[n].first_seen_at) for n in leaders])
        newest = _newest_stories(session, [prints[n] for n in leaders])  # the rows just inserted are the newest
        created = {n: newest[prints[n]] for n in leaders}
    return [ref if isinstance(ref, int) else created[ref.leader] for ref in refs]


def _newest_stories(session: Session, fingerprints: list[str], since: datetime | None = None) -> dict[str, int]:
    """The newest story id per fingerprint (first seen since `since`, if given)."""
    found: dict[str, int] = {}
    for chunk in batches(session, fingerprints):
        query = select(Story.fingerprint, func.max(Story.id)).where(one_of(session, Story.fingerprint, chunk))
        if since is not None:
            query = query.where(Story.first_seen_at >= since)
        found.update((fp, story_id) for fp, story_id in session.execute(query.group_by(Story.fingerprint)))
    return found


def _recent_pool(session: Session, fresh: Sequence[NewItem], wanted: frozenset[str]) -> _Pool:
    """The stored items published within the story window of the batch (the newest `POOL_LIMIT`)."""
    start = min(i.published_at for i in fresh) - STORY_WINDOW
    end = max(i.published_at for i in fresh) + STORY_WINDOW
    window = (CoverageItem.published_at >= start, CoverageItem.published_at <= end,
              CoverageItem.story_id.is_not(None))
    rows = session.execute(
        select(CoverageItem.id, CoverageItem.story_id, CoverageItem.title,
               func.substr(CoverageItem.summary, 1, SUMMARY_CHARS), CoverageItem.published_at, CoverageItem.tone)
        .where(*window).order_by(CoverageItem.published_at.desc()).limit(POOL_LIMIT)).all()
    pool = _Pool(wanted)
    if not rows:
        return pool
    councils: dict[int, list[str]] = defaultdict(list)
    for chunk in batches(session, [row[0] for row in rows]):
        for item_id, code in session.execute(select(CoverageCouncil.coverage_id, CoverageCouncil.council_code)
                                             .where(one_of(session, CoverageCouncil.coverage_id, chunk))):
            councils[item_id].append(code)
    for item_id, story_id, title, summary, published_at, tone in reversed(rows):
        pool.add(StoryText(title, summary, published_at, tuple(councils[item_id]), tone), story_id)
    return pool


# ----- a person's split and merge ---------------------------------------------------------------

@dataclass(frozen=True)
class StoryChange:
    """What a split or merge did: the items moved and the story they are in now."""

    story_id: int
    moved: tuple[int, ...]
    from_story: int | None


def split_item(session: Session, item_id: int, actor: ActorLike, now: datetime) -> StoryChange | None:
    """Take an item out of its story into a story of its own (audited). None if there is no such item."""
    item = session.get(CoverageItem, item_id)
    if item is None:
        return None
    before = item.story_id
    story = Story(title=item.title[:1000], fingerprint=story_fingerprint(item.title), first_seen_at=now)
    session.add(story)
    session.flush()
    item.story_id = story.id
    record_audit(session, at=now, actor=actor, action="coverage.story_split", entity="coverage_item",
                 entity_id=item_id, detail={"from_story": before, "to_story": story.id})
    session.flush()
    return StoryChange(story.id, (item_id,), before)


def merge_items(session: Session, item_id: int, into_item_id: int, actor: ActorLike,
                now: datetime) -> StoryChange | None:
    """Put every item of `item_id`'s story into `into_item_id`'s story (audited). None if either
    item is missing."""
    item, into = session.get(CoverageItem, item_id), session.get(CoverageItem, into_item_id)
    if item is None or into is None:
        return None
    if into.story_id is None:
        story = Story(title=into.title[:1000], fingerprint=story_fingerprint(into.title), first_seen_at=now)
        session.add(story)
        session.flush()
        into.story_id = story.id
    before = item.story_id
    if before is None:
        moved = [item.id]
    else:
        moved = list(session.scalars(select(CoverageItem.id).where(CoverageItem.story_id == before)))
    session.execute(CoverageItem.__table__.update().where(CoverageItem.id.in_(moved)).values(story_id=into.story_id))
    session.expire_all()
    record_audit(session, at=now, actor=actor, action="coverage.story_merge", entity="coverage_item",
                 entity_id=item_id, detail={"from_story": before, "to_story": into.story_id, "items": moved})
    session.flush()
    return StoryChange(into.story_id, tuple(moved), before)


def story_of(session: Session, item_id: int) -> tuple[int | None, list[tuple[int, str, str | None]]]:
    """An item's story id and every item in it: (id, title, outlet name), oldest first."""
    from models.outlet import Outlet
    story_id = session.scalar(select(CoverageItem.story_id).where(CoverageItem.id == item_id))
    if story_id is None:
        return None, []
    rows = session.execute(select(CoverageItem.id, CoverageItem.title, Outlet.name)
                           .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
                           .where(CoverageItem.story_id == story_id)
                           .order_by(CoverageItem.published_at, CoverageItem.id)).all()
    return story_id, [tuple(row) for row in rows]
