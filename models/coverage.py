"""Coverage: stories, the items that carry them, their councils, tags, tone and alert rules."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Sequence

from sqlalchemy import (Boolean, Float, ForeignKey, Index, Integer, String, Table, Text, and_, any_, bindparam,
                        distinct, exists, func, insert, literal, or_, select, union_all)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.db import Base, column_rows
from models.outlet import TIERS, Outlet

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


class AlertRule(Base):
    """A channel's subscription to new coverage matching a rule (no user-supplied regex)."""

    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(10))
    destination: Mapped[str] = mapped_column(String(2000))
    workspace: Mapped[str | None] = mapped_column(String(40))
    negative_only: Mapped[bool] = mapped_column(Boolean, default=False)
    include_terms: Mapped[str | None] = mapped_column(Text)
    exclude_terms: Mapped[str | None] = mapped_column(Text)
    council_code: Mapped[str | None] = mapped_column(ForeignKey("councils.code"))
    tier: Mapped[str | None] = mapped_column(String(20))
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AlertDelivery(Base):
    """That a rule's alert for an item was sent: the key that makes alerts once-only."""

    __tablename__ = "alert_deliveries"

    rule_id: Mapped[int] = mapped_column(ForeignKey("alert_rules.id", ondelete="CASCADE"), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


# ---------------------------------------------------------------------------------------------
# Domain actions: storing, querying, overriding tone, alert rules.
# ---------------------------------------------------------------------------------------------

CHUNK = 500


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


def one_of(session: Session, column, values: Sequence):
    """`column IN (values)` for a batch lookup; on PostgreSQL `column = ANY(:values)`, one array
    parameter, since rendering and parsing a 500-parameter IN list costs more than the query."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def batches(session: Session, values: Sequence) -> Iterator[Sequence]:
    """`values` in slices that one `one_of` lookup can take: all at once on PostgreSQL (one array
    parameter, one round trip), `CHUNK` at a time on SQLite (its limit on bound parameters)."""
    size = len(values) if session.get_bind().dialect.name == "postgresql" else CHUNK
    for start in range(0, len(values), max(1, size)):
        yield values[start:start + size]


def bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert many rows (each with the same keys) in the session's transaction: a plain
    executemany, or on PostgreSQL one COPY stream, which costs psycopg a fraction of sending
    the INSERT once per row. A unique-key clash raises `IntegrityError` either way."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    import psycopg
    columns = list(rows[0])
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])
    except psycopg.IntegrityError as exc:
        raise IntegrityError(statement, None, exc) from exc


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


@dataclass(frozen=True)
class CoverageFilters:
    """What to narrow coverage to. Empty tuples mean "any"."""

    outlet_ids: tuple[int, ...] = ()
    council_codes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # any of these tag names
    tone: str | None = None
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverageSummary:
    """Counts for a period: total, stories, by outlet tier, by tone, how many we earned, and the
    total of the period it is compared with (None when no comparison was asked for)."""

    count: int
    stories: int
    by_tier: dict[str, int]
    by_tone: dict[str, int]
    proactive: int
    before: int | None = None

    @property
    def favourable_share(self) -> float | None:
        """Positive plus neutral as a share of all items (the KPI councils report)."""
        if not self.count:
            return None
        return (self.by_tone.get("positive", 0) + self.by_tone.get("neutral", 0)) / self.count


@dataclass(frozen=True)
class CoverageRow:
    """One item as a list shows it."""

    id: int
    title: str
    url: str
    outlet: str | None
    tier: str | None
    published_at: datetime
    tone: str
    tone_overridden: bool
    councils: tuple[str, ...]
    tags: tuple[str, ...] = ()
    note: str | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class _Shape:
    """Which filters a query uses: statements are built once per shape and reused with new values."""

    tone: bool
    outlets: bool
    councils: bool
    tags: bool
    terms: int

    @classmethod
    def of(cls, f: CoverageFilters) -> "_Shape":
        return cls(bool(f.tone), bool(f.outlet_ids), bool(f.council_codes), bool(f.tags), len(f.terms))


def _like(term: str) -> str:
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _params(start: datetime, end: datetime, f: CoverageFilters) -> dict:
    params: dict = {"start": start, "end": end, "tone": f.tone, "outlet_ids": list(f.outlet_ids),
                    "council_codes": list(f.council_codes), "tags": [t.lower() for t in f.tags]}
    params.update({f"term{i}": _like(t) for i, t in enumerate(f.terms)})
    return params


def _where(shape: _Shape, start: str = "start", end: str = "end") -> list:
    """The WHERE clause for a shape, with bound parameters named as in `_params` (the period's
    bounds under the names given, so one statement can ask about two periods)."""
    conds = [CoverageItem.published_at >= bindparam(start, type_=CoverageItem.published_at.type),
             CoverageItem.published_at < bindparam(end, type_=CoverageItem.published_at.type)]
    if shape.tone:
        conds.append(CoverageItem.tone == bindparam("tone"))
    if shape.outlets:
        conds.append(CoverageItem.outlet_id.in_(bindparam("outlet_ids", expanding=True)))
    if shape.councils:
        conds.append(CoverageItem.id.in_(_council_item_ids(shape.tone, start, end)))
    if shape.tags:
        conds.append(exists().where(CoverageTag.coverage_id == CoverageItem.id,
                                    func.lower(CoverageTag.tag).in_(bindparam("tags", expanding=True))))
    for i in range(shape.terms):
        pattern = bindparam(f"term{i}")
        conds.append(or_(*(func.lower(column).like(pattern, escape="\\")
                           for column in (CoverageItem.title, CoverageItem.summary, CoverageItem.note))))
    return conds


def _council_item_ids(with_tone: bool, start: str, end: str):
    """The ids of items mentioning any of the councils in the period (and tone), from the
    council's own index alone: a few rows for a council, however large the table grows."""
    ids = select(CoverageCouncil.coverage_id).where(
        CoverageCouncil.council_code.in_(bindparam("council_codes", expanding=True)),
        CoverageCouncil.published_at >= bindparam(start, type_=CoverageCouncil.published_at.type),
        CoverageCouncil.published_at < bindparam(end, type_=CoverageCouncil.published_at.type))
    return ids.where(CoverageCouncil.tone == bindparam("tone")) if with_tone else ids


@functools.lru_cache(maxsize=128)
def _summary_statement(shape: _Shape, compared: bool):
    """Every count of a period in one pass over its items: total, by tone, by tier, stories and
    earned (a confirmed link to live press activity, as models.press_earned.coverage_split
    counts it), plus the comparison period's total as a subquery. Aggregates with FILTER rather
    than GROUP BY, so the database sorts nothing but the story ids."""
    from models.press import PressActivity, PressCoverageLink
    earned = (select(PressCoverageLink.coverage_id)
              .join(PressActivity, PressActivity.id == PressCoverageLink.press_id)
              .where(PressCoverageLink.status == "confirmed", PressActivity.deleted_at.is_(None)))
    columns = [func.count().label("total"),
               *(func.count().filter(CoverageItem.tone == tone).label(tone) for tone in TONES),
               *(func.count().filter(Outlet.tier == tier).label(tier) for tier in TIERS),
               func.count(distinct(func.coalesce(CoverageItem.story_id, -CoverageItem.id))).label("stories"),
               func.count().filter(CoverageItem.id.in_(earned)).label("proactive")]
    if compared:
        before = select(func.count()).select_from(CoverageItem).where(*_where(shape, "before_start", "before_end"))
        columns.append(before.correlate(None).scalar_subquery().label("before"))
    return (select(*columns).select_from(CoverageItem).outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id)
            .where(*_where(shape)))


