"""Lines to take in the weekly round-up and the quarterly board update (one call from each)."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from handlers.reply import Fact, Item, Section
from models.lines_stats import LineFigures, line_figures
from models.press import PUBLIC


def figures_for(session: Session, window, now: datetime) -> LineFigures:
    """The window's figures as a channel may see them (lines tied to an embargoed release left out)."""
    return line_figures(session, window.start, window.end, window.last_exclusive - timedelta(days=1), PUBLIC, now)


def lines_section(session: Session, window, now: datetime) -> Section:
    """The round-up's "Lines to take": approved, used, due for review, and the most used."""
    figures = figures_for(session, window, now)
    period = window.command_period()
    facts = (Fact("Approved", str(figures.approved), f"/lines stats {period}"),
             Fact("Used", str(figures.used), f"/lines stats {period}"),
             Fact("Due for review", str(figures.due_for_review), f"/lines stats {period}"))
    items = tuple(Item(title=f"#{u.line_id} {u.topic}", meta=(f"used {u.uses}×",)) for u in figures.most_used)
    return Section(heading="Lines to take", facts=facts, items=items,
                   text=None if items else "No line was used in this period.")


def lines_board_figures(session: Session, window, now: datetime) -> tuple[str, ...]:
    """The board update's sentences on lines to take for the quarter (under Media relations, seed 004's outline)."""
    figures = figures_for(session, window, now)
    sentences = [f"Lines to take: {figures.approved} approved and {figures.used} use(s) recorded; "
                 f"{figures.current} current, {figures.due_for_review} due for review."]
    sentences += [f"Most used line: {u.topic} ({u.uses} use(s))." for u in figures.most_used[:1]]
    return tuple(sentences)
