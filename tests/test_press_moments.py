"""Moments as press officers type them, read in London time (GMT and BST) and stored in UTC."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from models.moments import MomentError, parse_moment

LONDON = ZoneInfo("Europe/London")
MONDAY_GMT = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # Mon 23 Nov 2026 09:00 GMT
MONDAY_BST = datetime(2026, 6, 15, 8, 0, tzinfo=timezone.utc)  # Mon 15 Jun 2026 09:00 BST


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, direction, expected, has_time", [
    ("today", "past", MONDAY_GMT, False),
    ("now", "past", MONDAY_GMT, True),
    ("tomorrow 10am", "past", utc(2026, 11, 24, 10, 0), True),
    ("Tue 00:01", "future", utc(2026, 11, 24, 0, 1), True),
    ("Tue 00:01", "past", utc(2026, 11, 17, 0, 1), True),
    ("next Friday", "past", utc(2026, 11, 27, 9, 0), False),
    ("17/02/2011", "past", utc(2011, 2, 17, 9, 0), False),
    ("17.02.11", "past", utc(2011, 2, 17, 9, 0), False),
    ("17.02.11 14:30", "past", utc(2011, 2, 17, 14, 30), True),
    ("1 June 2023 at 9.30am", "past", utc(2023, 6, 1, 8, 30), True),  # BST in June
    ("Mon 08:00", "future", utc(2026, 11, 30, 8, 0), True),  # 08:00 today has passed: next Monday
    ("noon", "past", utc(2026, 11, 23, 12, 0), True),
])
def test_moments_people_type(text, direction, expected, has_time):
    moment = parse_moment(text, MONDAY_GMT, LONDON, direction=direction)
    assert (moment.at, moment.has_time) == (expected, has_time)


def test_embargo_at_one_minute_past_midnight_is_the_evening_before_in_utc_during_bst():
    moment = parse_moment("Tue 00:01", MONDAY_BST, LONDON, direction="future")
    assert moment.at == utc(2026, 6, 15, 23, 1)


@pytest.mark.parametrize("text, message", [
    ("31/02/2024", '"31/02/2024" is not a date I can read (try 17/02/2011, "tomorrow 10am" or "Tue 00:01")'),
    ("someday", '"someday" is not a date I can read (try 17/02/2011, "tomorrow 10am" or "Tue 00:01")'),
    ("Tue 25:00", '"Tue 25:00" has a time I can\'t read: use 10am or 10:00'),
    ("Tue 13pm", '"Tue 13pm" has a time I can\'t read: use 10am or 10:00'),
])
def test_impossible_moments_say_what_to_type(text, message):
    with pytest.raises(MomentError) as caught:
        parse_moment(text, MONDAY_GMT, LONDON)
    assert str(caught.value) == message
