"""A command family (`coverage`, `press`…): its words, usage, examples and handler."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from handlers.context import Context
from handlers.reply import Reply

Handler = Callable[[str, Context], Reply]


@dataclass(frozen=True)
class Family:
    """One command family. `handle` is None while the family is still coming."""

    name: str
    summary: str
    usage: str
    examples: tuple[str, ...]
    handle: Handler | None = None
    aliases: tuple[str, ...] = ()

    @property
    def ready(self) -> bool:
        return self.handle is not None

    @property
    def slash(self) -> str:
        return f"/{self.name}"
