"""Questions in plain English, in front of the one router: read, then run, ask back, or offer.

Text that is not a command reaches `answer_question` from `handlers.router.route`, whichever way it
came (Slack @mention, DM or `/herald …`, Teams `@Herald`, `flask --app app ask`). A `Reader` turns it
into readings (commands, best first). Then, always in this order:

- the best reading changes something → it is offered as the command to confirm, never run;
- one reading is clearly best → its command runs, and the answer starts with that command (muted);
- a few readings are close → the best one to three come back as buttons, with the family's usage;
- nothing reads → what Herald can answer, with the examples closest to what was asked.

`read_only` is checked on every reading whatever the reader, so a future reader (say a language model
the organisation hosts itself, plugged in as another `Reader`) can never make a question change state.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Literal, Protocol

from rapidfuzz import fuzz

from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import HeraldError
from handlers.family import Family
from handlers.question import Reading, take_apart
from handlers.question_intents import readings
from handlers.question_words import CHANGE_VERBS, QUESTIONY
from handlers.reply import Button, Fact, Reply, Section

SURE_AT = 0.75  # a reading this confident, and clearly ahead of the next, is run
MARGIN = 0.15
MAX_READINGS = 3
Runner = Callable[[str], Reply]


class Reader(Protocol):
    """Reads free text as Herald commands: readings best first, or none. Must not change anything."""

    def read(self, text: str, ctx: Context) -> list[Reading]:
        """The readings of `text`."""
        ...


class PatternReader:
    """The default reader: Herald's own words and parsers (`handlers.question`), no model, no network."""

    def read(self, text: str, ctx: Context) -> list[Reading]:
        """Take the question apart, then pick the family and command from its cue words and names."""
        return readings(take_apart(text, ctx))


PATTERNS = PatternReader()


@dataclass(frozen=True)
class Understanding:
    """What a question was taken to mean: run one reading, choose among some, offer a change, or none."""

    kind: Literal["run", "choose", "offer", "unknown"]
    readings: tuple[Reading, ...] = ()  # run, offer: the one; choose: the best one to three


def understand(text: str, ctx: Context, families: tuple[Family, ...], reader: Reader = PATTERNS) -> Understanding:
    """How Herald reads `text`: readings of known families only, state changes offered, never run."""
    found = [r for r in reader.read(text, ctx) if _family_of(r.command, families) is not None]
    if not found:
        return Understanding("unknown")
    found = [replace(r, changes_state=r.changes_state or not read_only(r.command, families)) for r in found]
    if found[0].changes_state:
        return Understanding("offer", (found[0],))
    safe = tuple(r for r in found if not r.changes_state)
    if safe[0].confidence >= SURE_AT and (len(safe) == 1 or safe[1].confidence <= safe[0].confidence - MARGIN):
        return Understanding("run", safe[:1])
    return Understanding("choose", safe[:MAX_READINGS])


def answer_question(text: str, ctx: Context, families: tuple[Family, ...], run: Runner,
                    reader: Reader = PATTERNS) -> Reply:
    """The answer to a question: its command's reply (named first), a choice, an offer, or what to ask."""
    seen = understand(text, ctx, families, reader)
    if seen.kind == "run":
        return shown_as(run(seen.readings[0].command), seen.readings[0].command)
    if seen.kind == "offer":
        return offer_reply(seen.readings[0].command, families)
    if seen.kind == "choose":
        return choose_reply(text, seen.readings, families)
    return unknown_reply(text, families)


def reread(text: str, rest: str, ctx: Context, families: tuple[Family, ...]) -> str | None:
    """For a line that starts with a command word but reads as a question ("coverage of Croydon since
    June"), the command it means when Herald is sure and it differs; None to run the line as typed."""
    try:
        words = parse_args(rest).words
    except HeraldError:
        return None
    if not words or words[0].lower() in CHANGE_VERBS or not any(w.lower() in QUESTIONY for w in words):
        return None
    seen = understand(text, ctx, families)
    if seen.kind != "run" or _same(seen.readings[0].command, text):
        return None
    return seen.readings[0].command


