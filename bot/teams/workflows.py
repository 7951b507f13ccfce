"""Post a `Reply` to a Teams channel through its Workflows URL ("When a Teams webhook request is received").

The URL is the credential (it carries a `sig=`): it is never logged or shown; messages name its host.

Delivery rules:
- each request is one message envelope holding one Adaptive Card 1.4, at most 26 KB of compact JSON;
  a long reply goes as several cards, in order, one request after the previous was accepted;
- at most 4 requests a second per URL (process-wide), retries included;
- 200/202 mean accepted (the flow run is queued; card errors show only in the flow's run history);
- 429, 408 and 5xx are refusals: wait `Retry-After` (seconds or an HTTP date) or back off
  exponentially, then send again, up to `RetryPolicy.max_attempts`;
- a connection that failed before the request went out (refused, connect timeout) is retried too;
- a request that MAY have landed — read timeout, connection dropped after sending — is never sent
  again: Workflows posts are not idempotent, and a repeated digest is worse than a missing part.
  The part is reported in `Delivery.uncertain` (and logged) and the next part follows;
- any other answer (400, 401, 403, 404, 413…) stops the delivery with `WorkflowsError`, whose
  `delivered` says how many parts were accepted, so a caller can resume with `start_part`.
"""
from __future__ import annotations

import email.utils
import ipaddress
import logging
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NameResolutionError, NewConnectionError

from bot.teams.cards import compact_json, envelope, render_cards
from bot.teams.pacing import RateLimiter, limiter_for
from handlers.reply import Reply

__all__ = ["Delivery", "RetryPolicy", "WorkflowsError", "check_workflows_url", "describe_url", "envelope",
           "post_cards", "post_reply"]

log = logging.getLogger("herald.teams.workflows")
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
RETIRED_HOST_SUFFIX = ".webhook.office.com"


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying one part."""

    max_attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After gives up (retryable) rather than block a worker


@dataclass(frozen=True)
class Delivery:
    """What happened to one reply: how many parts, how many accepted, which may or may not have landed."""

    parts: int
    accepted: int
    uncertain: tuple[int, ...] = ()


@dataclass
class _Transport:
    http: requests.Session | None  # None: a fresh connection per request (no stale keep-alive)
    timeout: float | tuple[float, float]
    limiter: RateLimiter
    sleep: Callable[[float], None]
    wall_clock: Callable[[], float]
    policy: RetryPolicy = field(default_factory=RetryPolicy)


class WorkflowsError(requests.HTTPError):
    """A part was refused for good (or retries ran out); `delivered` parts before it were accepted."""

    def __init__(self, message: str, *, part: int, delivered: int, status: int | None, retryable: bool):
        super().__init__(message)
        self.part, self.delivered, self.status, self.retryable = part, delivered, status, retryable


def describe_url(url: str) -> str:
    """A Workflows URL as it may appear in logs and replies: its host only."""
    host = urlsplit(url).hostname or "?"
    return f"Workflows URL on {host}"


def check_workflows_url(url: str) -> str:
    """`url` if it can be a Workflows trigger URL; `ValueError` (saying why, not echoing it) otherwise.

    HTTPS is required except on loopback addresses (local testing). Retired Office 365 connector
    URLs (`*.webhook.office.com`) are refused with the reason.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise ValueError("is not a valid URL") from None
    if not host or parts.scheme not in ("http", "https"):
        raise ValueError("must be an https:// URL copied from the Workflows trigger")
    if host.endswith(RETIRED_HOST_SUFFIX) or host == RETIRED_HOST_SUFFIX[1:]:
        raise ValueError("is an Office 365 connector URL; connectors are retired: create a Workflows "
                         "flow (\"Send webhook alerts to a channel\") and use its URL")
    if parts.scheme != "https" and not _is_loopback(host):
        raise ValueError("must use https://")
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def post_reply(url: str, reply: Reply, session: requests.Session | None = None,
               timeout: float | tuple[float, float] = (5, 20), *, start_part: int = 1,
               limiter: RateLimiter | None = None, policy: RetryPolicy | None = None,
               sleep: Callable[[float], None] = time.sleep,
               wall_clock: Callable[[], float] = time.time) -> Delivery:
    """Post `reply` as one or more cards, in order, from part `start_part` (to resume a delivery).

    Without `session` each request opens its own connection (see `_send`); a given session should
    not keep connections alive, or a stale one may count as "may have landed".
    """
    return post_cards(url, render_cards(reply), session, timeout, start_part=start_part, limiter=limiter,
                      policy=policy, sleep=sleep, wall_clock=wall_clock)


