"""Enquiry figures for a period: handled, share answered by the deadline, median response time, breakdowns.

The definitions (the README repeats them):
- *handled*: enquiries received (logged) in the period;
- *answered by deadline*: closed (answered, statement, declined or referred: the journalist had an
  answer) at or before the deadline; its *share* is of the enquiries whose deadline has passed or
  that are closed (one still open and not yet due is not counted either way);
- *median response time*: from logging to closing, over the closed ones.
Embargoed enquiries are left out until their embargo lifts (these figures reach channels and digests).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.council import Council
from models.enquiry import OUTCOMES, enquiries_received
from models.press import PUBLIC


@dataclass(frozen=True)
class EnquiryStats:
    """The figures for one period (see the module docstring for what each counts)."""

    handled: int
    closed: int
    still_open: int
    due: int
    answered_by_deadline: int
    median_response: timedelta | None
    by_outcome: tuple[tuple[str, int], ...]
    by_outlet: tuple[tuple[str, int], ...]
    by_topic: tuple[tuple[str, int], ...]
    by_council: tuple[tuple[str, int], ...]

    @property
    def share_by_deadline(self) -> float | None:
        """Answered by the deadline, as a share of those due (None when none was due)."""
        return self.answered_by_deadline / self.due if self.due else None


def enquiry_stats(session: Session, start: datetime, end: datetime, now: datetime) -> EnquiryStats:
    """The figures for enquiries received in [start, end), as the public (channels, digests) may see them."""
    enquiries = enquiries_received(session, PUBLIC, now, start, end)
    closed = [e for e in enquiries if not e.is_open]
    due = [e for e in enquiries if not e.is_open or e.deadline <= now]
    on_time = [e for e in closed if e.closed_at is not None and e.closed_at <= e.deadline]
    responses = [e.closed_at - e.created_at for e in closed if e.closed_at is not None]
    names = _council_names(session, {code for e in enquiries for code in e.council_codes})
    return EnquiryStats(
        handled=len(enquiries), closed=len(closed), still_open=len(enquiries) - len(closed), due=len(due),
        answered_by_deadline=len(on_time), median_response=median(responses) if responses else None,
        by_outcome=tuple((o, n) for o in OUTCOMES if (n := sum(e.status == o for e in closed))),
        by_outlet=_ranked(e.outlet_name or "(no outlet)" for e in enquiries),
        by_topic=_ranked(_topic_key(e.topic) for e in enquiries),
        by_council=_ranked(names.get(code, code) for e in enquiries for code in e.council_codes))


def _ranked(values) -> tuple[tuple[str, int], ...]:
    """Counts, most first, then by name: [("LGC", 3), ("The MJ", 1)]."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for value in values:
        key = value.casefold()
        counts[key] += 1
        shown.setdefault(key, value)
    return tuple((shown[key], n) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _topic_key(topic: str) -> str:
    """A topic as grouped: spaces tidied, trailing full stop dropped (case is ignored when counting)."""
    return " ".join(topic.split()).rstrip(".")


def _council_names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    return dict(session.execute(select(Council.code, Council.nice_name).where(Council.code.in_(codes))).all())


def duration_words(delta: timedelta) -> str:
    """"45 min", "3 h 20 min", "2 days 4 h": a response time as people say it."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {mins} min" if mins else "")
    return f"{mins} min"


def share_words(stats: EnquiryStats) -> str:
    """"80% (4 of 5 due)", or "none due yet"."""
    share = stats.share_by_deadline
    if share is None:
        return "none due yet"
    return f"{round(share * 100)}% ({stats.answered_by_deadline} of {stats.due} due)"
