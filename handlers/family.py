"""A command family (`coverage`, `press`…): its words, usage, examples and handler."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from handlers.context import Context
from handlers.reply import Reply

Handler = Callable[[str, Context], Reply]


def first_word(rest: str) -> str:
    """The first word of a command's arguments, lower-cased ("" when there is none)."""
    words = rest.split(None, 1)
    return words[0].lower() if words else ""


@dataclass(frozen=True)
class Family:
    """One command family. `handle` is None while the family is still coming."""

    name: str
    summary: str
    usage: str
    examples: tuple[str, ...]
    handle: Handler | None = None
    aliases: tuple[str, ...] = ()
    slow: bool = False  # every command of this family may take longer than chat's few seconds
    slow_words: tuple[str, ...] = ()  # words that make a command slow (e.g. "export", "board", "add")
    reads: Callable[[str], bool] | None = None  # whether a command only reads; None: it may write

    def only_reads(self, rest: str) -> bool:
        """Whether `rest` (the words after the family name) only reads, so it can run on a snapshot
        that takes no write lock. A command that is wrongly said to read fails loudly when it writes
        (`models.db.WriteWhileReading`); one not said to read just takes the lock for its moment."""
        return self.reads is not None and self.reads(rest)
    searches_words: bool = False  # words it cannot read become a text search, so a question is read first

    def is_slow(self, rest: str) -> bool:
        """Whether `rest` (the words after the family name) should run as background work."""
        return self.slow or any(word in self.slow_words for word in rest.lower().split())

    @property
    def ready(self) -> bool:
        return self.handle is not None

    @property
    def slash(self) -> str:
        return f"/{self.name}"
