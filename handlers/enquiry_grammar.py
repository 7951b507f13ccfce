"""The `/enquiry` grammar: `log "<topic>" [key:value…]`, owners (`@sam`, `me`) and deadlines.

The words, quotes and `key:value` options are the shared grammar (handlers/args.py); the embargo
is read exactly as `/press` reads one. Each error names the form field at fault.
"""
from __future__ import annotations

import re
from datetime import datetime

from rapidfuzz import process

from handlers.args import parse_args
from handlers.context import Context
from handlers.people import read_person
from handlers.errors import NotFound, UsageError
from handlers.press_grammar import read_embargo
from models.council_lookup import council_match, council_nice_names
from models.council import resolve_council
from models.deadlines import DeadlineQuestion, parse_deadline
from models.enquiry import EnquiryDraft

LOG_EXAMPLE = ('/enquiry log "Funding gap at Thurrock" outlet:LGC journalist:"Jane Smith" deadline:"4pm" '
               "council:Thurrock owner:@sam")
LOG_OPTIONS = frozenset({"outlet", "journalist", "deadline", "council", "councils", "owner", "embargo", "notes"})
EMBARGO_EXAMPLE = '/enquiry log "Pay offer to staff" deadline:"Fri 2pm" embargo:"Tue 00:01"'
MAX_TOPIC = 500
MAX_TEXT = 200


def read_log(text: str, ctx: Context) -> EnquiryDraft:
    """An `EnquiryDraft` from `"<topic>" [key:value…]`; every value checked, nothing guessed."""
    args = parse_args(text, LOG_OPTIONS)
    topic = _topic(args.words, args.quoted)
    options = {k: v.strip() for k, v in args.options.items() if v.strip()}
    if "deadline" not in options:
        raise UsageError("When is the journalist's deadline? Add deadline:\"4pm\" (or \"tomorrow 10:00\", "
                         "\"Friday\").", example=LOG_EXAMPLE, field="deadline")
    owner = read_person(options.get("owner"), ctx, LOG_EXAMPLE)
    return EnquiryDraft(
        topic=topic, deadline=read_deadline(options["deadline"], ctx), owner_id=owner.user_id,
        owner_name=owner.name, journalist=_text(options.get("journalist"), "journalist"),
        outlet_name=_text(options.get("outlet"), "outlet"),
        council_codes=read_councils(options.get("council") or options.get("councils") or "", ctx),
        embargo_until=read_embargo(options["embargo"], ctx, EMBARGO_EXAMPLE) if "embargo" in options else None,
        note=options.get("notes"))


def _topic(words: list[str], quoted: set[int]) -> str:
    """The topic: one quoted phrase, or every word when none is quoted; unknown `key:` words refused."""
    for i, word in enumerate(words):
        m = re.match(r"^([a-z]+):(?!//)", word.lower())
        if m and i not in quoted:
            raise UsageError(f'"{m.group(1)}:" is not an option of /enquiry log. Options: '
                             + ", ".join(f"{k}:" for k in sorted(LOG_OPTIONS - {"councils"})) + ".",
                             example=LOG_EXAMPLE)
    if not words:
        raise UsageError('Say what the enquiry is about, in quotes, e.g. "Funding gap at Thurrock".',
                         example=LOG_EXAMPLE, field="topic")
    if 0 in quoted and len(words) > 1:
        raise UsageError(f"I didn't understand {' '.join(words[1:])[:80]!r} after the topic. "
                         "Put options as key:value, e.g. outlet:LGC.", example=LOG_EXAMPLE, field="topic")
    topic = " ".join(" ".join(words).split())
    if not topic:
        raise UsageError("The topic is empty.", example=LOG_EXAMPLE, field="topic")
    if len(topic) > MAX_TOPIC:
        raise UsageError(f"The topic is {len(topic)} characters; keep it under {MAX_TOPIC}.",
                         example=LOG_EXAMPLE, field="topic")
    return topic


def read_deadline(text: str, ctx: Context, example: str = LOG_EXAMPLE) -> datetime:
    """The deadline in UTC, or a UsageError that asks (a past time or vague words are never guessed)."""
    try:
        return parse_deadline(text, ctx.now(), ctx.tz).at
    except DeadlineQuestion as exc:
        raise UsageError(f"deadline: {exc} Nothing was saved.", example=example, field="deadline") from None


def read_councils(text: str, ctx: Context) -> tuple[str, ...]:
    """The council codes named in `council:Thurrock,Essex`, resolved as coverage resolves them."""
    codes: list[str] = []
    for name in (part.strip() for part in text.split(",")):
        if not name:
            continue
        match = council_match(ctx.session, name)
        if not match.named and (resolved := resolve_council(ctx.session, name).council) is not None:
            match = council_match(ctx.session, resolved.nice_name)
        if not match.named:
            near = tuple(n for n, _s, _i in process.extract(name, council_nice_names(ctx.session), limit=3,
                                                              score_cutoff=70))
            raise NotFound(f"I don't know a council called {name[:60]!r}.", suggestions=near, field="council")
        codes.append(match.named[0][0])
    return tuple(dict.fromkeys(codes))


def _text(value: str | None, field: str) -> str | None:
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise UsageError(f"{field}: keep it under {MAX_TEXT} characters.", example=LOG_EXAMPLE, field=field)
    return value
