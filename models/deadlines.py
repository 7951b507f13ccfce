"""A moment ahead as a press officer types it (an enquiry's deadline, a follow-up date), read in local
time, returned in UTC.

"4pm", "by 16:00", "tomorrow 10:00", "4pm tomorrow", "Friday", "Fri 2pm", "5/12 noon",
"end of day" (17:00), "in 2 hours". A day with no time means the end of that working day (17:00) for a
deadline, and the start of it (09:00) for a follow-up. Anything Herald would
have to guess is questioned instead (`DeadlineQuestion`): a time already passed, vague words
("soon", "next week", "asap"), "next Friday" (this coming one, or the one after?), a bare hour
("4": morning or afternoon?), and numbers that are not a day/month date ("12/13").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser

from models.moments import WEEKDAYS, local_label

END_OF_DAY = time(17, 0)
EXAMPLES = '"4pm", "tomorrow 10:00", "Friday", "Fri 2pm", "5/12 noon" or "end of day"'
_END_OF_DAY_WORDS = ("end of day", "end of the day", "eod", "cob", "close of business", "end of play", "eop")
_VAGUE = ("soon", "asap", "urgent", "urgently", "later", "next week", "this week", "end of week", "eow",
          "whenever", "tonight", "this evening", "this morning", "this afternoon", "midnight", "morning",
          "afternoon", "evening", "weekend", "this weekend")
_LEAD = re.compile(r"^(?:by|before|at|for|due|on)\s+")
_NEXT_WEEKDAY = re.compile(r"^next\s+([a-z]+)\b")
_RELATIVE = re.compile(r"^in\s+(?P<n>\d{1,3})\s*(?P<unit>h|hr|hrs|hour|hours|m|min|mins|minute|minutes)$")
_TIME = re.compile(r"(?:^|\s)(?:at\s+)?(?:(?P<h24>\d{1,2})[:.](?P<m24>\d{2})\s*(?P<ap24>am|pm)?"
                   r"|(?P<h12>\d{1,2})\s*(?P<ap12>am|pm)|(?P<word>noon|midday))$")
_TIME_FIRST = re.compile(r"^(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|\d{1,2}[:.]\d{2}|noon|midday)\s+(?:on\s+)?"
                         r"(?P<day>[a-z].*|\d{1,2}[/.-]\d{1,2}.*)$")
_NUMERIC_DATE = re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{2}|\d{4}))?$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}"
_NAMED_DATE = re.compile(rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                         r"(?:\s+\d{4})?$")


class DeadlineQuestion(ValueError):
    """Herald will not guess this deadline; the message asks the person to say it exactly."""


@dataclass(frozen=True)
class Deadline:
    """A deadline: the UTC instant, and how it was read ("Fri 11 Dec 2026 17:00 (end of day)")."""

    at: datetime
    label: str


def parse_deadline(text: str, now: datetime, tz: ZoneInfo, default_time: time = END_OF_DAY,
                   what: str = "deadline") -> Deadline:
    """Read `text` as a moment after `now` (local `tz`); raise `DeadlineQuestion` rather than guess.

    A day without a time is taken at `default_time`; `what` names the moment in questions ("follow-up").
    """
    raw = " ".join(text.strip().lower().replace(",", " ").split())
    raw = _LEAD.sub("", raw)
    if not raw:
        raise DeadlineQuestion(f"When is the {what}? Say it as {EXAMPLES}.")
    if relative := _RELATIVE.match(raw):
        minutes = int(relative.group("n")) * (60 if relative.group("unit").startswith("h") else 1)
        if minutes == 0:
            raise DeadlineQuestion(f'"{text.strip()[:40]}" is now. When is the {what}?')
        at = now.astimezone(timezone.utc) + timedelta(minutes=minutes)
        return Deadline(at, local_label(at, tz))
    if (named := _NEXT_WEEKDAY.match(raw)) and named.group(1) in WEEKDAYS:
        local_today = now.astimezone(tz).date()
        coming = local_today + timedelta(days=(WEEKDAYS[named.group(1)] - local_today.weekday()) % 7 or 7)
        raise DeadlineQuestion(f'"{text.strip()[:40]}" could mean {coming:%a %-d %b} or '
                               f'{coming + timedelta(days=7):%a %-d %b}: give the date, e.g. "{coming:%-d/%-m}".')
    if raw in _VAGUE or any(raw.startswith(word + " ") for word in ("next", "soon")):
        raise DeadlineQuestion(f'"{text.strip()[:40]}" could mean more than one time, and Herald does not guess '
                               f"a {what}. Say exactly when, e.g. {EXAMPLES}.")
    end_of_day = False
    for words in _END_OF_DAY_WORDS:
        if raw == words or raw.endswith(" " + words):
            raw, end_of_day = (raw[: -len(words)].strip() + " 17:00").strip(), True
            break
    if (first := _TIME_FIRST.match(raw)) and not _TIME.search(raw):  # "4pm tomorrow", "noon on Friday"
        raw = f"{first.group('day')} {first.group('time')}"
    day_text, clock = _split_time(raw, text)
    local_now = now.astimezone(tz)
    day = _day(day_text, local_now.date(), text, what)
    at = datetime.combine(day, clock or default_time, tzinfo=tz).astimezone(timezone.utc)
    label = local_label(at, tz) + (" (end of day)" if end_of_day or (clock is None and default_time == END_OF_DAY)
                                   else "")
    if at <= now:
        raise DeadlineQuestion(f'"{text.strip()[:40]}" reads as {label}, which has already passed. '
                               f'When is the {what}? e.g. "tomorrow {_spoken(clock or default_time)}".')
    return Deadline(at, label)


def _split_time(raw: str, original: str) -> tuple[str, time | None]:
    """("tomorrow", 10:00) from "tomorrow 10:00"; the time must be the last thing in the text."""
    match = _TIME.search(raw)
    if not match:
        if re.search(r"(?:^|\s)\d{1,2}$", raw) and not _NAMED_DATE.match(raw):
            raise DeadlineQuestion(f'"{original.strip()[:40]}": is that morning or afternoon? '
                                   'Say "4pm" or "16:00".')
        return raw, None
    if match.group("word"):
        clock = time(12, 0)
    else:
        hour = int(match.group("h24") or match.group("h12"))
        minute = int(match.group("m24") or 0)
        ampm = match.group("ap24") or match.group("ap12")
        if ampm:
            if not 1 <= hour <= 12:
                raise DeadlineQuestion(f'"{original.strip()[:40]}" has a time I can\'t read: say 4pm or 16:00.')
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        elif match.group("m24") is None or hour > 23 or minute > 59:
            raise DeadlineQuestion(f'"{original.strip()[:40]}" has a time I can\'t read: say 4pm or 16:00.')
        if hour > 23 or minute > 59:
            raise DeadlineQuestion(f'"{original.strip()[:40]}" has a time I can\'t read: say 4pm or 16:00.')
        clock = time(hour, minute)
    return raw[:match.start()].strip(), clock


def _day(text: str, today: date, original: str, what: str = "deadline") -> date:
    """The day a moment falls on: today, tomorrow, the coming weekday, or a day/month date."""
    if text in ("", "today"):
        return today
    if text in ("tomorrow", "tmrw", "tmr"):
        return today + timedelta(days=1)
    weekday = text.removeprefix("this ").strip()
    if weekday in WEEKDAYS:
        return today + timedelta(days=(WEEKDAYS[weekday] - today.weekday()) % 7)
    if numeric := _NUMERIC_DATE.match(text):
        return _numeric_day(numeric, today, original)
    if _NAMED_DATE.match(text):
        try:
            return date_parser.parse(text, dayfirst=True, default=datetime(today.year, 1, 1)).date()
        except (ValueError, OverflowError):
            pass
    raise DeadlineQuestion(f'"{original.strip()[:40]}" is not a {what} I can read without guessing. '
                           f"Say it as {EXAMPLES}.")


def _numeric_day(match: re.Match, today: date, original: str) -> date:
    """A day/month(/year) date, British order only: "12/13" is questioned, never read as 13 December."""
    year = int(match.group("y")) if match.group("y") else today.year
    year += 2000 if year < 100 else 0
    try:
        return date(year, int(match.group("m")), int(match.group("d")))
    except ValueError:
        raise DeadlineQuestion(f'"{original.strip()[:40]}" is not a day/month date (Herald reads 5/12 as '
                               "5 December). Which day do you mean?") from None


def _spoken(clock: time) -> str:
    """10:00 → "10:00", 16:30 → "16:30": how the example in a question writes the time."""
    return clock.strftime("%H:%M")
