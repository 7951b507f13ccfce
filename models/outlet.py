"""Outlets (publications and broadcasters) and the feeds Herald polls for coverage."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.db import Base

TIERS = ("trade", "national", "regional", "local", "broadcast", "online")
TIER_ALIASES = {"specialist": "trade", "trade press": "trade", "nationals": "national", "local press": "local",
                "local paper": "local", "regionals": "regional"}


def tier_named(text: str | None) -> str | None:
    """The tier `text` names ("specialist" is trade, as the comms plan says), or None if none."""
    word = " ".join((text or "").lower().split())
    return word if word in TIERS else TIER_ALIASES.get(word)


class Outlet(Base):
    """A publication or broadcaster; coverage items and feeds point at one."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200), index=True)
    tier: Mapped[str] = mapped_column(String(20), default="online")
    aliases: Mapped[str | None] = mapped_column(String(400))


class Feed(Base):
    """An RSS/Atom feed and the health of its polling."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    tier: Mapped[str] = mapped_column(String(20), default="online")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime]
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    baseline_done: Mapped[bool] = mapped_column(Boolean, default=False)
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    bozo_reason: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    unhealthy_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    next_poll_at: Mapped[datetime | None] = mapped_column(index=True)
    items_total: Mapped[int] = mapped_column(Integer, default=0)
    relevance: Mapped[str | None] = mapped_column(String(10))  # "all" | "mentions"; unset: by tier (models.relevance)

    outlet: Mapped[Outlet | None] = relationship()


class FeedEntry(Base):
    """The seen-set: one row per entry key (GUID, else link, else a hash) a feed has shown."""

    __tablename__ = "feed_entries"

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    coverage_id: Mapped[int | None] = mapped_column(ForeignKey("coverage_items.id", ondelete="SET NULL"))
    first_seen_at: Mapped[datetime]


# Full names and short forms people type for outlets usually stored under the other one.
EVERYDAY_OUTLET_NAMES = {
    "lgc": ("local government chronicle", "lgc plus", "lgcplus"), "the mj": ("municipal journal",),
    "financial times": ("ft",), "public sector executive": ("pse",), "the guardian": ("guardian",),
    "sky news": ("sky",), "lg first": ("first magazine",),
}


def outlet_known_names(outlet: Outlet) -> list[str]:
    """Every plain name `outlet` answers to: its name, domain, aliases and everyday names."""
    names = [_plain(outlet.name), _plain(outlet.domain or "")]
    names += [_plain(a) for a in (outlet.aliases or "").split(",") if a.strip()]
    names += list(EVERYDAY_OUTLET_NAMES.get(names[0], ()))
    return names + [n[4:] for n in names if n.startswith("the ")]


def find_outlets(session: Session, name: str) -> list[Outlet]:
    """Outlets whose name, alias or domain matches `name` ("MJ" finds "The MJ"), best first."""
    wanted = _plain(name)
    found = []
    for outlet in session.scalars(select(Outlet).order_by(Outlet.name)):
        names = outlet_known_names(outlet)
        if wanted in names:
            found.insert(0, outlet)
        elif any(wanted and wanted in n.split() or n.startswith(wanted + " ") for n in names if n):
            found.append(outlet)
    return found


def outlet_names(session: Session) -> list[str]:
    """Every outlet name, for suggestions."""
    return list(session.scalars(select(Outlet.name).order_by(Outlet.name)))


def outlet_for(session: Session, name: str | None, domain: str | None, tier: str = "online") -> Outlet:
    """The outlet called `name` (or, without a name, the one at `domain`), created if new."""
    if name:
        matches = find_outlets(session, name)
        exact = [o for o in matches if _plain(o.name) == _plain(name)]
        if exact or (matches and len(matches) == 1 and not domain):
            return (exact or matches)[0]
    if domain and not name:
        existing = session.scalar(select(Outlet).where(Outlet.domain == domain).limit(1))
        if existing is not None:
            return existing
    outlet = Outlet(name=(name or domain or "Unknown outlet")[:200], domain=domain,
                    tier=tier if tier in TIERS else "online")
    try:
        with session.begin_nested():  # another request may create the same outlet at the same moment
            session.add(outlet)
            session.flush()
    except IntegrityError:
        return session.scalars(select(Outlet).where(Outlet.name == outlet.name)).one()
    return outlet


def _plain(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


@dataclass(frozen=True)
class FeedHealth:
    """A feed as `/feeds list` shows it."""

    id: int
    name: str
    url: str
    tier: str
    last_success_at: datetime | None
    last_polled_at: datetime | None
    last_error: str | None
    bozo_reason: str | None
    consecutive_failures: int
    items_total: int
    next_poll_at: datetime | None
    relevance: str | None = None  # the feed's own rule, if set (models.relevance.feed_rule)

    @property
    def polled(self) -> bool:
        """Whether Herald has tried this feed at least once."""
        return self.last_polled_at is not None or self.last_success_at is not None or self.consecutive_failures > 0

    @property
    def healthy(self) -> bool:
        """Polled, and its last poll worked: a feed never polled is not yet known to be healthy."""
        return self.polled and self.consecutive_failures == 0

    @property
    def state(self) -> str:
        """The feed's health in words, as `/feeds list` says it."""
        if not self.polled:
            return "not polled yet"
        return "healthy" if self.healthy else f"failing ({self.consecutive_failures} in a row)"


def add_feed(session: Session, url: str, name: str, domain: str, tier: str, added_by: str,
             now: datetime) -> Feed:
    """Register a feed; it will be polled at once and its current items taken as a silent baseline."""
    feed = Feed(url=url, name=name[:200], tier=tier, added_by=added_by, added_at=now, next_poll_at=now,
                outlet_id=outlet_for(session, name, domain, tier).id, baseline_done=False,
                consecutive_failures=0, items_total=0, unhealthy_reported=False, active=True)
    session.add(feed)
    session.flush()
    return feed


def feed_by_url(session: Session, url: str) -> Feed | None:
    return session.scalar(select(Feed).where(Feed.url == url))


def list_feeds(session: Session) -> list[FeedHealth]:
    """Every active feed with its health, oldest first."""
    rows = session.scalars(select(Feed).where(Feed.active.is_(True)).order_by(Feed.id))
    return [FeedHealth(f.id, f.name, f.url, f.tier, f.last_success_at, f.last_polled_at, f.last_error, f.bozo_reason,
                       f.consecutive_failures, f.items_total, f.next_poll_at, f.relevance) for f in rows]


def remove_feed(session: Session, feed_id: int) -> Feed | None:
    """Delete a feed and its seen-set; its coverage stays. None if there is no such feed."""
    feed = session.get(Feed, feed_id)
    if feed is not None:
        session.delete(feed)
        session.flush()
    return feed


def due_feeds(session: Session, now: datetime, everything: bool = False) -> list[Feed]:
    """Active feeds whose next poll time has come (all active feeds with `everything`)."""
    query = select(Feed).where(Feed.active.is_(True)).order_by(Feed.next_poll_at, Feed.id)
    if not everything:
        query = query.where((Feed.next_poll_at.is_(None)) | (Feed.next_poll_at <= now))
    return list(session.scalars(query))