def coverage_between(session: Session, period: "PeriodLike", filters: CoverageFilters,
                     compared_with: "PeriodLike | None" = None) -> CoverageSummary:
    """Aggregate counts for `period` (and the total of `compared_with`, the period it is set
    against) in one statement that reads no item rows into Python: the whole summary costs about
    one range scan of the period's index, so it stays fast at millions of items."""
    params = _params(period.start, period.end, filters)
    if compared_with is not None:
        params.update(before_start=compared_with.start, before_end=compared_with.end)
    row, = column_rows(session, _summary_statement(_Shape.of(filters), compared_with is not None), params)
    counts = row._asdict()
    by_tone = {tone: counts[tone] for tone in TONES if counts[tone]}
    by_tier = {tier: counts[tier] for tier in TIERS if counts[tier]}
    if unknown := counts["total"] - sum(by_tier.values()):
        by_tier["unknown"] = unknown
    before = int(counts["before"]) if compared_with is not None else None
    return CoverageSummary(counts["total"], counts["stories"], by_tier, by_tone, counts["proactive"], before)


_NAME_SEPARATOR = "\x1f"  # no council name contains the ASCII unit separator


@functools.lru_cache(maxsize=128)
def _page_statement(shape: _Shape):
    """A page of items with outlet and council names: the names gathered per item by a subquery."""
    from models.council import Council
    names = (select(func.aggregate_strings(Council.nice_name, _NAME_SEPARATOR))
             .join(CoverageCouncil, CoverageCouncil.council_code == Council.code)
             .where(CoverageCouncil.coverage_id == CoverageItem.id).scalar_subquery())
    return (select(CoverageItem.id, CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier,
                   CoverageItem.published_at, CoverageItem.tone, CoverageItem.tone_overridden, CoverageItem.note,
                   names.label("councils"), CoverageItem.story_id)
            .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(*_where(shape))
            .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc())
            .offset(bindparam("offset", type_=Integer)).limit(bindparam("limit", type_=Integer)))


