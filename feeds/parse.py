"""Parsing feed bytes with feedparser in a separate worker process, under a deadline.

feedparser is handed bytes only (never a URL, path or string it could open). It has no timeout and
a known ReDoS, so it runs in a child process with a memory ceiling; a parse that overruns the
deadline kills that child (a fresh one starts on the next parse) and fails only that feed.
"""
from __future__ import annotations

import atexit
import functools
import io
import multiprocessing
import re
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection


class ParseError(Exception):
    """The feed could not be parsed (malformed with no entries, too slow, too big)."""


@dataclass(frozen=True)
class RawEntry:
    """The fields Herald uses from one feedparser entry, as the feed gave them."""

    guid: str | None
    link: str | None
    title: str
    summary: str
    published: tuple[int, ...] | None  # time.struct_time fields in UTC, or None
    author: str | None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and usable entries; `bozo_reason` says why it was not well-formed."""

    title: str
    link: str | None
    entries: tuple[RawEntry, ...]
    bozo_reason: str | None


_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?[\w.-]+\s+(?:(SYSTEM|PUBLIC)\b|\"([^\"]*)\"|'([^']*)')", re.I)
_NESTED = re.compile(rb"[&%](?!#)")
ENTITY_VALUE_MAX = 1000


def refuse_entity_bombs(body: bytes) -> None:
    """Refuse a DOCTYPE whose entities nest, are parameter or external entities, or are long:
    feedparser and expat would expand some of them (billion laughs) before any limit applies.
    Plain entities (`<!ENTITY nbsp "&#160;">`) that real feeds declare are allowed."""
    head = body[:65536]
    if b"<!ENTITY" not in head.upper():
        return
    for m in _ENTITY.finditer(head):
        value = m.group(3) if m.group(3) is not None else (m.group(4) or b"")
        if m.group(1) or m.group(2) or len(value) > ENTITY_VALUE_MAX or _NESTED.search(value):
            raise ParseError("The feed declares nested, external or huge entities (an entity bomb); refused")


def memoize_base_resolution() -> None:
    """Make feedparser's per-element base-URI step cheap when a feed has a base URL.

    Given the feed's URL (so relative links resolve), feedparser recomputes the element's base,
    `make_safe_absolute_uri(base, xml_base or base)`, at every start tag: a `urljoin` per element,
    a third of a 1,000-item parse. The function is pure (two strings and a constant scheme list in,
    a string out) and the arguments repeat, so a small cache gives the same results at a fraction
    of the cost. If a feedparser release renames it, nothing is patched and parsing is just slower."""
    import feedparser.mixin
    original = getattr(feedparser.mixin, "make_safe_absolute_uri", None)
    if original is None or hasattr(original, "cache_info"):
        return
    feedparser.mixin.make_safe_absolute_uri = functools.lru_cache(maxsize=256)(original)


def parse_bytes(body: bytes, content_type: str | None = None, base_url: str | None = None) -> ParsedFeed:
    """Parse feed bytes in this process (the worker's body; also used directly by the bench)."""
    import feedparser
    memoize_base_resolution()
    refuse_entity_bombs(body)
    headers = {"content-location": base_url or "", "content-type": content_type or "application/xml"}
    result = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    entries = tuple(_entry(e) for e in result.entries)
    bozo = None
    if result.get("bozo"):
        exc = result.get("bozo_exception")
        bozo = f"{type(exc).__name__}: {str(exc)[:200]}" if exc else "not well-formed"
    if bozo and not entries:
        raise ParseError(f"The feed is not valid RSS or Atom ({bozo})")
    feed = result.get("feed", {})
    return ParsedFeed(str(feed.get("title") or ""), feed.get("link"), entries, bozo)


def _entry(e) -> RawEntry:
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    summary = e.get("summary") or ""
    if not summary and e.get("content"):
        summary = e["content"][0].get("value") or ""
    return RawEntry(guid=e.get("id") or None, link=e.get("link") or None, title=str(e.get("title") or ""),
                    summary=str(summary)[:5000], published=tuple(stamp[:6]) if stamp else None,
                    author=e.get("author") or None)


def _worker(conn: Connection, memory_mb: int) -> None:
    try:
        import resource
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    while True:
        try:
            body, content_type, base_url = conn.recv()
        except EOFError:
            return
        try:
            parsed = parse_bytes(body, content_type, base_url)
            conn.send(("ok", parsed))
        except ParseError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", "The feed needs too much memory to parse"))
        except Exception as exc:  # feedparser on hostile input: report, keep the worker
            conn.send(("error", f"The feed could not be parsed ({type(exc).__name__})"))
        else:
            conn.send(("tones", _scored_titles(parsed)))


def _scored_titles(parsed: ParsedFeed) -> dict[str, tuple[str, float]]:
    """Each entry headline's tone, scored here while the parent normalises and looks up the
    entries (the lexicon model is the largest cost of ingesting new items after the parse itself)."""
    try:
        from feeds.normalize import entry_title
        from feeds.tone import tone_of
        return {title: tone_of(title) for title in {entry_title(e) for e in parsed.entries}}
    except Exception:  # noqa: BLE001 - an optimisation only: the parent scores what is missing
        return {}


class ParserProcess:
    """One long-lived parsing child; `parse` waits at most `timeout` seconds, then kills it."""

    def __init__(self, memory_mb: int = 512):
        self._memory_mb = memory_mb
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._scoring: ParsedFeed | None = None  # the parse whose headline tones are still to be read

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._process = ctx.Process(target=_worker, args=(child, self._memory_mb), daemon=True,
                                    name="herald-feed-parser")
        self._process.start()
        child.close()
        self._conn = parent

    def stop(self) -> None:
        """Kill the child (if any); the next parse starts a new one."""
        self._scoring = None
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (for measuring it), else None."""
        alive = self._process is not None and self._process.is_alive()
        return self._process.pid if alive else None

    def parse(self, body: bytes, content_type: str | None, base_url: str | None, timeout: float) -> ParsedFeed:
        """Parse in the child; `ParseError` if it fails, dies or takes longer than `timeout`."""
        with self._lock:
            self._read_tones(timeout)  # an earlier parse's, if its caller never asked for them
            if self._process is None or not self._process.is_alive():
                self.stop()
                self._start()
            started = time.monotonic()
            try:
                self._conn.send((body, content_type, base_url))
                ready = self._conn.poll(max(0.0, timeout - (time.monotonic() - started)))
                if not ready:
                    self.stop()
                    raise ParseError(f"Parsing the feed took longer than {timeout:g} seconds")
                status, value = self._conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self.stop()
                raise ParseError("The feed parser stopped on this feed") from None
            if status == "error":
                raise ParseError(value)
            self._scoring = value
        return value

    def tones_of(self, parsed: ParsedFeed, timeout: float) -> dict[str, tuple[str, float]]:
        """The tone of each of `parsed`'s headlines (keyed by headline), which the child scores
        after sending the entries, so the caller's own work on them overlaps it. Empty when they
        cannot be had (another parse came first, or the child failed): the caller scores them."""
        with self._lock:
            if self._scoring is not parsed:
                return {}
            return self._read_tones(timeout)

    def _read_tones(self, timeout: float) -> dict[str, tuple[str, float]]:
        if self._scoring is None:
            return {}
        self._scoring = None
        try:
            if self._conn is not None and self._conn.poll(timeout):
                kind, value = self._conn.recv()
                return value if kind == "tones" else {}
        except (EOFError, OSError):
            pass
        self.stop()  # out of step or stuck: the next parse starts a fresh child
        return {}


_SHARED: ParserProcess | None = None


def shared_parser(memory_mb: int = 512) -> ParserProcess:
    """The process-wide parsing child, started on first use and killed at exit."""
    global _SHARED
    if _SHARED is None:
        _SHARED = ParserProcess(memory_mb)
        atexit.register(_SHARED.stop)
    return _SHARED
