"""Parliament watch: the sources Herald polls, the mentions it finds, the members it names, and the
watch list of terms.

A mention is one spoken contribution (Hansard), one written question or one written statement, keyed
by its source's own id (`ext_id`, UNIQUE), so it is stored once however many terms or polls find it;
a later answer to a stored question updates that row. Councils a mention names are filed in
`parliament_mention_councils`, found by the same matcher as coverage.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base

KINDS = ("spoken", "written question", "written statement")
ORIGINS = ("organisation", "programme", "campaign", "spokesperson", "admin")
SOURCES = ("hansard", "questions", "statements")
MENTION_NOTICE = "parliament_mention"  # the notice kind of a mention of the organisation or a programme


class ParliamentSource(Base):
    """One API Herald polls, with its health (like a feed's): when it last worked, how it fails."""

    __tablename__ = "parliament_sources"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)  # hansard | questions | statements
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]  # the next poll pages through everything since this
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    unhealthy_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    next_attempt_at: Mapped[datetime | None]
    items_total: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def healthy(self) -> bool:
        return not self.consecutive_failures


class ParliamentMember(Base):
    """A member's name, party and house from the Members API, cached (names change rarely)."""

    __tablename__ = "parliament_members"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(100))
    house: Mapped[str | None] = mapped_column(String(20))
    fetched_at: Mapped[datetime]


class ParliamentMention(Base):
    """A contribution, question or statement that matched a watch term."""

    __tablename__ = "parliament_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(120), unique=True)  # "hansard:<ContributionExtId>", "wq:<id>", "ws:<id>"
    kind: Mapped[str] = mapped_column(String(20))  # one of KINDS
    house: Mapped[str] = mapped_column(String(20))  # Commons | Lords
    section: Mapped[str | None] = mapped_column(String(100))  # "Westminster Hall", "Lords Chamber"…
    member_id: Mapped[int | None] = mapped_column(Integer)
    member_name: Mapped[str | None] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(100))
    heading: Mapped[str] = mapped_column(String(500))
    debate_id: Mapped[str | None] = mapped_column(String(100))
    occurred_at: Mapped[datetime] = mapped_column(index=True)  # sitting day, date tabled or date made
    text: Mapped[str] = mapped_column(Text)  # plain text, HTML stripped
    passage: Mapped[str] = mapped_column(Text)  # the sentence or two around the term
    url: Mapped[str] = mapped_column(String(1000))
    terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    tone: Mapped[str] = mapped_column(String(10), default="neutral")
    tone_score: Mapped[float | None] = mapped_column(Float)
    tone_override: Mapped[str | None] = mapped_column(String(10))
    tone_by: Mapped[str | None] = mapped_column(String(100))
    answering_body: Mapped[str | None] = mapped_column(String(200))
    answer_text: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    expected_answer_on: Mapped[date | None] = mapped_column(Date)
    notable: Mapped[bool] = mapped_column(Boolean, default=False)  # names the organisation or a programme
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    @property
    def shown_tone(self) -> str:
        """The tone a person set, else the judged one."""
        return self.tone_override or self.tone


class ParliamentMentionCouncil(Base):
    """A council a mention names (by `feeds.councils`, as coverage)."""

    __tablename__ = "parliament_mention_councils"

    mention_id: Mapped[int] = mapped_column(ForeignKey("parliament_mentions.id", ondelete="CASCADE"),
                                            primary_key=True)
    council_code: Mapped[str] = mapped_column(String(8), ForeignKey("councils.code"), primary_key=True, index=True)


class WatchTerm(Base):
    """A term Herald searches Parliament for. Seeded terms a person removes stay, switched off."""

    __tablename__ = "parliament_watch_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(200))
    norm: Mapped[str] = mapped_column(String(200), unique=True)
    origin: Mapped[str] = mapped_column(String(20))  # one of ORIGINS
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime]


def norm_term(term: str) -> str:
    """A term as compared: lower case, single spaces."""
    return " ".join(term.lower().split())


def source_row(session: Session, name: str) -> ParliamentSource:
    """The health row of a source, created on first use."""
    row = session.get(ParliamentSource, name)
    if row is None:
        try:
            with session.begin_nested():  # another poll may create it at the same moment
                row = ParliamentSource(name=name, consecutive_failures=0, unhealthy_reported=False, items_total=0)
                session.add(row)
                session.flush()
        except IntegrityError:
            row = session.get(ParliamentSource, name)
    return row


def cache_member(session: Session, member_id: int, name: str, party: str | None, house: str | None,
                 now: datetime) -> ParliamentMember:
    """Store (or refresh) a member's name, party and house; another poll may store them at the same moment."""
    row = session.get(ParliamentMember, member_id)
    if row is None:
        try:
            with session.begin_nested():
                row = ParliamentMember(id=member_id, name=name, party=party, house=house, fetched_at=now)
                session.add(row)
                session.flush()
            return row
        except IntegrityError:
            row = session.get(ParliamentMember, member_id)
    row.name, row.party, row.house, row.fetched_at = name, party, house, now
    session.flush()
    return row


def sources(session: Session) -> list[ParliamentSource]:
    """Every source polled so far."""
    return list(session.scalars(select(ParliamentSource).order_by(ParliamentSource.name)))


def active_terms(session: Session) -> list[WatchTerm]:
    """The terms polls search for."""
    return list(session.scalars(select(WatchTerm).where(WatchTerm.active.is_(True)).order_by(WatchTerm.term)))


