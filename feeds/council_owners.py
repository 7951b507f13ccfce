"""Names the institutions' rules took for a club or an attraction that are their councils.

A district's possessive before a listed town of its own area is the council ("North Norfolk's Cromer pier
reopens", "Hertsmere's Sky Studios Elstree deal"): a place does not own a town inside it. A name ending in "City"
joined to a county's name and acting with it is a council, not a club ("Aberdeenshire and Aberdeen City agree joint
plan"). `feeds.council_institutions` asks both before it files a name as a club's or an attraction's.
"""
from __future__ import annotations

from feeds.council_tokens import NameMatch
from feeds.council_words import COUNCIL_VERBS, PLURAL_VERBS

ATTRACTION_KINDS = frozenset({"body or attraction in the place", "attraction in the place"})


def own_town_follows(words: list[str], end: int, code: str) -> bool:
    """Whether a listed town of the named council's own area follows its possessive within four words ("North
    Norfolk's Cromer pier", "Hertsmere's Sky Studios Elstree deal"): a place does not own a
    town inside it, so the name is the council, whose town's attraction or deal it is."""
    if words[end:end + 1] != ["s"]:
        return False
    towns = _towns()
    return any(towns.get(tuple(words[k:k + size])) == code
               for k in range(end + 1, min(end + 5, len(words))) for size in (1, 2, 3))


def paired_with_a_shire(words: list[str], matches: list[NameMatch], n: int) -> bool:
    """Whether a name ending in "City" or "County" is joined by "and" to a county's name or to a name with its
    tier word, and the pair acts ("Aberdeenshire and Aberdeen City agree joint plan"; "Oxford
    City and Oxfordshire County clash over…", "Gloucestershire and Gloucester City at odds over…", "Stafford
    Borough and Staffordshire County agree…"): no club is paired with a council acting, so
    both are councils."""
    match = matches[n]
    end = match.start + match.length
    if n and words[match.start - 1:match.start] in (["and"], ["&"]):
        before = matches[n - 1]
        stop = before.start + before.length
        tier = words[stop] in _TIERS
        own = end < len(words) and words[end] in _TIERS  # "Gloucester City": the name matched without its tier
        if stop + tier == match.start - 1 and (tier or words[stop - 1] in _TIERS or words[stop - 1].endswith("shire")) and \
                _acts(words, end + own):
            return True
    if n + 1 < len(matches) and words[end:end + 1] in (["and"], ["&"]) and matches[n + 1].start == end + 1:
        after = matches[n + 1]
        stop = after.start + after.length
        tier = stop < len(words) and words[stop] in _TIERS
        return (tier or words[stop - 1] in _TIERS or words[stop - 1].endswith("shire")) and _acts(words, stop + tier)
    return False


# A council's tier after its place's name, when two are paired: "Stafford Borough and Staffordshire County".
_TIERS = frozenset({"city", "county", "borough", "district"})
# What two councils do together besides a council's or a plural verb: "clash over", "at odds over".
_PAIR_VERBS = frozenset({"clash", "clashes", "disagree", "feud", "spar", "row"})


def _acts(words: list[str], end: int) -> bool:
    """A council's or plural verb at `end`, or a pair's quarrel ("clash", "at odds")."""
    if end >= len(words) or words[end] == "to":
        return False
    after = words[end]
    return after in COUNCIL_VERBS or after in PLURAL_VERBS or after in _PAIR_VERBS or words[end:end + 2] == ["at", "odds"]


def _towns() -> dict[tuple[str, ...], str]:
    from feeds.council_towns import TOWNS  # here, not at the top: council_towns imports the institutions' users
    return TOWNS
