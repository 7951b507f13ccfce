"""A council joined by "and" to its metro mayor named after it, before a verb they share: two parties, each acting.

"Wirral and the Liverpool City Region mayor clash over bus fares", "Stockport and Andy Burnham agree housing
deal": a place joined to the mayor and acting with them, in a dispute or a deal, is its council, not a place in the
mayor's news (`feeds.council_where.mayors_places` refuses a member's place named beside its mayor otherwise): a
mayor clashes with, or agrees with, a council. The mayor named first ("… mayor and Solihull clash") is
`feeds.council_metro.joined_to_the_mayor`'s.
"""
from __future__ import annotations

from feeds.council_kinds import DISPUTE_PHRASES, DISPUTE_VERBS
from feeds.council_tokens import NameMatch
from feeds.council_words import PLURAL_VERBS

_AND = ("and", "&")
_MAYOR = frozenset({"mayor", "mayors"})
_JOINTLY = frozenset({"jointly", "together", "both", "still"})


def with_the_mayor_acting(words: list[str], matches: list[NameMatch], n: int) -> bool:
    """The name `matches[n]` is joined by "and" to a mayor after it (the word "mayor" within five words, or a
    mayor's name straight after "and"), and a plural or dispute verb follows the mayor: a party acting with or
    against the mayor."""
    match = matches[n]
    end = match.start + match.length
    if not words[end:end + 1] or words[end] not in _AND:
        return False
    if n + 1 < len(matches) and matches[n + 1].person and matches[n + 1].start == end + 1:
        return _acting(words, matches[n + 1].start + matches[n + 1].length)  # "Stockport and Andy Burnham…"
    mayor = next((k for k in range(end + 1, min(end + 6, len(words))) if words[k] in _MAYOR), None)
    return mayor is not None and _acting(words, mayor + 1)  # "Wirral and the … mayor clash…"


def _acting(words: list[str], k: int) -> bool:
    """A plural verb, a dispute's verb or a dispute's phrase starts at `k` (an adverb such as "jointly" aside)."""
    if words[k:k + 1] and words[k] in _JOINTLY:
        k += 1
    after = words[k] if k < len(words) else ""
    return after in PLURAL_VERBS or after in DISPUTE_VERBS or tuple(words[k:k + 2]) in DISPUTE_PHRASES
