"""The knobs of feed polling, with safe defaults; each can be set by the env var of the same name.

`config.Settings` holds the shared settings; these feed-only ones are read from a test's or
caller's overrides (`Settings.extra`) first, then from the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields

from config import Settings


@dataclass(frozen=True)
class FeedLimits:
    """How carefully Herald fetches and parses one feed, and how it backs off."""

    HERALD_FEED_CONNECT_TIMEOUT: float = 5.0
    HERALD_FEED_READ_TIMEOUT: float = 10.0
    HERALD_FEED_TOTAL_TIMEOUT: float = 20.0
    HERALD_FEED_MAX_BYTES: int = 5_000_000
    HERALD_FEED_MAX_REDIRECTS: int = 5
    HERALD_FEED_PARSE_TIMEOUT: float = 10.0
    HERALD_FEED_PARSE_MEMORY_MB: int = 512
    HERALD_FEED_MAX_BACKOFF_MINUTES: int = 24 * 60
    HERALD_FEED_FAILURES_BEFORE_ALERT: int = 5
    HERALD_FEED_DOMAIN_INTERVAL: float = 2.0  # seconds between two requests to one host
    HERALD_FEED_WORKERS: int = 8

    @classmethod
    def from_settings(cls, settings: Settings) -> "FeedLimits":
        """Defaults, overridden by `settings.extra`, then by the environment."""
        values = {}
        for f in fields(cls):
            raw = settings.extra.get(f.name, os.environ.get(f.name))
            if raw not in (None, ""):
                values[f.name] = type(f.default)(raw)
        return cls(**values)