def post_cards(url: str, cards: list[dict], session: requests.Session | None = None,
               timeout: float | tuple[float, float] = (5, 20), *, start_part: int = 1,
               limiter: RateLimiter | None = None, policy: RetryPolicy | None = None,
               sleep: Callable[[float], None] = time.sleep,
               wall_clock: Callable[[], float] = time.time) -> Delivery:
    """Post each card in its own envelope, in order, following the module's delivery rules."""
    transport = _Transport(http=session, timeout=timeout,
                           limiter=limiter or limiter_for(url), sleep=sleep, wall_clock=wall_clock,
                           policy=policy or RetryPolicy())
    accepted, uncertain = start_part - 1, []
    for part in range(start_part, len(cards) + 1):
        outcome = _post_part(transport, url, compact_json(envelope(cards[part - 1])), part, accepted)
        accepted += 1
        if outcome == "uncertain":
            uncertain.append(part)
    return Delivery(parts=len(cards), accepted=accepted, uncertain=tuple(uncertain))


def _post_part(t: _Transport, url: str, body: bytes, part: int, delivered: int) -> str:
    """"accepted" or "uncertain" (may have landed: not resent); raises `WorkflowsError` otherwise."""
    where = describe_url(url)
    for attempt in range(1, t.policy.max_attempts + 1):
        t.limiter.wait()
        try:
            response = _send(t, url, body)
        except requests.RequestException as exc:
            if not _never_sent(exc):
                log.warning("%s: part %d may have landed (%s); not resending it", where, part, type(exc).__name__)
                return "uncertain"
            status, retry_after = None, None
            reason = f"could not connect ({type(exc).__name__})"
        else:
            if 200 <= response.status_code < 300:
                return "accepted"
            status, reason = response.status_code, f"answered HTTP {response.status_code}"
            if status not in RETRY_STATUSES:
                raise WorkflowsError(f"{where} refused part {part}: {reason}", part=part, delivered=delivered,
                                     status=status, retryable=False)
            retry_after = _retry_after(response.headers.get("Retry-After"), t.wall_clock)
        pause = retry_after if retry_after is not None else min(
            t.policy.base_delay * 2 ** (attempt - 1), t.policy.max_delay)
        if attempt == t.policy.max_attempts or pause > t.policy.max_retry_after:
            break
        log.info("%s: part %d %s; retrying in %.1fs", where, part, reason, pause)
        t.sleep(pause)
    raise WorkflowsError(f"{where} did not accept part {part}: {reason} after {attempt} attempt(s)",
                         part=part, delivered=delivered, status=status, retryable=True)


def _send(t: _Transport, url: str, body: bytes) -> requests.Response:
    # A pooled connection the server already closed fails like a request that landed, so by default
    # every request gets its own connection: a failure to connect is then unambiguous.
    # Redirects are never followed: a Workflows URL answers itself, and a 3xx could point anywhere.
    headers = {"Content-Type": "application/json; charset=utf-8", "Connection": "close"}
    if t.http is not None:
        return t.http.post(url, data=body, timeout=t.timeout, headers=headers, allow_redirects=False)
    with requests.Session() as http:
        return http.post(url, data=body, timeout=t.timeout, headers=headers, allow_redirects=False)


def _never_sent(exc: requests.RequestException) -> bool:
    """True only when the request certainly did not reach the server (safe to send again)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.ConnectionError) and not isinstance(exc, requests.ReadTimeout):
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        return isinstance(reason, (NewConnectionError, NameResolutionError))
    return False


def _retry_after(value: str | None, wall_clock: Callable[[], float]) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() too, and float("²") fails
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - wall_clock(), 0.0)
