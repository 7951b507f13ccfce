"""Polling every due feed: fetch concurrently (one host at a time per publisher), parse in the
worker under a deadline, ingest, record health, back off on failure, alert, tell admins.

`poll_due_feeds(herald)` is what the clock calls every HERALD_FEED_POLL_MINUTES.
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from feeds.alerts import Notifier, deliver_pending, tell_admins
from feeds.classify import Classifier
from feeds.fetch import FetchError, FetchResult, fetch_feed
from feeds.ingest import ingest_feed_entries, read_ahead, unseen_entries
from feeds.limits import FeedLimits
from feeds.normalize import Candidate, from_entry
from feeds.parse import ParsedFeed, ParseError, ParserProcess, shared_parser
from feeds.urls import domain_of
from handlers.reply import Reply, Section
from models.outlet import Feed, due_feeds
from models.sentence_meaning import sentence_budget
from models.stories import FEED_SENTENCE_SECONDS
from models.story_settling import settle_stories

log = logging.getLogger("herald.feeds")


@dataclass(frozen=True)
class FeedJob:
    """What a fetch thread needs to know about one feed (no ORM objects cross threads)."""

    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class FeedOutcome:
    """How one feed's poll went."""

    feed_id: int
    name: str
    status: str  # new | unchanged | baseline | failed
    created: int = 0
    error: str | None = None


@dataclass
class PollReport:
    """What a poll did, for the clock's log and `flask feeds poll`."""

    outcomes: list[FeedOutcome] = field(default_factory=list)
    alerts_sent: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(o.created for o in self.outcomes)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def poll_due_feeds(herald, notifier: Notifier | None = None, everything: bool = False) -> PollReport:
    """Poll every feed that is due (or all with `everything`); one feed's failure never stops the rest."""
    limits = FeedLimits.from_settings(herald.settings)
    with herald.reading() as session:
        jobs = [FeedJob(f.id, f.name, f.url, f.etag, f.last_modified)
                for f in due_feeds(session, herald.clock.now(), everything)]
    report = PollReport()
    for job, fetched in _fetch_all(jobs, limits, herald.settings.HERALD_ALLOW_PRIVATE_FEEDS):
        outcome, notice = _process(herald, job, fetched, limits)
        report.outcomes.append(outcome)
        if notice is not None and tell_admins(notifier, herald.settings.HERALD_ADMIN_CHANNEL, notice):
            report.notices.append(notice.title)
    with herald.session() as session:
        report.alerts_sent = deliver_pending(session, notifier, herald.clock.now(), herald.settings.tz)
    return report


def _fetch_all(jobs: list[FeedJob], limits: FeedLimits, allow_private: bool):
    """Yield (job, FetchResult | FetchError) as fetches finish; hosts in parallel, each host paced."""
    by_host: dict[str, list[FeedJob]] = defaultdict(list)
    for job in jobs:
        by_host[domain_of(job.url)].append(job)
    if not by_host:
        return
    with ThreadPoolExecutor(max_workers=max(1, min(limits.HERALD_FEED_WORKERS, len(by_host))),
                            thread_name_prefix="herald-fetch") as pool:
        futures = [pool.submit(_fetch_host, host_jobs, limits, allow_private) for host_jobs in by_host.values()]
        for future in as_completed(futures):
            yield from future.result()


def _fetch_host(jobs: list[FeedJob], limits: FeedLimits, allow_private: bool) -> list[tuple[FeedJob, object]]:
    results = []
    for n, job in enumerate(jobs):
        if n:
            time.sleep(limits.HERALD_FEED_DOMAIN_INTERVAL)
        try:
            results.append((job, fetch_feed(job.url, limits, allow_private, job.etag, job.last_modified)))
        except FetchError as exc:
            results.append((job, exc))
        except Exception as exc:  # never let one feed's surprise stop the others
            log.exception("feed %s: unexpected fetch error", job.id)
            results.append((job, FetchError(f"Unexpected error fetching the feed ({type(exc).__name__})")))
    return results


