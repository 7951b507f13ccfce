"""How campaigns read in a reply: the list, one campaign's overview, a recorded metric."""
from __future__ import annotations

from datetime import date

from handlers.context import Context
from handlers.press_views import press_item
from handlers.reply import Fact, Item, Reply, Section
from models.campaign import Campaign, CampaignActivity, CampaignMetric, CampaignPlanState, MetricResult, MetricTrend
from models.coverage import CoverageItem
from models.press import PressActivity

SHOW_ACTIVITIES = 5


def number(value: float) -> str:
    """2200.0 → "2,200"; 12.5 → "12.5"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def day_label(day: date) -> str:
    """"Wed 1 Feb 2012"."""
    return day.strftime("%a %-d %b %Y")


def trend_fact(trend: MetricTrend) -> Fact:
    """"page_views: 2,200 on 30 Jun 2023 (+350 since 31 May 2023)"."""
    value = f"{number(trend.value)} on {day_label(trend.measured_on)}"
    if trend.change is not None:
        sign = "+" if trend.change >= 0 else "−"
        value += f" ({sign}{number(abs(trend.change))} since {day_label(trend.previous_on)})"
    else:
        value += " (first report)"
    return Fact(trend.name.replace("_", " "), value)


def _span(campaign: Campaign) -> str:
    """" (since Wed 1 Feb 2012)", " (Thu 1 Jun 2023 to Sun 31 Mar 2024)" or ""."""
    start, end = campaign.starts_on, campaign.ends_on
    if start and end:
        return f" ({day_label(start)} to {day_label(end)})"
    if start or end:
        return f" (since {day_label(start)})" if start else f" (until {day_label(end)})"
    return ""


def _activity_item(activity: CampaignActivity, marker: str | None = None) -> Item:
    meta = tuple(m for m in (day_label(activity.due_on), activity.channel, activity.status) if m)
    return Item(title=activity.title, meta=meta, marker=marker)


def list_reply(rows: list[tuple[Campaign, str, CampaignPlanState]]) -> Reply:
    """`/campaign list`: every campaign with its status, next step and anything overdue."""
    if not rows:
        return Reply(title="Campaigns", sections=(Section(text="No campaigns yet."),))
    items = []
    for campaign, status, plan in rows:
        meta = [status, f"{len(plan.done)} done"]
        if plan.next_planned:
            meta.append(f"next: {plan.next_planned[0].title} ({day_label(plan.next_planned[0].due_on)})")
        if plan.overdue:
            meta.append(f"{len(plan.overdue)} overdue")
        items.append(Item(title=campaign.name, meta=tuple(meta), marker="amber" if plan.overdue else None))
    return Reply(title="Campaigns", sections=(Section(items=tuple(items)),),
                 context=("/campaign <name> for activities, metrics, coverage and press.",))


def overview_reply(campaign: Campaign, status: str, plan: CampaignPlanState, trends: list[MetricTrend],
                   coverage: tuple[int, list[CoverageItem]], press: list[PressActivity], ctx: Context) -> Reply:
    """`/campaign <name>`: status, next planned and overdue activities, metrics, coverage, press."""
    facts = [Fact("Status", status + _span(campaign))]
    facts += [Fact(label, value) for label, value in (
        ("Objective", campaign.objective), ("Owner", campaign.owner),
        ("Channels", ", ".join(campaign.channels or ())), ("Also called", ", ".join(campaign.aliases or ())))
        if value]
    facts.append(Fact("Activities", f"{len(plan.done)} done, {len(plan.next_planned)} planned, "
                                    f"{len(plan.overdue)} overdue"))
    sections = [Section(facts=tuple(facts))]
    if plan.overdue:
        sections.append(Section(heading="Overdue", items=tuple(_activity_item(a, "red") for a in plan.overdue)))
    sections.append(Section(heading="Next planned", items=tuple(
        _activity_item(a) for a in plan.next_planned[:SHOW_ACTIVITIES])) if plan.next_planned
        else Section(heading="Next planned", text="Nothing planned ahead."))
    if plan.done:
        sections.append(Section(heading="Done", items=tuple(_activity_item(a) for a in plan.done[-SHOW_ACTIVITIES:])))
    sections.append(Section(heading="Metrics", facts=tuple(trend_fact(t) for t in trends)) if trends
                    else Section(heading="Metrics", text="No metrics reported yet."))
    total, items = coverage
    sections.append(Section(heading=f"Coverage tagged to it ({total})", items=tuple(
        Item(title=c.title, url=c.url, meta=tuple(m for m in (c.outlet.name if c.outlet else None,
             day_label(c.published_at.astimezone(ctx.tz).date()), c.tone) if m), marker=c.tone) for c in items))
        if items else Section(heading="Coverage tagged to it", text="None yet."))
    if press:
        sections.append(Section(heading=f"Press activity ({len(press)})",
                                items=tuple(press_item(p, ctx) for p in press[:SHOW_ACTIVITIES])))
    name = campaign.name
    return Reply(title=f"Campaign: {name}", sections=tuple(sections),
                 context=(f'Add: /campaign activity add "{name}" "<activity>" date:…  ·  '
                          f'/campaign metric "{name}" page_views 2200',))


def metric_reply(campaign: Campaign, result: MetricResult, trend: MetricTrend | None) -> Reply:
    """What `/campaign metric` did: added, updated (with the old value) or unchanged."""
    m = result.metric
    words = {"added": "Recorded", "updated": "Updated", "unchanged": "Already recorded"}[result.outcome]
    context = (f"Replaced {number(result.previous_value)} reported earlier for that day.",) \
        if result.outcome == "updated" else ()
    fact = trend_fact(trend) if trend and trend.measured_on == m.measured_on else \
        Fact(m.name.replace("_", " "), f"{number(m.value)} on {day_label(m.measured_on)}")
    return Reply(title=f"{words} for {campaign.name}", sections=(Section(facts=(fact,)),), context=context)


def activity_reply(campaign: Campaign, activity: CampaignActivity) -> Reply:
    """What `/campaign activity add` did."""
    return Reply(title=f"Added to {campaign.name}", sections=(Section(items=(_activity_item(activity),)),),
                 context=(f"/campaign {campaign.name} shows the whole plan.",))


def history_reply(campaign: Campaign, name: str, history: list[CampaignMetric]) -> Reply:
    """`/campaign metric "<campaign>" <metric>`: each report with its change from the one before."""
    label = name.replace("_", " ")
    if not history:
        return Reply(title=f"{campaign.name}: {label}", sections=(Section(text="No values reported yet."),),
                     context=(f'Report one: /campaign metric "{campaign.name}" {name} <value>',))
    facts = []
    for before, row in zip([None, *history[:-1]], history):
        change = "" if before is None else f" ({'+' if row.value >= before.value else '−'}" \
                                           f"{number(abs(row.value - before.value))})"
        facts.append(Fact(day_label(row.measured_on), number(row.value) + change))
    return Reply(title=f"{campaign.name}: {label}", sections=(Section(facts=tuple(reversed(facts))),))
