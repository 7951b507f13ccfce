"""`/lines`: the team's lines to take — find the current approved line, draft, approve, edit, withdraw, post.

Finding answers with the current approved line first (text, spokesperson, who approved it and when,
its review date); a line past its review date is marked "review due", never offered as current.
Changing asks the access policy (approvers approve, admins withdraw) and every change is audited.
"""
from __future__ import annotations

from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.council_names import council_from
from handlers.inputs import read_day
from handlers.lines_grammar import (DRAFT_EXAMPLE, EDIT_EXAMPLE, EDIT_OPTIONS, named_line, read_draft, read_version,
                                    viewer_of)
from handlers.lines_views import history_reply, line_reply, nothing_approved, status_of, today_of
from handlers.reply import Reply, Section
from models.access import AccessDenied, Action
from models.lines import (Line, LineDraft, LineStateError, approve_line, current_version, draft_line, edit_line,
                          lines_tagged, record_line_use, uses_of, version_on, waiting_draft, withdraw_line)
from models.line_reminders import cancel_review_reminders, schedule_review_reminders
from models.lines_search import search_lines
from models.moments import local_label
from models.press import PUBLIC, PressActivity, get_visible_press
from models.press_earned import earned_counts

SEARCH_EXAMPLE = "/lines Oflog"


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/lines <sub-command> …`; anything else is a search for the current line."""
    sub, _, rest = text.strip().partition(" ")
    action = SUBCOMMANDS.get(sub.lower())
    if action is not None:
        return action(rest, ctx)
    if not text.strip():
        raise UsageError("What topic? Give a word or two, a council or a tag.", example=SEARCH_EXAMPLE)
    return lines_find(text, ctx)


def lines_find(text: str, ctx: Context) -> Reply:
    """`/lines WORDS`, `/lines council:Thurrock`, `/lines tag:assurance`: the current approved line first."""
    args = parse_args(text, {"council", "tag"})
    viewer, now = viewer_of(ctx), ctx.now()
    if args.options.get("council"):
        council = council_from(ctx, args.options["council"]).council
        found, words = lines_tagged(ctx.session, "council", council.code, viewer, now), council.nice_name
        found = found or search_lines(ctx.session, council.nice_name, viewer, now)
    elif args.options.get("tag"):
        words = args.options["tag"]
        found = lines_tagged(ctx.session, None, words, viewer, now) or search_lines(ctx.session, words, viewer, now)
    else:
        words = " ".join(args.words)
        found = search_lines(ctx.session, words, viewer, now)
    return found_reply(found, words, ctx)


def found_reply(found: list[Line], words: str, ctx: Context) -> Reply:
    """The best current line in full with the others listed; review-due next; else drafts as drafts."""
    today = today_of(ctx)
    order = {"current": 0, "review due": 1, "draft": 2, "withdrawn": 3}
    ranked = sorted(found, key=lambda line: order[status_of(line, today)])  # stable: keeps search rank within
    usable = [line for line in ranked if status_of(line, today) in ("current", "review due")]
    if not usable:
        return nothing_approved(words, [line for line in ranked if status_of(line, today) == "draft"][:5], ctx)
    return line_reply(usable[0], ctx, others=[line for line in ranked[1:] if status_of(line, today) != "withdrawn"][:5])


def lines_draft(rest: str, ctx: Context) -> Reply:
    """`/lines draft "<topic>" text:"…" [spokesperson:…] [review:…] [tags:…] [volunteer] [press:ID]`."""
    command = read_draft(rest, ctx)
    ctx.require(Action.LINES_DRAFT)
    if command.press_id is not None and get_visible_press(ctx.session, command.press_id, viewer_of(ctx),
                                                          ctx.now()) is None:
        raise NotFound(f"There is no press activity #{command.press_id} that you can see.", field="press")
    line = draft_line(ctx.session, command.topic, command.version, command.tags, command.use, command.press_id,
                      ctx.actor, ctx.now())
    return Reply(title=f"Drafted line #{line.id}: {line.topic}",
                 sections=(Section(text=command.version.text),),
                 context=(f"It is a DRAFT until an approver approves it: /lines approve {line.id}",))


def _name_and_options(rest: str, keys: frozenset[str] | set[str]) -> tuple[str, dict[str, str]]:
    args = parse_args(rest, keys)
    return " ".join(args.words), args.options


def lines_edit(rest: str, ctx: Context) -> Reply:
    """`/lines edit <topic|id> text:"…"`: a new draft; the approved text stays in use until it is approved."""
    name, _ = _name_and_options(rest, EDIT_OPTIONS)
    line = named_line(name, ctx, EDIT_EXAMPLE)
    ctx.require(Action.LINES_EDIT, owner_id=line.owner_id, owner_name=line.owner_name)
    base = waiting_draft(line) or current_version(line) or line.versions[-1]
    previous = LineDraft(text=base.text, spokesperson=base.spokesperson, review_by=base.review_by)
    args = parse_args(rest, EDIT_OPTIONS)
    if not set(args.options):
        raise UsageError("Say what changes: text:, spokesperson: or review:.", example=EDIT_EXAMPLE)
    version = edit_line(ctx.session, line, read_version(args, ctx, EDIT_EXAMPLE, previous), ctx.actor, ctx.now())
    note = ("The approved version stays in use until this one is approved." if current_version(line)
            else "Nothing on this line is approved yet.")
    return Reply(title=f"Drafted v{version.number} of line #{line.id}: {line.topic}",
                 sections=(Section(text=version.text),),
                 context=(note, f"Approve it with /lines approve {line.id}"))


def lines_approve(rest: str, ctx: Context) -> Reply:
    """`/lines approve <topic|id>`: an approver approves the waiting draft (not their own, unless allowed)."""
    line = named_line(rest, ctx, '/lines approve "Oflog launch"')
    ctx.require(Action.LINES_APPROVE)
    draft = waiting_draft(line)
    if draft is None:
        raise UsageError(f"Line #{line.id} has no draft waiting for approval.", example=f"/lines history {line.id}")
    if draft.author_id == ctx.actor.user_id and not ctx.settings.HERALD_LINES_SELF_APPROVE:
        raise AccessDenied(Action.LINES_APPROVE, "You wrote this draft, so another approver must approve it. "
                                                 "Nothing was changed.")
    approve_line(ctx.session, line, ctx.actor, ctx.now())
    schedule_review_reminders(ctx.session, line, draft, ctx.settings, ctx.now())
    return line_reply(line, ctx, title_prefix=f"Approved v{draft.number}")


def lines_withdraw(rest: str, ctx: Context) -> Reply:
    """`/lines withdraw <topic|id> reason:"…"`: admins only; the line is never posted again."""
    name, options = _name_and_options(rest, {"reason"})
    example = '/lines withdraw "Oflog launch" reason:"Superseded by the new framework"'
    line = named_line(name, ctx, example)
    ctx.require(Action.LINES_WITHDRAW)
    reason = (options.get("reason") or "").strip()
    if not reason:
        raise UsageError('Give the reason: reason:"…".', example=example, field="reason")
    try:
        withdraw_line(ctx.session, line, reason[:1000], ctx.actor, ctx.now())
        cancel_review_reminders(ctx.session, line, ctx.now())
    except LineStateError as exc:
        raise UsageError(str(exc), example=f"/lines history {line.id}") from None
    return Reply(title=f"Withdrawn line #{line.id}: {line.topic}", sections=(Section(text=f"Reason: {reason}"),),
                 context=("It will not be offered as current or posted by a button again.",))


def lines_history(rest: str, ctx: Context) -> Reply:
    """`/lines history <topic|id> [on:"1 June 2026"]`: every version, marked, and where it was used."""
    name, options = _name_and_options(rest, {"on"})
    line = named_line(name, ctx, '/lines history "Oflog launch" on:"1 June 2026"')
    on_label, on = None, None
    if options.get("on"):
        day = read_day(options["on"], ctx, "on", '/lines history "Oflog launch" on:"1 June 2026"')
        on_label = f"{day:%d %B %Y}"
        from models.periods import day_period
        on = version_on(line, day_period(day, ctx.tz).end)
    uses = uses_of(ctx.session, line)
    press_ids = [u.press_id for u in uses if u.press_id]
    presses = {p.id: p for p in (get_visible_press(ctx.session, i, viewer_of(ctx), ctx.now()) for i in press_ids) if p}
    coverage = {i: c.confirmed for i, c in earned_counts(ctx.session, list(presses)).items() if c.confirmed}
    return history_reply(line, uses, presses, coverage, ctx, on, on_label)


def lines_post(rest: str, ctx: Context) -> Reply:
    """`/lines post <id>` (the "Post this line" button): the line, in the channel or thread; its use recorded.

    A withdrawn, review-due, unapproved or embargoed line is refused with the reason.
    """
    line = named_line(rest, ctx, "/lines post 12")
    ctx.require(Action.LINES_USE)
    status = status_of(line, today_of(ctx))
    if status != "current":
        why = {"withdrawn": "it has been withdrawn", "review due": "it is past its review date (review due)",
               "draft": "it has not been approved"}[status]
        raise UsageError(f"Line #{line.id} was not posted: {why}.", example=f"/lines history {line.id}")
    if line.press_id is not None and get_visible_press(ctx.session, line.press_id, PUBLIC, ctx.now()) is None:
        raise UsageError(f"Line #{line.id} was not posted: its press release is under embargo.",
                         example=f"/lines {line.id}")
    version = current_version(line)
    record_line_use(ctx.session, line.id, actor=ctx.actor, now=ctx.now(), channel=ctx.channel)
    who = f"Attributable to {version.spokesperson}" if version.spokesperson else "Not for attribution to a named person"
    return Reply(title=f"Line to take: {line.topic}", sections=(Section(text=version.text),),
                 context=(f"{who} · approved by {version.approved_by_name or version.approved_by}, "
                          f"{local_label(version.approved_at, ctx.tz, with_time=False)} · line #{line.id} "
                          f"v{version.number} · posted by {ctx.actor.name or ctx.actor.user_id}",),
                 visibility="channel")


def lines_show(rest: str, ctx: Context) -> Reply:
    """`/lines show <topic|id>`: one line in full."""
    return line_reply(named_line(rest, ctx, "/lines show 12"), ctx)


def lines_stats(rest: str, ctx: Context) -> Reply:
    """`/lines stats [period]`: approved, used, due for review, most used."""
    from handlers.lines_stats import stats_reply
    return stats_reply(rest, ctx)


def lines_export(rest: str, ctx: Context) -> Reply:
    """`/lines export`: every line the team may see, as CSV (the import's columns)."""
    from handlers.lines_stats import export_reply
    return export_reply(ctx)


SUBCOMMANDS = {
    "draft": lines_draft, "edit": lines_edit, "approve": lines_approve, "withdraw": lines_withdraw,
    "history": lines_history, "post": lines_post, "show": lines_show, "stats": lines_stats, "export": lines_export,
}
READ_WORDS = ("history", "show", "stats", "export")

FAMILY = Family(
    name="lines",
    summary="Lines to take: the current approved statement on a topic, drafted, approved and kept current",
    usage=("/lines <words> | council:<council> | tag:<tag>  ·  /lines draft \"<topic>\" text:\"…\" "
           "[spokesperson:\"…\"] [review:\"…\"] [tags:a,b] [volunteer] [press:<id>]  ·  /lines edit <topic|id> "
           "text:\"…\"  ·  /lines approve|history|show|post <topic|id>  ·  /lines withdraw <topic|id> reason:\"…\"  ·  "
           "/lines stats [period]  ·  /lines export"),
    examples=("/lines Oflog", DRAFT_EXAMPLE, "/lines tag:assurance", "/lines stats this quarter"),
    handle=handle,
    reads=lambda rest: first_word(rest) not in ("draft", "edit", "approve", "withdraw", "post"),
    searches_words=True,
)
