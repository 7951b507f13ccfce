"""Settling a batch's stories after its answer: the comparing a webhook post had no time for, finished.

A webhook post answers within 2 s however big its batch (`bot.webhooks.coverage`), so its story judgement is bounded:
half a second to read texts as sentences, `models.stories.WEBHOOK_GROUPING_SECONDS` to compare items. When either
ran short (a pair judged without reading its texts as sentences, or an item compared with nothing), the post leaves a
job, and moments after the answer the web process's job worker settles the batch (`bot.webhooks.settling`): each of
its items still alone in its story is compared again, every text read, with the items of its window, and joins the
story of the most alike item that reports the same event, as it would have had the batch come one item at a time.

The comparing and reading happen in a reading transaction (`plan_settling`), so no writer waits on them; the moves
are then made in a short write (`apply_settling`), each only if nothing changed meanwhile. Settling only joins: an
item already in a story was judged one with it and stays. An item a person split off is never moved (the audit says
so), nor is any item joined to or from a story a person split; settling twice changes nothing more.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, ContextManager, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import AuditEntry
from models.bulk import batches, one_of
from models.coverage import CoverageItem
from models.inbound import JOB_ACTIVE, Job
from models.sentence_meaning import read_sentences, sentence_budget
from models.stories import StoryPool, recent_pool, stored_texts
from models.story_evidence import STORY_WINDOW, decided_without_meaning
from models.story_meaning import sentence_texts
from models.story_text import StoryText
from models.story_words import SUMMARY_CHARS

SETTLE_JOB = "stories.settle"  # the job kind a post out of time leaves (`bot.webhooks.settling` runs it)
# Nobody waits on settling: every text is read (a 500-item batch's take 2–4 s), but a stuck encoder cannot hold the job.
SETTLE_SENTENCE_SECONDS = 60.0
Transaction = Callable[[], ContextManager[Session]]


@dataclass(frozen=True)
class Move:
    """An item alone in its story that reports the same event as another story's item: it joins that story."""

    item_id: int
    from_story: int
    to_story: int


@dataclass(frozen=True)
class _Alone:
    item_id: int
    story_id: int
    text: StoryText


def plan_settling(session: Session, item_ids: Sequence[int]) -> list[Move]:
    """The moves that settle these items' stories: for each still alone in its story and never split off by a
    person, oldest first, the story of the most alike item of its window that reports the same event. Reads the
    texts it compares as sentences first, within the time `sentence_budget` gives; call it in a reading
    transaction."""
    alone, corrected = _alone(session, item_ids)
    if not alone:
        return []
    pool = recent_pool(session, [a.text.published_at for a in alone], frozenset().union(*(a.text.concepts
                                                                                         for a in alone)))
    read_sentences(dict.fromkeys(_texts_compared(alone, pool)))
    moves: list[Move] = []
    moved: dict[int, int] = {}
    for item in alone:
        best = pool.best(item.text, own=item.story_id, moved=moved)
        if best is not None and isinstance(best[0], int) and best[0] not in corrected:
            moved[item.story_id] = best[0]
            moves.append(Move(item.item_id, item.story_id, best[0]))
    return moves


def apply_settling(session: Session, moves: Sequence[Move]) -> list[Move]:
    """Make the moves whose item is still alone in the story it was in and whose story to join still holds an item
    (the moves before it counted); the moves made. Call it in a write transaction."""
    if not moves:
        return []
    sizes = _story_sizes(session, {story for move in moves for story in (move.from_story, move.to_story)})
    made = []
    for move in moves:
        item = session.get(CoverageItem, move.item_id)
        if item is None or item.story_id != move.from_story or sizes[move.from_story] != 1 or not sizes[move.to_story]:
            continue
        item.story_id = move.to_story
        sizes[move.from_story] -= 1
        sizes[move.to_story] += 1
        made.append(move)
    session.flush()
    return made


def settle_stories(reading: Transaction, writing: Transaction, item_ids: Sequence[int]) -> list[Move]:
    """Settle these items' stories now: the moves planned in a `reading` transaction, every text read, then made in
    a short `writing` one (`Herald.reading`, `Herald.session`); the moves made. The job worker's way
    (`bot.webhooks.settling`), and a feed poll's whose reading ran short."""
    with reading() as session, sentence_budget(SETTLE_SENTENCE_SECONDS):
        moves = plan_settling(session, item_ids)
    with writing() as session:
        return apply_settling(session, moves)


def awaiting_settling(session: Session, item_id: int) -> bool:
    """Whether the item came in a post whose stories are still to be settled, so its story may yet grow: what
    `/coverage explain` says instead of "a story of its own" for the few seconds it takes."""
    payloads = session.scalars(select(Job.payload).where(Job.kind == SETTLE_JOB,
                                                         Job.status.in_(JOB_ACTIVE)))
    return any(item_id in payload.get("items", ()) for payload in payloads)


def _alone(session: Session, item_ids: Sequence[int]) -> tuple[list[_Alone], set[int]]:
    """The items of `item_ids` alone in their story, oldest first, and the stories a person split an item from or
    into: settling leaves those as the person left them, neither moving their items nor joining them."""
    found = stored_texts(session, item_ids)
    if not found:
        return [], set()
    since = min(text.published_at for _, _, text in found) - STORY_WINDOW
    split_items, corrected = _split_by_a_person(session, since)
    sizes = _story_sizes(session, {story_id for _, story_id, _ in found})
    alone = [_Alone(item_id, story_id, text) for item_id, story_id, text in found
             if sizes[story_id] == 1 and item_id not in split_items and story_id not in corrected]
    return sorted(alone, key=lambda a: (a.text.published_at, a.item_id)), corrected


def _split_by_a_person(session: Session, since: datetime) -> tuple[set[int], set[int]]:
    """The items a person split off since `since` (a split comes after its items arrive), and the stories they
    left and started."""
    items: set[int] = set()
    stories: set[int] = set()
    for entity_id, detail in session.execute(select(AuditEntry.entity_id, AuditEntry.detail).where(
            AuditEntry.action == "coverage.story_split", AuditEntry.at >= since)):
        items.add(int(entity_id))
        stories.update(story for story in ((detail or {}).get("from_story"), (detail or {}).get("to_story"))
                       if isinstance(story, int))
    return items, stories


def _story_sizes(session: Session, story_ids: set[int]) -> Counter[int]:
    """How many items each of these stories holds."""
    sizes: Counter[int] = Counter()
    for chunk in batches(session, list(story_ids)):
        sizes.update(dict(session.execute(select(CoverageItem.story_id, func.count()).where(
            one_of(session, CoverageItem.story_id, chunk)).group_by(CoverageItem.story_id)).all()))
    return sizes


def _texts_compared(alone: Sequence[_Alone], pool: StoryPool) -> list[str]:
    """The texts settling will read as sentences: both items' of each pair it compares that their time apart and
    headlines do not decide alone."""
    texts = []
    for item in alone:
        for other, ref in pool.compared_with(item.text):
            if ref != item.story_id and not decided_without_meaning(item.text, other):
                for text in (item.text, other):
                    texts += sentence_texts(text.title, (text.summary or "")[:SUMMARY_CHARS])
    return texts
