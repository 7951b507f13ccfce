"""The platform-neutral reply every command returns; `bot/` renders it for Slack, Teams or text.

All strings here are plain text exactly as a person or a feed wrote them: renderers escape them for
their platform. Nothing in a `Reply` is Slack or Teams markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Visibility = Literal["private", "channel"]


@dataclass(frozen=True)
class Fact:
    """A label and its value, shown side by side ("Items: 14")."""

    label: str
    value: str
    command: str | None = None  # the command that explains this number


@dataclass(frozen=True)
class Item:
    """A listed thing: a coverage item, a press release, a programme…"""

    title: str
    url: str | None = None
    meta: tuple[str, ...] = ()  # short facts shown after the title: outlet, date, tone
    detail: str | None = None
    marker: str | None = None  # a status word the renderer may show as a symbol: red, amber, green, positive…


@dataclass(frozen=True)
class Button:
    """An action: run a Herald command, or open a URL."""

    label: str
    command: str | None = None
    url: str | None = None
    style: Literal["default", "primary", "danger"] = "default"


@dataclass(frozen=True)
class Section:
    heading: str | None = None
    text: str | None = None
    facts: tuple[Fact, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A rendered chart (PNG bytes) with the words for people who cannot see it."""

    title: str
    png: bytes
    alt_text: str


@dataclass(frozen=True)
class Attachment:
    """A file returned with the reply (a CSV export, a board update)."""

    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Reply:
    """What a command answers: a title, sections, context lines, buttons, and paging."""

    title: str
    sections: tuple[Section, ...] = ()
    context: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    next_page: str | None = None  # the command that shows the next page
    chart: Chart | None = None
    attachments: tuple[Attachment, ...] = ()
    visibility: Visibility = "private"
    is_error: bool = False
    error_field: str | None = None  # which form field an error is about, when it came from a form
    understood: str | None = None  # the command a question was read as ("/coverage last month"), shown first, muted

    @property
    def summary(self) -> str:
        """A one-line fallback for notifications and platforms that show no structure."""
        return self.title


def outlets_line(outlets: tuple[str, ...] | list[str], shown: int = 2) -> str:
    """A story's outlets on one line: "LGC", "LGC and The MJ", "LGC, The MJ and 2 more"."""
    names = list(dict.fromkeys(outlets))
    if len(names) <= shown:
        return " and ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"


def error_reply(message: str, usage: str | None = None, examples: tuple[str, ...] = (),
                field: str | None = None) -> Reply:
    """A reply to input Herald could not act on: what went wrong, then how to say it."""
    sections = [Section(text=message)]
    if usage:
        sections.append(Section(heading="Usage", text=usage))
    if examples:
        sections.append(Section(heading="Examples", text="\n".join(examples)))
    return Reply(title="Sorry, I couldn't do that", sections=tuple(sections), is_error=True,
                 error_field=field)
