"""Domain errors raised inside Herald and turned into a reply once, at the router."""
from __future__ import annotations


class HeraldError(Exception):
    """An error whose message is safe and useful to show the person who asked."""


class UsageError(HeraldError):
    """The command could not be read; the reply adds the family's usage and an example."""

    def __init__(self, message: str, example: str | None = None, field: str | None = None,
                 reading: str | None = None):
        super().__init__(message)
        self.example = example
        self.field = field  # the form field at fault, so a form can show the error inline
        self.reading = reading  # the read-only command the person most likely meant, offered as a button


class NotFound(HeraldError):
    """A named thing does not exist; `suggestions` are the nearest names."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = (), field: str | None = None):
        super().__init__(message)
        self.suggestions = suggestions
        self.field = field  # the form field that named the missing thing, when it came from a form
