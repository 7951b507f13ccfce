"""The one command router: text in, `Reply` out, for Slack, Teams, the CLI and digests alike.

Errors raised by handlers become replies here, once: usage errors carry the family's usage and an
example, unknown names carry suggestions, and anything unexpected becomes an apology with a
reference id while the traceback goes to the log.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import replace

from handlers import (ask, audit, campaign, council, coverage, digest, enquiry, feeds, lines, parliament,
                      peer_challenge, press, programme, support)
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family
from handlers.reply import Button, Fact, Reply, Section, error_reply
from models.access import AccessDenied
from models.audit import REFUSED, record_audit
from models.db import WROTE, database_busy, database_unavailable, wrote_since_cleared
from models.text import clean_text

log = logging.getLogger("herald.router")
DATABASE_AWAY = ("Herald can't reach its database just now, so nothing was changed. "
                 "Please try again in a minute.")
DATABASE_BUSY = ("Herald's database was busy with other work for too long, so nothing was changed. "
                 "Please try again in a few seconds.")

FAMILIES: tuple[Family, ...] = (
    coverage.FAMILY, feeds.FAMILY, council.FAMILY, press.FAMILY, enquiry.FAMILY, support.FAMILY, lines.FAMILY,
    parliament.FAMILY, campaign.FAMILY, programme.FAMILY, peer_challenge.FAMILY, digest.FAMILY,
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


def only_reads(text: str, families: tuple[Family, ...] = FAMILIES) -> bool:
    """Whether a command line only reads (help, questions and unknown words included: a question only
    ever runs a command that reads), so it may run in a reading transaction; anything its family does
    not say reads is taken to write."""
    word, rest = split_command(clean_text(text))
    family = family_for(word, families) or family_for(word, SUBCOMMANDS)
    return family is None or not family.ready or family.only_reads(rest)


def route(text: str, ctx: Context, families: tuple[Family, ...] = FAMILIES, *, questions: bool = True) -> Reply:
    """Run one command line and return its reply. Never raises for anything a user can type.

    A line that is not a command (or is a command word followed by a question) is read as a question
    (`handlers.ask`); `questions=False` runs the line strictly as a command.
    """
    text = clean_text(text)
    word, rest = split_command(text)
    if word in HELP_WORDS or (word == "herald" and rest.lower() in ("", "help")):
        return help_reply()
    family = family_for(word, families) or family_for(word, SUBCOMMANDS)
    if questions and (family is None or (family.searches_words and (meant := _reread(text, rest, ctx, families)))):
        return _question(text if family is None else meant, ctx, families, reread=family is not None)
    if family is None:
        return help_reply()
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
        if questions and (meant := _reread(text, rest, ctx, families)):  # "programme overview", "peer challenges by region"
            return _question(meant, ctx, families, reread=True)
        examples = (exc.example,) if exc.example else family.examples[:2]
        reply = error_reply(str(exc), family.usage, examples, field=exc.field)
        return replace(reply, buttons=(Button(f"Run {exc.reading}", command=exc.reading),)) if exc.reading else reply
    except NotFound as exc:
        ctx.session.rollback()
        if questions and (meant := _reread(text, rest, ctx, families)):
            return _question(meant, ctx, families, reread=True)
        message = str(exc)
        if exc.suggestions:
            message += "\nDid you mean: " + ", ".join(exc.suggestions) + "?"
        return error_reply(message, field=exc.field)
    except Exception as exc:
        ctx.session.rollback()
        if database_unavailable(exc):
            busy = database_busy(exc)
            log.warning("command failed: database %s family=%s (%s)", "busy" if busy else "unavailable",
                        family.name, type(exc).__name__)
            return database_unavailable_reply(busy)
        ref = uuid.uuid4().hex[:8]
        log.exception("command failed ref=%s family=%s", ref, family.name)
        return _apology(ref)


def _reread(text: str, rest: str, ctx: Context, families: tuple[Family, ...]) -> str | None:
    try:
        return ask.reread(text, rest, ctx, families)
    except Exception:  # noqa: BLE001 - a question that cannot be read runs as typed; the command reports
        ctx.session.rollback()
        log.exception("reading a command line as a question failed")
        return None


def _question(text: str, ctx: Context, families: tuple[Family, ...], reread: bool) -> Reply:
    """Answer free text through the question reader; its command runs strictly as a command."""
    def run(command: str) -> Reply:
        return route(command, ctx, families, questions=False)
    try:
        if reread:  # `text` is already the command a command-like question means
            return ask.shown_as(run(text), text)
        return ask.answer_question(text, ctx, families, run)
    except Exception as exc:
        ctx.session.rollback()
        if database_unavailable(exc):
            return database_unavailable_reply()
        ref = uuid.uuid4().hex[:8]
        log.exception("question failed ref=%s", ref)
        return _apology(ref)


def _apology(ref: str) -> Reply:
    """Something unexpected: nothing changed, and a reference that finds the traceback in the log."""
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


def database_unavailable_reply(busy: bool = False) -> Reply:
    """The answer when the database cannot be reached, or is too busy: nothing was changed, and
    trying again will work."""
    if busy:
        return Reply(title="Sorry, Herald's database is busy just now",
                     sections=(Section(text=DATABASE_BUSY),), is_error=True)
    return Reply(title="Sorry, Herald's database is unavailable just now",
                 sections=(Section(text=DATABASE_AWAY),), is_error=True)


def is_database_reply(reply: Reply) -> bool:
    """Whether `reply` says the database was away or busy (so nothing about the command is known)."""
    return reply in (database_unavailable_reply(), database_unavailable_reply(busy=True))


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
