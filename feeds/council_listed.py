"""Councils joined by "and": whether the word after them is their verb or a trade of the place, and whether a council
word after the second names both.

"Sunderland and South Tyneside expand business park": the word after the second name is the councils' verb, not a
trade of the place's, as "Stoke pottery firm" is (`feeds.council_where.someone_from`). A one-word "trade" that is
also a plural verb of councils (`feeds.council_words.PLURAL_VERBS`) is their verb when a preposition or article
follows it ("Fife and Angus call for rail study", "… call on ministers"), not a business's place ("Leeds call centre").
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, NameMatch
from feeds.council_words import PLURAL_VERBS

# Words after a plural verb that no business's place is followed by.
_AFTER_A_VERB = frozenset({"for", "on", "to", "in", "the", "a", "an", "their", "new", "joint", "up", "off", "out"})


def listed_after(before: CouncilEvidence, previous: NameMatch, match: NameMatch, words: list[str]) -> bool:
    """`match` is the second of two councils joined by "and", the first counted."""
    return before.counted and previous.start + previous.length == match.start - 1 and \
        words[match.start - 1] in ("and", "&")


def their_verb(someone: str, words: list[str], end: int) -> bool:
    """`someone`, read after a name ending at `end`, is the listed councils' verb: two words or more (a verb
    before a business's grounds, "expand business park"), or one plural verb before a preposition or article."""
    return " " in someone or (someone in PLURAL_VERBS and words[end + 1:end + 2] != [] and
                              words[end + 1] in _AFTER_A_VERB)


def listed_as_council(matches: list[NameMatch], n: int, words: list[str], says_council) -> bool:
    """The name is joined by "and"/"or" to the next name, which a council word follows: "Stockton and
    Middlesbrough leaders clash with the mayor" names both councils' leaders (not a mayor's title:
    "Hull and East Riding mayor" is the combined authority's)."""
    end = matches[n].start + matches[n].length
    if n + 1 >= len(matches) or words[end:end + 1] not in (["and"], ["or"]) or matches[n + 1].start != end + 1:
        return False
    nxt = matches[n + 1]
    after = words[nxt.start + nxt.length:nxt.start + nxt.length + 1]
    return says_council(words, nxt) and after != ["mayor"] and after != ["mayors"]
