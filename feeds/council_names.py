"""The short names headlines use for councils whose official everyday name joins two places or
names a river: "Brighton council" for Brighton and Hove, "Stockton approves…" for Stockton-on-Tees,
"Richmond and Wandsworth councils" for Richmond upon Thames, "East Riding" for the East Riding of
Yorkshire. mySociety's register carries only the full names.

A short name is the part of a current council's everyday name before its first "and", "with",
"upon", "on", "under", "of" or comma. It is kept only when no council is already called by it, no
other council's name shortens to it, and it is not an ordinary word ("Isle", "Forest", "Vale",
"Mid"). A one-word short name is a town more often than the council, so it counts only with
council context (a council word, a council verb, a place preposition; see `feeds.council_context`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from feeds.council_words import GENERIC
from models.councils_data import normalize_name

_SPLIT = re.compile(r",|\s(?:and|&|with|upon|on|under|of)\s|-(?:on|upon|under)-", re.IGNORECASE)
# First parts of joined names that are ordinary words or a club's word, never a council on their own.
NOT_SHORT = frozenset({"isle", "isles", "forest", "vale", "the vale", "mid", "city"})


def short_names(councils: list[tuple[str, str]], taken: set[str]) -> list[tuple[str, str]]:
    """(short name, code) for each current council, from (code, everyday name) pairs; `taken` holds
    every normalised name that already names a council."""
    found: dict[str, set[str]] = {}
    for code, nice_name in councils:
        parts = _SPLIT.split(nice_name, maxsplit=1)
        if len(parts) < 2:
            continue
        words = normalize_name(parts[0]).split()
        while words and words[-1] in ("city", "county", "borough"):
            words.pop()  # "Armagh City, Banbridge and Craigavon" → "armagh"
        short = " ".join(words)
        if short and short not in taken and short not in NOT_SHORT and not all(w in GENERIC for w in words):
            found.setdefault(short, set()).add(code)
    return sorted((short, next(iter(codes))) for short, codes in found.items() if len(codes) == 1)


# Northern Ireland's 26 districts were merged into 11 in April 2015; the register marks the old ones
# abolished but names no successor. Each old district → the council whose area took most of it.
FORMER_NI_DISTRICTS = {
    "NIR-A": "DRS", "NIR-B": "CCG", "NIR-C": "CCG", "NIR-D": "CCG", "NIR-E": "CCG", "NIR-F": "MEA", "NIR-G": "MEA",
    "NIR-H": "MUL", "NIR-I": "MUL", "NIR-J": "DRS", "NIR-K": "FMO", "NIR-L": "FMO", "NIR-M": "MUL", "NIR-N": "ABC",
    "NIR-O": "ABC", "NIR-P": "NMD", "NIR-Q": "ABC", "NIR-R": "NMD", "NIR-S": "LBC", "NIR-T": "ANN", "NIR-U": "ANN",
    "NIR-V": "MEA", "NIR-W": "AND", "NIR-X": "AND", "NIR-Y": "LBC"}


@dataclass(frozen=True)
class Areas:
    """Which councils' areas hold an abolished council's place: its successors ("Harrogate" is in
    North Yorkshire Council's area since 2023)."""

    successors: dict[str, frozenset[str]] = field(default_factory=dict)

    def holder(self, code: str, counted: set[str], members: dict[str, str] | None = None) -> str | None:
        """The council among `counted` that succeeded `code`, or else (given each council's combined authority,
        `members`) the authority among `counted` that a successor belongs to ("Mayor David Skaith backs Harrogate
        station upgrade": Harrogate is in YNYC's area), or None."""
        succeeded = self.successors.get(code, frozenset()) & counted
        if not succeeded and members:
            succeeded = {members[s] for s in self.successors.get(code, ()) if members.get(s) in counted}
        return min(succeeded) if succeeded else None
