"""From what a feed (or a webhook, or a person) gave to a clean candidate item."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from feeds.parse import RawEntry
from feeds.urls import canonical_url, strip_html, unwrap_google

EARLIEST = datetime(1995, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(hours=24)
KEY_MAX = 255


@dataclass(frozen=True)
class Candidate:
    """A normalised item not yet classified or stored; `entry_key` is its seen-set key in a feed.
    `outlet_id` and `tone` are set when the sender named them per item (the webhook's items do)."""

    url: str
    canonical_url: str
    title: str
    summary: str
    published_at: datetime
    guid: str | None
    entry_key: str
    outlet_id: int | None = None
    tone: str | None = None  # a person's call: stored as an override


def sane_time(when: datetime | None, now: datetime) -> datetime:
    """`when` in UTC if believable; otherwise first-seen time (`now`): no dates, bogus dates and
    far-future dates all become the moment Herald first saw the item."""
    if when is None:
        return now
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    when = when.astimezone(timezone.utc)
    return when if EARLIEST <= when <= now + FUTURE_SLACK else now


def entry_key(guid: str | None, link: str | None, title: str, canonical: str | None = None) -> str:
    """The seen-set key: GUID, else canonical link, else a hash of title and link; hashed if long.
    `canonical` is `canonical_url(link)` when the caller has it already."""
    key = (guid or "").strip() or (canonical or (canonical_url(link) if link else "")) or \
        "sha256:" + hashlib.sha256(f"{title}\n{link or ''}".encode()).hexdigest()
    return key if len(key) <= KEY_MAX else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def entry_title(entry: RawEntry) -> str:
    """An entry's headline as Herald stores and scores it: its title without markup."""
    return strip_html(entry.title)


def from_entry(entry: RawEntry, now: datetime, feed_link: str | None = None) -> Candidate | None:
    """A candidate from a parsed feed entry, or None if it has no usable link and title."""
    link = unwrap_google(entry.link or "") or (entry.guid if (entry.guid or "").startswith("http") else "")
    title = entry_title(entry)
    if not link.startswith(("http://", "https://")) or not (title or link):
        return None
    published = None
    if entry.published:
        try:
            published = datetime(*entry.published[:6], tzinfo=timezone.utc)
        except (ValueError, TypeError, OverflowError):
            published = None
    canonical = canonical_url(link)
    return Candidate(url=link, canonical_url=canonical, title=title or link,
                     summary=strip_html(entry.summary)[:2000], published_at=sane_time(published, now),
                     guid=(entry.guid or None), entry_key=entry_key(entry.guid, link, title, canonical))


def from_fields(url: str, title: str | None, summary: str | None, published_at: datetime | None,
                now: datetime, *, outlet_id: int | None = None, tone: str | None = None) -> Candidate:
    """A candidate from a webhook or a person: the same cleaning as a feed entry."""
    link = unwrap_google(url)
    clean_title = strip_html(title) if title else ""
    canonical = canonical_url(link)
    return Candidate(url=link, canonical_url=canonical, title=clean_title or link,
                     summary=strip_html(summary)[:2000], published_at=sane_time(published_at, now),
                     guid=None, entry_key=entry_key(None, link, clean_title, canonical or None),
                     outlet_id=outlet_id, tone=tone)
