"""How press activity reads in a reply: list items, the detail view with earned coverage, the CSV export."""
from __future__ import annotations


from handlers.context import Context
from handlers.csv_export import csv_attachment, file_name
from handlers.reply import Button, Fact, Item, Reply, Section
from models.campaign import Campaign
from models.moments import local_label
from models.periods import Period
from models.press import PressActivity, is_embargoed
from models.press_earned import CoverageSplit, EarnedCount, EarnedItem
from models.programme import Programme

MAX_DECISION_BUTTONS = 5  # pairs of Confirm/Reject; the rest are reachable by command


def earned_label(count: EarnedCount | None) -> str | None:
    """"2 earned (1 to confirm)", or None when nothing is linked."""
    if not count or not (count.confirmed or count.suggested):
        return None
    total = count.confirmed + count.suggested
    return f"{total} earned" + (f" ({count.suggested} to confirm)" if count.suggested else "")


def press_item(activity: PressActivity, ctx: Context, count: EarnedCount | None = None) -> Item:
    """One press activity as a list line: type, outlet, date, spokesperson, earned coverage, embargo."""
    meta = [activity.kind, activity.outlet_name, local_label(activity.occurred_at, ctx.tz, with_time=False),
            activity.spokesperson, earned_label(count)]
    detail = None
    if is_embargoed(activity, ctx.now()):
        detail = f"Embargoed until {local_label(activity.embargo_until, ctx.tz)}: only its author and admins see it"
    return Item(title=f"#{activity.id} {activity.title}", url=activity.link,
                meta=tuple(m for m in meta if m), detail=detail)


def split_line(split: CoverageSplit, period: Period) -> str:
    """"Coverage this week: 14 items, 3 proactive (earned by logged press activity), 11 reactive"."""
    waiting = f"; {split.unconfirmed} more suggested, to confirm" if split.unconfirmed else ""
    return (f"Coverage {period.label}: {split.total} items, {split.proactive} proactive (earned by logged press "
            f"activity), {split.reactive} reactive{waiting}.")


def list_reply(activities: list[PressActivity], counts: dict[int, EarnedCount], period: Period, ctx: Context,
               next_page: str | None, shown_from: int, split: CoverageSplit) -> Reply:
    """`/press list`: the activities of a period, each with its earned-coverage count, and the split."""
    if not activities:
        return Reply(title=f"Press activity: {period.label}",
                     sections=(Section(text="No press activity logged in this period."),),
                     context=("Log some with /press log <type> \"<title>\".", split_line(split, period)))
    items = tuple(press_item(a, ctx, counts.get(a.id)) for a in activities)
    earned = sum((c.confirmed + c.suggested) for a in activities if (c := counts.get(a.id)))
    return Reply(title=f"Press activity: {period.label}", sections=(Section(items=items),),
                 context=(f"Showing {shown_from + 1}–{shown_from + len(items)} · {earned} coverage items earned "
                          "by these. /press show <id> for details.", split_line(split, period)),
                 next_page=next_page)


def show_reply(activity: PressActivity, earned: list[EarnedItem], ctx: Context,
               programme: Programme | None, campaign: Campaign | None, can_decide: bool = True) -> Reply:
    """`/press show`: every detail, the coverage it earned, and Confirm/Reject for each suggestion.

    The buttons are offered only to someone who may decide (the author or an admin).
    """
    facts = [Fact("Type", activity.kind), Fact("Date", local_label(activity.occurred_at, ctx.tz))]
    optional = (("Outlet", activity.outlet_name), ("Spokesperson", activity.spokesperson),
                ("Programme", programme.name if programme else None), ("Campaign", campaign.name if campaign else None),
                ("Link", activity.link), ("Notes", activity.notes))
    facts += [Fact(label, value) for label, value in optional if value]
    if activity.embargo_until:
        state = "until" if is_embargoed(activity, ctx.now()) else "lifted"
        facts.append(Fact("Embargo", f"{state} {local_label(activity.embargo_until, ctx.tz)}"))
    facts.append(Fact("Logged by", activity.logged_by_name or activity.logged_by))
    sections = [Section(facts=tuple(facts)), _earned_section(earned, ctx)]
    buttons = decision_buttons(activity, earned) if can_decide else ()
    return Reply(title=f"#{activity.id} {activity.title}", sections=tuple(sections), buttons=buttons,
                 context=(f"Coverage published within 14 days that links to it or shares its distinctive words "
                          f"is suggested; confirm with /press link {activity.id} <coverage id>.",))


def decision_buttons(activity: PressActivity, earned: list[EarnedItem]) -> tuple[Button, ...]:
    """Confirm / Reject for each suggested item: one click runs `press link|unlink <id> <coverage id>`."""
    suggested = [e for e in earned if e.status == "suggested"][:MAX_DECISION_BUTTONS]
    return tuple(b for e in suggested for b in (
        Button(f"Confirm #{e.coverage.id}", command=f"press link {activity.id} {e.coverage.id}", style="primary"),
        Button(f"Reject #{e.coverage.id}", command=f"press unlink {activity.id} {e.coverage.id}", style="danger")))


def _earned_section(earned: list[EarnedItem], ctx: Context) -> Section:
    if not earned:
        return Section(heading="Earned coverage", text="None found yet.")
    items = tuple(Item(title=f"#{e.coverage.id} {e.coverage.title}", url=e.coverage.url,
                       meta=tuple(m for m in (e.coverage.outlet.name if e.coverage.outlet else None,
                                              local_label(e.coverage.published_at, ctx.tz, with_time=False),
                                              e.status) if m),
                       detail=e.reason) for e in earned)
    return Section(heading="Earned coverage", items=items)


EXPORT_COLUMNS = ("id", "date", "type", "title", "outlet", "spokesperson", "link", "earned_confirmed",
                  "earned_suggested", "logged_by")


def export_reply(activities: list[PressActivity], counts: dict[int, EarnedCount], period: Period,
                 ctx: Context) -> Reply:
    """`/press list … export`: a CSV of what the public may see (embargoed items never included)."""
    rows = []
    for a in activities:
        count = counts.get(a.id, EarnedCount())
        rows.append([a.id, a.occurred_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M"), a.kind, a.title,
                     a.outlet_name, a.spokesperson, a.link, count.confirmed, count.suggested,
                     a.logged_by_name or a.logged_by])
    return Reply(title=f"Press activity export: {period.label}",
                 sections=(Section(text=f"{len(activities)} press activities (embargoed items are left out)."),),
                 attachments=(csv_attachment(file_name("press", period.label), EXPORT_COLUMNS, rows),))
