"""Periods in Europe/London: weeks from Monday, financial quarters, and the BST/GMT changes."""
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from models.periods import PeriodError, parse_day, parse_period

LONDON = ZoneInfo("Europe/London")
UTC = timezone.utc


def at(*args):
    return datetime(*args, tzinfo=UTC)


def test_this_week_starts_monday_local_midnight_in_bst():
    # Wednesday 7 June 2023, 10:00 BST; the week starts Monday 5 June 00:00 BST = Sunday 23:00 UTC.
    period = parse_period("this week", at(2023, 6, 7, 9), LONDON)
    assert period.start == at(2023, 6, 4, 23) and period.end == at(2023, 6, 11, 23)
    assert period.previous().start == at(2023, 5, 28, 23)


def test_week_across_the_spring_change_is_167_hours():
    # Last Sunday of March 2026 is 29 March: clocks go forward.
    period = parse_period("this week", at(2026, 3, 27, 12), LONDON)
    assert period.start == at(2026, 3, 23, 0)          # Monday, GMT
    assert period.end == at(2026, 3, 29, 23)           # next Monday 00:00 BST
    assert period.end - period.start == timedelta(hours=167)


def test_week_after_the_autumn_change_starts_at_gmt_midnight():
    # The clocks went back at 01:00 UTC on Sunday 25 Oct 2026, so Monday 26 Oct 00:00 is 00:00 UTC.
    period = parse_period("this week", at(2026, 10, 30, 12), LONDON)
    assert period.start == at(2026, 10, 26, 0) and period.end == at(2026, 11, 2, 0)


def test_autumn_change_week_containing_the_sunday():
    period = parse_period("this week", at(2026, 10, 24, 12), LONDON)  # Saturday, BST
    assert period.start == at(2026, 10, 18, 23)        # Monday 19 Oct 00:00 BST
    assert period.end == at(2026, 10, 26, 0)           # Monday 26 Oct 00:00 GMT
    assert period.end - period.start == timedelta(hours=169)


def test_today_on_the_spring_change_day_is_23_hours():
    period = parse_period("today", at(2026, 3, 29, 12), LONDON)
    assert period.end - period.start == timedelta(hours=23)


@pytest.mark.parametrize("text, start, end", [
    ("Q1 2023/24", date(2023, 4, 1), date(2023, 7, 1)),
    ("q4 2023/2024", date(2024, 1, 1), date(2024, 4, 1)),
    ("2023/24", date(2023, 4, 1), date(2024, 4, 1)),
    ("June 2023", date(2023, 6, 1), date(2023, 7, 1)),
    ("last month", date(2026, 10, 1), date(2026, 11, 1)),
    ("this month", date(2026, 11, 1), date(2026, 12, 1)),
    ("last 30 days", date(2026, 10, 25), date(2026, 11, 24)),
    ("since 1 June 2023", date(2023, 6, 1), date(2026, 11, 24)),
    ("1/6/2023 to 30/6/2023", date(2023, 6, 1), date(2023, 7, 1)),
    ("yesterday", date(2026, 11, 22), date(2026, 11, 23)),
    ("Q1", date(2026, 4, 1), date(2026, 7, 1)),
    ("last week", date(2026, 11, 16), date(2026, 11, 23)),
])
def test_period_forms(text, start, end):
    period = parse_period(text, at(2026, 11, 23, 9), LONDON)
    assert period.local_start.date() == start and period.local_end.date() == end


@pytest.mark.parametrize("text", ["next week", "Q5", "2023/25", "31/2/2023 to 1/3/2023", "since tomorrow", "blah"])
def test_nonsense_periods_are_refused(text):
    with pytest.raises(PeriodError):
        parse_period(text, at(2026, 11, 23, 9), LONDON)


@pytest.mark.parametrize("text, expected", [
    ("17/02/2011", date(2011, 2, 17)), ("17.02.11", date(2011, 2, 17)), ("2023-06-01", date(2023, 6, 1)),
    ("1 June 2023", date(2023, 6, 1)), ("today", date(2026, 11, 23)),
])
def test_days_as_the_seeds_write_them(text, expected):
    assert parse_day(text, date(2026, 11, 23)) == expected


def test_a_running_week_is_compared_with_last_week_to_the_same_local_point():
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)  # Thursday noon
    compared = parse_period("this week", now, LONDON).compared_at(now)
    assert compared.start == datetime(2026, 11, 16, tzinfo=timezone.utc)
    assert compared.end == datetime(2026, 11, 19, 12, tzinfo=timezone.utc)


def test_the_same_point_is_found_on_the_local_clock_across_the_autumn_change():
    now = datetime(2026, 10, 25, 12, tzinfo=timezone.utc)  # Sunday noon GMT, the clocks went back at 01:00 UTC
    compared = parse_period("this week", now, LONDON).compared_at(now)
    assert compared.start == datetime(2026, 10, 11, 23, tzinfo=timezone.utc)  # Mon 12 Oct 00:00 BST
    assert compared.end == datetime(2026, 10, 18, 11, tzinfo=timezone.utc)  # Sun 18 Oct 12:00 BST, not 13:00


def test_a_running_month_is_cut_on_the_same_day_and_a_finished_period_is_not_cut():
    now = datetime(2026, 3, 31, 18, tzinfo=timezone.utc)  # 31 March; February has no 31st
    month = parse_period("this month", now, LONDON).compared_at(now)
    assert (month.start, month.end) == (datetime(2026, 2, 1, tzinfo=timezone.utc), datetime(2026, 3, 1, tzinfo=timezone.utc))
    last_week = parse_period("last week", now, LONDON)
    assert last_week.compared_at(now) == last_week.previous()
