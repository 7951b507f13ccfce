"""A sliding-window rate limiter: at most N request starts in any window of `per` seconds.

Teams throttles a Workflows URL that gets more than four requests a second, so every post to one
URL — digest parts, retries and slow-command answers from any thread — goes through one limiter.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable


class RateLimiter:
    """Blocks in `wait()` until one more request may start without exceeding the rate."""

    def __init__(self, limit: int = 4, per: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.limit, self.per = limit, per
        self._clock, self._sleep = clock, sleep
        self._starts: deque[float] = deque()
        self._lock = threading.Lock()

    def wait(self) -> None:
        """Return when a request may start now; records that start."""
        while True:
            with self._lock:
                now = self._clock()
                while self._starts and now - self._starts[0] >= self.per:
                    self._starts.popleft()
                if len(self._starts) < self.limit:
                    self._starts.append(now)
                    return
                pause = self.per - (now - self._starts[0])
            self._sleep(max(pause, 0.001))


_LIMITERS: dict[str, RateLimiter] = {}
_LIMITERS_LOCK = threading.Lock()


def limiter_for(key: str) -> RateLimiter:
    """The process-wide limiter for one destination (a Workflows URL)."""
    with _LIMITERS_LOCK:
        return _LIMITERS.setdefault(key, RateLimiter())
