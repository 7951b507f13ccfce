"""GET JSON from Parliament's APIs politely and safely.

Every request goes through Herald's one SSRF guard (`models.netguard`; HERALD_ALLOW_PRIVATE_FEEDS lets
tests reach loopback fakes) and connects to the checked address, with the feed connect/read
timeouts, a total deadline and the feed byte cap. Parliament throttles its search services (about
ten requests a second per address), so requests are paced, name Herald in `User-Agent`, and a 429
waits its `Retry-After`. A 429, a 5xx, a timeout or a body that is not JSON is retried with backoff;
past the retries it raises `ApiError`, which the poller records in the source's health.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlencode

from config import Settings
from feeds.fetch import FetchError, UnsafeURL, guarded_get
from feeds.limits import FeedLimits

USER_AGENT = "Herald/1.0 (Parliament watch for a local-government comms team; +https://github.com/herald)"
MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After fails this poll; the next one tries again


class ApiError(Exception):
    """A request failed after its retries; the message is safe to show admins (no addresses)."""


@dataclass
class JsonClient:
    """A paced JSON GET with retries. `sleep` is injected so tests and the bench need not wait."""

    settings: Settings
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    _last: float = field(default=0.0, repr=False)

    def get(self, base: str, path: str, params: dict[str, Any] | None = None) -> Any:
        """The JSON at `base` + `path`?`params`, after up to HERALD_PARLIAMENT_RETRIES retries."""
        url = base.rstrip("/") + "/" + path.lstrip("/")
        if params:
            url += "?" + urlencode({k: v for k, v in params.items() if v is not None})
        retries = self.settings.HERALD_PARLIAMENT_RETRIES
        reason = "no answer"
        for attempt in range(retries + 1):
            self._pace()
            status, headers, body, reason = self._fetch(url)
            if status == 200 and reason == "":
                try:
                    return json.loads(body)
                except ValueError:
                    reason = "the answer was not valid JSON"
            elif status == 429:
                reason = "rate limited (HTTP 429)"
                wait = _retry_after(headers.get("Retry-After"))
                if wait > MAX_RETRY_AFTER:
                    raise ApiError(f"{_where(path)} asked Herald to wait {wait:.0f} s (HTTP 429); "
                                   "the next poll tries again")
                if attempt < retries:
                    self.sleep(wait)
                    continue
            elif status and status != 200 and status < 500:
                raise ApiError(f"{_where(path)} answered HTTP {status}")
            elif status >= 500:
                reason = f"HTTP {status}"
            if attempt < retries:
                self.sleep(self.settings.HERALD_PARLIAMENT_RETRY_SECONDS * 2 ** attempt)
        raise ApiError(f"{_where(path)} failed {retries + 1} times: {reason}")

    def _pace(self) -> None:
        gap = self.settings.HERALD_PARLIAMENT_REQUEST_INTERVAL - (time.monotonic() - self._last)
        if gap > 0:
            self.sleep(gap)
        self._last = time.monotonic()
        self.requests += 1

    def _fetch(self, url: str) -> tuple[int, dict[str, str], bytes, str]:
        """(status, headers, body, failure reason or "") for one GET through Herald's one guarded
        fetcher (`feeds.fetch.guarded_get`); what stops a request is status 0 with its reason."""
        try:
            fetched = guarded_get(url, FeedLimits.from_settings(self.settings),
                                  self.settings.HERALD_ALLOW_PRIVATE_FEEDS, noun="Parliament API",
                                  headers={"Accept": "application/json"}, user_agent=USER_AGENT)
        except UnsafeURL as exc:
            raise ApiError(str(exc)) from None
        except FetchError as exc:
            return 0, {}, b"", str(exc)
        return fetched.status, fetched.headers, fetched.body, ""


def _retry_after(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value is not None else 5.0
    except ValueError:
        return 5.0


def _where(path: str) -> str:
    return path.split("?", 1)[0].strip("/") or "the API"
