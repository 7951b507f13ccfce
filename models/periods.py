"""Periods people ask about ("this week", "Q1 2023/24", "last 30 days"), computed in local time.

Weeks start on Monday; quarters are financial-year quarters (Q1 = April–June); a financial year
"2023/24" runs 1 April 2023 to 31 March 2024. Boundaries are local midnights, returned in UTC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTHS["sept"] = 9

PERIOD_EXAMPLES = (
    "today", "yesterday", "this week", "last week", "this month", "last month", "last 30 days",
    "since 1 June 2023", "1/6/2023 to 30/6/2023", "June 2023", "Q1", "Q1 2023/24", "2023/24",
)


FIRST_YEAR, LAST_YEAR = 1900, 2999  # a period's year, and the year before it for comparisons, must be a real one
MAX_DAYS = 3660  # ten years: a longer period is a typo, and its comparison would run back past any coverage


class PeriodError(ValueError):
    """Text that is not a period Herald understands."""


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC, with how people name it and how to step to the one before."""

    start: datetime
    end: datetime
    label: str
    unit: str  # day | week | month | quarter | year | days | range
    tz: ZoneInfo

    def contains(self, when: datetime) -> bool:
        return self.start <= when < self.end

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(self.tz)

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(self.tz)

    def previous(self) -> "Period":
        """The equal period before this one: last week for a week, the month before for a month."""
        start_local = self.local_start
        step = {"month": relativedelta(months=1), "quarter": relativedelta(months=3),
                "year": relativedelta(years=1)}.get(self.unit)
        if step is not None:
            new_start = _midnight(start_local.date() - step, self.tz)
        else:
            days = (self.local_end.date() - start_local.date()).days
            new_start = _midnight(start_local.date() - timedelta(days=days), self.tz)
        return Period(new_start, self.start, f"the {self.unit} before" if step else "the period before",
                      self.unit, self.tz)

    def compared_at(self, now: datetime) -> "Period":
        """The period to set this one against at `now`: the equal period before it, or, while
        this one is still running, that period cut at the same point (last week up to Thursday
        noon, on a Thursday noon), so a half-run week is never measured against a whole one.
        The point is found on the local clock, so it holds across the BST/GMT changes."""
        previous = self.previous()
        if not self.start < now < self.end:
            return previous
        into = relativedelta(now.astimezone(self.tz).replace(tzinfo=None), self.local_start.replace(tzinfo=None))
        point = (previous.local_start.replace(tzinfo=None) + into).replace(tzinfo=self.tz).astimezone(timezone.utc)
        return Period(previous.start, min(point, previous.end), previous.label, previous.unit, self.tz)

    def elapsed(self, now: datetime) -> "Period":
        """This period cut at `now` (for "so far" comparisons)."""
        return Period(self.start, min(self.end, max(now, self.start)), self.label, self.unit, self.tz)


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(timezone.utc)


def _span(first: date, last_exclusive: date, label: str, unit: str, tz: ZoneInfo) -> Period:
    return Period(_midnight(first, tz), _midnight(last_exclusive, tz), label, unit, tz)


def day_period(day: date, tz: ZoneInfo, label: str | None = None) -> Period:
    return _span(day, day + timedelta(days=1), label or day.strftime("%a %-d %b %Y"), "day", tz)


def week_period(day: date, tz: ZoneInfo, label: str | None = None) -> Period:
    """The Monday-to-Sunday week containing `day`."""
    monday = day - timedelta(days=day.weekday())
    return _span(monday, monday + timedelta(days=7), label or f"week of {monday:%-d %b %Y}", "week", tz)


def month_period(year: int, month: int, tz: ZoneInfo, label: str | None = None) -> Period:
    first = date(year, month, 1)
    return _span(first, first + relativedelta(months=1), label or first.strftime("%B %Y"), "month", tz)


def financial_year_of(day: date) -> int:
    """The year a financial year starts in: 1 April 2023 – 31 March 2024 is 2023."""
    return day.year if day.month >= 4 else day.year - 1


def quarter_period(quarter: int, fy_start_year: int, tz: ZoneInfo) -> Period:
    """Financial quarter `quarter` (1–4) of the year starting April `fy_start_year`."""
    if quarter not in (1, 2, 3, 4):
        raise PeriodError("A quarter is Q1 to Q4")
    first = date(fy_start_year, 4, 1) + relativedelta(months=3 * (quarter - 1))
    label = f"Q{quarter} {fy_start_year}/{(fy_start_year + 1) % 100:02d}"
    return _span(first, first + relativedelta(months=3), label, "quarter", tz)


def quarter_of(day: date) -> tuple[int, int]:
    """(quarter, financial-year start) for a date."""
    fy = financial_year_of(day)
    months_in = (day.year - fy) * 12 + day.month - 4
    return months_in // 3 + 1, fy


def financial_year_period(fy_start_year: int, tz: ZoneInfo) -> Period:
    label = f"{fy_start_year}/{(fy_start_year + 1) % 100:02d}"
    return _span(date(fy_start_year, 4, 1), date(fy_start_year + 1, 4, 1), label, "year", tz)


_FY = re.compile(r"^(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})$")  # 2023/24, 23/24, FY2023-2024
_QUARTER = re.compile(r"^q([1-4])(?:\s+(?:of\s+)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4}))?$")
_ONE_DAY = re.compile(r"^(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"  # 3/4/24, 2024-04-03
                      r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?(?:\s+\d{4})?)$")  # 3rd April 2024
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LAST_N = re.compile(r"^(?:last|past|previous)\s+(\d{1,4})\s+(day|days|week|weeks|month|months)$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s*(\d{4})?$")


