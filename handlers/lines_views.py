"""How lines to take read in a reply: the current line first, drafts marked DRAFT, history, uses.

Line text goes into the `Reply` as plain text exactly as written; the Slack and Teams renderers
escape it, so `@channel`, `<!here>` or `<@U…>` in a line is shown, never triggered.
"""
from __future__ import annotations

from datetime import date

from handlers.context import Context
from handlers.reply import Button, Fact, Item, Reply, Section
from models.lines import Line, LineUse, LineVersion, current_version, review_due, waiting_draft
from models.moments import local_label
from models.press import PressActivity

USE_WORDS = {"volunteer": "may be volunteered", "on_request": "on request only"}
DRAFT_HINT = '/lines draft "{topic}" text:"…" spokesperson:"…" review:"31 March 2027" tags:…'


def today_of(ctx: Context) -> date:
    """Today in Herald's timezone (review dates are local days)."""
    return ctx.now().astimezone(ctx.tz).date()


def status_of(line: Line, today: date) -> str:
    """"current", "review due", "draft" (nothing approved yet) or "withdrawn"."""
    version = current_version(line)
    if version is not None:
        return "review due" if review_due(version, today) else "current"
    return "draft" if waiting_draft(line) is not None else "withdrawn"


def version_facts(version: LineVersion, ctx: Context) -> tuple[Fact, ...]:
    """Spokesperson, who approved it and when, its review date: what a press officer checks first."""
    facts = [Fact("Spokesperson", version.spokesperson or "(none given)")]
    if version.approved_at is not None:
        facts.append(Fact("Approved", f"{version.approved_by_name or version.approved_by}, "
                                      f"{local_label(version.approved_at, ctx.tz, with_time=False)}"))
    if version.review_by is not None:
        due = " (REVIEW DUE)" if review_due(version, today_of(ctx)) else ""
        facts.append(Fact("Review by", f"{version.review_by:%a %d %b %Y}{due}"))
    return tuple(facts)


def line_reply(line: Line, ctx: Context, others: list[Line] = (), title_prefix: str = "Line to take") -> Reply:
    """One line in full: its current approved text first, or says plainly that nothing is approved."""
    today = today_of(ctx)
    status = status_of(line, today)
    version = current_version(line)
    shown = version or waiting_draft(line) or line.versions[-1]
    label = {"current": "", "review due": " (REVIEW DUE: do not use until it is reviewed)",
             "draft": " (DRAFT: not approved)", "withdrawn": " (WITHDRAWN)"}[status]
    facts = version_facts(shown, ctx) + (
        Fact("Use", USE_WORDS.get(line.use, line.use)), Fact("Version", f"v{shown.number} of line #{line.id}"))
    if line.tags:
        facts += (Fact("Tags", line.tags),)
    sections = [Section(heading=f"{line.topic}{label}", text=shown.text), Section(facts=facts)]
    if status == "withdrawn" and shown.withdraw_reason:
        sections.append(Section(text=f"Withdrawn: {shown.withdraw_reason}"))
    if others:
        sections.append(Section(heading="Also matching", items=tuple(line_item(o, today) for o in others)))
    context = []
    draft = waiting_draft(line)
    if version is not None and draft is not None:
        context.append(f"A newer draft (v{draft.number}) awaits approval: /lines approve {line.id}")
    if status == "draft":
        context.append(f"Nothing approved yet on this topic. An approver can approve it: /lines approve {line.id}")
    buttons = [Button("Post this line", command=f"lines post {line.id}", style="primary")] if status == "current" else []
    buttons.append(Button("History", command=f"lines history {line.id}"))
    return Reply(title=f"{title_prefix}: {line.topic}", sections=tuple(sections), context=tuple(context),
                 buttons=tuple(buttons))


def line_item(line: Line, today: date) -> Item:
    """A line in a list: its topic and id, marked with its status."""
    status = status_of(line, today)
    version = current_version(line) or waiting_draft(line) or line.versions[-1]
    return Item(title=f"#{line.id} {line.topic}", meta=(status.upper() if status != "current" else "current",
                                                       f"v{version.number}"),
                detail=version.text[:200], marker=None)


def nothing_approved(words: str, drafts: list[Line], ctx: Context) -> Reply:
    """No approved line matches: say so, show the closest drafts as drafts, offer to draft one."""
    sections = [Section(text=f"There is no approved line to take on \u201c{words}\u201d.")]
    if drafts:
        sections.append(Section(heading="Closest drafts (DRAFT: not approved, do not use)",
                                items=tuple(line_item(d, today_of(ctx)) for d in drafts)))
    return Reply(title=f"No approved line on {words}", sections=tuple(sections),
                 context=("Draft one: " + DRAFT_HINT.format(topic=words[:60]),))


def history_reply(line: Line, uses: list[LineUse], presses: dict[int, PressActivity], coverage: dict[int, int],
                  ctx: Context, on: LineVersion | None = None, on_label: str | None = None) -> Reply:
    """Every version, newest first, clearly marked; where the line was used and the coverage after."""
    items = tuple(_version_item(v, ctx) for v in reversed(line.versions))
    sections = []
    if on_label is not None:
        said = (f"v{on.number}: {on.text}" if on is not None else "Nothing approved was current then.")
        sections.append(Section(heading=f"What we said on {on_label}", text=said))
    sections.append(Section(heading="Versions", items=items))
    if uses:
        sections.append(Section(heading="Used", items=tuple(_use_item(u, line, presses, coverage, ctx) for u in uses[:20])))
    return Reply(title=f"History of line #{line.id}: {line.topic}", sections=tuple(sections),
                 context=(f"{len(uses)} use(s) recorded.",))


def _version_item(version: LineVersion, ctx: Context) -> Item:
    mark = {"approved": "CURRENT", "draft": "DRAFT", "superseded": "SUPERSEDED", "withdrawn": "WITHDRAWN"}[version.status]
    meta = [mark, f"written by {version.author_name or version.author_id}, "
                  f"{local_label(version.created_at, ctx.tz, with_time=False)}"]
    if version.approved_at:
        meta.append(f"approved by {version.approved_by_name or version.approved_by}, "
                    f"{local_label(version.approved_at, ctx.tz, with_time=False)}")
    if version.ended_at and version.status in ("superseded", "withdrawn"):
        meta.append(f"{version.status} {local_label(version.ended_at, ctx.tz, with_time=False)}")
    detail = version.text + (f"\nReason: {version.withdraw_reason}" if version.withdraw_reason else "")
    return Item(title=f"v{version.number}", meta=tuple(meta), detail=detail)


def _use_item(use: LineUse, line: Line, presses: dict[int, PressActivity], coverage: dict[int, int],
              ctx: Context) -> Item:
    version = next((v.number for v in line.versions if v.id == use.version_id), "?")
    places = ([f"enquiry #{use.enquiry_id}"] if use.enquiry_id else []) + (
        [f"press #{use.press_id} {presses[use.press_id].title}"] if use.press_id in presses else [])
    where = " · ".join(places) or (f"channel {use.channel}" if use.channel else "chat")
    meta = [f"v{version}", f"by {use.used_by_name or use.used_by}", local_label(use.used_at, ctx.tz, with_time=False)]
    if use.press_id in coverage:
        meta.append(f"{coverage[use.press_id]} coverage item(s) followed")
    return Item(title=where, meta=tuple(meta))
