"""Coverage: stories, the items that carry them, their councils and tags; storing new items and a
person's tone. Queries over coverage are `models.coverage_query`'s, alert rules `models.alerts`'."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.bulk import batches, bulk_insert, one_of
from models.db import Base

TONES = ("positive", "neutral", "negative")
SOURCES = ("feed", "webhook", "manual", "slack_shortcut", "demo")


class Story(Base):
    """One story; syndicated copies in several outlets are several items of one story."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(1000))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    first_seen_at: Mapped[datetime]


class CoverageItem(Base):
    """A piece of media coverage at one canonical URL."""

    __tablename__ = "coverage_items"
    __table_args__ = (
        # Covers /coverage's period summary (counts by tone, tier via outlet, stories, earned)
        # without touching the table: see migrations/versions/perf_query_indexes.py.
        Index("ix_coverage_items_period_summary", "published_at", "tone", "outlet_id", "story_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    canonical_url: Mapped[str] = mapped_column(String(2000), unique=True)
    guid: Mapped[str | None] = mapped_column(String(1000))
    title: Mapped[str] = mapped_column(String(1000))
    summary: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"), index=True)
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(20), default="feed")
    published_at: Mapped[datetime]  # ranges use ix_coverage_items_period_summary, which leads with it
    first_seen_at: Mapped[datetime]
    tone: Mapped[str] = mapped_column(String(10), default="neutral")
    tone_score: Mapped[float | None] = mapped_column(Float)
    tone_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str | None] = mapped_column(String(100))
    classified: Mapped[bool] = mapped_column(Boolean, default=False)

    outlet = relationship("Outlet")
    councils: Mapped[list["CoverageCouncil"]] = relationship(cascade="all, delete-orphan")
    tags: Mapped[list["CoverageTag"]] = relationship(cascade="all, delete-orphan")


class CoverageCouncil(Base):
    """A council an item mentions, with the item's `published_at` and `tone` copied in so that
    "this council's coverage in a period (of a tone)" is one range scan of
    `ix_coverage_councils_council_period` instead of a visit to every item the council ever had.
    The copies are written by `store_items` and kept in step by `set_tone`, the only writers."""

    __tablename__ = "coverage_councils"
    __table_args__ = (
        Index("ix_coverage_councils_council_period", "council_code", "published_at", "tone", "coverage_id"),
    )

    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    council_code: Mapped[str] = mapped_column(
        ForeignKey("councils.code", ondelete="CASCADE"), primary_key=True)
    published_at: Mapped[datetime]
    tone: Mapped[str] = mapped_column(String(10))


class CoverageTag(Base):
    """A tag on an item: a programme, a campaign or a free label."""

    __tablename__ = "coverage_tags"

    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)


@dataclass(frozen=True)
class NewItem:
    """An item to store, already normalised and classified (from a feed, the webhook or a person)."""

    url: str
    canonical_url: str
    title: str
    summary: str | None
    published_at: datetime
    first_seen_at: datetime
    source: str
    outlet_id: int | None = None
    feed_id: int | None = None
    guid: str | None = None
    tone: str = "neutral"
    tone_score: float | None = None
    tone_overridden: bool = False
    council_codes: tuple[str, ...] = ()
    tags: tuple["TagLike", ...] = ()
    note: str | None = None
    logged_by: str | None = None


class TagLike:  # pragma: no cover - typing aid: feeds.classify.TagRef has these fields
    tag: str
    programme_id: int | None
    campaign_id: int | None


@dataclass(frozen=True)
class Stored:
    """What became of one `NewItem`: its row id and whether it was new."""

    canonical_url: str
    item_id: int
    created: bool


def store_items(session: Session, items: Sequence[NewItem]) -> list[Stored]:
    """Insert the items not already held (by canonical URL), grouped into stories; set-based, so a
    batch of thousands costs a handful of statements. Returns one `Stored` per distinct URL."""
    by_url: dict[str, NewItem] = {}
    for item in items:
        by_url.setdefault(item.canonical_url, item)
    existing = _ids_by_url(session, list(by_url))
    fresh = [item for url, item in by_url.items() if url not in existing]
    results = [Stored(url, existing[url], False) for url in by_url if url in existing]
    if not fresh:
        return results
    try:
        with session.begin_nested():
            created = _insert_fresh(session, fresh)
    except IntegrityError:  # another process stored one of them meanwhile: go one by one
        created = {}
        for item in fresh:
            try:
                with session.begin_nested():
                    created.update(_insert_fresh(session, [item]))
            except IntegrityError:
                pass
        existing = _ids_by_url(session, [i.canonical_url for i in fresh if i.canonical_url not in created])
        results += [Stored(url, item_id, False) for url, item_id in existing.items()]
    return results + [Stored(url, item_id, True) for url, item_id in created.items()]


def _ids_by_url(session: Session, urls: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in batches(session, urls):
        found.update((url, item_id) for url, item_id in session.execute(select(
            CoverageItem.canonical_url, CoverageItem.id).where(one_of(session, CoverageItem.canonical_url, chunk))))
    return found


def _insert_fresh(session: Session, fresh: list[NewItem]) -> dict[str, int]:
    from models.stories import story_ids_for  # grouping reads these tables: imported when first needed
    story_ids = story_ids_for(session, fresh)
    rows = [dict(url=i.url[:2000], canonical_url=i.canonical_url[:2000], title=i.title[:1000],
                 summary=i.summary, published_at=i.published_at, first_seen_at=i.first_seen_at,
                 source=i.source, outlet_id=i.outlet_id, feed_id=i.feed_id, guid=(i.guid or None) and i.guid[:1000],
                 tone=i.tone, tone_score=i.tone_score, tone_overridden=i.tone_overridden, note=i.note,
                 logged_by=i.logged_by, classified=True, story_id=story_id)
            for i, story_id in zip(fresh, story_ids)]
    # Inserted in bulk, then the ids read back by the unique URL: both drivers' fastest path
    # (RETURNING makes SQLite insert row by row and psycopg re-parse a 17,000-parameter statement).
    bulk_insert(session, CoverageItem.__table__, rows)
    ids_by_key = _ids_by_url(session, [row["canonical_url"] for row in rows])
    created = {item.canonical_url: ids_by_key[item.canonical_url[:2000]] for item in fresh}
    councils = [dict(coverage_id=created[i.canonical_url], council_code=code, published_at=i.published_at,
                     tone=i.tone) for i in fresh for code in dict.fromkeys(i.council_codes)]
    tags = [dict(coverage_id=created[i.canonical_url], tag=t.tag[:200], programme_id=t.programme_id,
                 campaign_id=t.campaign_id) for i in fresh for t in {t.tag: t for t in i.tags}.values()]
    bulk_insert(session, CoverageCouncil.__table__, councils)
    bulk_insert(session, CoverageTag.__table__, tags)
    return created


def set_tone(session: Session, item_id: int, tone: str, actor: "ActorLike", now: datetime) -> CoverageItem | None:
    """A person's tone for an item: it wins over the model from now on, and is audited."""
    if tone not in TONES:
        raise ValueError(f"tone must be one of {', '.join(TONES)}")
    item = session.get(CoverageItem, item_id)
    if item is None:
        return None
    before = item.tone
    item.tone, item.tone_overridden = tone, True
    session.execute(CoverageCouncil.__table__.update().where(CoverageCouncil.coverage_id == item_id)
                    .values(tone=tone))
    record_audit(session, at=now, actor=actor, action="coverage.tone", entity="coverage_item",
                 entity_id=item_id, detail={"from": before, "to": tone, "model_score": item.tone_score})
    session.flush()
    return item
