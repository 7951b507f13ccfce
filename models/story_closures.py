"""A closure beside something new, for `models.story_match`: one council's (or one place's) two matters of one kind,
never one event told two ways. "New Stevenage secondary school approved" / "Hertfordshire to close Stevenage
primary"; "Powys closes four schools" / "Powys approves new Welsh-medium school": a council building one school and
closing another, a care hub opened and a care home to close, share the council, the topic and most of the words.

Headlines only: a summary's "new" is often the reason for the closure ("to make way for new homes"). A closure for
a time ("museum to close for two years for refurbishment") is the works the other headline may tell as a revamp,
and a closure ruled out ("airport will not close") is no closure.
"""
from __future__ import annotations

import functools
import re

_CLOSES = re.compile(r"(?<!not )(?<!never )\b(?:close|closes|closed|closing|closure|closures|shut|shuts|shutting)\b"
                     r"(?! for\b)", re.IGNORECASE)
_NEW = re.compile(r"\b(?:new|builds|to build|opens|opened)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)  # an item meets every item of the last 72 hours
def _tells(title: str) -> tuple[bool, bool]:
    """Whether a headline tells a closure, and whether it tells something new (built or opened)."""
    return bool(_CLOSES.search(title)), bool(_NEW.search(title))


def closure_beside_new(title_a: str, title_b: str) -> str | None:
    """"closure / new" when one headline tells only a closure and the other only something new, else None."""
    (closes_a, new_a), (closes_b, new_b) = _tells(title_a), _tells(title_b)
    if closes_a and not new_a and new_b and not closes_b:
        return "closure / new"
    if closes_b and not new_b and new_a and not closes_a:
        return "new / closure"
    return None