def _process(herald, job: FeedJob, fetched, limits: FeedLimits) -> tuple[FeedOutcome, Reply | None]:
    """Parse one fetched feed, then ingest it and record its health in its own transaction: the
    parse (up to its deadline) runs before that transaction, so no writer waits on it."""
    try:
        if isinstance(fetched, Exception):
            raise fetched
        parser = shared_parser(limits.HERALD_FEED_PARSE_MEMORY_MB)
        parsed = None if fetched.not_modified else parser.parse(
            fetched.body, fetched.content_type, fetched.url, limits.HERALD_FEED_PARSE_TIMEOUT)
        candidates = None if parsed is None else _candidates(parsed, herald.clock.now())
        with sentence_budget(FEED_SENTENCE_SECONDS) as reading:  # one allowance, ahead of the transaction and in it
            if candidates:
                with herald.reading() as session:
                    read_ahead(session, unseen_entries(session, job.id, candidates))
            with herald.session() as session:
                feed = session.get(Feed, job.id)
                if feed is None:
                    return FeedOutcome(job.id, job.name, "failed", error="removed while polling"), None
                outcome, created = _ingest(herald, session, feed, parser, parsed, candidates, limits)
                notice = _recovered(feed)
                _mark_success(feed, fetched, herald.clock.now(), herald.settings.HERALD_FEED_POLL_MINUTES)
        if reading.ran_short and created:  # a big first poll: its stories finished as the webhook's are
            settle_stories(herald.reading, herald.session, created)
        return outcome, notice
    except (FetchError, ParseError) as exc:
        return _record_failure(herald, job, str(exc), limits)
    except Exception as exc:
        log.exception("feed %s: unexpected error while ingesting", job.id)
        return _record_failure(herald, job, f"Unexpected error ({type(exc).__name__})", limits)


def _candidates(parsed: ParsedFeed, now: datetime) -> list[Candidate]:
    return [c for c in (from_entry(e, now) for e in parsed.entries) if c is not None]


def _ingest(herald, session, feed: Feed, parser: ParserProcess, parsed: ParsedFeed | None,
            candidates: list[Candidate] | None, limits: FeedLimits) -> tuple[FeedOutcome, list[int]]:
    """How the poll went, and the ids of the items it created."""
    if parsed is None or candidates is None:  # not modified since the last poll
        return FeedOutcome(feed.id, feed.name, "unchanged"), []
    now = herald.clock.now()
    baseline = not feed.baseline_done
    classifier = Classifier(session, scored=lambda: parser.tones_of(parsed, limits.HERALD_FEED_PARSE_TIMEOUT))
    result = ingest_feed_entries(session, feed, candidates, now,
                                 timedelta(hours=herald.settings.HERALD_ALERT_MAX_AGE_HOURS), classifier)
    feed.bozo_reason = parsed.bozo_reason
    feed.items_total = (feed.items_total or 0) + len(result.created)
    status = "baseline" if baseline else ("new" if result.created else "unchanged")
    return FeedOutcome(feed.id, feed.name, status, len(result.created)), result.created


def _mark_success(feed: Feed, fetched: FetchResult, now: datetime, interval_minutes: int) -> None:
    feed.last_polled_at = feed.last_success_at = now
    feed.last_error = None
    feed.consecutive_failures = 0
    feed.unhealthy_reported = False
    feed.baseline_done = True
    if not fetched.not_modified:
        feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    feed.next_poll_at = now + timedelta(minutes=interval_minutes)


def _recovered(feed: Feed) -> Reply | None:
    if not feed.unhealthy_reported:
        return None
    return Reply(title=f"Feed recovered: {feed.name}",
                 sections=(Section(text=f"{feed.url} is working again after "
                                        f"{feed.consecutive_failures} failed polls."),))


def _record_failure(herald, job: FeedJob, reason: str, limits: FeedLimits) -> tuple[FeedOutcome, Reply | None]:
    """Count the failure, back off exponentially, and say so to admins once past the threshold."""
    now = herald.clock.now()
    with herald.session() as session:
        feed = session.get(Feed, job.id)
        if feed is None:
            return FeedOutcome(job.id, job.name, "failed", error=reason), None
        feed.consecutive_failures = (feed.consecutive_failures or 0) + 1
        feed.last_polled_at = feed.last_error_at = now
        feed.last_error = reason[:1000]
        feed.next_poll_at = now + backoff(feed.consecutive_failures, herald.settings.HERALD_FEED_POLL_MINUTES,
                                          limits.HERALD_FEED_MAX_BACKOFF_MINUTES)
        notice = None
        if feed.consecutive_failures >= limits.HERALD_FEED_FAILURES_BEFORE_ALERT and not feed.unhealthy_reported:
            feed.unhealthy_reported = True
            notice = Reply(title=f"Feed failing: {feed.name}",
                           sections=(Section(text=f"{feed.url} has failed {feed.consecutive_failures} polls "
                                                  f"in a row. Last error: {reason}"),),
                           context=("Check it with /feeds list; remove it with /feeds remove "
                                    f"{feed.id}.",))
    log.warning("feed %s (%s) failed: %s", job.id, job.name, reason)
    return FeedOutcome(job.id, job.name, "failed", error=reason), notice


def backoff(failures: int, interval_minutes: int, max_minutes: int) -> timedelta:
    """Wait before the next try: the interval doubled per consecutive failure, capped."""
    return timedelta(minutes=min(interval_minutes * 2 ** max(0, failures - 1), max_minutes))
