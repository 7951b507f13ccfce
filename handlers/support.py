"""`/support`: councils' calls for communications support, their follow-ups, figures and spotlights.

Logging, closing and the spotlight actions ask the access policy first; a follow-up date becomes a
reminder to the owner through the shared notices (kind `support_followup`), cancelled on close.
"""
from __future__ import annotations

from datetime import time

from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import read_id
from handlers.reply import Reply, Section
from handlers.people import read_person
from handlers.spotlight import spotlight_command
from handlers.support_views import export_reply, list_reply, logged_reply, show_reply, stats_reply
from models.access import Action
from models.council_lookup import council_match
from models.council import resolve_council
from models.deadlines import DeadlineQuestion, parse_deadline
from models.notices import cancel_notices, owner_recipient, schedule_notice, team_recipients
from models.periods import Period, PeriodError, parse_period
from models.spotlight import Spotlight, council_name, decide_spotlight
from models.support import (CATEGORIES, SupportDraft, SupportRequest, category_named, close_support_request,
                            log_support_request, requests_logged, support_requests)

FOLLOW_UP_TIME = time(9, 0)  # a follow-up day without a time: the start of that working day
LOG_EXAMPLE = ('/support log council:Thurrock issue:"Section 114 notice" contact:"Jo Bloggs, Head of Comms" '
               'advised:"Media handling advice; holding statement" followup:"Friday" category:finance')
LOG_OPTIONS = frozenset({"council", "issue", "contact", "advised", "followup", "follow-up", "category", "owner",
                         "notes", "spotlight"})
