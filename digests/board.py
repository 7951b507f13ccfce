"""The quarterly board update in the shape of seed 004, as a Reply, a Word document and Markdown.

Herald fills in the quarter's figures from what was logged; everything only a person can write
(judgement, context, recommendations) is left as a clearly marked `[To write: …]` placeholder.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta

from docx import Document
from docx.shared import Inches
from sqlalchemy.orm import Session

from digests import data
from digests.charts import coverage_by_day_chart
from digests.compose import Window
from digests.enquiry_sections import enquiry_board_figures
from digests.support_digest import support_board_figures
from digests.parliament_sections import public_affairs_figures
from digests.schedule import due_instant
from digests.lines_figures import lines_board_figures
from handlers.reply import Attachment, Chart, Item, Reply, Section
from models.periods import Period

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OFFER_WORDS = ("sector support",)
PLACEHOLDER = "[To write: {}]"


@dataclass(frozen=True)
class BoardSection:
    """One heading of the paper: figures Herald knows and prose a person must write."""

    heading: str
    figures: tuple[str, ...] = ()
    to_write: str | None = None
    level: int = 1


@dataclass(frozen=True)
class BoardUpdate:
    """The whole paper: title, quarter, sections in seed 004's order, and the coverage chart."""

    title: str
    quarter: str
    sections: tuple[BoardSection, ...]
    chart: Chart | None


def _month_windows(window: Window) -> list[tuple]:
    """Three monthly buckets for the quarter chart (days would be 91 bars)."""
    out, first = [], window.first
    while first < window.last_exclusive:
        nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        out.append((first, due_instant(first, 0, 0, window.tz), due_instant(nxt, 0, 0, window.tz)))
        first = nxt
    return out


def _media_figures(session: Session, window: Window, now: datetime) -> tuple[str, ...]:
    tones = data.tone_counts(session, window.start, window.end)
    press = data.press_counts(session, window.start, window.end, now)
    lines = [f"Coverage items: {tones.total} ({tones.positive} positive, {tones.neutral} neutral, "
             f"{tones.negative} negative)."]
    outlets = data.counts_by_outlet(session, window.start, window.end, limit=6)
    if outlets:
        lines.append("By outlet: " + ", ".join(f"{o.outlet} {o.tones.total}" for o in outlets) + ".")
    if press:
        lines.append("Press activity: " + ", ".join(f"{n} {kind}" for kind, n in press.items()) + ".")
    for p in data.press_lines(session, window.start, window.end, now, limit=12):
        who = f" ({p.spokesperson})" if p.spokesperson else ""
        where = f", {p.outlet}" if p.outlet else ""
        lines.append(f"{p.occurred_at.astimezone(window.tz):%-d %B}: {p.kind}{where} — {p.title}{who}.")
    return tuple(lines)


def _metric_lines(metrics: list[data.MetricLine]) -> list[str]:
    return [f"{m.campaign}: {m.name.replace('_', ' ')} {m.value:,.0f} (at {m.measured_on:%-d %B %Y})."
            for m in metrics]


def _campaign_figures(session: Session, window: Window, offer: bool) -> tuple[str, ...]:
    done = [a for a in data.activities(session, window.first, window.last_exclusive, "done", limit=40)
            if _is_offer(a.campaign) == offer and a.channel != "events"]
    metrics = [m for m in data.metrics_moved(session, window.first, window.last_exclusive, limit=40)
               if _is_offer(m.campaign) == offer]
    lines = [f"{a.due_on:%-d %B}: {a.title} ({a.campaign})." for a in done]
    return tuple(lines + _metric_lines(metrics))


def _is_offer(campaign: str) -> bool:
    return any(word in campaign.lower() for word in OFFER_WORDS)


def _event_figures(session: Session, window: Window, now: datetime) -> tuple[str, ...]:
    events = [a for a in data.activities(session, window.first, window.last_exclusive, "done", limit=40)
              if a.channel == "events"]
    press = data.press_counts(session, window.start, window.end, now).get("event", 0)
    lines = [f"{a.due_on:%-d %B}: {a.title} ({a.campaign})." for a in events]
    if press:
        lines.append(f"Press activity at events: {press}.")
    return tuple(lines)


def _peer_figures(session: Session, window: Window) -> tuple[str, ...]:
    return tuple(f"{s.occurred_on:%-d %B %Y}: {s.council} — {s.stage}."
                 for s in data.stages_reached(session, window.first, window.last_exclusive))