def parse_period(text: str, now: datetime, tz: ZoneInfo) -> Period:
    """Read a period from text; raise `PeriodError` saying what was not understood."""
    raw = " ".join(text.lower().split())
    today = now.astimezone(tz).date()
    simple = {
        "today": lambda: day_period(today, tz, "today"),
        "yesterday": lambda: day_period(today - timedelta(days=1), tz, "yesterday"),
        "this week": lambda: week_period(today, tz, "this week"),
        "last week": lambda: week_period(today - timedelta(days=7), tz, "last week"),
        "this month": lambda: month_period(today.year, today.month, tz, "this month"),
        "last month": lambda: _last_month(today, tz),
        "this quarter": lambda: quarter_period(*quarter_of(today), tz),
        "last quarter": lambda: quarter_period(*quarter_of(today - relativedelta(months=3)), tz),
        "this year": lambda: financial_year_period(financial_year_of(today), tz),
        "last year": lambda: financial_year_period(financial_year_of(today) - 1, tz),
    }
    simple["this financial year"] = simple["this year"]
    if raw in simple:
        return simple[raw]()
    if m := _LAST_N.match(raw):
        return _last_n(int(m.group(1)), m.group(2), today, tz)
    if m := _QUARTER.match(raw):
        fy = financial_year_of(today) if not m.group(2) else _fy_start(m.group(2), m.group(3))
        return quarter_period(int(m.group(1)), fy, tz)
    if m := _FY.match(raw):
        return financial_year_period(_fy_start(m.group(1), m.group(2)), tz)
    if raw.startswith("since "):
        first = parse_day(raw[6:], today)
        if first > today:
            raise PeriodError(f"{raw[6:]!r} is in the future")
        _at_most_ten_years(first, today)
        return _span(first, today + timedelta(days=1), f"since {first:%-d %b %Y}", "range", tz)
    for joiner in (" to ", " until ", " - ", " – "):
        if joiner in raw:
            left, right = raw.split(joiner, 1)
            first, last = parse_day(left, today), parse_day(right, today)
            if last < first:
                raise PeriodError("The end date is before the start date")
            _at_most_ten_years(first, last)
            return _span(first, last + timedelta(days=1), f"{first:%-d %b %Y} to {last:%-d %b %Y}",
                         "range", tz)
    if _ONE_DAY.match(raw) and (raw[:1].isdigit()):  # 3/4/24 (day first), 1 June 2023
        if (words := raw.split()) and len(words) > 1 and words[1].rstrip(".") not in MONTHS:
            raise PeriodError(f"I don't know the period {text.strip()!r}")
        day = parse_day(raw, today)
        return day_period(day, tz)
    if (m := _MONTH_YEAR.match(raw)) and m.group(1) in MONTHS:
        month = MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else (today.year if month <= today.month else today.year - 1)
        return month_period(_in_reach(year, raw), month, tz)
    raise PeriodError(f"I don't know the period {text.strip()!r}")


def _in_reach(year: int, text: str) -> int:
    """`year`, if a period in it (and the one before it, for comparisons) is one Herald can count."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"{text!r} is outside the years Herald counts ({FIRST_YEAR}–{LAST_YEAR})")
    return year


def _at_most_ten_years(first: date, last: date) -> None:
    if (last - first).days >= MAX_DAYS:
        raise PeriodError("That is more than ten years; try a financial year such as 2023/24")


def _fy_start(first: str, second: str) -> int:
    start = int(first) if len(first) == 4 else 2000 + int(first)  # "23/24" is 2023/24
    _in_reach(start, f"{first}/{second}")
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if end != start + 1:
        raise PeriodError(f"{first}/{second} is not a financial year (try {start}/{(start + 1) % 100:02d})")
    return start


def _last_month(today: date, tz: ZoneInfo) -> Period:
    first = today.replace(day=1) - relativedelta(months=1)
    return month_period(first.year, first.month, tz, "last month")


def _last_n(n: int, unit: str, today: date, tz: ZoneInfo) -> Period:
    if n < 1:
        raise PeriodError("The number of days must be at least 1")
    days = n * {"d": 1, "w": 7, "m": 30}[unit[0]]
    if days > MAX_DAYS:
        raise PeriodError("That is more than ten years; try a financial year such as 2023/24")
    return _span(today - timedelta(days=days - 1), today + timedelta(days=1), f"last {n} {unit}",
                 "days", tz)


def _weekday(text: str) -> int | None:
    """0–6 for a weekday name or its usual short form ("mon", "tues", "thurs"), else None."""
    text = text.removeprefix("last ").strip(".")
    for number, name in enumerate(WEEKDAYS):
        if len(text) >= 3 and name.startswith(text) or text in (name[:4], name[:5]):
            return number
    return None


def parse_day(text: str, today: date) -> date:
    """A date as people type it: 17/02/2011, 17.02.11, 2023-06-01, 1 June 2023, today."""
    text = text.strip().lower()
    if text in ("today", "now"):
        return today
    if text == "yesterday":
        return today - timedelta(days=1)
    if text == "tomorrow":
        return today + timedelta(days=1)
    if (day := _weekday(text)) is not None:  # "since monday": the latest Monday, today if it is one
        return today - timedelta(days=(today.weekday() - day) % 7)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if iso:
            found = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        elif not re.search(r"\d", text):
            raise PeriodError(f"{text!r} is not a date")
        else:
            default = datetime.combine(today, time(0))
            found = dateparser.parse(text.replace(".", "/"), dayfirst=True, default=default).date()
    except (ValueError, OverflowError, dateparser.ParserError):
        raise PeriodError(f"{text!r} is not a date I can read (try 17/02/2011 or 1 June 2023)") from None
    _in_reach(found.year, text)
    return found
