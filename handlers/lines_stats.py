"""`/lines stats [period]` and `/lines export`: the figures on lines to take, and every line as CSV."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers.context import Context
from handlers.csv_export import csv_attachment
from handlers.errors import UsageError
from handlers.lines_grammar import viewer_of
from handlers.lines_views import status_of, today_of
from handlers.reply import Fact, Item, Reply, Section
from models.lines import Line, current_version, visible_to, waiting_draft
from models.lines_stats import line_figures
from models.periods import PeriodError, parse_period

DEFAULT_PERIOD = "this quarter"
EXPORT_COLUMNS = ("id", "topic", "status", "version", "text", "spokesperson", "review_by", "tags", "use",
                  "approved_by", "approved_at")


def stats_reply(rest: str, ctx: Context) -> Reply:
    """Approved, used and due for review in the period, and the most used lines."""
    text = rest.strip() or DEFAULT_PERIOD
    try:
        period = parse_period(text, ctx.now(), ctx.tz)
    except PeriodError as exc:
        raise UsageError(f"{exc}. Try a period such as this quarter, last month or Q1 2026/27.",
                         example="/lines stats this quarter") from None
    last_day = period.local_end.date() - timedelta(days=1)
    figures = line_figures(ctx.session, period.start, period.end, last_day, viewer_of(ctx), ctx.now())
    facts = (Fact("Approved", str(figures.approved)), Fact("Used", str(figures.used)),
             Fact("Due for review", f"{figures.due_for_review} (review date by {last_day:%-d %b %Y})"),
             Fact("Current now", str(figures.current)))
    items = tuple(Item(title=f"#{u.line_id} {u.topic}", meta=(f"used {u.uses}×",)) for u in figures.most_used)
    sections = [Section(facts=facts)]
    sections.append(Section(heading="Most used", items=items) if items else Section(text="No line was used."))
    return Reply(title=f"Lines to take: {period.label}", sections=tuple(sections))


def export_reply(ctx: Context) -> Reply:
    """Every line the asker may see, one row per line (its current version, else its waiting draft)."""
    lines = list(ctx.session.scalars(select(Line).where(visible_to(viewer_of(ctx), ctx.now())).order_by(Line.id)))
    today = today_of(ctx)
    rows = []
    for line in lines:
        version = current_version(line) or waiting_draft(line) or line.versions[-1]
        rows.append([line.id, line.topic, status_of(line, today), version.number, version.text, version.spokesperson,
                     version.review_by.isoformat() if version.review_by else "", line.tags, line.use,
                     version.approved_by_name or version.approved_by,
                     version.approved_at.isoformat() if version.approved_at else ""])
    return Reply(title=f"Lines to take: {len(lines)} exported",
                 attachments=(csv_attachment("lines.csv", EXPORT_COLUMNS, rows),))
