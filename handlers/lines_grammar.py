"""The `/lines` grammar: `draft "<topic>" text:"…" …`, `edit <topic|id> text:"…"`, and naming a line.

A review date is read as a local day ahead; one in the past, or in words Herald cannot read, is
questioned (with an example), never guessed. Tags are read once into councils (exact names only),
programmes, campaigns and free words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.args import Args, parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.inputs import is_id, read_id
from models.line_tags import resolve_tags
from models.lines import Line, LineDraft, Tag, get_visible_line, line_by_topic
from models.lines_search import search_lines
from models.moments import MomentError, parse_local_day
from models.press import Viewer

DRAFT_EXAMPLE = ('/lines draft "Oflog launch" text:"We welcome the launch of Oflog…" spokesperson:"Cllr Abi Brown" '
                 'review:"31 March 2027" tags:Oflog,assurance')
EDIT_EXAMPLE = '/lines edit "Oflog launch" text:"We welcome…" review:"30 June 2027"'
DRAFT_OPTIONS = frozenset({"text", "spokesperson", "review", "tags", "press", "use"})
EDIT_OPTIONS = frozenset({"text", "spokesperson", "review"})
USE_WORDS = {"volunteer": "volunteer", "on-request": "on_request", "on_request": "on_request",
             "request": "on_request"}
MAX_TOPIC = 300
MAX_TEXT = 8000


@dataclass(frozen=True)
class DraftCommand:
    """`/lines draft`, read and checked."""

    topic: str
    version: LineDraft
    tags: list[Tag]
    use: str
    press_id: int | None


def viewer_of(ctx: Context) -> Viewer:
    """The person asking, as the embargo rule sees them (as `/press`)."""
    return Viewer(user_id=ctx.actor.user_id, is_admin=ctx.actor.is_admin)


def read_draft(text: str, ctx: Context) -> DraftCommand:
    """A new line from `"<topic>" text:"…" [spokesperson:…] [review:…] [tags:a,b] [volunteer] [press:ID]`
    (`use:volunteer|on-request` says the same as the bare word)."""
    args = parse_args(text, DRAFT_OPTIONS)
    use = "on_request"
    words = []
    for word in args.words:
        if word.lower() in USE_WORDS:
            use = USE_WORDS[word.lower()]
        else:
            words.append(word)
    if args.options.get("use"):  # use:volunteer|on-request, as the forms write it
        use = USE_WORDS.get(args.options["use"].lower())
        if use is None:
            raise UsageError(f'use: "{args.options["use"][:30]}" is not volunteer or on-request.',
                             example=DRAFT_EXAMPLE, field="use")
    topic = " ".join(words).strip()
    if not topic:
        raise UsageError("Give the topic in quotes, then text:\"…\".", example=DRAFT_EXAMPLE, field="topic")
    if len(topic) > MAX_TOPIC:
        raise UsageError(f"The topic is too long (at most {MAX_TOPIC} characters).", example=DRAFT_EXAMPLE,
                         field="topic")
    version = read_version(args, ctx, DRAFT_EXAMPLE, previous=None)
    press_id = read_id(args.options["press"], "press activity", DRAFT_EXAMPLE) if args.options.get("press") else None
    return DraftCommand(topic=topic, version=version, tags=read_tags(args.options.get("tags", ""), ctx), use=use,
                        press_id=press_id)


def read_version(args: Args, ctx: Context, example: str, previous: LineDraft | None) -> LineDraft:
    """The text, spokesperson and review date of a version; an edit keeps what it does not change."""
    text = (args.options.get("text") or "").strip() or (previous.text if previous else "")
    if not text:
        raise UsageError('Give the line\'s words as text:"…".', example=example, field="text")
    if len(text) > MAX_TEXT:
        raise UsageError(f"The text is too long (at most {MAX_TEXT} characters).", example=example, field="text")
    spokesperson = args.options.get("spokesperson", previous.spokesperson if previous else None)
    review = read_review(args.options["review"], ctx, example) if args.options.get("review") else (
        previous.review_by if previous else None)
    return LineDraft(text=text, spokesperson=(spokesperson or "").strip()[:200] or None, review_by=review)


def read_review(text: str, ctx: Context, example: str) -> date:
    """A review-by day ahead; a past or unreadable one is questioned with an example, never guessed."""
    today = ctx.now().astimezone(ctx.tz).date()
    try:
        day = parse_local_day(text, ctx.now().astimezone(ctx.tz), direction="future")
    except MomentError:
        raise UsageError(f'review: "{text[:40]}" is not a date I can read. Give a day ahead with its year, '
                         'e.g. review:"31 March 2027".', example=example, field="review") from None
    if day < today:
        raise UsageError(f"review: {day:%d %B %Y} is in the past. Give the day the line should next be reviewed, "
                         f"with its year (e.g. review:\"{day.replace(year=today.year + 1):%d %B %Y}\").",
                         example=example, field="review")
    return day


def read_tags(text: str, ctx: Context) -> list[Tag]:
    """Comma-separated tags: councils by exact name, programmes and campaigns by name, else words."""
    return resolve_tags(ctx.session, text)


def named_line(text: str, ctx: Context, example: str) -> Line:
    """The line `text` names: `#12`/`12`, or its exact topic; otherwise NotFound with the closest topics."""
    name = text.strip().strip('"\u201c\u201d')
    if not name:
        raise UsageError("Which line? Give its number or its topic.", example=example)
    viewer = viewer_of(ctx)
    if is_id(name.lstrip("#")):
        line = get_visible_line(ctx.session, read_id(name, "line", example), viewer, ctx.now())
        if line is None:
            raise NotFound(f"There is no line #{name.lstrip('#')} that you can see.")
        return line
    line = line_by_topic(ctx.session, name, viewer, ctx.now())
    if line is None:
        close = tuple(f"#{found.id} {found.topic}" for found in search_lines(ctx.session, name, viewer, ctx.now(), 3))
        raise NotFound(f"There is no line on the topic \u201c{name[:60]}\u201d.", suggestions=close)
    return line
