"""Fetching a feed (or any URL Herald is configured to read, e.g. Parliament's APIs) like a good
citizen and a careful server: `guarded_get` is Herald's one outbound fetcher.

Only http(s); every hop's host is resolved once and refused if any address is private, loopback,
link-local, multicast or reserved (unless HERALD_ALLOW_PRIVATE_FEEDS) by `models.netguard`, the guard
Teams Workflows destinations share, and the connection goes to that validated address (no DNS
rebinding between check and connect). Conditional GET, at most N
redirects (never https → http), connect/read timeouts plus a total deadline enforced by a watchdog,
and a byte cap counted after decompression.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import certifi
import urllib3

from feeds.limits import FeedLimits
from models import netguard
from models.netguard import Target

USER_AGENT = "Herald/1.0 (coverage monitor; +https://github.com/herald)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"


class FetchError(Exception):
    """The feed could not be fetched; the message is safe to show (no internal addresses)."""


class UnsafeURL(FetchError, netguard.UnsafeURL):
    """The URL is not one Herald may fetch (scheme, port or address)."""


@dataclass(frozen=True)
class FetchResult:
    """A fetched feed: its bytes, or `not_modified` after a 304."""

    url: str
    not_modified: bool
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def check_url(url: str, allow_private: bool, noun: str = "feed") -> Target:
    """Resolve and vet a URL before any I/O to it (the shared guard, `models.netguard`);
    raise `UnsafeURL` saying why not."""
    try:
        return netguard.check_url(url, allow_private, noun=noun)
    except netguard.UnsafeURL as exc:
        raise UnsafeURL(str(exc)) from None


def _pool(target: Target, limits: FeedLimits) -> urllib3.HTTPConnectionPool:
    timeout = urllib3.Timeout(connect=limits.HERALD_FEED_CONNECT_TIMEOUT, read=limits.HERALD_FEED_READ_TIMEOUT)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            target.address, target.port, timeout=timeout, retries=False, maxsize=1,
            server_hostname=target.host, assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
    return urllib3.HTTPConnectionPool(target.address, target.port, timeout=timeout, retries=False, maxsize=1)


def _host_header(target: Target) -> str:
    default_port = 443 if target.scheme == "https" else 80
    host = target.host if ":" not in target.host else f"[{target.host}]"
    return host if target.port == default_port else f"{host}:{target.port}"


def _conditional(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


@dataclass(frozen=True)
class Fetched:
    """What one guarded GET brought back: the final URL, status, headers, and (for a 2xx) the body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""


def guarded_get(url: str, limits: FeedLimits, allow_private: bool, *, headers: dict[str, str],
                noun: str = "feed", user_agent: str = USER_AGENT) -> Fetched:
    """GET `url` within every limit, through the shared SSRF guard at every redirect hop.

    Herald's one outbound fetcher (feeds, Parliament's APIs). Any answer the server gives comes back
    (its body read, capped, only for a 2xx); what stops the request (an unsafe address, the network,
    the deadline, the byte cap, too many redirects) raises `FetchError` naming the `noun`.
    """
    deadline = time.monotonic() + limits.HERALD_FEED_TOTAL_TIMEOUT
    current = url
    for _hop in range(limits.HERALD_FEED_MAX_REDIRECTS + 1):
        target = check_url(current, allow_private, noun)
        pool = _pool(target, limits)
        try:
            response = pool.urlopen("GET", target.path, redirect=False, preload_content=False, decode_content=True,
                                    headers={"Host": _host_header(target), "User-Agent": user_agent,
                                             "Accept-Encoding": "gzip, deflate", **headers})
        except urllib3.exceptions.HTTPError as exc:
            pool.close()
            raise FetchError(_network_reason(exc, noun)) from None
        try:
            if response.status in REDIRECTS:
                current = _next_hop(current, response.headers.get("Location"), noun)
                continue
            body = (_read_capped(response, deadline, limits.HERALD_FEED_MAX_BYTES, noun)
                    if 200 <= response.status < 300 else b"")
            return Fetched(current, response.status, dict(response.headers), body)
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"The {noun} redirected more than {limits.HERALD_FEED_MAX_REDIRECTS} times")


def fetch_feed(url: str, limits: FeedLimits, allow_private: bool,
               etag: str | None = None, last_modified: str | None = None) -> FetchResult:
    """GET a feed within every limit; raise `FetchError` with a reason a person can act on."""
    fetched = guarded_get(url, limits, allow_private,
                          headers={"Accept": FEED_ACCEPT, **_conditional(etag, last_modified)})
    if fetched.status == 304:
        return FetchResult(fetched.url, True, etag=etag, last_modified=last_modified)
    if fetched.status >= 400 or fetched.status < 200:
        raise FetchError(f"The feed answered HTTP {fetched.status}")
    return FetchResult(fetched.url, False, fetched.body, fetched.headers.get("Content-Type"),
                       fetched.headers.get("ETag"), fetched.headers.get("Last-Modified"))


def _next_hop(current: str, location: str | None, noun: str) -> str:
    if not location:
        raise FetchError(f"The {noun} redirected without saying where")
    target = urljoin(current, location.strip())
    if current.lower().startswith("https:") and target.lower().startswith("http:"):
        raise FetchError(f"The {noun} redirected from https to insecure http")
    return target


def _read_capped(response: urllib3.HTTPResponse, deadline: float, cap: int, noun: str) -> bytes:
    """The decoded body, aborted at the deadline (even mid-read) or past `cap` bytes."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"The {noun} took too long to answer")
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        response.shutdown()

    watchdog = threading.Timer(remaining, stop)
    watchdog.daemon = True
    watchdog.start()
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = response.read(65536, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise FetchError(f"The {noun} is larger than {cap // 1_000_000 or cap} "
                                 f"{'MB' if cap >= 1_000_000 else 'bytes'}")
            chunks.append(chunk)
            if timed_out.is_set():
                break
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        if timed_out.is_set():
            raise FetchError(f"The {noun} took too long to send") from None
        raise FetchError(_network_reason(exc, noun)) from None
    finally:
        watchdog.cancel()
    if timed_out.is_set():
        raise FetchError(f"The {noun} took too long to send")
    return b"".join(chunks)


def _network_reason(exc: Exception, noun: str) -> str:
    text = str(exc).lower()
    if "timed out" in text or "timeout" in text:
        return f"The {noun} did not answer in time"
    if "ssl" in text or "certificate" in text:
        return f"The {noun}'s TLS certificate could not be verified"
    if "decod" in text:
        return f"The {noun}'s compressed body is broken"
    return f"The {noun}'s server could not be reached"
