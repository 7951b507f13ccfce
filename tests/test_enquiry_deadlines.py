"""Deadlines as press officers type them (British phrasing, HERALD_TIMEZONE), questioned rather than
guessed; and office hours for the hour-before reminder, across BST/GMT changes and bank holidays."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from models.deadlines import DeadlineQuestion, parse_deadline
from models.office_hours import in_office_hours, is_working_day, last_office_moment, reminder_moment

LONDON = ZoneInfo("Europe/London")
UTC = timezone.utc
# Thursday 10 December 2026, 09:30 in London (GMT: London = UTC).
THURSDAY_0930 = datetime(2026, 12, 10, 9, 30, tzinfo=UTC)
HOUR = timedelta(hours=1)


def local(text: str, now: datetime = THURSDAY_0930) -> str:
    return parse_deadline(text, now, LONDON).at.astimezone(LONDON).strftime("%a %d %b %Y %H:%M")


@pytest.mark.parametrize("text, expected", [
    ("4pm", "Thu 10 Dec 2026 16:00"),
    ("by 4pm", "Thu 10 Dec 2026 16:00"),
    ("16:00", "Thu 10 Dec 2026 16:00"),
    ("4.30pm", "Thu 10 Dec 2026 16:30"),
    ("tomorrow 10:00", "Fri 11 Dec 2026 10:00"),
    ("tomorrow at 10am", "Fri 11 Dec 2026 10:00"),
    ("Friday", "Fri 11 Dec 2026 17:00"),
    ("Fri 2pm", "Fri 11 Dec 2026 14:00"),
    ("Monday", "Mon 14 Dec 2026 17:00"),
    ("Thursday", "Thu 10 Dec 2026 17:00"),      # today, end of day: still ahead
    ("15/12 noon", "Tue 15 Dec 2026 12:00"),
    ("15/12/2026 9:00", "Tue 15 Dec 2026 09:00"),
    ("end of day", "Thu 10 Dec 2026 17:00"),
    ("EOD", "Thu 10 Dec 2026 17:00"),
    ("tomorrow end of day", "Fri 11 Dec 2026 17:00"),
    ("close of business", "Thu 10 Dec 2026 17:00"),
    ("noon", "Thu 10 Dec 2026 12:00"),
    ("18 December 3pm", "Fri 18 Dec 2026 15:00"),
    ("18 December", "Fri 18 Dec 2026 17:00"),
    ("in 2 hours", "Thu 10 Dec 2026 11:30"),
    ("4pm tomorrow", "Fri 11 Dec 2026 16:00"),
    ("noon on Friday", "Fri 11 Dec 2026 12:00"),
    ("10:30 Monday", "Mon 14 Dec 2026 10:30"),
    ("2pm 15/12", "Tue 15 Dec 2026 14:00"),
])
def test_british_deadlines_are_read_in_local_time(text, expected):
    assert local(text) == expected


def test_5_12_is_5_december_and_questioned_once_it_has_passed():
    early = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert local("5/12 noon", early) == "Sat 05 Dec 2026 12:00"
    with pytest.raises(DeadlineQuestion, match="already passed"):
        parse_deadline("5/12 noon", THURSDAY_0930, LONDON)


@pytest.mark.parametrize("text, why", [
    ("soon", "more than one time"),
    ("next week", "more than one time"),
    ("asap", "more than one time"),
    ("next Friday", "could mean"),
    ("12/13", "not a day/month date"),
    ("4", "morning or afternoon"),
    ("Fri 4", "morning or afternoon"),
    ("9am", "already passed"),          # 09:00 today is before 09:30 now
    ("yesterday 4pm", "can read without guessing"),
    ("25:00", "can't read"),
    ("", "When is the deadline"),
    ("whenever you can", "can read without guessing"),
    ("4 tomorrow", "morning or afternoon"),
    ("tomorrow morning", "can read without guessing"),
])
def test_a_past_or_ambiguous_deadline_is_questioned_not_guessed(text, why):
    with pytest.raises(DeadlineQuestion, match=why):
        parse_deadline(text, THURSDAY_0930, LONDON)


def test_the_clocks_changing_is_respected():
    # Saturday 28 March 2026: GMT; the clocks go forward overnight, so Monday 4pm is 15:00 UTC.
    saturday = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    assert parse_deadline("Monday 4pm", saturday, LONDON).at == datetime(2026, 3, 30, 15, 0, tzinfo=UTC)
    assert parse_deadline("4pm", saturday, LONDON).at == datetime(2026, 3, 28, 16, 0, tzinfo=UTC)
    # Saturday 24 October 2026: BST; back to GMT overnight, so Monday 10:00 is 10:00 UTC, today's is 09:00 UTC.
    autumn = datetime(2026, 10, 24, 7, 0, tzinfo=UTC)
    assert parse_deadline("10:00", autumn, LONDON).at == datetime(2026, 10, 24, 9, 0, tzinfo=UTC)
    assert parse_deadline("Monday 10:00", autumn, LONDON).at == datetime(2026, 10, 26, 10, 0, tzinfo=UTC)


def test_office_hours_know_weekends_and_england_and_wales_bank_holidays():
    assert is_working_day(datetime(2026, 12, 24).date())
    assert not is_working_day(datetime(2026, 12, 25).date())  # Christmas Day
    assert not is_working_day(datetime(2026, 12, 28).date())  # Boxing Day substitute (26th is a Saturday)
    assert not is_working_day(datetime(2027, 5, 3).date())    # early May bank holiday
    assert not is_working_day(datetime(2026, 12, 12).date())  # a Saturday
    assert in_office_hours(datetime(2026, 12, 10, 17, 59, tzinfo=UTC), LONDON)
    assert not in_office_hours(datetime(2026, 12, 10, 7, 59, tzinfo=UTC), LONDON)
    # BST: 07:30 UTC is 08:30 in London, inside office hours.
    assert in_office_hours(datetime(2026, 6, 10, 7, 30, tzinfo=UTC), LONDON)


def test_the_hour_before_reminder_moves_back_into_office_hours_when_the_deadline_allows():
    monday_0830 = datetime(2026, 12, 14, 8, 30, tzinfo=UTC)  # GMT
    # Due Monday 08:30: an hour before is 07:30, before office hours: the Friday before, 18:00.
    assert reminder_moment(monday_0830 - HOUR, THURSDAY_0930, LONDON) == datetime(2026, 12, 11, 18, 0, tzinfo=UTC)
    # Logged on Saturday, Friday 18:00 has passed: the reminder stays at 07:30 Monday.
    saturday = datetime(2026, 12, 12, 10, 0, tzinfo=UTC)
    assert reminder_moment(monday_0830 - HOUR, saturday, LONDON) == datetime(2026, 12, 14, 7, 30, tzinfo=UTC)
    # Due 19:30 on a weekday: an hour before is 18:30, so 18:00 that day.
    assert reminder_moment(datetime(2026, 12, 10, 19, 30, tzinfo=UTC) - HOUR, THURSDAY_0930, LONDON) == \
        datetime(2026, 12, 10, 18, 0, tzinfo=UTC)
    # Due 29 Dec 10:00 (after Christmas, Boxing Day substitute on the 28th): back to Thursday 24 Dec 18:00.
    assert last_office_moment(datetime(2026, 12, 26, 12, 0, tzinfo=UTC), LONDON) == \
        datetime(2026, 12, 24, 18, 0, tzinfo=UTC)
    assert reminder_moment(datetime(2026, 12, 29, 8, 30, tzinfo=UTC) - HOUR, THURSDAY_0930, LONDON) == \
        datetime(2026, 12, 24, 18, 0, tzinfo=UTC)
    # In office hours: exactly an hour before; less than an hour off: straight away.
    assert reminder_moment(datetime(2026, 12, 10, 15, 0, tzinfo=UTC) - HOUR, THURSDAY_0930, LONDON) == \
        datetime(2026, 12, 10, 14, 0, tzinfo=UTC)
    assert reminder_moment(datetime(2026, 12, 10, 10, 0, tzinfo=UTC) - HOUR, THURSDAY_0930, LONDON) == THURSDAY_0930
    # BST: due 09:30 London (08:30 UTC) in June: an hour before is 08:30 London, inside office hours.
    june = datetime(2026, 6, 10, 8, 30, tzinfo=UTC)
    assert reminder_moment(june - HOUR, datetime(2026, 6, 9, 9, 0, tzinfo=UTC), LONDON) == datetime(2026, 6, 10, 7, 30, tzinfo=UTC)


def test_a_grace_period_that_cannot_work_stops_start_up_naming_the_setting():
    from config import ConfigError, Settings
    assert Settings.load({}, environ={}).HERALD_ENQUIRY_GRACE_MINUTES == 15
    with pytest.raises(ConfigError, match="HERALD_ENQUIRY_GRACE_MINUTES"):
        Settings.load({}, environ={"HERALD_ENQUIRY_GRACE_MINUTES": "-5"})
