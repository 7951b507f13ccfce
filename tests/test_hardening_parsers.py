"""Property tests of the shared parsers: any text is read or refused with a reason, never a crash."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.args import QUOTES, parse_args
from handlers.errors import UsageError
from models.periods import Period, PeriodError, parse_period

LONDON = ZoneInfo("Europe/London")
OPTION_KEYS = frozenset({"outlet", "council", "tag", "review", "spokesperson"})
# Text built from the characters the grammar cares about, plus anything else Unicode has.
GRAMMAR_CHARS = st.sampled_from([*QUOTES, ":", " ", "\t", "\n", "\x00", "a", "Z", "1", "-", "/", "'",
                                 "outlet", "council", "tag", "é", "\u200b", "\u2028"])
COMMAND_TEXT = st.one_of(st.text(max_size=80), st.lists(GRAMMAR_CHARS, max_size=30).map("".join))
NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2045, 12, 31),
                    timezones=st.just(timezone.utc))
PERIOD_WORDS = st.sampled_from(["today", "yesterday", "this week", "last week", "this month", "last month",
                                "this quarter", "last quarter", "this year", "last year", "since", "to", "-",
                                "q1", "q4", "2023/24", "1999/00", "fy", "last", "9999", "days", "june", "sept",
                                "31/02/2023", "2023-13-01", "0", "–", "until", "tomorrow", "now"])
PERIOD_TEXT = st.one_of(st.text(max_size=40), st.lists(PERIOD_WORDS, max_size=5).map(" ".join))
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789-_.,!?&", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=COMMAND_TEXT)
def test_parse_args_reads_any_text_or_says_why(text):
    try:
        args = parse_args(text, OPTION_KEYS)
    except UsageError as exc:
        assert str(exc)
        return
    assert set(args.options) <= OPTION_KEYS
    assert all(0 <= index < len(args.words) for index in args.quoted)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(WORD, max_size=8))
def test_plain_words_come_back_as_typed(words):
    assert parse_args(" ".join(words)).words == words


@settings(max_examples=150, deadline=None)
@given(key=st.sampled_from(sorted(OPTION_KEYS)), value=WORD, phrase=st.lists(WORD, min_size=1, max_size=3))
def test_options_plain_and_quoted(key, value, phrase):
    assert parse_args(f"x {key.upper()}:{value} y", OPTION_KEYS).options == {key: value}
    quoted = parse_args(f'{key}:"{" ".join(phrase)}"', OPTION_KEYS)
    assert quoted.options == {key: " ".join(phrase)} and quoted.words == []


@settings(max_examples=300, deadline=None)
@given(text=PERIOD_TEXT, now=NOWS)
def test_parse_period_reads_any_text_or_says_why(text, now):
    try:
        period = parse_period(text, now, LONDON)
    except PeriodError as exc:
        assert str(exc)
        return
    assert isinstance(period, Period)
    assert period.start.tzinfo is not None and period.start < period.end
    before = period.previous()
    assert before.end == period.start and before.start < before.end


@settings(max_examples=200, deadline=None)
@given(now=NOWS)
def test_current_periods_hold_now_in_gmt_and_bst(now):
    for phrase in ("today", "this week", "this month", "this quarter", "this year"):
        period = parse_period(phrase, now, LONDON)
        assert period.contains(now), phrase
        local = period.local_start
        assert (local.hour, local.minute) == (0, 0), phrase
    week = parse_period("this week", now, LONDON)
    assert week.local_start.weekday() == 0
    assert timedelta(days=7) - timedelta(hours=1) <= week.end - week.start <= timedelta(days=7, hours=1)
    assert parse_period("last week", now, LONDON).end == week.start


@pytest.mark.parametrize("text", ["today to 4000", "1/1/1000 to today", "since 1/1/1990", "January 0001",
                                  "0001/02", "0001-06-01 to 0001-07-01", "1899-04-03"])
def test_a_period_too_long_or_in_no_real_year_is_refused_with_a_reason(text):
    """Found by the property test above: "today to 4000" was read, and the period before it ran past year 1."""
    with pytest.raises(PeriodError) as refused:
        parse_period(text, datetime(2026, 12, 6, 12, tzinfo=timezone.utc), LONDON)
    assert "ten years" in str(refused.value) or "years Herald counts" in str(refused.value)
