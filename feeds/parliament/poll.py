"""Polling Parliament: every watch term against each source, paged to the end, since the source's
last successful poll (less a day's overlap, as Hansard publishes a sitting a little late), so
downtime loses nothing. What comes back is stored once by its own id; an answer added later to a
stored question updates it. A source that still fails after its retries keeps its watermark (the
next poll covers the gap), records why in its health, backs off, and is reported to admins once.

`poll_parliament(herald, notifier)` is what the clock runs (every HERALD_PARLIAMENT_POLL_MINUTES,
every day: on a day Parliament does not sit the APIs simply have nothing new) and what
`flask --app app parliament poll` runs at once.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Iterator

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from feeds.alerts import Notifier, tell_admins
from feeds.parliament import sources as api
from feeds.parliament.client import ApiError, JsonClient
from feeds.parliament.store import Matched, store_found
from feeds.parliament.text import mentions_term
from feeds.parliament.watch import seed_watch_list
from feeds.poll import backoff
from handlers.reply import Reply, Section
from models.parliament import SOURCES, ParliamentMember, active_terms, cache_member, source_row, sources

log = logging.getLogger("herald.parliament")
OVERLAP = timedelta(days=1)
# Which API each source is on: sources on different hosts are polled side by side, each host paced on its own.
HOSTS = {"hansard": "hansard", "questions": "questions-statements", "statements": "questions-statements"}
MEMBER_CACHE_DAYS = 30


@dataclass(frozen=True)
class SourceOutcome:
    """How one source's poll went."""

    source: str
    status: str  # ok | failed | skipped
    created: int = 0
    updated: int = 0
    error: str | None = None