def build_board_update(session: Session, quarter: Period, now: datetime) -> BoardUpdate:
    """Gather the quarter's figures into the seed 004 outline."""
    tz = quarter.tz
    window = Window(quarter.local_start.date(), quarter.local_end.date(), tz)
    q = quarter.label.split()[0]
    months = f"{window.first:%B}–{(window.last_exclusive - timedelta(days=1)):%B %Y}"
    write = PLACEHOLDER.format
    sections = (
        BoardSection("Summary", (f"This paper provides an update on progress across {quarter.label} "
                                 "relating to the promotion of the sector support offer and the impact of its "
                                 "programmes.",), write("one paragraph on the quarter's headline")),
        BoardSection("Recommendations", (), write("what the Board is asked to note or decide")),
        BoardSection("Background", (f"The quarter covered is {months}.",),
                     write("the offer, the Board's earlier steer, and what has changed")),
        BoardSection(f"Update on {q} activity", (), None),
        BoardSection("Launch of sector support offer", _campaign_figures(session, window, offer=True),
                     write("engagement and what it tells us"), level=2),
        BoardSection("Media relations", _media_figures(session, window, now)
                     + enquiry_board_figures(session, window, now) + lines_board_figures(session, window, now),
                     write("the stories behind the figures and spokespeople's role"), level=2),
        BoardSection("Campaigns", _campaign_figures(session, window, offer=False),
                     write("campaign progress and next phase"), level=2),
        BoardSection("New ways of sharing good practice", _peer_figures(session, window),
                     write("pilots and case studies"), level=2),
        BoardSection("Events", _event_figures(session, window, now), write("events held and planned"), level=2),
        BoardSection("Public affairs", public_affairs_figures(session, window.start, window.end, now, tz),
                     write("parliamentary and ministerial engagement"), level=2),
        BoardSection("Communications support and improvement", support_board_figures(session, window),
                     write("the support given to councils in the media spotlight, and what it achieved")),
        BoardSection("Implications for Wales", (), write("implications for Wales")),
        BoardSection("Financial Implications", (), write("financial implications")),
        BoardSection("Equalities implications", (), write("equalities implications")),
        BoardSection("Next steps", (f"A further update will be provided after {_next_quarter(quarter.label)}.",),
                     None),
    )
    by_month = data.counts_by_day(session, _month_windows(window))
    chart = coverage_by_day_chart(by_month, f"Coverage by month, {quarter.label}", "%B") if by_month else None
    return BoardUpdate(title=f"Cross-improvement Communications Strategy: {q} update",
                       quarter=quarter.label, sections=sections, chart=chart)


def _next_quarter(label: str) -> str:
    number = int(label[1])
    return f"Q{number % 4 + 1}"


def board_reply(update: BoardUpdate, docx_bytes: bytes | None = None) -> Reply:
    """The update as a chat reply, with the Word document attached when given."""
    sections = tuple(Section(heading=s.heading, items=tuple(Item(title=f) for f in s.figures),
                             text=s.to_write) for s in update.sections)
    attachments = ()
    if docx_bytes is not None:
        name = f"board-update-{update.quarter.replace(' ', '-').replace('/', '-')}.docx"
        attachments = (Attachment(filename=name, content=docx_bytes, mimetype=DOCX_MIME),)
    return Reply(title=update.title, sections=sections, chart=update.chart, attachments=attachments,
                 context=("Figures from Herald; write the marked paragraphs before the paper goes.",))


def board_docx(update: BoardUpdate) -> bytes:
    """The update as a Word document (headings styled, chart embedded)."""
    document = Document()
    document.add_heading(update.title, level=0)
    for section in update.sections:
        document.add_heading(section.heading, level=section.level)
        for figure in section.figures:
            document.add_paragraph(figure, style="List Number")
        if section.to_write:
            document.add_paragraph().add_run(section.to_write).italic = True
        if section.heading == "Media relations" and update.chart:
            document.add_picture(io.BytesIO(update.chart.png), width=Inches(6))
            document.add_paragraph(update.chart.alt_text, style="Caption")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def board_markdown(update: BoardUpdate) -> str:
    """The update as Markdown, for pasting into a paper template."""
    lines = [f"# {update.title}", ""]
    for section in update.sections:
        lines.append(f"{'#' * (section.level + 1)} {section.heading}")
        lines.append("")
        lines.extend(f"- {figure}" for figure in section.figures)
        if section.to_write:
            lines.append(f"_{section.to_write}_")
        lines.append("")
    return "\n".join(lines)

