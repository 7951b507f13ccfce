"""Joining lines to what they answered: `/press log … line:ID` links a statement to the line it used, and
`/enquiry close ID statement line:ID` links the enquiry (and the statement it logs) to it."""
from __future__ import annotations

import re

from handlers.context import Context
from handlers.errors import UsageError
from handlers.lines_grammar import named_line
from models.access import Action
from models.lines import LineStateError, record_line_use

_LINE_OPTION = re.compile(r"(?:^|\s)line:#?(\S+)(?=\s|$)", re.IGNORECASE)
PRESS_EXAMPLE = '/press log statement "Response to Oflog launch" outlet:LGC line:12'


def take_line_option(rest: str) -> tuple[str, int | None]:
    """`rest` without its `line:ID` option, and the id (None when there is none)."""
    match = _LINE_OPTION.search(rest)
    if match is None:
        return rest, None
    if not match.group(1).isdigit():
        raise UsageError(f'line: "{match.group(1)[:30]}" is not a line number.', example=PRESS_EXAMPLE, field="line")
    return (rest[:match.start()] + rest[match.end():]).strip(), int(match.group(1))


def link_press_line(press_id: int | None, line_id: int, ctx: Context, enquiry_id: int | None = None,
                    example: str = PRESS_EXAMPLE) -> str:
    """Record the use of the line's current version by a press activity (and the enquiry it answered);
    what to tell the person. Raises UsageError, before anything is stored, for a line that cannot be used."""
    line = named_line(str(line_id), ctx, example)
    ctx.require(Action.LINES_USE)
    try:
        use = record_line_use(ctx.session, line.id, actor=ctx.actor, now=ctx.now(), press_id=press_id,
                              enquiry_id=enquiry_id)
    except LineStateError as exc:
        raise UsageError(f"{exc} Nothing was logged.", example=example, field="line") from None
    version = next(v.number for v in line.versions if v.id == use.version_id)
    return f"Used line #{line.id} v{version} ({line.topic}): /lines history {line.id} shows it."
