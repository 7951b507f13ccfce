"""Editing a digest draft before it goes: `/digest drop <run> <n>`, `/digest add <run> "…"`,
`/digest approve <run>`. The draft lives on its run; the clock sends it once approved."""
from __future__ import annotations

from digests import stored
from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.inputs import is_id
from handlers.reply import Reply, Section
from models.access import Action
from models.audit import record_audit
from models.digest import DigestRun


def leading_number(text: str, example: str) -> int:
    """The number a command starts with (`12`, `#12`), or a usage error."""
    word = text.split()[0] if text.split() else ""
    if not is_id(word.lstrip("#")):
        raise UsageError("Give the number shown by /digest list.", example=example)
    return int(word.lstrip("#"))


def _draft_run(text: str, ctx: Context, example: str, action: Action) -> tuple[DigestRun, stored.StoredDigest, str]:
    ctx.require(action)
    number = leading_number(text, example)
    run = ctx.session.get(DigestRun, number)
    if run is None or run.status != "draft" or run.draft is None:
        raise NotFound(f"Run {number} is not a draft waiting for approval.")
    return run, stored.from_json(run.draft), text.split(None, 1)[1].strip() if len(text.split()) > 1 else ""


def drop(text: str, ctx: Context) -> Reply:
    """Remove item n from a draft."""
    run, digest, rest = _draft_run(text, ctx, "/digest drop 12 3", Action.DIGEST_DRAFT_EDIT)
    if not is_id(rest):
        raise UsageError("Give the item number shown in the draft.", example=f"/digest drop {run.id} 3")
    try:
        reply, item = stored.drop_item(digest.reply, int(rest))
    except IndexError:
        raise UsageError(f"The draft has no item {rest}.", example=f"/digest drop {run.id} 1") from None
    run.draft = stored.to_json(stored.StoredDigest(reply, False, digest.draft_posted))
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.draft_edit", entity="digest_run",
                 entity_id=run.id, detail={"dropped": item.title[:200]})
    return Reply(title=f"Dropped from draft {run.id}", sections=(Section(text=item.title),),
                 context=(f"/digest approve {run.id} sends it.",))


def add_line(text: str, ctx: Context) -> Reply:
    """Add an editor's line to a draft."""
    run, digest, rest = _draft_run(text, ctx, '/digest add 12 "Thanks to everyone at conference"',
                                  Action.DIGEST_DRAFT_EDIT)
    line = " ".join(parse_args(rest).words).strip()
    if not line:
        raise UsageError("Give the line to add, in quotes.", example=f'/digest add {run.id} "A line for leaders"')
    run.draft = stored.to_json(stored.StoredDigest(stored.add_line(digest.reply, line[:500]), False,
                                                   digest.draft_posted))
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.draft_edit", entity="digest_run",
                 entity_id=run.id, detail={"added": line[:500]})
    return Reply(title=f"Added to draft {run.id}", sections=(Section(text=line[:500]),))


def approve(text: str, ctx: Context) -> Reply:
    """Approve a draft: the clock sends it within a minute."""
    run, digest, _ = _draft_run(text, ctx, "/digest approve 12", Action.DIGEST_APPROVE)
    run.draft = stored.to_json(stored.StoredDigest(digest.reply, True, True))
    run.status, run.next_attempt_at = "approved", None
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.approve", entity="digest_run",
                 entity_id=run.id)
    return Reply(title=f"Approved: run {run.id}", sections=(Section(text="It goes out within a minute."),))