@dataclass
class ParliamentPollReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    requests: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(o.created for o in self.outcomes)

    @property
    def failed(self) -> list[SourceOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def poll_parliament(herald, notifier: Notifier | None = None, everything: bool = True,
                    sleep: Callable[[float], None] = time.sleep) -> ParliamentPollReport:
    """Poll each source (every one with `everything`, else those due); one failing never stops the rest.
    Hansard and the written questions and statements API are polled side by side (different hosts)."""
    now = herald.clock.now()
    if not everything and not _any_due(herald, now):
        return ParliamentPollReport([SourceOutcome(name, "skipped") for name in SOURCES])
    with herald.session() as session:
        seed_watch_list(session, herald.settings, now)
        terms = [(t.term, t.origin) for t in active_terms(session)]
        plans = {}
        for name in SOURCES:
            row = source_row(session, name)
            if everything or row.next_attempt_at is None or row.next_attempt_at <= now:
                plans[name] = _first_day(row.last_success_at, now, herald.settings)
    report = ParliamentPollReport()
    clients = {host: JsonClient(herald.settings, sleep=sleep) for host in set(HOSTS.values())}

    def poll_host(host: str) -> list[tuple[SourceOutcome, Reply | None]]:
        return [_guarded(herald, clients[host], name, terms, plans[name], now) if name in plans
                else (SourceOutcome(name, "skipped"), None) for name in SOURCES if HOSTS[name] == host]

    with ThreadPoolExecutor(max_workers=len(clients), thread_name_prefix="herald-parliament") as pool:
        done = [result for future in [pool.submit(poll_host, host) for host in sorted(clients)]
                for result in future.result()]
    for outcome, notice in sorted(done, key=lambda pair: SOURCES.index(pair[0].source)):
        report.outcomes.append(outcome)
        if notice is not None and tell_admins(notifier, herald.settings.HERALD_ADMIN_CHANNEL, notice):
            report.notices.append(notice.title)
    report.requests = sum(c.requests for c in clients.values())
    return report


def _any_due(herald, now: datetime) -> bool:
    """Whether any source is due, asked on a read snapshot (the clock asks every five minutes)."""
    with herald.reading() as session:
        rows = {row.name: row.next_attempt_at for row in sources(session)}
    return any(rows.get(name) is None or rows[name] <= now for name in SOURCES)


def _first_day(last_success: datetime | None, now: datetime, settings) -> date:
    if last_success is None:
        return (now - timedelta(days=settings.HERALD_PARLIAMENT_LOOKBACK_DAYS)).astimezone(settings.tz).date()
    return (last_success - OVERLAP).astimezone(settings.tz).date()


def _search(client: JsonClient, name: str, term: str, first: date, last: date, tz) -> Iterator[api.Found]:
    if name == "hansard":
        yield from api.hansard_contributions(client, term, first, last, tz)
    elif name == "questions":
        yield from api.written_questions(client, term, first, last, tz)
        yield from api.written_questions(client, term, first, last, tz, answered=True)
    else:
        yield from api.written_statements(client, term, first, last, tz)


def _guarded(herald, client: JsonClient, name: str, terms: list[tuple[str, str]], first: date,
             now: datetime) -> tuple[SourceOutcome, Reply | None]:
    """One source's poll; a surprise (a database error, a bug) fails that source, never the others."""
    try:
        return _poll_source(herald, client, name, terms, first, now)
    except Exception as exc:  # noqa: BLE001 - recorded in the source's health and logged with its traceback
        log.exception("parliament source %s: unexpected error", name)
        return _record_failure(herald, name, f"Unexpected error ({type(exc).__name__})", now)


def _poll_source(herald, client: JsonClient, name: str, terms: list[tuple[str, str]], first: date,
                 now: datetime) -> tuple[SourceOutcome, Reply | None]:
    """Fetch everything for every term (no transaction open meanwhile), then store it in one."""
    tz = herald.settings.tz
    last = now.astimezone(tz).date()
    found: dict[str, Matched] = {}
    try:
        for term, origin in terms:
            for item in _search(client, name, term, first, last, tz):
                haystack = " ".join(filter(None, (item.heading, item.text, item.answer_text)))
                if not mentions_term(haystack, term):
                    continue  # the API's search stems and splits words; Herald files only the term itself
                match = found.setdefault(item.ext_id, Matched(item))
                if item.answer_text and not match.found.answer_text:
                    match.found = item
                match.add(term, origin)
        members = _members(herald, client, {m.found.member_id for m in found.values()
                                            if m.found.member_id and not m.found.party})
    except ApiError as exc:
        return _record_failure(herald, name, str(exc), now)
    for attempt in range(2):
        try:
            with herald.session() as session:
                created, updated = store_found(session, list(found.values()), members, now, herald.settings)
                notice = _mark_success(session, name, now, created, herald.settings)
            return SourceOutcome(name, "ok", created, updated), notice
        except IntegrityError:  # another poll stored some of these first: store again, finding them
            if attempt:
                raise
    raise AssertionError("unreachable")


def _members(herald, client: JsonClient, ids: set[int]) -> dict[int, ParliamentMember]:
    """Members by id: from the cache, else the Members API (cached for MEMBER_CACHE_DAYS)."""
    now = herald.clock.now()
    with herald.session() as session:
        cached = {m.id: m for m in session.scalars(select(ParliamentMember).where(ParliamentMember.id.in_(ids)))} \
            if ids else {}
        fresh = {i for i, m in cached.items() if m.fetched_at > now - timedelta(days=MEMBER_CACHE_DAYS)}
        session.expunge_all()
    for member_id in sorted(ids - fresh):
        looked = api.member(client, member_id)
        if looked is None:
            continue
        with herald.session() as session:
            cached[member_id] = cache_member(session, looked.id, looked.name, looked.party, looked.house, now)
            session.expunge(cached[member_id])
    return cached


def _mark_success(session: Session, name: str, now: datetime, created: int, settings) -> Reply | None:
    row = source_row(session, name)
    notice = None
    if row.unhealthy_reported:
        notice = Reply(title=f"Parliament source recovered: {name}",
                       sections=(Section(text=f"Herald's {name} poll works again after "
                                              f"{row.consecutive_failures} failed polls; nothing was missed."),))
    row.last_polled_at = row.last_success_at = now
    row.last_error, row.consecutive_failures, row.unhealthy_reported = None, 0, False
    row.items_total = (row.items_total or 0) + created
    row.next_attempt_at = now + timedelta(minutes=settings.HERALD_PARLIAMENT_POLL_MINUTES)
    return notice


def _record_failure(herald, name: str, reason: str, now: datetime) -> tuple[SourceOutcome, Reply | None]:
    """Count the failure, back off, and tell admins once (a poll already retried each request)."""
    settings = herald.settings
    with herald.session() as session:
        row = source_row(session, name)
        row.consecutive_failures = (row.consecutive_failures or 0) + 1
        row.last_polled_at = row.last_error_at = now
        row.last_error = reason[:1000]
        row.next_attempt_at = now + backoff(row.consecutive_failures, settings.HERALD_PARLIAMENT_POLL_MINUTES,
                                            settings.HERALD_FEED_MAX_BACKOFF_MINUTES)
        notice = None
        if not row.unhealthy_reported:
            row.unhealthy_reported = True
            notice = Reply(title=f"Parliament source failing: {name}",
                           sections=(Section(text=f"Herald could not poll {name}: {reason}. It will try again "
                                                  f"at {row.next_attempt_at.astimezone(settings.tz):%-d %b %H:%M} "
                                                  "and cover the gap then."),),
                           context=("See /parliament sources.",))
    log.warning("parliament source %s failed: %s", name, reason)
    return SourceOutcome(name, "failed", error=reason), notice