def all_terms(session: Session) -> list[WatchTerm]:
    return list(session.scalars(select(WatchTerm).order_by(WatchTerm.active.desc(), WatchTerm.term)))


def term_named(session: Session, term: str) -> WatchTerm | None:
    return session.scalar(select(WatchTerm).where(WatchTerm.norm == norm_term(term)))


def add_term(session: Session, term: str, origin: str, by: str | None, now: datetime) -> tuple[WatchTerm, bool]:
    """Add (or switch back on) a term; (term, whether anything changed)."""
    existing = term_named(session, term)
    if existing is not None:
        if existing.active:
            return existing, False
        existing.active = True
        return existing, True
    row = WatchTerm(term=" ".join(term.split()), norm=norm_term(term), origin=origin, active=True,
                    added_by=by, added_at=now)
    session.add(row)
    session.flush()
    return row, True


def seed_terms(session: Session, candidates: list[tuple[str, str]], now: datetime) -> int:
    """Store each (term, origin) Herald knows that is not stored yet; a stored one (even switched
    off by a person) is left alone. Returns how many were added."""
    known = set(session.scalars(select(WatchTerm.norm)))
    added = 0
    for term, origin in candidates:
        norm = norm_term(term)
        if norm and norm not in known:
            known.add(norm)
            try:
                with session.begin_nested():  # another poll may seed the same term at the same moment
                    session.add(WatchTerm(term=" ".join(term.split()), norm=norm, origin=origin, active=True,
                                          added_by="herald", added_at=now))
                    session.flush()
                added += 1
            except IntegrityError:
                continue
    return added


@dataclass(frozen=True)
class MentionFilter:
    """What `/parliament` narrows by."""

    start: datetime
    end: datetime
    house: str | None = None
    term: str | None = None
    member: str | None = None
    council: str | None = None


def mentions_between(session: Session, f: MentionFilter, limit: int | None = 50,
                     offset: int = 0) -> tuple[int, list[ParliamentMention]]:
    """(total, page) of the mentions in [start, end), newest first, narrowed by the filter."""
    from sqlalchemy import func
    query = select(ParliamentMention).where(ParliamentMention.occurred_at >= f.start,
                                            ParliamentMention.occurred_at < f.end)
    if f.house:
        query = query.where(ParliamentMention.house == f.house)
    if f.member:
        query = query.where(func.lower(ParliamentMention.member_name).contains(f.member.lower()))
    if f.term:
        query = query.where(func.lower(ParliamentMention.text).contains(norm_term(f.term)))
    if f.council:
        query = query.where(ParliamentMention.id.in_(select(ParliamentMentionCouncil.mention_id).where(
            ParliamentMentionCouncil.council_code == f.council)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    query = query.order_by(ParliamentMention.occurred_at.desc(), ParliamentMention.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return total, list(session.scalars(query))


def councils_of(session: Session, mention_ids: list[int]) -> dict[int, list[str]]:
    """Council codes per mention."""
    out: dict[int, list[str]] = {}
    if not mention_ids:
        return out
    for mid, code in session.execute(select(ParliamentMentionCouncil.mention_id, ParliamentMentionCouncil.council_code)
                                     .where(ParliamentMentionCouncil.mention_id.in_(mention_ids))):
        out.setdefault(mid, []).append(code)
    return out


def set_mention_tone(session: Session, mention_id: int, tone: str, by: str) -> ParliamentMention | None:
    """A person's tone for a mention (kept over the judged one). None if no such mention."""
    mention = session.get(ParliamentMention, mention_id)
    if mention is not None:
        mention.tone_override, mention.tone_by = tone, by
    return mention


# Words that would match nearly every speech: refused as watch terms, with the reason.
TOO_COMMON = frozenset({
    "the", "and", "of", "to", "a", "in", "for", "on", "that", "is", "it", "with", "as", "be", "this", "by", "are",
    "we", "our", "they", "will", "not", "all", "local", "council", "councils", "government", "parliament",
    "minister", "ministers", "question", "questions", "house", "lords", "commons", "people", "public", "support",
    "services", "service", "authority", "authorities", "department", "secretary", "state", "uk", "england",
    "housing", "funding", "money", "community", "communities", "hon", "member", "members", "lord", "baroness",
    "sector", "programme", "national", "policy", "time", "year", "years", "local government", "local authority",
    "local authorities", "the government", "the council",
})


STOP_WORDS = frozenset({"the", "and", "of", "to", "a", "an", "in", "for", "on", "that", "is", "it", "with", "as",
                        "be", "this", "by", "are", "we", "our", "they", "will", "not", "all", "at", "or", "from"})


def term_refusal(term: str) -> str | None:
    """Why a term cannot be watched (too short, or would match nearly everything), or None."""
    norm = norm_term(term)
    letters = sum(ch.isalnum() for ch in norm)
    if letters <= 2:
        return f"{term.strip()[:40]!r} is too short: a watch term needs at least three letters"
    if norm in TOO_COMMON or all(word in STOP_WORDS for word in norm.split()):
        return (f"{term.strip()[:40]!r} would match nearly every debate; "
                "watch a name or a phrase instead (e.g. \"sector support offer\")")
    if len(norm) > 200:
        return "A watch term can be at most 200 characters"
    return None
