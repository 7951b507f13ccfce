"""The one command router: text in, `Reply` out, for Slack, Teams, the CLI and digests alike.

Errors raised by handlers become replies here, once: usage errors carry the family's usage and an
example, unknown names carry suggestions, and anything unexpected becomes an apology with a
reference id while the traceback goes to the log.
"""
from __future__ import annotations

import logging
import uuid

from rapidfuzz import process

from handlers import audit, campaign, council, coverage, digest, feeds, peer_challenge, press, programme
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family
from handlers.reply import Fact, Reply, Section, error_reply
from models.access import AccessDenied
from models.audit import REFUSED, record_audit
from models.db import WROTE, database_unavailable, wrote_since_cleared

log = logging.getLogger("herald.router")
DATABASE_AWAY = ("Herald can't reach its database just now, so nothing was changed. "
                 "Please try again in a minute.")

FAMILIES: tuple[Family, ...] = (
    coverage.FAMILY, feeds.FAMILY, council.FAMILY, press.FAMILY, campaign.FAMILY,
    programme.FAMILY, peer_challenge.FAMILY, digest.FAMILY,
)
SUBCOMMANDS: tuple[Family, ...] = (audit.FAMILY,)  # `/herald audit`: a sub-command of /herald, like help
_BY_WORD = {word: fam for fam in FAMILIES for word in (fam.name, *fam.aliases)}
HELP_WORDS = {"help", "?", "herald", "herald help", ""}


def family_for(word: str, families: tuple[Family, ...] = FAMILIES) -> Family | None:
    """The family a command word names (`coverage`, `/coverage`, an alias), or None.

    `families` defaults to Herald's own; a caller may pass another set (tests add a slow one).
    """
    if families is FAMILIES:
        return _BY_WORD.get(word.lower().lstrip("/"))
    word = word.lower().lstrip("/")
    return next((fam for fam in families if word in (fam.name, *fam.aliases)), None)


def split_command(text: str) -> tuple[str, str]:
    """("coverage", "this week") from "/coverage this week", "@Herald coverage this week"…"""
    words = text.strip().split(None, 1)
    if words and words[0].lower().lstrip("@") in ("herald", "/herald") and len(words) > 1:
        words = words[1].split(None, 1)
    if not words:
        return "", ""
    return words[0].lower().lstrip("/"), (words[1] if len(words) > 1 else "").strip()


def route(text: str, ctx: Context, families: tuple[Family, ...] = FAMILIES) -> Reply:
    """Run one command line and return its reply. Never raises for anything a user can type."""
    word, rest = split_command(text.replace("\x00", ""))
    if word in HELP_WORDS or (word == "herald" and rest.lower() in ("", "help")):
        return help_reply()
    family = family_for(word, families) or family_for(word, SUBCOMMANDS)
    if family is None:
        return _unknown_family(word)
    if rest.lower() in ("help", "?", "--help", "-h"):
        return family_help(family)
    if not family.ready:
        return Reply(title=f"/{family.name} is coming soon",
                     sections=(Section(text=family.summary),),
                     context=("This part of Herald is not built yet.",))
    try:
        ctx.session.info.pop(WROTE, None)
        reply = family.handle(rest, ctx)
        if not ctx.asked and not ctx.derived_writes and wrote_since_cleared(ctx.session):
            return _unguarded(family, rest, ctx)
        return reply
    except AccessDenied as exc:
        ctx.session.rollback()
        _audit_refusal(exc, f"{family.name} {rest}", ctx)
        return Reply(title="Not allowed", sections=(Section(text=str(exc)),), is_error=True)
    except UsageError as exc:
        ctx.session.rollback()
        examples = (exc.example,) if exc.example else family.examples[:2]
        return error_reply(str(exc), family.usage, examples, field=exc.field)
    except NotFound as exc:
        ctx.session.rollback()
        message = str(exc)
        if exc.suggestions:
            message += "\nDid you mean: " + ", ".join(exc.suggestions) + "?"
        return error_reply(message, field=exc.field)
    except Exception as exc:
        ctx.session.rollback()
        if database_unavailable(exc):
            log.warning("command failed: database unavailable family=%s (%s)", family.name, type(exc).__name__)
            return database_unavailable_reply()
        ref = uuid.uuid4().hex[:8]
        log.exception("command failed ref=%s family=%s", ref, family.name)
        return Reply(title="Sorry, something went wrong",
                     sections=(Section(text=f"Herald hit an error answering that. Nothing was changed. "
                                            f"If it keeps happening, give your admin this reference: {ref}"),),
                     is_error=True)


def _audit_refusal(exc: AccessDenied, command: str, ctx: Context) -> None:
    """A refused change is audited like an allowed one: who, what, when, platform. Only the command's
    first words are kept, never a URL or address (a refused `teams:` Workflows URL is a secret)."""
    words = ["…" if ":" in word or "@" in word else word for word in command.split()[:4]]
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action=exc.action.value, entity=REFUSED,
                 detail={"outcome": "refused", "command": " ".join(words)[:120]})


def _unguarded(family: Family, rest: str, ctx: Context) -> Reply:
    """A command changed state without asking the access policy: undo it (fail closed), say so, log it."""
    ctx.session.rollback()
    log.error("refused a change no access rule covers: family=%s words=%r", family.name, rest.split()[:2])
    return Reply(title="Not allowed", is_error=True, sections=(Section(
        text="Herald has no access rule for that change yet, so it was not made. Tell your Herald admin."),))


def database_unavailable_reply() -> Reply:
    """The answer when the database cannot be reached: nothing was changed, and trying again will work."""
    return Reply(title="Sorry, Herald's database is unavailable just now",
                 sections=(Section(text=DATABASE_AWAY),), is_error=True)


def help_reply() -> Reply:
    """Every command family, ready or coming, with one example each."""
    facts = tuple(
        Fact(label=f"/{fam.name}" + ("" if fam.ready else " (coming)"),
             value=f"{fam.summary}. e.g. {fam.examples[0]}")
        for fam in FAMILIES)
    return Reply(title="Herald: what I can do",
                 sections=(Section(facts=facts),),
                 context=("Type a command followed by `help` for its usage, e.g. /coverage help.",
                          "Admins: /herald audit lists recent changes and refusals.",
                          "In Teams, mention @Herald and leave out the slash."))


def family_help(family: Family) -> Reply:
    status = () if family.ready else ("Coming soon: not built yet.",)
    return Reply(title=f"/{family.name}: {family.summary}",
                 sections=(Section(heading="Usage", text=family.usage),
                           Section(heading="Examples", text="\n".join(family.examples))),
                 context=status)


def _unknown_family(word: str) -> Reply:
    names = [fam.name for fam in FAMILIES]
    close = [name for name, score, _ in process.extract(word, names, limit=2) if score >= 60]
    hint = f" Did you mean /{close[0]}?" if close else ""
    return error_reply(f"I don't know the command {word[:40]!r}.{hint}",
                       "herald help  (lists every command)", ("/coverage this week", "/herald help"))
