"""`/enquiry`: media enquiries: log one with its deadline, list what is open, assign, note, close, figures.

Reading goes through `models.enquiry` (embargo as `/press`); changing asks the access policy, is
audited, and re-plans the owner's reminders (models/enquiry_reminders.py).
"""
from __future__ import annotations

from sqlalchemy import select

from handlers.args import parse_args
from handlers.context import Context
from handlers.enquiry_grammar import LOG_EXAMPLE, read_deadline, read_log
from handlers.enquiry_views import export_reply, list_reply, show_reply, stats_reply
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import read_id
from handlers.people import read_person
from handlers.lines_links import link_press_line, take_line_option
from handlers.press import viewer_of
from handlers.reply import Fact, Reply, Section
from models.access import Action
from models.council import Council
from models.enquiry import (
    OUTCOMES, Enquiry, add_note, assign_enquiry, close_enquiry, enquiries_received, get_visible_enquiry,
    is_embargoed, log_enquiry, move_deadline, note_text, open_enquiries,
)
from models.enquiry_reminders import BEFORE, MISSED, Reminder, cancel_reminders, plan_reminders
from models.enquiry_stats import enquiry_stats
from models.lines_search import lines_matching
from models.moments import local_label
from models.periods import Period, PeriodError, parse_period
from models.press import PUBLIC, PressActivity, PressDraft, get_visible_press, log_press_activity

