"""`/press`: log press activity, list it, show what coverage it earned, edit, delete, link coverage.

Reading goes through `models.press.visible_press`, so an embargo holds in every reply; changing
goes through the domain actions, which check who may change what and audit every change.
"""
from __future__ import annotations

from dataclasses import replace

from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import campaign_named, programme_named, read_id
from handlers.lines_links import link_press_line, take_line_option
from handlers.press_grammar import LOG_EXAMPLE, PressFields, draft_from_fields, read_edit, read_log
from handlers.press_views import decision_buttons, export_reply, list_reply, press_item, show_reply
from handlers.reply import Fact, Reply, Section
from models.campaign import Campaign
from models.coverage import CoverageItem
from models.moments import local_label
from models.periods import PeriodError, parse_period
from models.press import (
    PressActivity, PressDraft, PressFilters, Viewer, delete_press_activity, deleted_press,
    edit_press_activity, get_visible_press, is_embargoed, log_press_activity, press_type, restore_press_activity,
    visible_press,
)
from models.press_earned import (
    coverage_split, decide_link, earned_counts, earned_coverage, suggest_earned_coverage,
)
from models.access import Action
from models.enquiry import enquiries_answered_by
from models.programme import Programme

LIST_OPTIONS = frozenset({"type", "outlet", "spokesperson", "campaign", "programme", "page"})
DEFAULT_PERIOD = "last 30 days"
PAGE_SIZE = 20


