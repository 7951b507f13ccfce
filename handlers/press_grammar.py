"""The `/press` grammar: `log <type> "<title>" [key:value…]` and `edit <id> key:value…` into typed drafts.

Error messages here are what the person sees (and what the tests check); each names the form
field at fault so the Slack form can show it beside the right input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from rapidfuzz import process

from handlers.args import Args, parse_args
from handlers.context import Context
from handlers.errors import UsageError
from handlers.inputs import campaign_named, clearing, programme_named, read_link, read_moment
from models.moments import local_label
from models.press import PRESS_TYPES, TYPE_ALIASES, FieldChange, PressDraft, press_type

LOG_EXAMPLE = '/press log statement "Response to Oflog launch" outlet:LGC spokesperson:"Cllr Abi Brown"'
EDIT_EXAMPLE = '/press edit 12 outlet:"The MJ" date:"17/02/2011 10am"'
LOG_OPTIONS = frozenset({"outlet", "date", "spokesperson", "programme", "campaign", "link", "embargo", "notes"})
EDIT_OPTIONS = LOG_OPTIONS | {"type", "title"}
TYPE_LIST = ("press release, statement, response, interview, exclusive, briefing, article (op-ed), podcast, "
             "broadcast, event, evidence (to a select committee)")
EMBARGO_EXAMPLE = '/press log "press release" "…" embargo:"Tue 00:01"'
EMBARGO_TIME = time(0, 1)  # "embargoed until Tuesday" means 00:01 on Tuesday, as press offices write it
MAX_TITLE = 500
MAX_TEXT = 200


@dataclass(frozen=True)
class PressFields:
    """`/press log` as a form fills it: each field as typed, named by the form's block ids.

    The one-line command is read into this too, so the form and the command are checked by the
    same code (`draft_from_fields`) and fail with the same messages on the same field.
    """

    type: str
    title: str
    outlet: str = ""
    date: str = ""
    spokesperson: str = ""
    programme: str = ""
    campaign: str = ""
    link: str = ""
    embargo: str = ""
    notes: str = ""


def read_log(text: str, ctx: Context) -> PressDraft:
    """A `PressDraft` from `<type> "<title>" [key:value…]`, every value checked and resolved."""
    args = parse_args(text, LOG_OPTIONS)
    if not args.words:
        raise UsageError("Say what you are logging: a type and a title in quotes.", example=LOG_EXAMPLE, field="type")
    kind, used = _read_type(args)
    title = _read_title(args, used)
    return draft_from_fields(PressFields(type=kind, title=title, **args.options), ctx)


def draft_from_fields(fields: PressFields, ctx: Context) -> PressDraft:
    """Check and resolve every field (dates, names, link); a UsageError or NotFound names the field."""
    kind = press_type(fields.type)
    if not kind:
        raise UsageError(f'"{fields.type.strip()[:40]}" is not a type of press activity. Types: {TYPE_LIST}.',
                         example=LOG_EXAMPLE, field="type")
    title = _read_title(Args(words=[fields.title], quoted={0}), 0)
    present = {name: value.strip() for name, value in vars(fields).items() if value and value.strip()}
    return PressDraft(
        kind=kind, title=title,
        occurred_at=read_moment(present["date"], ctx, "date", LOG_EXAMPLE) if "date" in present else ctx.now(),
        outlet_name=_text(present.get("outlet"), "outlet"),
        spokesperson=_text(present.get("spokesperson"), "spokesperson"),
        programme_id=programme_named(ctx, present["programme"]).id if "programme" in present else None,
        campaign_id=campaign_named(ctx, present["campaign"]).id if "campaign" in present else None,
        link=read_link(present["link"], "link", LOG_EXAMPLE) if "link" in present else None,
        embargo_until=read_embargo(present["embargo"], ctx) if "embargo" in present else None,
        notes=present.get("notes"))


def _read_type(args: Args) -> tuple[str, int]:
    """The press type from the leading words (up to three: "article or op-ed"), or one quoted phrase."""
    if 0 in args.quoted and press_type(args.words[0]) and len(args.words) > 1:
        return press_type(args.words[0]), 1
    for n in (3, 2, 1):
        lead = args.words[:n]
        if len(lead) == n and not any(i in args.quoted for i in range(n)):
            kind = press_type(" ".join(lead))
            if kind:
                return kind, n
    first = args.words[0]
    if 0 in args.quoted:
        raise UsageError(f'Start with the type of press activity, then the title. Types: {TYPE_LIST}.',
                         example=LOG_EXAMPLE, field="type")
    close = process.extractOne(first.lower(), list(PRESS_TYPES) + list(TYPE_ALIASES), score_cutoff=70)
    hint = f" Did you mean {press_type(close[0])}?" if close else ""
    raise UsageError(f'"{first[:40]}" is not a type of press activity.{hint} Types: {TYPE_LIST}.',
                     example=LOG_EXAMPLE, field="type")


def _read_title(args: Args, start: int) -> str:
    """The title: the quoted phrase after the type, or every remaining word when none is quoted."""
    rest = args.words[start:]
    _reject_unknown_options([w for i, w in enumerate(args.words) if i >= start and i not in args.quoted])
    if not rest:
        raise UsageError('Give the title in quotes after the type, e.g. "Response to Oflog launch".',
                         example=LOG_EXAMPLE, field="title")
    if start in args.quoted:
        if len(rest) > 1:
            raise UsageError(f"I didn't understand {' '.join(rest[1:])[:80]!r} after the title. "
                             "Put options as key:value, e.g. outlet:LGC.", example=LOG_EXAMPLE, field="title")
        title = rest[0].strip()
    else:
        title = " ".join(rest).strip()
    if not title:
        raise UsageError("The title is empty.", example=LOG_EXAMPLE, field="title")
    if len(title) > MAX_TITLE:
        raise UsageError(f"The title is {len(title)} characters; keep it under {MAX_TITLE}.",
                         example=LOG_EXAMPLE, field="title")
    return title


def _reject_unknown_options(words: list[str]) -> None:
    for word in words:
        m = re.match(r"^([a-z]+):(?!//)", word.lower())
        if m:
            raise UsageError(f'"{m.group(1)}:" is not an option of /press log. Options: '
                             + ", ".join(f"{k}:" for k in sorted(LOG_OPTIONS)) + ".", example=LOG_EXAMPLE)


def _text(value: str | None, field: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise UsageError(f"{field}: keep it under {MAX_TEXT} characters.", example=LOG_EXAMPLE, field=field)
    return value.strip()


def read_embargo(value: str, ctx: Context, example: str = EMBARGO_EXAMPLE) -> datetime:
    """When an embargo lifts (press activity, enquiries): a future moment; a bare day means 00:01 that day."""
    when = read_moment(value, ctx, "embargo", example, direction="future", default_time=EMBARGO_TIME)
    if when <= ctx.now():
        raise UsageError(f"embargo: {local_label(when, ctx.tz)} has already passed; an embargo must lift "
                         "in the future.", example=example, field="embargo")
    return when


def read_edit(text: str, ctx: Context) -> tuple[str, list[FieldChange]]:
    """(the id as typed, the changes) from `<id> key:value…`; "none" clears an optional field."""
    args = parse_args(text, EDIT_OPTIONS)
    if not args.words:
        raise UsageError("Give the number of the press activity to edit.", example=EDIT_EXAMPLE)
    if len(args.words) > 1:
        _reject_unknown_options([w for i, w in enumerate(args.words) if i and i not in args.quoted])
        raise UsageError(f"I didn't understand {' '.join(args.words[1:])[:80]!r}. Give changes as key:value.",
                         example=EDIT_EXAMPLE)
    if not args.options:
        raise UsageError("Say what to change, as key:value: " + ", ".join(f"{k}:" for k in sorted(EDIT_OPTIONS)),
                         example=EDIT_EXAMPLE)
    return args.words[0], [_change(key, value, ctx) for key, value in args.options.items()]


def _change(key: str, value: str, ctx: Context) -> FieldChange:
    if key == "type":
        kind = press_type(value)
        if not kind:
            raise UsageError(f'"{value[:40]}" is not a type of press activity. Types: {TYPE_LIST}.',
                             example=EDIT_EXAMPLE, field="type")
        return FieldChange("kind", kind)
    if key == "title":
        return FieldChange("title", _read_title(Args(words=[value], quoted={0}), 0))
    if key == "date":
        if clearing(value):
            raise UsageError("date: a press activity always has a date.", example=EDIT_EXAMPLE, field="date")
        return FieldChange("occurred_at", read_moment(value, ctx, "date", EDIT_EXAMPLE))
    if clearing(value):
        return FieldChange({"outlet": "outlet_name", "programme": "programme_id", "campaign": "campaign_id",
                            "embargo": "embargo_until"}.get(key, key), None)
    return _set(key, value, ctx)


def _set(key: str, value: str, ctx: Context) -> FieldChange:
    readers = {
        "outlet": lambda: FieldChange("outlet_name", _text(value, "outlet")),
        "spokesperson": lambda: FieldChange("spokesperson", _text(value, "spokesperson")),
        "programme": lambda: FieldChange("programme_id", programme_named(ctx, value).id),
        "campaign": lambda: FieldChange("campaign_id", campaign_named(ctx, value).id),
        "link": lambda: FieldChange("link", read_link(value, "link", EDIT_EXAMPLE)),
        "embargo": lambda: FieldChange("embargo_until", read_embargo(value, ctx)),
        "notes": lambda: FieldChange("notes", value.strip()),
    }
    return readers[key]()