DEFAULT_PERIOD = "this month"
CLOSE_EXAMPLE = "/enquiry close 12 statement"
LINE_EXAMPLE = "/enquiry line 12 7"


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/enquiry <sub-command> …`; `/enquiry` alone lists what is open."""
    sub, _, rest = text.strip().partition(" ")
    sub = sub.lower()
    if not sub:
        return enquiry_list("", ctx)
    if sub.lstrip("#").isdigit():
        return enquiry_show(text, ctx)
    action = SUBCOMMANDS.get(sub)
    if action is None:
        raise UsageError(f'I don\'t know "/enquiry {sub[:30]}". '
                         "Use log, list, show, assign, deadline, note, close, line, stats or export.")
    return action(rest, ctx)


def enquiry_log(rest: str, ctx: Context) -> Reply:
    """`/enquiry log "<topic>" outlet:… journalist:"…" deadline:"4pm" council:… owner:@who`."""
    draft = read_log(rest, ctx)
    ctx.require(Action.ENQUIRY_LOG)
    enquiry = log_enquiry(ctx.session, draft, ctx.actor, ctx.now())
    planned = plan_reminders(ctx.session, enquiry, ctx.settings, ctx.now())
    notes = [reminders_line(planned, ctx),
             f"Close it with /enquiry close {enquiry.id} answered|declined|referred|statement."]
    if is_embargoed(enquiry, ctx.now()):
        notes.insert(0, f"Embargoed until {local_label(enquiry.embargo_until, ctx.tz)}: only you, its owner and "
                        "admins can see it until then; it stays out of channels, digests and exports.")
    return Reply(title=f"Logged enquiry #{enquiry.id}", sections=_summary(enquiry, ctx), context=tuple(notes))


def reminders_line(planned: list[Reminder], ctx: Context) -> str:
    """What the owner and the team will be told, and when, in one line."""
    if not planned:
        return ("No reminders: Herald cannot message the owner directly here and no team channel is set "
                "(HERALD_TEAM_CHANNEL).")
    owner = [r for r in planned if r.kind != MISSED]
    where = "by direct message" if owner and owner[0].direct else "in the team channel"
    when = ", ".join(sorted({local_label(r.due_at, ctx.tz) for r in owner if r.kind == BEFORE}))
    line = f"Reminders {where}: {when} and at the deadline." if owner else ""
    if any(r.kind == MISSED for r in planned):
        line += (f" If still open {ctx.settings.HERALD_ENQUIRY_GRACE_MINUTES} min after the deadline, the team "
                 "channel is told once.")
    return line.strip()


def _summary(enquiry: Enquiry, ctx: Context) -> tuple[Section, ...]:
    facts = [Fact("Topic", enquiry.topic), Fact("Deadline", local_label(enquiry.deadline, ctx.tz)),
             Fact("Owner", enquiry.owner_name or enquiry.owner_id)]
    facts += [Fact(label, value) for label, value in (("Outlet", enquiry.outlet_name),
                                                      ("Journalist", enquiry.journalist)) if value]
    if enquiry.council_codes:
        facts.append(Fact("Councils", ", ".join(_councils(ctx, [enquiry]).values())))
    return (Section(facts=tuple(facts)),)


def enquiry_list(rest: str, ctx: Context) -> Reply:
    """`/enquiry list`: the open enquiries the asker may see, soonest deadline first."""
    if rest.strip():
        raise UsageError(f"/enquiry list takes nothing after it (got {rest.strip()[:40]!r}); for a period's "
                         "figures use /enquiry stats.", example="/enquiry list")
    found = open_enquiries(ctx.session, viewer_of(ctx), ctx.now())
    return list_reply(found, ctx, _councils(ctx, found))


def _visible(ctx: Context, id_text: str | None, example: str) -> Enquiry:
    enquiry_id = read_id(id_text, "media enquiry", example)
    enquiry = get_visible_enquiry(ctx.session, enquiry_id, viewer_of(ctx), ctx.now())
    if enquiry is None:  # the same answer for missing and embargoed: nothing leaks
        raise NotFound(f"There is no enquiry #{enquiry_id} that you can see.")
    return enquiry


def _author(enquiry: Enquiry, ctx: Context) -> str:
    """Who counts as the enquiry's author for the policy: its owner, or whoever logged it."""
    return ctx.actor.user_id if ctx.actor.user_id in (enquiry.owner_id, enquiry.logged_by) else enquiry.owner_id


def enquiry_show(rest: str, ctx: Context) -> Reply:
    """`/enquiry show <id>`: every detail, its notes and the press activity that answered it."""
    enquiry = _visible(ctx, rest.strip(), "/enquiry show 12")
    press = get_visible_press(ctx.session, enquiry.press_id, viewer_of(ctx), ctx.now()) if enquiry.press_id else None
    return show_reply(enquiry, ctx, _councils(ctx, [enquiry]), press)


def enquiry_assign(rest: str, ctx: Context) -> Reply:
    """`/enquiry assign <id> @who`: a new owner, whose reminders replace the old owner's."""
    example = "/enquiry assign 12 @sam"
    id_text, _, who = rest.strip().partition(" ")
    if not who.strip():
        raise UsageError("Say who takes it over: /enquiry assign <id> @who (or me).", example=example)
    enquiry = _open(ctx, id_text, example)
    owner = read_person(who, ctx, example)
    ctx.require(Action.ENQUIRY_ASSIGN, owner_id=_author(enquiry, ctx), owner_name=enquiry.owner_name)
    if not assign_enquiry(ctx.session, enquiry, owner.user_id, owner.name, ctx.actor, ctx.now()):
        return Reply(title=f"Enquiry #{enquiry.id} already belongs to {owner.name or owner.user_id}")
    cancel_reminders(ctx.session, enquiry, ctx.now())
    plan_reminders(ctx.session, enquiry, ctx.settings, ctx.now())
    return Reply(title=f"Enquiry #{enquiry.id} now belongs to {enquiry.owner_name or enquiry.owner_id}",
                 sections=_summary(enquiry, ctx), context=("Their reminders replace the previous owner's.",))


def enquiry_deadline(rest: str, ctx: Context) -> Reply:
    """`/enquiry deadline <id> "<when>"`: a moved deadline; its reminders move with it."""
    example = '/enquiry deadline 12 "tomorrow 10:00"'
    args = parse_args(rest)
    if len(args.words) < 2:
        raise UsageError("Give the enquiry number and the new deadline.", example=example)
    enquiry = _open(ctx, args.words[0], example)
    deadline = read_deadline(" ".join(args.words[1:]), ctx, example)
    ctx.require(Action.ENQUIRY_ASSIGN, owner_id=_author(enquiry, ctx), owner_name=enquiry.owner_name)
    if move_deadline(ctx.session, enquiry, deadline, ctx.actor, ctx.now()):
        cancel_reminders(ctx.session, enquiry, ctx.now())
        plan_reminders(ctx.session, enquiry, ctx.settings, ctx.now())
    return Reply(title=f"Enquiry #{enquiry.id} is due {local_label(enquiry.deadline, ctx.tz)}",
                 sections=_summary(enquiry, ctx))


def enquiry_note(rest: str, ctx: Context) -> Reply:
    """`/enquiry note <id> <text>`: a note on what was said or is still needed."""
    example = "/enquiry note 12 Spoke to Jane; she wants a line from the chair"
    id_text, _, text = rest.strip().partition(" ")
    if not note_text(text):
        raise UsageError("Write the note after the enquiry number.", example=example)
    enquiry = _visible(ctx, id_text, example)
    ctx.require(Action.ENQUIRY_NOTE)
    add_note(ctx.session, enquiry, note_text(text), ctx.actor, ctx.now())
    return Reply(title=f"Noted on enquiry #{enquiry.id}", sections=(Section(text=note_text(text)),))


def enquiry_close(rest: str, ctx: Context) -> Reply:
    """`/enquiry close <id> answered|declined|referred|statement [press:<id>]`; a statement without
    press:… logs one as `/press` activity, so the statement and the coverage it earned join up."""
    rest, line_id = take_line_option(rest)
    args = parse_args(rest, frozenset({"press"}))
    if len(args.words) != 2 or args.words[1].lower() not in OUTCOMES:
        raise UsageError("Give the enquiry number and how it was closed: answered, declined, referred or "
                         "statement (optionally press:<id> to link the /press activity and line:<id> the line "
                         "to take it used).", example=CLOSE_EXAMPLE)
    enquiry = _open(ctx, args.words[0], CLOSE_EXAMPLE)
    outcome = args.words[1].lower()
    ctx.require(Action.ENQUIRY_CLOSE, owner_id=_author(enquiry, ctx), owner_name=enquiry.owner_name)
    press = _press_for(enquiry, outcome, args.options.get("press"), ctx)
    close_enquiry(ctx.session, enquiry, outcome, press, ctx.actor, ctx.now())
    cancel_reminders(ctx.session, enquiry, ctx.now())
    on_time = "by" if enquiry.closed_at <= enquiry.deadline else "after"
    context = [f"Closed {on_time} the deadline ({local_label(enquiry.deadline, ctx.tz)}); its reminders are "
               "cancelled."]
    if press is not None:
        context.append(f"Linked to press activity #{press.id} ({press.kind}): /press show {press.id} shows the "
                       "coverage it earned.")
    if line_id is not None:
        context.append(link_press_line(press.id if press else None, line_id, ctx, enquiry_id=enquiry.id,
                                       example=LINE_EXAMPLE))
    elif outcome == "statement":
        context += _lines_to_offer(enquiry, ctx)
    return Reply(title=f"Enquiry #{enquiry.id} closed: {outcome}", sections=_summary(enquiry, ctx),
                 context=tuple(context))


def enquiry_line(rest: str, ctx: Context) -> Reply:
    """`/enquiry line <id> <line id>`: the line to take a closed enquiry's statement used, joined up
    afterwards (closing offers the lines that match)."""
    words = rest.split()
    if len(words) != 2:
        raise UsageError("Give the enquiry number and the line's number.", example=LINE_EXAMPLE)
    enquiry = _visible(ctx, words[0], LINE_EXAMPLE)
    ctx.require(Action.ENQUIRY_CLOSE, owner_id=_author(enquiry, ctx), owner_name=enquiry.owner_name)
    line_id = read_id(words[1], "line", LINE_EXAMPLE)
    said = link_press_line(enquiry.press_id, line_id, ctx, enquiry_id=enquiry.id, example=LINE_EXAMPLE)
    return Reply(title=f"Enquiry #{enquiry.id} joined to line #{line_id}", sections=(Section(text=said),))


def _lines_to_offer(enquiry: Enquiry, ctx: Context) -> list[str]:
    """The current lines that match the enquiry's topic, each with the command that records its use."""
    found = lines_matching(ctx.session, enquiry.topic, now=ctx.now())
    if not found:
        return []
    return ["Did the statement use a line to take? Join it up: "
            + " · ".join(f"/enquiry line {enquiry.id} {line.id} ({line.topic})" for line in found[:3])]


def _press_for(enquiry: Enquiry, outcome: str, press_text: str | None, ctx: Context) -> PressActivity | None:
    """The press activity to link: press:<id> as given; for a statement without one, a new `/press` statement."""
    if press_text is not None:
        press_id = read_id(press_text, "press activity", "/enquiry close 12 statement press:34")
        press = get_visible_press(ctx.session, press_id, viewer_of(ctx), ctx.now())
        if press is None:
            raise NotFound(f"There is no press activity #{press_id} that you can see.")
        return press
    if outcome != "statement":
        return None
    ctx.require(Action.PRESS_LOG)
    embargo = enquiry.embargo_until if is_embargoed(enquiry, ctx.now()) else None
    draft = PressDraft(kind="statement", title=enquiry.topic, occurred_at=ctx.now(), outlet_name=enquiry.outlet_name,
                       embargo_until=embargo, notes=f"Statement answering media enquiry #{enquiry.id}"
                       + (f" from {enquiry.journalist}" if enquiry.journalist else "") + ".")
    return log_press_activity(ctx.session, draft, ctx.actor, ctx.now())


def _open(ctx: Context, id_text: str, example: str) -> Enquiry:
    enquiry = _visible(ctx, id_text, example)
    if not enquiry.is_open:
        raise UsageError(f"Enquiry #{enquiry.id} is already closed ({enquiry.status}).", example=example)
    return enquiry


def _period(rest: str, ctx: Context, example: str) -> Period:
    try:
        return parse_period(rest.strip() or DEFAULT_PERIOD, ctx.now(), ctx.tz)
    except PeriodError as exc:
        raise UsageError(f"{exc}. Try a period such as this week, last month, Q1 2026/27 or 2026/27.",
                         example=example) from None


def enquiry_stats_reply(rest: str, ctx: Context) -> Reply:
    """`/enquiry stats [period]`: handled, answered by deadline, median response, by outlet/topic/council."""
    period = _period(rest, ctx, "/enquiry stats last month")
    return stats_reply(enquiry_stats(ctx.session, period.start, period.end, ctx.now()), period)


def enquiry_export(rest: str, ctx: Context) -> Reply:
    """`/enquiry export [period]`: the period's enquiries as CSV (embargoed ones left out)."""
    period = _period(rest, ctx, "/enquiry export last month")
    found = enquiries_received(ctx.session, PUBLIC, ctx.now(), period.start, period.end)
    return export_reply(found, period, ctx, _councils(ctx, found))


def _councils(ctx: Context, enquiries: list[Enquiry]) -> dict[str, str]:
    """Nice names of the councils these enquiries concern, by code."""
    codes = {c for e in enquiries for c in e.council_codes}
    if not codes:
        return {}
    return dict(ctx.session.execute(select(Council.code, Council.nice_name).where(Council.code.in_(codes))).all())


SUBCOMMANDS = {
    "log": enquiry_log, "add": enquiry_log, "list": enquiry_list, "show": enquiry_show,
    "assign": enquiry_assign, "deadline": enquiry_deadline, "note": enquiry_note, "close": enquiry_close,
    "line": enquiry_line,
    "stats": enquiry_stats_reply, "export": enquiry_export,
}

FAMILY = Family(
    name="enquiry",
    summary="Media enquiries: log a journalist's question with its deadline; reminders, owners, outcomes, figures",
    usage='/enquiry log "<topic>" deadline:"…" [outlet:…] [journalist:"…"] [council:…] [owner:@who] '
          '[embargo:"…"] [notes:"…"]  ·  /enquiry list  ·  /enquiry show <id>  ·  /enquiry assign <id> @who  ·  '
          '/enquiry deadline <id> "<when>"  ·  /enquiry note <id> <text>  ·  '
          "/enquiry close <id> answered|declined|referred|statement [press:<id>] [line:<id>]  ·  "
          "/enquiry line <id> <line id>  ·  /enquiry stats|export [period]",
    examples=(LOG_EXAMPLE, "/enquiry list", "/enquiry close 12 statement", "/enquiry stats last month"),
    handle=handle,
    aliases=("enquiries",),
    slow_words=("export",),
    reads=lambda rest: first_word(rest).lstrip("#").isdigit() or first_word(rest) in (
        "", "list", "show", "stats", "export"),
)
