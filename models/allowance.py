"""A time a batch may spend on one kind of work, and whether it ran short.

A webhook post must answer in 2 s however big its batch, so it bounds what its judgement spends: reading texts as
sentences (`models.sentence_meaning.sentence_budget`) and comparing items for stories
(`models.stories.grouping_budget`). An allowance nests (an inner one never outlasts the one around it) and remembers
whether any work was left undone for want of time, so that the caller can have it finished later
(`models.story_settling`).
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator


@dataclass
class Allowance:
    """Until when (a `time.perf_counter` time) work may go on, and whether some was left undone."""

    ends: float
    outer: "Allowance | None" = None
    ran_short: bool = False

    def left(self) -> bool:
        """Whether there is time left."""
        return time.perf_counter() < self.ends

    def fell_short(self) -> None:
        """Note that work was left undone, here and in every allowance around this one."""
        allowance: Allowance | None = self
        while allowance is not None:
            allowance.ran_short = True
            allowance = allowance.outer


@contextmanager
def allowance(current: ContextVar["Allowance | None"], seconds: float) -> Iterator[Allowance]:
    """Within the block (in this thread), `current` holds an allowance of `seconds`, or less if the one around it
    ends sooner."""
    outer = current.get()
    ends = time.perf_counter() + seconds
    given = Allowance(ends if outer is None else min(outer.ends, ends), outer)
    token = current.set(given)
    try:
        yield given
    finally:
        current.reset(token)
