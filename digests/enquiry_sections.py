"""Media enquiry figures in the weekly round-up and in the quarterly board update (seed 004's
"Media relations"), from `models.enquiry_stats` (embargoed enquiries left out)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from handlers.reply import Fact, Section
from models.enquiry_stats import EnquiryStats, duration_words, enquiry_stats, share_words

TOP = 4


def enquiries_section(session: Session, window, now: datetime) -> Section:
    """The week's media enquiries: handled, answered by deadline, median response, top outlets."""
    stats = enquiry_stats(session, window.start, window.end, now)
    if not stats.handled:
        return Section(heading="Media enquiries", text="No media enquiries logged.")
    period = window.command_period()
    facts = (Fact("Handled", str(stats.handled), f"/enquiry stats {period}"),
             Fact("Answered by deadline", share_words(stats), f"/enquiry stats {period}"),
             Fact("Median response time", duration_words(stats.median_response) if stats.median_response else "—"),
             Fact("By outlet", _top(stats.by_outlet) or "—"))
    return Section(heading="Media enquiries", facts=facts)


def enquiry_board_figures(session: Session, window, now: datetime) -> tuple[str, ...]:
    """The quarter's enquiries as the board paper words them ("We handled 14 media enquiries, …")."""
    stats = enquiry_stats(session, window.start, window.end, now)
    if not stats.handled:
        return ()
    return tuple(line for line in (_headline(stats),
                                   f"Enquiries by outlet: {_top(stats.by_outlet)}." if stats.by_outlet else None,
                                   f"Enquiries by council: {_top(stats.by_council)}." if stats.by_council else None,
                                   f"Enquiries by outcome: {_top(stats.by_outcome)}." if stats.by_outcome else None)
                 if line)


def _headline(stats: EnquiryStats) -> str:
    share = stats.share_by_deadline
    answered = f", {round(share * 100)}% answered by deadline" if share is not None else ""
    median = (f"; median response time {duration_words(stats.median_response)}"
              if stats.median_response else "")
    plural = "enquiry" if stats.handled == 1 else "enquiries"
    return f"We handled {stats.handled} media {plural}{answered}{median}."


def _top(rows: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} {n}" for name, n in rows[:TOP])
