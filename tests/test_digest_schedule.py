"""Digest timing: a year of weekly and daily subscriptions driven through the clock's own cron
triggers and sweep on a fake clock, across both DST changes; bank holidays; the clock's job list."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from digests import runner
from digests.clock import ClockOptions, clock_jobs, subscription_trigger
from digests.schedule import Schedule, occurrences_between, parse_days
from models.digest import DigestSubscription
from tests.digest_fixtures import digest_app, digest_herald, pacing, runs, slack, subscribe  # noqa: F401

LONDON = ZoneInfo("Europe/London")
UTC = timezone.utc
YEAR_START = datetime(2026, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2027, 1, 1, tzinfo=UTC)
SPRING_CHANGE, AUTUMN_CHANGE = date(2026, 3, 29), date(2026, 10, 25)


def _fire_times(trigger, start: datetime, end: datetime) -> list[datetime]:
    """What APScheduler's own trigger would fire, as the clock configures it."""
    out, previous, now = [], None, start
    while (fire := trigger.get_next_fire_time(previous, now)) and fire < end:
        out.append(fire.astimezone(UTC))
        previous, now = fire, fire.astimezone(UTC) + timedelta(seconds=1)  # UTC: wall-time sums lose the fold
    return out


def _drive(herald, clock, slack, subscription_ids: list[int], start: datetime, end: datetime) -> list[tuple]:
    """Run each subscription's cron job at its fire times and the sweep a minute and an hour later;
    return (channel, fake-clock time) for every post."""
    with herald.session() as session:
        subs = [session.get(DigestSubscription, i) for i in subscription_ids]
    jobs = {sub.id: _fire_times(subscription_trigger(sub, herald), start, end) for sub in subs}
    instants = sorted({(t, sid) for sid, times in jobs.items() for t in times} |
                      {(t + delta, None) for times in jobs.values() for t in times
                       for delta in _sweep_delays(t)})
    seen, posted = len(slack.server.received("/api/chat.postMessage")), []
    for when, sub_id in instants:
        clock.set(when)
        if sub_id is None:
            runner.sweep(herald, "clock:test")
        else:
            runner.run_subscription(herald, sub_id, "clock:test")
        calls = slack.server.received("/api/chat.postMessage")
        posted += [(slack.payload(call)["channel"], when) for call in calls[seen:]]
        seen = len(calls)
    return posted


