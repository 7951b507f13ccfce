"""A council's civic head and committees named straight after its place.

"Belfast Lord Mayor", "Glasgow Lord Provost": the council's civic head, an office only a council has, so the
capitalised words after the place are the office, not a body named after the place ("Belfast Harbour"). Not
"Lord Lieutenant", the Crown's representative in a county, which is no council's office.

"Harrow scrutiny committee calls in leisure deal", "Brent audit committee": a council's own committee after the
place's bare name is the council, as its officers are ("Essex chief executive"), even where the name is an
ordinary word or a school's (Harrow); a committee is what a council decides and answers through.
"""
from __future__ import annotations

# Civic offices written after a place's name ("Belfast Lord Mayor", "Leeds Lord Mayor", "Glasgow Lord Provost").
CIVIC_HEADS = (("lord", "mayor"), ("lord", "provost"), ("lady", "mayoress"), ("deputy", "lord", "mayor"),
               ("civic", "mayor"))

# A council's committees and panels, read where its officers are (`feeds.council_context.confident`).
COMMITTEES = tuple(tuple(name.split()) for name in (
    "scrutiny panel", "scrutiny committee", "scrutiny board", "scrutiny commission", "scrutiny chair",
    "overview and scrutiny", "planning committee", "planning board", "planning panel", "planning chair",
    "licensing committee", "licensing panel", "licensing sub committee", "audit committee", "full council",
    "cabinet member"))


def civic_head(words: list[str], end: int) -> bool:
    """A civic head's office starts at `end`, straight after a place's name ("Belfast Lord Mayor")."""
    return any(tuple(words[end:end + len(office)]) == office for office in CIVIC_HEADS)