FOLLOWUP_KIND = "support_followup"


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/support <sub-command> …`; `/support` alone lists the open requests."""
    sub, _, rest = text.strip().partition(" ")
    sub = sub.lower()
    if not sub:
        return support_list("", ctx)
    if sub.lstrip("#").isdigit():
        return support_show(sub, ctx)
    action = SUBCOMMANDS.get(sub)
    if action is None:
        raise UsageError(f'I don\'t know "/support {sub[:30]}". Use log, list, show, close, stats, export or '
                         "spotlight.", example=LOG_EXAMPLE)
    return action(rest, ctx)


def support_log(rest: str, ctx: Context) -> Reply:
    """`/support log council:… issue:"…" [contact: advised: followup: category: owner: notes:]`: log it."""
    draft, followup_label = _draft(rest, ctx)
    ctx.require(Action.SUPPORT_LOG)
    request = log_support_request(ctx.session, draft, ctx.actor, ctx.now())
    notes = []
    if draft.spotlight_id is not None:
        spotlight = ctx.session.get(Spotlight, draft.spotlight_id)
        if spotlight.status in ("open", "assigned"):
            decide_spotlight(ctx.session, spotlight, "supported", f"support request #{request.id}", ctx.actor,
                             ctx.now())
            notes.append(f"Spotlight #{spotlight.id} is marked as supported.")
    if request.followup_at is not None:
        to = owner_recipient(ctx.settings, ctx.actor.platform, request.owner_id)
        recipients = [to] if to is not None else team_recipients(ctx.settings)  # Teams: the team channel
        for recipient in recipients:
            schedule_notice(ctx.session, key=_followup_key(request, recipient.address), kind=FOLLOWUP_KIND,
                            subject_id=request.id, to=recipient, due_at=request.followup_at, now=ctx.now())
        notes.append(f"{_owner(request)} will be reminded to follow up {followup_label}"
                     + ("." if to is not None else " in the team channel.") if recipients else
                     "Herald has no way to message the owner or the team here, so no reminder will be sent.")
    return logged_reply(request, council_name(ctx.session, request.council_code), ctx, tuple(notes))


def _followup_key(request: SupportRequest, address: str) -> str:
    """The reminder's event: this request's follow-up at this moment, to this person."""
    return f"support:{request.id}:followup:{request.followup_at:%Y%m%dT%H%M}:{address}"


def _owner(request: SupportRequest) -> str:
    return request.owner_name or request.owner_id


def _draft(rest: str, ctx: Context) -> tuple[SupportDraft, str | None]:
    """Read the log line into a draft; every fault is a UsageError naming its field."""
    args = parse_args(rest, LOG_OPTIONS)
    if args.words:
        raise UsageError(f'I don\'t know where "{" ".join(args.words)[:60]}" goes: name each part, '
                         'e.g. issue:"Section 114 notice".', example=LOG_EXAMPLE)
    spotlight = _spotlight_of(args.options.get("spotlight"), ctx)
    council_text = args.options.get("council") or (council_name(ctx.session, spotlight.council_code)
                                                   if spotlight else "")
    if not council_text:
        raise UsageError("Which council asked? Add council:<name>.", example=LOG_EXAMPLE, field="council")
    issue = (args.options.get("issue") or (f"In the media spotlight: {spotlight.reason}" if spotlight else "")).strip()
    if not issue:
        raise UsageError('What is the issue? Add issue:"…".', example=LOG_EXAMPLE, field="issue")
    category_text = args.options.get("category") or ("media" if spotlight else "other")
    category = category_named(category_text)
    if category is None:
        raise UsageError(f'"{category_text[:40]}" is not a category: use one of {", ".join(CATEGORIES)}.',
                         example=LOG_EXAMPLE, field="category")
    followup_at, label = None, None
    if text := args.options.get("followup") or args.options.get("follow-up"):
        try:
            when = parse_deadline(text, ctx.now(), ctx.tz, default_time=FOLLOW_UP_TIME, what="follow-up")
        except DeadlineQuestion as exc:
            raise UsageError(f"followup: {exc}", example=LOG_EXAMPLE, field="followup") from None
        followup_at, label = when.at, when.label
    owner = read_person(args.options.get("owner"), ctx, '/support log council:Thurrock issue:"Budget gap" owner:me')
    owner_id, owner_name = owner.user_id, owner.name
    return SupportDraft(
        council_code=_council_code(council_text, ctx), issue=issue, category=category,
        contact=args.options.get("contact"), advised=args.options.get("advised"), followup_at=followup_at,
        owner_id=owner_id, owner_name=owner_name, notes=args.options.get("notes"),
        spotlight_id=spotlight.id if spotlight else None), label


def _council_code(text: str, ctx: Context) -> str:
    """The council a name means, matched as coverage matches councils; suggestions when none."""
    if len(text) > 120:
        raise UsageError("That council name is too long.", example=LOG_EXAMPLE, field="council")
    match = council_match(ctx.session, text)
    if match.named:
        return match.named[0][0]
    suggestions = resolve_council(ctx.session, text).suggestions
    raise NotFound(f"I don't know a council called {text[:60]!r}.", suggestions=suggestions, field="council")


def _spotlight_of(text: str | None, ctx: Context) -> Spotlight | None:
    if not text:
        return None
    spotlight_id = read_id(text, "spotlight", "/support log spotlight:3")
    spotlight = ctx.session.get(Spotlight, spotlight_id)
    if spotlight is None:
        raise NotFound(f"There is no spotlight #{spotlight_id}.", field="spotlight")
    return spotlight


def _request(id_text: str, ctx: Context, example: str) -> SupportRequest:
    request_id = read_id(id_text, "support request", example)
    request = ctx.session.get(SupportRequest, request_id)
    if request is None:
        raise NotFound(f"There is no support request #{request_id}.")
    return request


def support_list(rest: str, ctx: Context) -> Reply:
    """`/support list [open|closed|all] [council:…]`: open ones by soonest follow-up."""
    args = parse_args(rest, {"council"})
    status = (args.words[0].lower() if args.words else "open")
    if len(args.words) > 1 or status not in ("open", "closed", "all"):
        raise UsageError("List open, closed or all support requests.", example="/support list open council:Thurrock")
    code = _council_code(args.options["council"], ctx) if args.options.get("council") else None
    found = support_requests(ctx.session, None if status == "all" else status, code)
    names = {r.council_code: council_name(ctx.session, r.council_code) for r in found}
    return list_reply(found, names, status, ctx)


def support_show(rest: str, ctx: Context) -> Reply:
    """`/support show <id>`: everything about one request."""
    request = _request(rest.strip(), ctx, "/support show 12")
    return show_reply(request, council_name(ctx.session, request.council_code), ctx)


def support_close(rest: str, ctx: Context) -> Reply:
    """`/support close <id> [note]`: its owner or an admin may; the follow-up reminder is cancelled."""
    id_text, _, note = rest.strip().partition(" ")
    request = _request(id_text, ctx, "/support close 12 Advice taken; statement issued")
    ctx.require(Action.SUPPORT_CLOSE, owner_id=request.owner_id, owner_name=request.owner_name)
    if request.status == "closed":
        return Reply(title=f"Support request #{request.id} was already closed")
    close_support_request(ctx.session, request, note.strip() or None, ctx.actor, ctx.now())
    cancel_notices(ctx.session, kind=FOLLOWUP_KIND, subject_id=request.id, now=ctx.now())
    return Reply(title=f"Closed support request #{request.id}",
                 sections=(Section(text=f"{council_name(ctx.session, request.council_code)}: {request.issue}"),))


def _period(rest: str, ctx: Context, example: str) -> Period:
    try:
        return parse_period(rest.strip() or "this quarter", ctx.now(), ctx.tz)
    except PeriodError as exc:
        raise UsageError(f"{exc}. Try a period such as this month, last quarter, Q1 2023/24 or 2023/24.",
                         example=example) from None


def support_stats(rest: str, ctx: Context) -> Reply:
    """`/support stats [period]`: requests by council and by category; spotlights raised and dismissed."""
    return stats_reply(ctx.session, _period(rest, ctx, "/support stats last quarter"))


def support_export(rest: str, ctx: Context) -> Reply:
    """`/support export [period]`: a CSV of the requests logged in the period (default this quarter)."""
    period = _period(rest, ctx, "/support export 2026/27")
    found = requests_logged(ctx.session, period)
    names = {r.council_code: council_name(ctx.session, r.council_code) for r in found}
    return export_reply(found, names, period, ctx)


SUBCOMMANDS = {
    "log": support_log, "add": support_log, "list": support_list, "show": support_show, "close": support_close,
    "stats": support_stats, "export": support_export, "spotlight": spotlight_command,
    "spotlights": spotlight_command,
}
SPOTLIGHT_WRITES = ("assign", "dismiss")


def _reads(rest: str) -> bool:
    word = first_word(rest)
    if word in ("spotlight", "spotlights"):
        return first_word(rest.split(None, 1)[1] if len(rest.split(None, 1)) > 1 else "") not in SPOTLIGHT_WRITES
    return word.lstrip("#").isdigit() or word in ("", "list", "show", "stats", "export")


FAMILY = Family(
    name="support",
    summary="Councils' calls for communications support, follow-ups, figures and spotlight alerts",
    usage=('/support log council:… issue:"…" [contact:"…"] [advised:"…"] [followup:"Friday"] '
           f'[category:{"|".join(c.replace(" ", "-") for c in CATEGORIES)}] [owner:me|<member id>] [notes:"…"]  ·  '
           "/support list [open|closed|all] [council:…]  ·  /support show|close <id>  ·  "
           "/support stats [period]  ·  /support export [period]  ·  /support spotlight [list]  ·  "
           "/support spotlight assign|dismiss <id>"),
    examples=(LOG_EXAMPLE, "/support list", "/support stats this quarter", "/support spotlight"),
    handle=handle,
    slow_words=("export",),
    reads=_reads,
)