def coverage_page(session: Session, period: "PeriodLike", filters: CoverageFilters, offset: int,
                  limit: int) -> list[CoverageRow]:
    """One page of matching items, newest first, with outlet and councils, in one statement."""
    params = {**_params(period.start, period.end, filters), "offset": offset, "limit": limit}
    return [CoverageRow(item_id, title, url, outlet, tier, published_at, tone, overridden,
                        tuple(sorted(councils.split(_NAME_SEPARATOR))) if councils else (), note=note,
                        story_id=story_id)
            for item_id, title, url, outlet, tier, published_at, tone, overridden, note, councils, story_id
            in column_rows(session, _page_statement(_Shape.of(filters)), params)]


def iter_coverage(session: Session, period: "PeriodLike", filters: CoverageFilters,
                  batch: int = 1000) -> Iterator[CoverageRow]:
    """Every matching item, newest first, fetched in batches (for exports)."""
    last: tuple[datetime, int] | None = None
    conds = _where(_Shape.of(filters))
    params = _params(period.start, period.end, filters)
    while True:
        query = (select(CoverageItem.id, CoverageItem.title, CoverageItem.url, Outlet.name, Outlet.tier,
                        CoverageItem.published_at, CoverageItem.tone, CoverageItem.tone_overridden,
                        CoverageItem.note)
                 .outerjoin(Outlet, Outlet.id == CoverageItem.outlet_id).where(*conds)
                 .order_by(CoverageItem.published_at.desc(), CoverageItem.id.desc()).limit(batch))
        if last is not None:
            query = query.where(or_(CoverageItem.published_at < last[0],
                                    and_(CoverageItem.published_at == last[0], CoverageItem.id < last[1])))
        rows = session.execute(query, params).all()
        if not rows:
            return
        ids = [r.id for r in rows]
        names, tags = _council_names(session, ids), _tags(session, ids)
        for r in rows:
            yield CoverageRow(r.id, r.title, r.url, r.name, r.tier, r.published_at, r.tone, r.tone_overridden,
                              tuple(names.get(r.id, ())), tuple(tags.get(r.id, ())), r.note)
        last = (rows[-1].published_at, rows[-1].id)


