"""`/campaign`: list campaigns, one campaign's plan and metrics, add activities, report metrics.

`/campaign list`, `/campaign <name or alias>`,
`/campaign activity add "<campaign>" "<activity>" date:… [status:planned|done] [channel:…]`,
`/campaign metric "<campaign>" <metric> <value> [date:…]`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, TypeVar

from handlers.args import Args, parse_args
from handlers.campaign_views import activity_reply, history_reply, list_reply, metric_reply, overview_reply
from handlers.context import Context
from handlers.errors import UsageError
from handlers.family import Family, first_word
from handlers.inputs import campaign_named, read_day
from handlers.press import viewer_of
from handlers.reply import Reply
from models.access import Action
from models.campaign import (
    CampaignDataError, activity_status, add_activity, all_campaigns, campaign_channel, campaign_coverage,
    campaign_status, metric_history, metric_name, metric_trends, plan_state, record_metric,
)
from models.press import PressFilters, visible_press

ACTIVITY_EXAMPLE = ('/campaign activity add "Be a Councillor" "Roadshow in the North East" date:17/02/2027 '
                    "status:planned")
METRIC_EXAMPLE = '/campaign metric "Sector support offer launch 2023/24" page_views 2200 date:30/06/2023'
MAX_TITLE = 500
T = TypeVar("T")


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/campaign …`; anything that is not a sub-command is a campaign name."""
    rest = text.strip()
    first, _, after = rest.partition(" ")
    word = first.lower()
    if word in ("", "list"):
        return campaign_list(ctx)
    if word == "activity":
        sub, _, args = after.strip().partition(" ")
        if sub.lower() != "add":
            raise UsageError('Add an activity with /campaign activity add "<campaign>" "<activity>" date:…',
                             example=ACTIVITY_EXAMPLE)
        return campaign_activity_add(args, ctx)
    if word in ("metric", "metrics"):
        return campaign_metric(after, ctx)
    return campaign_overview(parse_args(rest).words, ctx)


def campaign_list(ctx: Context) -> Reply:
    """Every campaign: status, next planned step, overdue count."""
    today = ctx.now().astimezone(ctx.tz).date()
    return list_reply([(c, campaign_status(c, today), plan_state(ctx.session, c, today))
                       for c in all_campaigns(ctx.session)])


def campaign_overview(words: list[str], ctx: Context) -> Reply:
    """One campaign by name or alias: plan, metrics with trends, tagged coverage, press under it."""
    campaign = campaign_named(ctx, " ".join(words))
    today = ctx.now().astimezone(ctx.tz).date()
    press = visible_press(ctx.session, viewer_of(ctx), ctx.now(), filters=PressFilters(campaign_id=campaign.id))
    return overview_reply(campaign, campaign_status(campaign, today), plan_state(ctx.session, campaign, today),
                          metric_trends(ctx.session, campaign), campaign_coverage(ctx.session, campaign), press, ctx)


@dataclass(frozen=True)
class ActivityFields:
    """`/campaign activity add` as a form fills it, named by the form's block ids."""

    campaign: str
    activity: str
    date: str
    status: str = ""
    channel: str = ""


def campaign_activity_add(text: str, ctx: Context) -> Reply:
    """`activity add "<campaign>" "<activity>" date:… [status:…] [channel:…]`."""
    args = parse_args(text, {"date", "status", "channel"})
    _reject_unknown_options(args, ACTIVITY_EXAMPLE)
    campaign_text, title = _campaign_and_activity(args)
    return activity_add_form(ActivityFields(campaign_text, title, **{"date": "", **args.options}), ctx)


def activity_add_form(fields: ActivityFields, ctx: Context) -> Reply:
    """Check every field and add the activity; errors name the form field at fault."""
    ctx.require(Action.CAMPAIGN_ACTIVITY_ADD)
    if not fields.campaign.strip():
        raise UsageError("Say which campaign.", example=ACTIVITY_EXAMPLE, field="campaign")
    title = " ".join(fields.activity.split())
    if not title or len(title) > MAX_TITLE:
        raise UsageError("The activity is empty." if not title else
                         f"The activity is {len(title)} characters; keep it under {MAX_TITLE}.",
                         example=ACTIVITY_EXAMPLE, field="activity")
    campaign = campaign_named(ctx, fields.campaign)
    status = _domain(lambda: activity_status(fields.status or "planned"), "status", ACTIVITY_EXAMPLE)
    channel = _domain(lambda: campaign_channel(fields.channel), "channel", ACTIVITY_EXAMPLE) \
        if fields.channel.strip() else None
    if not fields.date.strip():
        raise UsageError("Give the activity's date, e.g. date:17/02/2011.", example=ACTIVITY_EXAMPLE, field="date")
    due_on = read_day(fields.date, ctx, "date", ACTIVITY_EXAMPLE, direction="past" if status == "done" else "future")
    activity = add_activity(ctx.session, campaign, title, due_on, status, channel, ctx.actor, ctx.now())
    return activity_reply(campaign, activity)