def _sweep_delays(fire: datetime) -> tuple[timedelta, ...]:
    """The sweep a minute after every firing; near a clock change also an hour after (the repeated hour)."""
    near_change = any(abs((fire.date() - change).days) <= 1 for change in (SPRING_CHANGE, AUTUMN_CHANGE))
    return (timedelta(minutes=1), timedelta(minutes=61)) if near_change else (timedelta(minutes=1),)


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(UTC)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # timing does not depend on the backend
def test_a_year_of_weekly_and_daily_digests_posts_at_exact_local_times(digest_herald, slack, clock):
    created = YEAR_START
    weekly = subscribe(digest_herald, destination="CWEEKLY", created=created)
    daily = subscribe(digest_herald, "daily", destination="CDAILY", created=created, holiday_policy="skip")
    posted = _drive(digest_herald, clock, slack, [weekly, daily], YEAR_START, YEAR_END)

    mondays = [date(2026, 1, 5) + timedelta(weeks=n) for n in range(52)]
    assert [t for ch, t in posted if ch == "CWEEKLY"] == [_local(d, 8) for d in mondays]
    weekdays = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    bank_holidays = {date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25),
                     date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28)}
    expected_daily = [_local(d, 9) for d in weekdays if d.weekday() < 5 and d not in bank_holidays]
    assert [t for ch, t in posted if ch == "CDAILY"] == expected_daily
    # Around the changes: GMT 08:00Z before, BST 07:00Z after the spring change, and back in autumn.
    weekly_times = {t.date(): t.time().hour for ch, t in posted if ch == "CWEEKLY"}
    assert weekly_times[date(2026, 3, 23)] == 8 and weekly_times[date(2026, 3, 30)] == 7
    assert weekly_times[date(2026, 10, 19)] == 7 and weekly_times[date(2026, 10, 26)] == 8
    assert all(run.status == "sent" and not run.late for run in runs(digest_herald))
    # The Tuesday after Easter Monday covers the whole long weekend.
    tuesday = next(r for r in runs(digest_herald, daily) if r.period_key == "2026-04-07")
    assert "Daily coverage: 2 Apr – 6 Apr 2026" == tuesday.draft["reply"]["title"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_digest_in_the_skipped_and_repeated_hour_goes_exactly_once(digest_herald, slack, clock):
    created = datetime(2026, 3, 20, tzinfo=UTC)
    nightly = subscribe(digest_herald, "daily", destination="CNIGHT", day_of_week="mon-sun", hour=1, minute=30,
                        created=created)
    posted = []
    for change in (SPRING_CHANGE, AUTUMN_CHANGE):
        start = datetime.combine(change - timedelta(days=2), datetime.min.time(), UTC)
        posted += [t for _, t in _drive(digest_herald, clock, slack, [nightly], start, start + timedelta(days=4))]
    by_day = {}
    for t in posted:
        by_day.setdefault(t.astimezone(LONDON).date(), []).append(t)
    assert all(len(times) == 1 for times in by_day.values()), [(d, t) for d, t in by_day.items() if len(t) > 1]
    # 01:30 does not exist on 29 March: sent once, at 02:30 BST (01:30Z) — by the sweep if cron skips it.
    assert by_day[SPRING_CHANGE][0] - datetime(2026, 3, 29, 1, 30, tzinfo=UTC) <= timedelta(minutes=1)
    # 01:30 happens twice on 25 October: sent once, at the first (00:30Z).
    assert by_day[AUTUMN_CHANGE] == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]
    assert len({r.period_key for r in runs(digest_herald, nightly)}) == len(runs(digest_herald, nightly))


@pytest.mark.parametrize("policy, region, sent_on", [
    ("send", "england-and-wales", date(2026, 5, 25)),
    ("next", "england-and-wales", date(2026, 5, 26)),
    ("skip", "england-and-wales", None),
    ("skip", "scotland", None),  # the Spring bank holiday is a holiday in Scotland too
])
def test_weekly_bank_holiday_rule(policy, region, sent_on):
    schedule = Schedule("weekly", (0,), 8, 0, LONDON, region, policy)
    found = occurrences_between(schedule, datetime(2026, 5, 24, tzinfo=UTC), datetime(2026, 5, 31, tzinfo=UTC))
    assert [o.sent_on for o in found] == ([sent_on] if sent_on else [])
    assert all(o.period_key == "2026-W22" for o in found)


def test_scotland_and_northern_ireland_have_their_own_holidays():
    first_monday_august = date(2026, 8, 3)  # Summer bank holiday in Scotland only
    for region, skipped in (("scotland", True), ("england-and-wales", False), ("northern-ireland", False)):
        schedule = Schedule("weekly", (0,), 8, 0, LONDON, region, "skip")
        found = occurrences_between(schedule, _local(first_monday_august, 0), _local(first_monday_august, 23))
        assert (found == []) == skipped
    st_patricks = date(2026, 3, 17)
    daily = Schedule("daily", parse_days("mon-fri"), 9, 0, LONDON, "northern-ireland", "skip")
    assert occurrences_between(daily, _local(st_patricks, 0), _local(st_patricks, 23)) == []


def test_the_clock_job_list_is_data_with_deliberate_misfire_and_coalescing():
    jobs = clock_jobs(ClockOptions(sweep_seconds=60))
    assert [job.id for job in jobs] == ["digests:sweep", "feeds:poll", "notices:send", "spotlight:check",
                                        "parliament:poll"]
    from digests.clock import MISFIRE_GRACE_SECONDS
    assert MISFIRE_GRACE_SECONDS == 3600
