"""Fourteenth round: names the institutions' rules took for a club or an attraction that are their councils.

A district's possessive before a listed town of its own area is the council ("North Norfolk's Cromer pier
reopens", "Hertsmere's Sky Studios Elstree deal"): a place does not own a town inside it. A name ending in "City"
joined to a county's name and acting with it is a council, not a club ("Aberdeenshire and Aberdeen City agree joint
plan"). `feeds.council_institutions` asks both before it files a name as a club's or an attraction's.
"""
from __future__ import annotations

from feeds.council_words import COUNCIL_VERBS, PLURAL_VERBS, NameMatch

ATTRACTION_KINDS = frozenset({"body or attraction in the place", "attraction in the place"})


def own_town_follows(words: list[str], end: int, code: str) -> bool:
    """Whether a listed town of the named council's own area follows its possessive within four words ("North
    Norfolk's Cromer pier", "Hertsmere's Sky Studios Elstree deal"; fourteenth round): a place does not own a
    town inside it, so the name is the council, whose town's attraction or deal it is."""
    if words[end:end + 1] != ["s"]:
        return False
    towns = _towns()
    return any(towns.get(tuple(words[k:k + size])) == code
               for k in range(end + 1, min(end + 5, len(words))) for size in (1, 2, 3))


def paired_with_a_shire(words: list[str], matches: list[NameMatch], n: int) -> bool:
    """Whether a name ending in "City" is joined by "and" to a county's name before it and a council's verb
    follows it ("Aberdeenshire and Aberdeen City agree joint plan"; fourteenth round): no club is paired with
    a county acting, so both are councils."""
    match = matches[n]
    end = match.start + match.length
    if n == 0 or end >= len(words) or words[end] == "to" or \
            (words[end] not in COUNCIL_VERBS and words[end] not in PLURAL_VERBS):
        return False
    before = matches[n - 1]
    return before.start + before.length == match.start - 1 and words[match.start - 1] in ("and", "&") and \
        words[before.start + before.length - 1].endswith("shire")


def _towns() -> dict[tuple[str, ...], str]:
    from feeds.council_towns import TOWNS  # here, not at the top: council_towns imports the institutions' users
    return TOWNS