def _campaign_and_activity(args: Args) -> tuple[str, str]:
    """The campaign and the activity: two quoted phrases (or one word, then the quoted activity)."""
    words = args.words
    if len(words) < 2:
        missing = "campaign" if not words else "activity"
        raise UsageError(f"Give the campaign and the activity, each in quotes (the {missing} is missing).",
                         example=ACTIVITY_EXAMPLE, field=missing)
    quoted_after = [i for i in sorted(args.quoted) if i > 0]
    if 0 in args.quoted:
        split = 1
    elif quoted_after:
        split = quoted_after[0]
    else:
        raise UsageError("Put the campaign and the activity in quotes, so I can tell them apart.",
                         example=ACTIVITY_EXAMPLE, field="campaign")
    title = " ".join(words[split:]).strip()
    return " ".join(words[:split]), title


def campaign_metric(text: str, ctx: Context) -> Reply:
    """`metric "<campaign>" <metric> <value> [date:…]`: one value per day; a repeat changes nothing."""
    args = parse_args(text, {"date"})
    _reject_unknown_options(args, METRIC_EXAMPLE)
    if len(args.words) == 2 and not re.fullmatch(r"[\d,.\-]+", args.words[1]) and not args.options:
        return campaign_metric_history(args.words[0], args.words[1], ctx)
    ctx.require(Action.CAMPAIGN_METRIC)
    if len(args.words) < 3:
        raise UsageError("Give the campaign, the metric and its value.", example=METRIC_EXAMPLE)
    campaign = campaign_named(ctx, " ".join(args.words[:-2]))
    name = _domain(lambda: metric_name(args.words[-2]), "metric", METRIC_EXAMPLE)
    value = read_number(args.words[-1], METRIC_EXAMPLE)
    today = ctx.now().astimezone(ctx.tz).date()
    measured_on = read_day(args.options["date"], ctx, "date", METRIC_EXAMPLE) if args.options.get("date") else today
    if measured_on > today:
        raise UsageError("date: a metric is reported for today or a day that has passed.", example=METRIC_EXAMPLE,
                         field="date")
    result = record_metric(ctx.session, campaign, name, value, measured_on, "chat", ctx.actor, ctx.now())
    trend = next((t for t in metric_trends(ctx.session, campaign) if t.name == name), None)
    return metric_reply(campaign, result, trend)


def campaign_metric_history(campaign_text: str, metric_text: str, ctx: Context) -> Reply:
    """`metric "<campaign>" <metric>`: every reported value of one metric, newest first."""
    campaign = campaign_named(ctx, campaign_text)
    name = _domain(lambda: metric_name(metric_text), "metric", METRIC_EXAMPLE)
    return history_reply(campaign, name, metric_history(ctx.session, campaign, name))


def read_number(text: str, example: str) -> float:
    """A metric value as people type it: 2200, 2,200, 12.5."""
    cleaned = text.replace(",", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise UsageError(f'"{text[:30]}" is not a number (e.g. 2200 or 2,200).', example=example, field="value")
    return value


def _domain(read: Callable[[], T], field: str, example: str) -> T:
    """Run a domain reader, turning its CampaignDataError into a UsageError on `field`."""
    try:
        return read()
    except CampaignDataError as exc:
        raise UsageError(f"{field}: {exc}", example=example, field=field) from None


def _reject_unknown_options(args: Args, example: str) -> None:
    for i, word in enumerate(args.words):
        m = None if i in args.quoted else re.match(r"^([a-z]+):(?!//)", word.lower())
        if m:
            raise UsageError(f'"{m.group(1)}:" is not an option here.', example=example)


FAMILY = Family(
    name="campaign",
    summary="Campaigns: plans, activities, metrics and the coverage they drew",
    usage="/campaign list  ·  /campaign <name>  ·  /campaign activity add \"<campaign>\" \"<activity>\" date:… [status:planned|done] [channel:…]  ·  /campaign metric \"<campaign>\" <metric> <value> [date:…]  ·  /campaign metric \"<campaign>\" <metric>  (history)",
    examples=("/campaign Be a Councillor", "/campaign metric \"Sector support offer launch\" page_views 2200",
              ACTIVITY_EXAMPLE),
    handle=handle,
    aliases=("campaigns",),
    reads=lambda rest: first_word(rest) not in ("activity", "metric", "metrics"),
)