def _council_names(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if ids:
        for cid, name in session.execute(_council_lookups()["names_of_items"], {"ids": ids}):
            out.setdefault(cid, []).append(name)
    return out


def _tags(session: Session, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for cid, tag in session.execute(select(CoverageTag.coverage_id, CoverageTag.tag)
                                    .where(CoverageTag.coverage_id.in_(ids)).order_by(CoverageTag.tag)):
        out.setdefault(cid, []).append(tag)
    return out


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


# ----- alert rules ---------------------------------------------------------------------------

@dataclass(frozen=True)
class AlertCandidate:
    """What an alert rule looks at in a new item."""

    item_id: int
    text: str
    tone: str
    council_codes: tuple[str, ...]
    tier: str | None


def split_terms(text: str | None) -> list[str]:
    """Stored include/exclude terms: one phrase per line."""
    return [t for t in (text or "").split("\n") if t.strip()]


def rule_matches(rule: AlertRule, item: AlertCandidate) -> bool:
    """Whether `item` is one the rule's channel asked for. Terms are plain words or phrases,
    matched case-insensitively on word boundaries (never a regular expression)."""
    if rule.negative_only and item.tone != "negative":
        return False
    if rule.council_code and rule.council_code not in item.council_codes:
        return False
    if rule.tier and rule.tier != item.tier:
        return False
    words = f" {' '.join(''.join(c if c.isalnum() else ' ' for c in item.text.lower()).split())} "
    def has(term: str) -> bool:
        plain = " ".join("".join(c if c.isalnum() else " " for c in term.lower()).split())
        return bool(plain) and f" {plain} " in words
    include = split_terms(rule.include_terms)
    if include and not any(has(t) for t in include):
        return False
    return not any(has(t) for t in split_terms(rule.exclude_terms))


def add_alert_rule(session: Session, *, platform: str, destination: str, workspace: str | None,
                   negative_only: bool, include: Sequence[str], exclude: Sequence[str],
                   council_code: str | None, tier: str | None, created_by: str, now: datetime) -> AlertRule:
    """Subscribe a channel to new coverage matching the rule."""
    rule = AlertRule(platform=platform, destination=destination, workspace=workspace,
                     negative_only=negative_only, include_terms="\n".join(include) or None,
                     exclude_terms="\n".join(exclude) or None, council_code=council_code, tier=tier,
                     created_by=created_by, created_at=now, active=True)
    session.add(rule)
    session.flush()
    return rule


def alert_rules_for(session: Session, destination: str | None = None) -> list[AlertRule]:
    """Active rules, for one channel or all."""
    query = select(AlertRule).where(AlertRule.active.is_(True)).order_by(AlertRule.id)
    if destination is not None:
        query = query.where(AlertRule.destination == destination)
    return list(session.scalars(query))


def remove_alert_rule(session: Session, rule_id: int) -> AlertRule | None:
    """Stop a rule (kept, inactive, so its delivery history stays)."""
    rule = session.get(AlertRule, rule_id)
    if rule is None or not rule.active:
        return None
    rule.active = False
    session.flush()
    return rule


def record_deliveries(session: Session, pairs: Sequence[tuple[int, int]], now: datetime) -> list[tuple[int, int]]:
    """Claim (rule, item) alerts not claimed before; returns the newly claimed ones (once-only key)."""
    if not pairs:
        return []
    rule_ids = {r for r, _ in pairs}
    item_ids = {i for _, i in pairs}
    taken = {(rule_id, item_id) for rule_id, item_id in session.execute(
        select(AlertDelivery.rule_id, AlertDelivery.coverage_id)
        .where(AlertDelivery.rule_id.in_(rule_ids), AlertDelivery.coverage_id.in_(item_ids)))}
    fresh = [p for p in dict.fromkeys(pairs) if p not in taken]
    if fresh:
        session.execute(insert(AlertDelivery), [dict(rule_id=r, coverage_id=i, status="pending", created_at=now)
                                                for r, i in fresh])
    return fresh


def pending_deliveries(session: Session, limit: int = 200) -> list[AlertDelivery]:
    """Claimed alerts not yet sent (sent late after a crash or a failed post)."""
    return list(session.scalars(select(AlertDelivery).where(AlertDelivery.status == "pending")
                                .order_by(AlertDelivery.created_at).limit(limit)))


class PeriodLike:  # pragma: no cover - typing aid: models.periods.Period
    start: datetime
    end: datetime


@functools.lru_cache(maxsize=1)
def _council_lookups() -> dict:
    """The council-resolution statements, built once: every filtered /coverage runs them."""
    from models.council import Council, CouncilName
    named = (select(CouncilName.council_code.label("code")).distinct()
             .where(CouncilName.normalized.in_(bindparam("variants", expanding=True))).cte("named"))
    columns = (Council.code, Council.nice_name, Council.current, Council.replaced_by)
    # replaced_by is a comma-separated list of codes: LIKE narrows, the split (in Python) decides exactly.
    replaced = (select(*columns, literal(False).label("named"))
                .join(named, Council.replaced_by.contains(named.c.code)).where(Council.replaced_by.is_not(None)))
    return {
        "match": union_all(select(*columns, literal(True).label("named")).join(named, Council.code == named.c.code),
                           replaced),
        "names_of_items": select(CoverageCouncil.coverage_id, Council.nice_name)
        .join(Council, Council.code == CoverageCouncil.council_code)
        .where(CoverageCouncil.coverage_id.in_(bindparam("ids", expanding=True)))
        .order_by(Council.nice_name),
    }


@dataclass(frozen=True)
class CouncilMatch:
    """The councils a name means, (code, nice name) current first, and the abolished councils they
    replaced (Kettering for North Northamptonshire), whose stories count as theirs."""

    named: list[tuple[str, str]]
    replaced: list[tuple[str, str]]


_COUNCIL_SUFFIXES = (" council", " borough council", " district council", " city council", " county council",
                     " bc", " dc", " cc", " mbc")


def council_match(session: Session, name: str) -> CouncilMatch:
    """The councils called `name` ("Thurrock", "Woking BC") and those they replaced, in one query."""
    from models.councils_data import normalize_name
    wanted = normalize_name(name)
    variants = {wanted} | {wanted[: -len(suffix)] for suffix in _COUNCIL_SUFFIXES if wanted.endswith(suffix)}
    rows = column_rows(session, _council_lookups()["match"], {"variants": sorted(variants)})
    councils = {code: (nice, current, replaced_by) for code, nice, current, replaced_by, _named in rows}
    codes = {code for code, _nice, _current, _replaced_by, is_named in rows if is_named}
    named = sorted(codes, key=lambda code: (not councils[code][1], councils[code][0]))
    replaced = sorted((code for code, (_nice, _current, replaced_by) in councils.items()
                       if code not in codes and codes & {c.strip() for c in (replaced_by or "").split(",")}),
                      key=lambda code: councils[code][0])
    return CouncilMatch(named=[(code, councils[code][0]) for code in named],
                        replaced=[(code, councils[code][0]) for code in replaced])


def councils_named(session: Session, name: str) -> list[tuple[str, str]]:
    """(code, nice name) of the councils called `name` ("Thurrock", "Woking BC"), current first."""
    return council_match(session, name).named


def council_nice_names(session: Session) -> list[str]:
    """Every council's everyday name, for suggestions."""
    from models.council import Council
    return list(session.scalars(select(Council.nice_name).order_by(Council.nice_name)))


def tag_names_like(session: Session, phrase: str) -> list[str]:
    """Tag names a person may mean by `phrase`: programme/campaign names, aliases or keywords
    containing it, and tags already used that contain it."""
    from models.campaign import Campaign
    from models.programme import Programme
    wanted = " ".join(phrase.lower().split())
    names: list[str] = []
    for model in (Programme, Campaign):
        for name, aliases, keywords in session.execute(select(model.name, model.aliases, model.keywords)):
            if any(wanted in " ".join(str(p).lower().split()) for p in [name, *(aliases or []), *(keywords or [])]):
                names.append(name)
    names += [t for t in session.scalars(select(CoverageTag.tag).where(
        func.lower(CoverageTag.tag).contains(wanted, autoescape=True)).distinct().limit(20))]
    return list(dict.fromkeys(names))
