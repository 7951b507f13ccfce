"""The one command router: text in, `Reply` out, for Slack, Teams, the CLI and digests alike.

Errors raised by handlers become replies here, once: usage errors carry the family's usage and an
example, unknown names carry suggestions, and anything unexpected becomes an apology with a
reference id while the traceback goes to the log.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import replace

from handlers import ask, campaign, council, coverage, digest, feeds, peer_challenge, press, programme
from handlers.context import Context
from handlers.errors import NotFound, PermissionDenied, UsageError
from handlers.family import Family
from handlers.reply import Button, Fact, Reply, Section, error_reply
from models.db import database_unavailable

log = logging.getLogger("herald.router")
DATABASE_AWAY = ("Herald can't reach its database just now, so nothing was changed. "
                 "Please try again in a minute.")

FAMILIES: tuple[Family, ...] = (
    coverage.FAMILY, feeds.FAMILY, council.FAMILY, press.FAMILY, campaign.FAMILY,
    programme.FAMILY, peer_challenge.FAMILY, digest.FAMILY,
)
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


def route(text: str, ctx: Context, families: tuple[Family, ...] = FAMILIES, *, questions: bool = True) -> Reply:
    """Run one command line and return its reply. Never raises for anything a user can type.

    A line that is not a command (or is a command word followed by a question) is read as a question
    (`handlers.ask`); `questions=False` runs the line strictly as a command.
    """
    text = text.replace("\x00", "")
    word, rest = split_command(text)
    if word in HELP_WORDS or (word == "herald" and rest.lower() in ("", "help")):
        return help_reply()
    family = family_for(word, families)
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
        return family.handle(rest, ctx)
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
    except PermissionDenied as exc:
        ctx.session.rollback()
        return Reply(title="Not allowed", sections=(Section(text=str(exc)),), is_error=True)
    except Exception as exc:
        ctx.session.rollback()
        if database_unavailable(exc):
            log.warning("command failed: database unavailable family=%s (%s)", family.name, type(exc).__name__)
            return database_unavailable_reply()
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
                          "In Teams, mention @Herald and leave out the slash."))


def family_help(family: Family) -> Reply:
    status = () if family.ready else ("Coming soon: not built yet.",)
    return Reply(title=f"/{family.name}: {family.summary}",
                 sections=(Section(heading="Usage", text=family.usage),
                           Section(heading="Examples", text="\n".join(family.examples))),
                 context=status)
