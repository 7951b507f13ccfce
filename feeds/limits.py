"""The knobs of feed polling, as the fetcher, parser and poller use them.

They are settings like any other (`config.Settings`, each set by the env var of the same name and
validated at start-up); `FeedLimits` is the feed-only view of them passed down the fetch path.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from config import Settings


@dataclass(frozen=True)
class FeedLimits:
    """How carefully Herald fetches and parses one feed, and how it backs off."""

    HERALD_FEED_CONNECT_TIMEOUT: float = Settings.HERALD_FEED_CONNECT_TIMEOUT
    HERALD_FEED_READ_TIMEOUT: float = Settings.HERALD_FEED_READ_TIMEOUT
    HERALD_FEED_TOTAL_TIMEOUT: float = Settings.HERALD_FEED_TOTAL_TIMEOUT
    HERALD_FEED_MAX_BYTES: int = Settings.HERALD_FEED_MAX_BYTES
    HERALD_FEED_MAX_REDIRECTS: int = Settings.HERALD_FEED_MAX_REDIRECTS
    HERALD_FEED_PARSE_TIMEOUT: float = Settings.HERALD_FEED_PARSE_TIMEOUT
    HERALD_FEED_PARSE_MEMORY_MB: int = Settings.HERALD_FEED_PARSE_MEMORY_MB
    HERALD_FEED_MAX_BACKOFF_MINUTES: int = Settings.HERALD_FEED_MAX_BACKOFF_MINUTES
    HERALD_FEED_FAILURES_BEFORE_ALERT: int = Settings.HERALD_FEED_FAILURES_BEFORE_ALERT
    HERALD_FEED_DOMAIN_INTERVAL: float = Settings.HERALD_FEED_DOMAIN_INTERVAL
    HERALD_FEED_WORKERS: int = Settings.HERALD_FEED_WORKERS

    @classmethod
    def from_settings(cls, settings: Settings) -> "FeedLimits":
        """The feed limits of `settings`."""
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})
