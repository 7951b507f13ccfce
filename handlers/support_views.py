"""How `/support` answers look: a logged request, the list, one request, the figures, the CSV."""
from __future__ import annotations


from sqlalchemy.orm import Session

from handlers.context import Context
from handlers.csv_export import csv_attachment, file_name
from handlers.reply import Fact, Item, Reply, Section
from models.moments import local_label
from models.periods import Period
from models.spotlight import open_spotlights, spotlight_figures
from models.support import SupportRequest, support_figures, support_requests

EXPORT_COLUMNS = ("id", "logged", "council", "category", "issue", "contact", "advised", "followup", "owner",
                  "status", "closed", "notes")


def request_item(request: SupportRequest, council: str, ctx: Context) -> Item:
    """One request as a list line: council and issue, then category, follow-up, owner, status."""
    meta = [request.category]
    if request.followup_at is not None:
        meta.append(f"follow up {local_label(request.followup_at, ctx.tz)}")
    meta += [f"owner {request.owner_name or request.owner_id}", request.status]
    return Item(title=f"#{request.id} {council}: {request.issue}", meta=tuple(meta), detail=request.advised)


def logged_reply(request: SupportRequest, council: str, ctx: Context, notes: tuple[str, ...]) -> Reply:
    return Reply(title=f"Logged support request #{request.id}",
                 sections=(Section(items=(request_item(request, council, ctx),)),),
                 context=notes + (f"Close it with /support close {request.id}.",))


def list_reply(found: list[SupportRequest], names: dict[str, str], status: str, ctx: Context) -> Reply:
    if not found:
        return Reply(title=f"No {'' if status == 'all' else status + ' '}support requests",
                     context=('Log one with /support log council:Thurrock issue:"Section 114 notice"',))
    return Reply(title=f"Support requests ({status}): {len(found)}",
                 sections=(Section(items=tuple(request_item(r, names[r.council_code], ctx) for r in found)),),
                 context=("/support show <id> for the details.",))


def show_reply(request: SupportRequest, council: str, ctx: Context) -> Reply:
    facts = [Fact("Council", council, command=f'/council "{council}"'), Fact("Category", request.category),
             Fact("Status", request.status), Fact("Owner", request.owner_name or request.owner_id),
             Fact("Logged", local_label(request.created_at, ctx.tz))]
    for label, value in (("Contact", request.contact), ("Advised", request.advised), ("Notes", request.notes)):
        if value:
            facts.append(Fact(label, value))
    if request.followup_at is not None:
        facts.append(Fact("Follow up", local_label(request.followup_at, ctx.tz)))
    if request.closed_at is not None:
        facts.append(Fact("Closed", local_label(request.closed_at, ctx.tz)))
    if request.spotlight_id is not None:
        facts.append(Fact("From spotlight", f"#{request.spotlight_id}",
                          command=f"/support spotlight {request.spotlight_id}"))
    return Reply(title=f"Support request #{request.id}: {request.issue}", sections=(Section(facts=tuple(facts)),))


def support_sections(ctx: Context, council_code: str, council: str) -> list[Section]:
    """`/council X`'s support part: its open support requests and any open spotlight."""
    found = support_requests(ctx.session, "open", council_code, limit=5)
    spotlights = open_spotlights(ctx.session, council_code)
    if not found and not spotlights:
        return []
    items = [request_item(r, council, ctx) for r in found]
    items += [Item(title=f"In the media spotlight (#{s.id})", detail=s.reason, marker="negative",
                   meta=(s.status,)) for s in spotlights]
    return [Section(heading="Support requests (open)", items=tuple(items),
                    text=f'/support list all council:"{council}" lists every one.')]


def figures_sections(session: Session, period: Period) -> tuple[Section, ...]:
    """Requests by council and by category, and spotlights raised, dismissed and supported, in `period`."""
    support = support_figures(session, period.start, period.end)
    spot = spotlight_figures(session, period.start, period.end)
    facts = (Fact("Support requests", str(support.total), command=f"/support stats {period.label}"),
             Fact("Still open", str(support.still_open)),
             Fact("Spotlights raised", str(spot.raised), command="/support spotlight"),
             Fact("Spotlights dismissed", str(spot.dismissed)),
             Fact("Spotlights supported", str(spot.supported)))
    sections = [Section(facts=facts)]
    if support.by_council:
        sections.append(Section(heading="By council", items=tuple(
            Item(title=name, meta=(_requests(n),)) for name, n in support.by_council)))
    if support.by_category:
        sections.append(Section(heading="By issue", items=tuple(
            Item(title=cat, meta=(_requests(n),)) for cat, n in support.by_category)))
    return tuple(sections)


def _requests(n: int) -> str:
    return f"{n} request{'s' if n != 1 else ''}"


def stats_reply(session: Session, period: Period) -> Reply:
    return Reply(title=f"Support for councils: {period.label}", sections=figures_sections(session, period),
                 context=("Counted by when each request was logged and each spotlight raised.",))


def export_reply(found: list[SupportRequest], names: dict[str, str], period: Period, ctx: Context) -> Reply:
    """A CSV of the requests logged in `period`."""
    fmt = "%Y-%m-%d %H:%M"
    rows = [[r.id, r.created_at.astimezone(ctx.tz).strftime(fmt), names[r.council_code], r.category, r.issue,
             r.contact, r.advised, r.followup_at.astimezone(ctx.tz).strftime(fmt) if r.followup_at else "",
             r.owner_name or r.owner_id, r.status, r.closed_at.astimezone(ctx.tz).strftime(fmt) if r.closed_at else "",
             r.notes] for r in found]
    return Reply(title=f"Support requests export: {period.label}",
                 sections=(Section(text=f"{len(found)} support requests."),),
                 attachments=(csv_attachment(file_name("support", period.label), EXPORT_COLUMNS, rows),))
