"""A party's group on a council, named by the place and the party, in the council's own business.

"Harrow Conservatives propose council tax freeze", "Sutton Lib Dems unveil budget", "Richmond Labour call for
council tax rebate": the place's party group proposes and opposes the council's budget and tax, so an
ordinary-word place before a party word, in a text with a word only local government uses, is the council. A
party word alone is not enough ("Richmond Conservatives pick candidate" may be the parliamentary seat's).
"""
from __future__ import annotations

from feeds.council_words import PARTY_WORDS

# Words of a council's own business that make a place's party group the council's ("council tax", "budget").
_COUNCIL_BUSINESS = frozenset({"council", "councils", "councillor", "councillors", "budget", "budgets", "cabinet",
                               "tax", "precept", "overspend", "deficit", "administration", "opposition"})


def party_group(words: list[str], i: int) -> str | None:
    """Why the ordinary-word name at `i` counts as its council for a party word straight after it, in a text of
    the council's business; None otherwise."""
    after = words[i + 1] if i + 1 < len(words) else ""
    if after not in PARTY_WORDS or _COUNCIL_BUSINESS.isdisjoint(words[i + 2:]):
        return None
    return f'a party\'s group on the council ("{after}") in the council\'s business'
