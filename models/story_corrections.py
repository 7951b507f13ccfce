"""A person's correction of the stories Herald made: an item split off into a story of its own, or one story merged
into another, both audited (`/coverage story split|merge`); and what a story holds, for `/coverage explain`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.coverage import CoverageItem, Story
from models.stories import story_fingerprint


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
