"""`/herald audit` (admins only): the recent changes made through Herald, and the ones it refused."""
from __future__ import annotations

from handlers.context import Context
from handlers.errors import UsageError
from handlers.family import Family
from handlers.reply import Item, Reply, Section
from models.access import Action
from models.audit import REFUSED, AuditEntry, recent_audit

LIMIT = 25
EXAMPLE = "/herald audit refused"


def handle(text: str, ctx: Context) -> Reply:
    """`audit` lists the last changes and refusals; `audit refused` only the refusals."""
    word = text.strip().lower()
    if word not in ("", "refused"):
        raise UsageError(f"I don't know /herald audit {word[:30]!r}.", example=EXAMPLE)
    ctx.require(Action.AUDIT_READ)
    entries = recent_audit(ctx.session, LIMIT, refused_only=word == "refused")
    if not entries:
        return Reply(title="Nothing in the audit log yet")
    return Reply(title=f"The last {len(entries)} {'refusals' if word else 'changes and refusals'}",
                 sections=(Section(items=tuple(_item(entry, ctx) for entry in entries)),),
                 context=("Every change made through Herald, and every change it refused, is kept here.",))


def _item(entry: AuditEntry, ctx: Context) -> Item:
    refused = entry.entity == REFUSED
    what = entry.action if not entry.entity_id else f"{entry.action} {entry.entity} {entry.entity_id}"
    who = entry.actor_name or entry.actor
    where = entry.platform + (f" {entry.workspace}" if entry.workspace else "")
    command = (entry.detail or {}).get("command") if refused else None
    return Item(title=("REFUSED " if refused else "") + what,
                meta=(who, entry.actor, where, f"{entry.at.astimezone(ctx.tz):%a %-d %b %Y %H:%M}"),
                detail=command, marker="red" if refused else None)


FAMILY = Family(
    name="audit",
    summary="Admins: the recent changes made through Herald, and the ones it refused",
    usage="/herald audit  ·  /herald audit refused",
    examples=("/herald audit", EXAMPLE),
    handle=handle,
)