def viewer_of(ctx: Context) -> Viewer:
    """The person asking, as the embargo rule sees them."""
    return Viewer(user_id=ctx.actor.user_id, is_admin=ctx.actor.is_admin)


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/press <sub-command> …`; `/press` alone lists the last 30 days."""
    sub, _, rest = text.strip().partition(" ")
    sub = sub.lower()
    if not sub:
        return press_list("", ctx)
    if sub.lstrip("#").isdigit():
        return press_show(text, ctx)
    action = SUBCOMMANDS.get(sub)
    if action is None:
        raise UsageError(f'I don\'t know "/press {sub[:30]}". '
                         "Use log, list, show, edit, delete, restore, link or unlink.")
    return action(rest, ctx)


def press_log(rest: str, ctx: Context) -> Reply:
    """`/press log <type> "<title>" [options] [line:ID]`: record it, link the line to take it used, and
    suggest the coverage it earned."""
    rest, line_id = take_line_option(rest)
    return _logged(read_log(rest, ctx), ctx, line_id)


def press_log_form(fields: PressFields, ctx: Context) -> Reply:
    """The `/press log` form, submitted: the same checks and reply as the one-line command.

    Raises UsageError / NotFound whose `field` is the form block to mark; the caller shows them.
    """
    return _logged(draft_from_fields(fields, ctx), ctx)


def _logged(draft: PressDraft, ctx: Context, line_id: int | None = None) -> Reply:
    """Log the draft; the reply says who can see it yet and offers any earned coverage to confirm."""
    ctx.require(Action.PRESS_LOG)
    activity = log_press_activity(ctx.session, draft, ctx.actor, ctx.now())
    earned = earned_coverage(ctx.session, activity)
    notes = [f"Edit with /press edit {activity.id} field:value."]
    if line_id is not None:
        notes.append(link_press_line(activity.id, line_id, ctx))
    if is_embargoed(activity, ctx.now()):
        notes.append(f"Embargoed until {local_label(activity.embargo_until, ctx.tz)}: only you and admins "
                     "can see it until then; it stays out of channels, digests and exports.")
    if earned:
        notes.append(f"{len(earned)} coverage item(s) may have been earned by it: /press show {activity.id}")
    return Reply(title=f"Logged {activity.kind} #{activity.id}",
                 sections=(Section(items=(press_item(activity, ctx),)),),
                 context=tuple(notes), buttons=decision_buttons(activity, earned))


def press_list(rest: str, ctx: Context) -> Reply:
    """`/press list [period] [filters] [export]`: what the asker may see, with earned counts."""
    args = parse_args(rest, LIST_OPTIONS)
    export = bool(args.words) and args.words[-1].lower() == "export"
    words = args.words[:-1] if export else args.words
    period_text = " ".join(words) or DEFAULT_PERIOD
    try:
        period = parse_period(period_text, ctx.now(), ctx.tz)
    except PeriodError as exc:
        raise UsageError(f"{exc}. Try a period such as this week, last month, Q1 2023/24 or 2023/24.",
                         example="/press list last month type:interview") from None
    filters = _filters(args.options, ctx)
    if export:
        public = visible_press(ctx.session, Viewer(), ctx.now(), period, filters)
        return export_reply(public, earned_counts(ctx.session, [a.id for a in public]), period, ctx)
    page = max(1, read_id(args.options.get("page", "1"), "page", "/press list this month page:2"))
    found = visible_press(ctx.session, viewer_of(ctx), ctx.now(), period, filters, limit=page * PAGE_SIZE + 1)
    shown = found[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    more = None
    if len(found) > page * PAGE_SIZE:
        more = "press list " + " ".join([period_text, *(f'{k}:"{v}"' for k, v in args.options.items()
                                                          if k != "page"), f"page:{page + 1}"])
    return list_reply(shown, earned_counts(ctx.session, [a.id for a in shown]), period, ctx, more,
                      (page - 1) * PAGE_SIZE, coverage_split(ctx.session, period))


def _filters(options: dict[str, str], ctx: Context) -> PressFilters:
    kind = None
    if options.get("type"):
        kind = press_type(options["type"])
        if kind is None:
            raise UsageError(f'"{options["type"][:40]}" is not a type of press activity.',
                             example="/press list this month type:interview", field="type")
    return PressFilters(
        kind=kind, outlet=options.get("outlet") or None, spokesperson=options.get("spokesperson") or None,
        campaign_id=campaign_named(ctx, options["campaign"]).id if options.get("campaign") else None,
        programme_id=programme_named(ctx, options["programme"]).id if options.get("programme") else None)


def _visible(ctx: Context, id_text: str | None, example: str) -> PressActivity:
    press_id = read_id(id_text, "press activity", example)
    activity = get_visible_press(ctx.session, press_id, viewer_of(ctx), ctx.now())
    if activity is None:  # the same answer for missing, deleted and embargoed: nothing leaks
        raise NotFound(f"There is no press activity #{press_id} that you can see.")
    return activity


def press_show(rest: str, ctx: Context) -> Reply:
    """`/press show <id>`: details, earned coverage (freshly suggested) and decision buttons."""
    activity = _visible(ctx, rest.strip(), "/press show 12")
    ctx.derived_writes = True  # fresh suggestions are derived data, not a person's change
    suggest_earned_coverage(ctx.session, activity)
    programme = ctx.session.get(Programme, activity.programme_id) if activity.programme_id else None
    campaign = ctx.session.get(Campaign, activity.campaign_id) if activity.campaign_id else None
    can_decide = ctx.policy.allows(ctx.actor, Action.PRESS_LINK, owner_id=activity.logged_by)
    reply = show_reply(activity, earned_coverage(ctx.session, activity), ctx, programme, campaign, can_decide)
    answered = enquiries_answered_by(ctx.session, activity.id, viewer_of(ctx), ctx.now())
    return replace(reply, context=reply.context + tuple(
        f"Answers media enquiry #{e.id}: {e.topic} (/enquiry show {e.id})." for e in answered))


def press_edit(rest: str, ctx: Context) -> Reply:
    """`/press edit <id> field:value…`: its author or an admin may; every change is audited."""
    id_text, changes = read_edit(rest, ctx)
    activity = _visible(ctx, id_text, "/press edit 12 outlet:LGC")
    ctx.require(Action.PRESS_EDIT, owner_id=activity.logged_by, owner_name=activity.logged_by_name)
    changed = edit_press_activity(ctx.session, activity, changes, ctx.actor, ctx.now())
    facts = tuple(Fact(FIELD_LABELS[field], _shown(activity, field, ctx)) for field in changed)
    return Reply(title=f"Updated #{activity.id} {activity.title}" if changed else f"Nothing changed on #{activity.id}",
                 sections=(Section(facts=facts),) if facts else ())


FIELD_LABELS = {"kind": "Type", "title": "Title", "outlet_name": "Outlet", "occurred_at": "Date",
                "spokesperson": "Spokesperson", "programme_id": "Programme", "campaign_id": "Campaign",
                "link": "Link", "embargo_until": "Embargo until", "notes": "Notes"}


def _shown(activity: PressActivity, field: str, ctx: Context) -> str:
    """A changed field's new value as a person reads it."""
    value = getattr(activity, field)
    if value is None:
        return "(none)"
    if field in ("occurred_at", "embargo_until"):
        return local_label(value, ctx.tz)
    if field in ("programme_id", "campaign_id"):
        return ctx.session.get(Programme if field == "programme_id" else Campaign, value).name
    return str(value)


def press_delete(rest: str, ctx: Context) -> Reply:
    """`/press delete <id>`: hidden everywhere but kept (soft delete), audited."""
    activity = _visible(ctx, rest.strip(), "/press delete 12")
    ctx.require(Action.PRESS_DELETE, owner_id=activity.logged_by, owner_name=activity.logged_by_name)
    delete_press_activity(ctx.session, activity, ctx.actor, ctx.now())
    return Reply(title=f"Deleted #{activity.id} {activity.title}",
                 context=(f"It no longer shows in lists, digests or exports, but it is kept: "
                          f"/press restore {activity.id} brings it back.",))


def press_restore(rest: str, ctx: Context) -> Reply:
    """`/press restore <id>`: undo a delete (its author or an admin), audited."""
    press_id = read_id(rest.strip(), "press activity", "/press restore 12")
    activity = deleted_press(ctx.session, press_id)
    if activity is None:
        raise NotFound(f"There is no deleted press activity #{press_id}.")
    ctx.require(Action.PRESS_RESTORE, owner_id=activity.logged_by, owner_name=activity.logged_by_name)
    restore_press_activity(ctx.session, activity, ctx.actor, ctx.now())
    return Reply(title=f"Restored #{activity.id} {activity.title}")


def _decide(rest: str, ctx: Context, confirm: bool) -> Reply:
    verb = "link" if confirm else "unlink"
    example = f"/press {verb} 12 345"
    parts = rest.split()
    if len(parts) != 2:
        raise UsageError(f"Give the press activity number and the coverage number: {example}", example=example)
    activity = _visible(ctx, parts[0], example)
    coverage_id = read_id(parts[1], "coverage", example)
    item = ctx.session.get(CoverageItem, coverage_id)
    if item is None:
        raise NotFound(f"There is no coverage item #{coverage_id}.")
    ctx.require(Action.PRESS_LINK, owner_id=activity.logged_by, owner_name=activity.logged_by_name)
    decide_link(ctx.session, activity, item, confirm, ctx.actor, ctx.now())
    word = "earned" if confirm else "not earned"
    return Reply(title=f"Coverage #{item.id} marked as {word} by #{activity.id}",
                 sections=(Section(text=f"{item.title}\n← {activity.title}"),))


SUBCOMMANDS = {
    "log": press_log, "add": press_log, "list": press_list, "show": press_show, "edit": press_edit,
    "delete": press_delete, "remove": press_delete, "restore": press_restore,
    "link": lambda rest, ctx: _decide(rest, ctx, True), "unlink": lambda rest, ctx: _decide(rest, ctx, False),
}

FAMILY = Family(
    name="press",
    summary="Press activity: log releases, statements and interviews; see what coverage they earned",
    usage="/press log <type> \"<title>\" [outlet:…] [date:…] [spokesperson:\"…\"] [programme:…] [campaign:…] [link:…] [embargo:\"…\"] [line:<id>]  ·  /press list [period] [type:… outlet:… campaign:…] [export]  ·  /press show|edit|delete|restore <id>  ·  /press link|unlink <id> <coverage id>",
    examples=(LOG_EXAMPLE, "/press list this month", "/press log \"press release\" \"Sector support offer\" embargo:\"Tue 00:01\""),
    handle=handle,
    reads=lambda rest: first_word(rest).lstrip("#").isdigit() or first_word(rest) in ("", "list", "show"),
)
