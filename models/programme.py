"""Improvement programmes and their red/amber/green rating history."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process
from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, bindparam, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.db import Base, column_rows

RATINGS = ("red", "amber_red", "amber", "amber_green", "green", "not_rated")


class Programme(Base):
    """An improvement programme from the programme plan (seed 001)."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    outcome_indicator: Mapped[str | None] = mapped_column(Text)
    outputs: Mapped[str | None] = mapped_column(Text)
    timescales: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    manager_user_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]

    ratings: Mapped[list["RagRating"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="RagRating.rated_at")


class RagRating(Base):
    """One rating of a programme at a review, with who gave it, when and why."""

    __tablename__ = "rag_ratings"
    __table_args__ = (  # a programme's latest ratings by one seek (the board): migrations/versions/perf_query_indexes.py
        Index("ix_rag_ratings_programme_latest", "programme_id", "rated_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    rating: Mapped[str] = mapped_column(String(12))
    review: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    rated_by: Mapped[str | None] = mapped_column(String(100))
    platform: Mapped[str | None] = mapped_column(String(10))
    rated_at: Mapped[datetime] = mapped_column(index=True)

    programme: Mapped[Programme] = relationship(back_populates="ratings")


# --- Ratings ---------------------------------------------------------------------------------------

RATING_ORDER = {"red": 0, "amber_red": 1, "amber": 2, "amber_green": 3, "green": 4}
RATING_LABELS = {"red": "Red", "amber_red": "Amber/Red", "amber": "Amber", "amber_green": "Amber/Green",
                 "green": "Green", "not_rated": "Not rated"}
_RATING_WORDS = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "g": "green", "green": "green",
                 "": "not_rated", "not rated": "not_rated", "n a": "not_rated", "na": "not_rated",
                 "none": "not_rated", "tbc": "not_rated"}
_TWO_COLOURS = {frozenset(("amber", "green")): "amber_green", frozenset(("amber", "red")): "amber_red"}


class RatingError(ValueError):
    """A rating that is not red, amber, green, a two-colour mix of amber, or blank."""


def parse_rating(text: str | None) -> str:
    """A rating as people write it ("Red", "R", "amber", "Amber/Green", "A/G", blank) → a RATINGS value."""
    words = re.sub(r"[^a-z]+", " ", (text or "").lower()).split()
    key = " ".join(words)
    if key in _RATING_WORDS and (words or not (text or "").strip()):
        return _RATING_WORDS[key]
    if key in RATINGS:
        return key
    if len(words) == 1 and len(words[0]) == 2:  # "AG", "RA"
        words = list(words[0])
    colours = [_RATING_WORDS.get(word) for word in words]
    if len(colours) == 2 and frozenset(colours) in _TWO_COLOURS:
        return _TWO_COLOURS[frozenset(colours)]
    raise RatingError(f"{(text or '').strip()[:40]!r} is not a rating (use red, amber, green, "
                      "amber/green, amber/red or leave it blank)")


def rating_change(previous: str | None, current: str | None) -> int:
    """+1 if the rating improved since the previous review, -1 if it worsened, 0 otherwise."""
    if previous not in RATING_ORDER or current not in RATING_ORDER:
        return 0
    return (RATING_ORDER[current] > RATING_ORDER[previous]) - (RATING_ORDER[current] < RATING_ORDER[previous])


# --- The board ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BoardRow:
    """One programme on the board: its latest rating, the one before, and whether it is stale."""

    programme_id: int
    name: str
    outcome_indicator: str | None
    rating: str
    review: str | None
    rated_at: datetime | None
    previous: str | None
    change: int
    stale: bool


@dataclass(frozen=True)
class BoardCounts:
    """The whole board in numbers: programmes by current rating, and how many are stale."""

    total: int
    by_rating: dict[str, int]
    stale: int


def _nth_latest(programme_id, column, nth: int = 0):
    """`column` of a programme's nth latest rating (0: the current one), None if it has none: a
    correlated seek on `ix_rag_ratings_programme_latest`, cheap however long the history."""
    return (select(column).where(RagRating.programme_id == programme_id)
            .order_by(RagRating.rated_at.desc(), RagRating.id.desc()).offset(nth).limit(1).scalar_subquery())


@functools.lru_cache(maxsize=1)
def _board_statements() -> tuple:
    """The board's two statements, built once: counts for every programme, and one page of them
    (its programmes picked first, ratings then read for those alone)."""
    current = select(_nth_latest(Programme.id, RagRating.rating).label("rating"),
                     _nth_latest(Programme.id, RagRating.rated_at).label("rated_at")
                     ).select_from(Programme).subquery("current")
    rating = func.coalesce(current.c.rating, "not_rated")
    stale = func.count().filter(current.c.rated_at < bindparam("stale_before", type_=RagRating.rated_at.type))
    counts = select(rating, func.count(), stale).group_by(rating)
    outcome_order = func.min(Programme.id).over(partition_by=Programme.outcome_indicator).label("outcome_order")
    page = (select(Programme.id, Programme.name, Programme.outcome_indicator, outcome_order)
            .order_by(outcome_order, Programme.id).offset(bindparam("offset", type_=Integer))
            .limit(bindparam("limit", type_=Integer)).subquery("page"))
    rows = select(page.c.id, page.c.name, page.c.outcome_indicator,
                  _nth_latest(page.c.id, RagRating.rating), _nth_latest(page.c.id, RagRating.review),
                  _nth_latest(page.c.id, RagRating.rated_at), _nth_latest(page.c.id, RagRating.rating, 1)
                  ).order_by(page.c.outcome_order, page.c.id)
    return counts, rows


def board_counts(session: Session, now: datetime, stale_days: int) -> BoardCounts:
    """Counts for the whole board in one aggregate query, however many programmes there are."""
    rows = column_rows(session, _board_statements()[0], {"stale_before": now - timedelta(days=stale_days)})
    return BoardCounts(total=sum(n for _r, n, _s in rows), by_rating={r: n for r, n, _s in rows},
                       stale=sum(s for _r, _n, s in rows))


def programme_board(session: Session, now: datetime, stale_days: int, offset: int = 0,
                    limit: int | None = None) -> list[BoardRow]:
    """Programmes with their current and previous rating, grouped under their outcome indicator
    (outcomes in plan order, so pages split cleanly); one query, reading only the page asked for."""
    stale_before = now - timedelta(days=stale_days)
    params = {"offset": offset, "limit": limit if limit is not None else 2**31 - 1}
    return [BoardRow(programme_id=pid, name=name, outcome_indicator=outcome, rating=rating or "not_rated",
                     review=review, rated_at=rated_at, previous=previous,
                     change=rating_change(previous, rating or "not_rated"),
                     stale=rated_at is not None and rated_at < stale_before)
            for pid, name, outcome, rating, review, rated_at, previous
            in column_rows(session, _board_statements()[1], params)]


# --- Finding a programme by what people call it ---------------------------------------------------

@dataclass(frozen=True)
class ProgrammeLookup:
    """The programme a name meant, or the nearest names when nothing matched well enough."""

    query: str
    programme: Programme | None
    suggestions: tuple[str, ...] = ()


def squash(text: str) -> str:
    """A name reduced for matching: lower case letters and digits only ("LG Inform" → "lginform")."""
    return re.sub(r"[^a-z0-9]+", "", text.lower().replace("&", "and"))


def initials(name: str) -> str:
    """"National Graduate Development Programme" → "ngdp" (small joining words left out)."""
    words = re.findall(r"[A-Za-z]+", name)
    return "".join(w[0] for w in words if w.lower() not in _JOINING_WORDS).lower()


_JOINING_WORDS = {"a", "an", "and", "of", "the", "for", "to", "in", "on", "with"}


def programme_names(programme: Programme) -> list[str]:
    """Every name a programme answers to: its own, its aliases and keywords."""
    return [programme.name, *(programme.aliases or []), *(programme.keywords or [])]


def find_programme(session: Session, text: str) -> ProgrammeLookup:
    """The programme `text` names: exact name, alias, keyword or initials first, then fuzzy."""
    wanted = squash(text)
    if not wanted:
        return ProgrammeLookup(query=text, programme=None)
    as_typed = " ".join(text.lower().split())
    named = session.scalars(select(Programme).where(func.lower(Programme.name) == as_typed)).first()
    if named is not None:
        return ProgrammeLookup(query=text, programme=named)
    programmes = list(session.scalars(select(Programme)))
    exact = [p for p in programmes if wanted in {squash(n) for n in programme_names(p)}]
    exact = exact or [p for p in programmes if wanted == initials(p.name)]
    if len(exact) == 1:
        return ProgrammeLookup(query=text, programme=exact[0])
    pool = exact or programmes
    choices = {(p.id, n): squash(n) for p in pool for n in programme_names(p)}
    scored: dict[int, float] = {}
    for _, score, key in process.extract(wanted, choices, scorer=fuzz.WRatio, limit=30):
        scored[key[0]] = max(score, scored.get(key[0], 0.0))
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    by_id = {p.id: p for p in pool}
    if ranked and ranked[0][1] >= 90 and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 5):
        return ProgrammeLookup(query=text, programme=by_id[ranked[0][0]])
    return ProgrammeLookup(query=text, programme=None,
                           suggestions=tuple(by_id[pid].name for pid, score in ranked[:5] if score >= 60))


# --- Changing a rating ----------------------------------------------------------------------------

@dataclass(frozen=True)
class RatingChange:
    """A new rating of a programme and the one it replaced."""

    programme: Programme
    rating: RagRating
    previous: str | None

    @property
    def changed(self) -> bool:
        return self.previous != self.rating.rating


def rate_programme(session: Session, programme: Programme, rating: str, comment: str | None,
                   review: str | None, actor: ActorLike, now: datetime) -> RatingChange:
    """Add a rating to a programme's history (never overwriting) and audit who gave it."""
    if rating not in RATINGS:
        raise RatingError(f"{rating!r} is not a rating")
    previous = session.scalar(select(RagRating.rating).where(RagRating.programme_id == programme.id)
                              .order_by(RagRating.rated_at.desc(), RagRating.id.desc()).limit(1))
    entry = RagRating(programme_id=programme.id, rating=rating, review=review, comment=comment,
                      rated_by=(actor.name or actor.user_id)[:100], platform=actor.platform, rated_at=now)
    session.add(entry)
    session.flush()
    record_audit(session, at=now, actor=actor, action="programme.rate", entity="programme",
                 entity_id=programme.id, detail={"rating": rating, "previous": previous, "review": review,
                                                 "comment": comment})
    return RatingChange(programme=programme, rating=entry, previous=previous)


def ratings_of(session: Session, programme_id: int) -> list[RagRating]:
    """A programme's rating history, newest first."""
    return list(session.scalars(select(RagRating).where(RagRating.programme_id == programme_id)
                                .order_by(RagRating.rated_at.desc(), RagRating.id.desc())))
