"""How enquiries read in a reply: list lines, the detail view, the figures and the CSV export."""
from __future__ import annotations

from datetime import datetime

from handlers.context import Context
from handlers.csv_export import csv_attachment, file_name
from handlers.reply import Fact, Item, Reply, Section
from models.enquiry import Enquiry, is_embargoed
from models.enquiry_stats import EnquiryStats, duration_words, share_words
from models.moments import local_label
from models.periods import Period
from models.press import PressActivity

TOP = 5  # lines per breakdown in a reply (the export has everything)


def owner_label(enquiry: Enquiry) -> str:
    """The owner as a person reads them: their name when known, else their id."""
    return enquiry.owner_name or enquiry.owner_id


def due_label(enquiry: Enquiry, now: datetime, ctx: Context) -> str:
    """"due Fri 11 Dec 2026 16:00 (in 2 h)" or "OVERDUE since …" for an open one; the outcome otherwise."""
    when = local_label(enquiry.deadline, ctx.tz)
    if not enquiry.is_open:
        return f"{enquiry.status} {local_label(enquiry.closed_at, ctx.tz)}" if enquiry.closed_at else enquiry.status
    if enquiry.deadline <= now:
        return f"OVERDUE: deadline was {when}"
    return f"due {when} (in {duration_words(enquiry.deadline - now)})"


def enquiry_item(enquiry: Enquiry, ctx: Context, councils: dict[str, str]) -> Item:
    """One enquiry as a list line: deadline, outlet, journalist, councils, owner, embargo."""
    now = ctx.now()
    meta = [due_label(enquiry, now, ctx), enquiry.outlet_name, enquiry.journalist,
            ", ".join(councils.get(c, c) for c in enquiry.council_codes) or None, f"owner {owner_label(enquiry)}"]
    detail = None
    if is_embargoed(enquiry, now):
        detail = (f"Embargoed until {local_label(enquiry.embargo_until, ctx.tz)}: only whoever logged it, its "
                  "owner and admins see it")
    marker = "red" if enquiry.is_open and enquiry.deadline <= now else None
    return Item(title=f"#{enquiry.id} {enquiry.topic}", meta=tuple(m for m in meta if m), detail=detail,
                marker=marker)


def list_reply(enquiries: list[Enquiry], ctx: Context, councils: dict[str, str]) -> Reply:
    """`/enquiry list`: the open enquiries, soonest deadline first."""
    if not enquiries:
        return Reply(title="Open enquiries: none",
                     sections=(Section(text="No open media enquiries."),),
                     context=('Log one with /enquiry log "<topic>" outlet:… deadline:"4pm".',))
    return Reply(title=f"Open enquiries: {len(enquiries)}",
                 sections=(Section(items=tuple(enquiry_item(e, ctx, councils) for e in enquiries)),),
                 context=("Soonest deadline first. /enquiry show <id> for notes; /enquiry close <id> answered|"
                          "declined|referred|statement.",))


def show_reply(enquiry: Enquiry, ctx: Context, councils: dict[str, str], press: PressActivity | None) -> Reply:
    """`/enquiry show`: every detail, the notes, and the press activity that answered it."""
    facts = [Fact("Status", due_label(enquiry, ctx.now(), ctx)), Fact("Deadline", local_label(enquiry.deadline, ctx.tz)),
             Fact("Owner", owner_label(enquiry))]
    optional = (("Outlet", enquiry.outlet_name), ("Journalist", enquiry.journalist),
                ("Councils", ", ".join(councils.get(c, c) for c in enquiry.council_codes)),
                ("Press activity", f"#{press.id} {press.kind}: {press.title}" if press else None))
    facts += [Fact(label, value) for label, value in optional if value]
    if enquiry.embargo_until:
        state = "until" if is_embargoed(enquiry, ctx.now()) else "lifted"
        facts.append(Fact("Embargo", f"{state} {local_label(enquiry.embargo_until, ctx.tz)}"))
    facts.append(Fact("Logged", f"{local_label(enquiry.created_at, ctx.tz)} by "
                                f"{enquiry.logged_by_name or enquiry.logged_by}"))
    sections = [Section(facts=tuple(facts))]
    if enquiry.notes:
        sections.append(Section(heading="Notes", items=tuple(
            Item(title=n.text, meta=(n.author_name or n.author_id, local_label(n.created_at, ctx.tz)))
            for n in enquiry.notes)))
    return Reply(title=f"Enquiry #{enquiry.id}: {enquiry.topic}", sections=tuple(sections),
                 context=(f"/enquiry note {enquiry.id} <text> · /enquiry assign {enquiry.id} @who · "
                          f"/enquiry close {enquiry.id} answered",))


def stats_facts(stats: EnquiryStats) -> tuple[Fact, ...]:
    """The headline figures as facts (the reply, the weekly digest)."""
    return (Fact("Handled", str(stats.handled)), Fact("Answered by deadline", share_words(stats)),
            Fact("Median response time", duration_words(stats.median_response) if stats.median_response else "—"),
            Fact("Still open", str(stats.still_open)))


def stats_reply(stats: EnquiryStats, period: Period) -> Reply:
    """`/enquiry stats <period>`: headline figures, then by outcome, outlet, topic and council."""
    sections = [Section(facts=stats_facts(stats))]
    for heading, rows in (("By outcome", stats.by_outcome), ("By outlet", stats.by_outlet),
                          ("By topic", stats.by_topic), ("By council", stats.by_council)):
        if rows:
            sections.append(Section(heading=heading, facts=tuple(Fact(name, str(n)) for name, n in rows[:TOP])))
    return Reply(title=f"Media enquiries {period.label}", sections=tuple(sections),
                 context=("Answered by deadline: closed (answered, statement, declined or referred) by the deadline, "
                          "of those closed or past their deadline. Response time: from logging to closing. "
                          "Embargoed enquiries are left out until their embargo lifts.",))


EXPORT_COLUMNS = ("id", "received", "topic", "outlet", "journalist", "councils", "owner", "deadline", "status",
                  "closed", "by_deadline", "response_minutes", "press_id")


def export_reply(enquiries: list[Enquiry], period: Period, ctx: Context, councils: dict[str, str]) -> Reply:
    """`/enquiry export <period>`: a CSV of what the public may see (embargoed enquiries left out)."""
    fmt = "%Y-%m-%d %H:%M"
    rows = []
    for e in enquiries:
        closed = e.closed_at.astimezone(ctx.tz).strftime(fmt) if e.closed_at else ""
        by_deadline = "" if e.closed_at is None else ("yes" if e.closed_at <= e.deadline else "no")
        minutes = "" if e.closed_at is None else int((e.closed_at - e.created_at).total_seconds() // 60)
        rows.append([e.id, e.created_at.astimezone(ctx.tz).strftime(fmt), e.topic, e.outlet_name, e.journalist,
                     "; ".join(councils.get(c, c) for c in e.council_codes), owner_label(e),
                     e.deadline.astimezone(ctx.tz).strftime(fmt), e.status, closed, by_deadline, minutes, e.press_id])
    return Reply(title=f"Media enquiries export: {period.label}",
                 sections=(Section(text=f"{len(enquiries)} enquiries (embargoed ones are left out)."),),
                 attachments=(csv_attachment(file_name("enquiries", period.label), EXPORT_COLUMNS, rows),))

