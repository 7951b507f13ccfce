"""Figures on lines to take for a period: approved, used, due for review, and the most used lines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.lines import Line, LineUse, LineVersion, visible_to
from models.press import Viewer


@dataclass(frozen=True)
class UsedLine:
    """A line and how often it was used in the period."""

    line_id: int
    topic: str
    uses: int


@dataclass(frozen=True)
class LineFigures:
    """The period's figures. `due_for_review`: lines in use whose review date falls before the period's end."""

    approved: int  # versions approved in the period
    used: int  # uses recorded in the period
    due_for_review: int
    current: int  # lines with an approved version now
    most_used: tuple[UsedLine, ...]


def line_figures(session: Session, start: datetime, end: datetime, last_day: date, viewer: Viewer,
                 now: datetime, top: int = 5) -> LineFigures:
    """Counts over [start, end); the most used lines that `viewer` may see (pass PUBLIC for digests)."""
    approved = session.scalar(select(func.count()).select_from(LineVersion).where(
        LineVersion.approved_at >= start, LineVersion.approved_at < end)) or 0
    used = session.scalar(select(func.count()).select_from(LineUse).where(
        LineUse.used_at >= start, LineUse.used_at < end)) or 0
    in_use = select(func.count()).select_from(LineVersion).where(LineVersion.status == "approved")
    current = session.scalar(in_use) or 0
    due = session.scalar(in_use.where(LineVersion.review_by <= last_day)) or 0
    count = func.count(LineUse.id)
    rows = session.execute(
        select(Line.id, Line.topic, count).join(LineUse, LineUse.line_id == Line.id)
        .where(LineUse.used_at >= start, LineUse.used_at < end, visible_to(viewer, now))
        .group_by(Line.id, Line.topic).order_by(count.desc(), Line.id).limit(top))
    return LineFigures(approved=approved, used=used, due_for_review=due, current=current,
                       most_used=tuple(UsedLine(i, t, n) for i, t, n in rows))
