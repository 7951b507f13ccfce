"""Periods as officers type them (issue 21): FY quarters with two-digit years, a single UK date, weekdays."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from models.periods import PeriodError, parse_day, parse_period

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, label, first, after", [
    ("Q1 23/24", "Q1 2023/24", date(2023, 4, 1), date(2023, 7, 1)),
    ("q3 24/25", "Q3 2024/25", date(2024, 10, 1), date(2025, 1, 1)),
    ("23/24", "2023/24", date(2023, 4, 1), date(2024, 4, 1)),
    ("3/4/24", "Wed 3 Apr 2024", date(2024, 4, 3), date(2024, 4, 4)),  # day first, as in the UK
    ("1 June 2023", "Thu 1 Jun 2023", date(2023, 6, 1), date(2023, 6, 2)),
    ("since monday", "since 23 Nov 2026", date(2026, 11, 23), date(2026, 11, 26)),
    ("since Wed", "since 25 Nov 2026", date(2026, 11, 25), date(2026, 11, 26)),
    ("1 June 2023 to 30 June 2023", "1 Jun 2023 to 30 Jun 2023", date(2023, 6, 1), date(2023, 7, 1)),
])
def test_typed_periods(text, label, first, after):
    period = parse_period(text, WEDNESDAY, LONDON)
    assert period.label == label
    assert (period.local_start.date(), period.local_end.date()) == (first, after)


@pytest.mark.parametrize("text", ["31 feb", "23/25", "1 smarch 2023", "since someday"])
def test_what_is_not_a_period_says_so(text):
    with pytest.raises(PeriodError):
        parse_period(text, WEDNESDAY, LONDON)


def test_a_weekday_is_the_latest_one_today_included():
    assert parse_day("monday", date(2026, 11, 25)) == date(2026, 11, 23)
    assert parse_day("wednesday", date(2026, 11, 25)) == date(2026, 11, 25)
    assert parse_day("thurs", date(2026, 11, 25)) == date(2026, 11, 19)