def shown_as(reply: Reply, command: str) -> Reply:
    """`reply` starting with the command the question ran, so people learn the short form."""
    return replace(reply, understood=f"/{command}")


def read_only(command: str, families: tuple[Family, ...]) -> bool:
    """Whether a command only looks things up, as its family says (`Family.reads`, the same answer that
    lets it run on a snapshot). Anything not known to be a look-up counts as a change."""
    words = command.split()
    if (words[1:2] and words[1].lower() == "help") or (words and words[0].lower() == "herald"):
        return True
    family = _family_of(command, families)
    return family is not None and family.only_reads(" ".join(words[1:]))


def offer_reply(command: str, families: tuple[Family, ...]) -> Reply:
    """A sentence that would change something: the command to send, with a button only if it is whole."""
    family = _family_of(command, families)
    whole = "<" not in command and "…" not in command
    sections = [Section(text="Herald only looks things up from a question, so nothing has been changed. "
                             + ("To do it, confirm the command:" if whole else "To do it, fill in and send:")),
                Section(heading="Command", text=f"/{command}")]
    if family is not None:
        sections.append(Section(heading="Usage", text=family.usage))
    buttons = (Button(f"Confirm: /{command}"[:75], command=command, style="primary"),) if whole else ()
    return Reply(title="I haven't changed anything yet", sections=tuple(sections), buttons=buttons,
                 context=("Commands you type yourself run straight away.",))


def choose_reply(text: str, found: tuple[Reading, ...], families: tuple[Family, ...]) -> Reply:
    """Not sure: the best readings as buttons (each runs its command), and the family's usage."""
    family = _family_of(found[0].command, families)
    sections = [Section(text=f'I can read "{_short(text)}" more than one way, so pick one:')]
    if family is not None:
        sections.append(Section(heading=f"/{family.name} usage", text=family.usage))
    return Reply(title="Did you mean…", sections=tuple(sections),
                 buttons=tuple(Button(f"/{r.command}"[:75], command=r.command) for r in found),
                 context=("Or ask again in other words.",))


def unknown_reply(text: str, families: tuple[Family, ...]) -> Reply:
    """Nothing read: what Herald can answer, the families closest to the question first."""
    ready = [f for f in families if f.ready]
    ranked = sorted(ready, key=lambda f: -fuzz.token_set_ratio(text.lower(), f"{f.name} {f.summary}".lower()))
    facts = tuple(Fact(label=f"/{f.name}", value=f"{f.summary}. e.g. {_question_example(f)}") for f in ranked)
    return Reply(title="Here's what I can answer",
                 sections=(Section(text=f'I couldn\'t match "{_short(text)}" to anything I know yet. '
                                        "Ask about one of these, in your own words or as a command:"),
                           Section(facts=facts)),
                 context=("e.g. \"how did Thurrock do in the press last month?\" or /coverage last month "
                          "council:Thurrock. /herald help lists every command.",))


QUESTION_EXAMPLES = {
    "coverage": "how did Thurrock do in the press last month?", "feeds": "which feeds do we poll?",
    "council": "tell me about Woking", "press": "what press releases did we put out this month?",
    "campaign": "how is the Be a Councillor campaign going?", "programme": "what's the status of LG Inform?",
    "peer-challenge": "which peer challenges are due?", "digest": "show me this week's round-up",
}


def _question_example(family: Family) -> str:
    said = QUESTION_EXAMPLES.get(family.name)
    return f'"{said}" or {family.examples[0]}' if said else family.examples[0]


def _family_of(command: str, families: tuple[Family, ...]) -> Family | None:
    word = command.split(None, 1)[0].lower() if command.strip() else ""
    if word == "herald":
        return Family(name="herald", summary="help", usage="/herald help", examples=("/herald help",))
    return next((f for f in families if word in (f.name, *f.aliases) and f.ready), None)


def _same(command: str, typed: str) -> bool:
    def words(line: str) -> list[str]:
        return sorted(w.lower().strip('"') for w in line.replace("/", " ", 1).split())
    return words(command) == words(typed)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"
