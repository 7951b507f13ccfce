"""The clock: the one process that runs schedules — digests and feed polling.

Only the process holding the database lease `clock` runs jobs: it renews the lease every few
seconds and another clock takes over once the lease lapses (default 60 s). Inside, APScheduler 3
(MemoryJobStore; never a shared job store) runs

- one cron job per digest subscription, in HERALD_TIMEZONE, fixed id `digest:<id>`, re-synced
  every minute so subscription changes are picked up;
- the fixed jobs of `clock_jobs` (the digest catch-up sweep and the feed poll, every minute; the
  Parliament poll every five minutes, each source due every HERALD_PARLIAMENT_POLL_MINUTES;
  the due reminders and alerts of `digests.notices`, every 30 s).

Every job uses a one-hour misfire grace with coalescing (the default grace of one second drops a
digest that falls due during a restart). The due time and period key of each digest still come
from `digests.schedule`, and the database claim is the final guard, so a cron trigger firing
twice (or not at all) in a DST change cannot double or lose a digest: the sweep catches it up.

`HERALD_CLOCK_LEASE_SECONDS` and `HERALD_CLOCK_SWEEP_SECONDS` (settings, defaults 60 and 60)
tune the lease and the sweep; the multi-process tests shorten them.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone
from dataclasses import dataclass, field
from typing import Callable

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from bot.slack.coverage_alerts import SlackNotifier
from digests import runner
from digests.notices import NOTICE_CHECK_SECONDS, run_notices
from digests.schedule import DAY_NAMES, parse_days
from digests.spotlight_alerts import SPOTLIGHT_CHECK_SECONDS, run_spotlight_check
from models.digest import CLOCK_LEASE, acquire_lease, active_subscriptions, new_holder, release_lease
from feeds.poll import poll_due_feeds
from config import Settings
from runtime import Herald

FEED_CHECK_SECONDS = 60.0
PARLIAMENT_CHECK_SECONDS = 300.0  # each source is due every HERALD_PARLIAMENT_POLL_MINUTES

log = logging.getLogger("herald.clock")
MISFIRE_GRACE_SECONDS = 3600
SUBSCRIPTION_JOB_PREFIX = "digest:"


@dataclass(frozen=True)
class ClockJob:
    """A fixed job of the clock: an id, what it runs, and when."""

    id: str
    run: Callable[[Herald, str], None]  # (herald, lease holder)
    trigger: Callable[[Herald], BaseTrigger]


@dataclass(frozen=True)
class ClockOptions:
    """How long the lease lasts and how often the catch-up sweep runs, in seconds."""

    lease_seconds: float = 60.0
    sweep_seconds: float = 60.0

    @classmethod
    def from_settings(cls, settings: Settings) -> "ClockOptions":
        return cls(lease_seconds=float(settings.HERALD_CLOCK_LEASE_SECONDS),
                   sweep_seconds=float(settings.HERALD_CLOCK_SWEEP_SECONDS))


def _every(seconds: float) -> Callable[[Herald], BaseTrigger]:
    return lambda herald: IntervalTrigger(seconds=seconds, timezone=herald.settings.tz)


def poll_feeds(herald: Herald, _holder: str) -> None:
    """Poll the feeds that are due (each keeps its own interval and backoff); alerts and feed-health
    notices go to Slack when a bot token is set, and otherwise wait as pending deliveries."""
    poll_due_feeds(herald, SlackNotifier.for_herald(herald))


def poll_parliament_due(herald: Herald, _holder: str) -> None:
    """Poll the Parliament sources that are due (every HERALD_PARLIAMENT_POLL_MINUTES, backing off on failure)."""
    from feeds.parliament.poll import poll_parliament
    poll_parliament(herald, SlackNotifier.for_herald(herald), everything=False)


def clock_jobs(options: ClockOptions) -> tuple[ClockJob, ...]:
    """The fixed jobs: the digest catch-up sweep, the feed poll (every minute; feeds due by then), and
    the reminders and alerts that are due (`digests.notices`, every 30 s)."""
    return (
        ClockJob("digests:sweep", runner.sweep, _every(options.sweep_seconds)),
        ClockJob("feeds:poll", poll_feeds, _every(FEED_CHECK_SECONDS)),
        ClockJob("notices:send", run_notices, _every(NOTICE_CHECK_SECONDS)),
        ClockJob("spotlight:check", run_spotlight_check, _every(SPOTLIGHT_CHECK_SECONDS)),
        ClockJob("parliament:poll", poll_parliament_due, _every(PARLIAMENT_CHECK_SECONDS)),
    )


def subscription_trigger(sub, herald: Herald) -> CronTrigger:
    """The cron trigger of one subscription, in HERALD_TIMEZONE."""
    days = ",".join(DAY_NAMES[d] for d in parse_days(sub.day_of_week))
    return CronTrigger(day_of_week=days, hour=sub.hour, minute=sub.minute, timezone=herald.settings.tz)


@dataclass
class Clock:
    """The scheduler of one process and the lease that decides whether it may run."""

    herald: Herald
    options: ClockOptions = field(default_factory=ClockOptions)
    holder: str = field(default_factory=new_holder)
    scheduler: BackgroundScheduler = field(init=False)
    leading: bool = False

    def __post_init__(self) -> None:
        self.scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()}, executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"misfire_grace_time": MISFIRE_GRACE_SECONDS, "coalesce": True, "max_instances": 1},
            timezone=self.herald.settings.tz)

    def add_fixed_jobs(self) -> None:
        for job in clock_jobs(self.options):
            self.scheduler.add_job(self._guarded(job.run), job.trigger(self.herald), id=job.id,
                                   name=job.id, replace_existing=True)
        self.scheduler.add_job(self.sync_subscriptions, IntervalTrigger(minutes=1, timezone=self.herald.settings.tz),
                               id="digests:sync", replace_existing=True)

    def sync_subscriptions(self) -> None:
        """Make the scheduler's per-subscription jobs match the active subscriptions."""
        with self.herald.reading() as session:
            subs = [s for s in active_subscriptions(session) if s.kind in ("weekly", "daily")]
        wanted = {f"{SUBSCRIPTION_JOB_PREFIX}{s.id}": s for s in subs}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(SUBSCRIPTION_JOB_PREFIX) and job.id not in wanted:
                job.remove()
        for job_id, sub in wanted.items():
            trigger = subscription_trigger(sub, self.herald)
            existing = self.scheduler.get_job(job_id)
            if existing is None or str(existing.trigger) != str(trigger):
                self.scheduler.add_job(self._guarded(runner.run_subscription), trigger, args=(sub.id,),
                                       id=job_id, name=job_id, replace_existing=True)

    def _guarded(self, run: Callable[..., None]) -> Callable[..., None]:
        """A job body that runs only while this process leads, and never kills the scheduler."""
        def job(*args) -> None:
            if not self.leading:
                return
            try:
                run(self.herald, *args, self.holder) if args else run(self.herald, self.holder)
            except Exception:
                log.exception("clock job failed")
        return job

    def tick_lease(self) -> None:
        """Renew (or try to take) the lease, and start or pause the jobs to match."""
        try:
            with self.herald.session() as session:
                held = acquire_lease(session, CLOCK_LEASE, self.holder, self.herald.clock.now(),
                                     self.options.lease_seconds)
        except SQLAlchemyError:
            log.exception("lease check failed; pausing jobs")
            held = False
        if held and not self.leading:
            log.info("clock %s holds the lease: running schedules", self.holder)
            self.leading = True
            self.sync_subscriptions()
            for job in self.scheduler.get_jobs():
                if not job.id.startswith(SUBSCRIPTION_JOB_PREFIX) and job.id != "digests:sync":
                    job.modify(next_run_time=_scheduler_now())
            self.scheduler.resume()
        elif not held and self.leading:
            log.warning("clock %s lost the lease: pausing schedules", self.holder)
            self.leading = False
            self.scheduler.pause()

    def release(self) -> None:
        with self.herald.session() as session:
            release_lease(session, CLOCK_LEASE, self.holder)


def _scheduler_now() -> datetime:
    """APScheduler keeps its own timeline on the wall clock; this is "run at once" on it."""
    return datetime.now(timezone.utc)


def run_clock(herald: Herald, stop: threading.Event, options: ClockOptions | None = None) -> None:
    """Run Herald's schedules until `stop` is set, only while this process holds the lease."""
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)  # not a line per sweep
    clock = Clock(herald, options or ClockOptions.from_settings(herald.settings))
    clock.add_fixed_jobs()
    clock.scheduler.start(paused=True)
    log.info("clock %s started; waiting for the lease", clock.holder)
    try:
        while not stop.is_set():
            clock.tick_lease()
            stop.wait(max(0.5, clock.options.lease_seconds / 3))
    finally:
        clock.scheduler.shutdown(wait=True)
        if clock.leading:
            clock.release()
        log.info("clock %s stopped", clock.holder)
