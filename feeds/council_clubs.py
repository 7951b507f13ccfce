"""A club's name beside councils.

A council's name that is the club's own word after its place ("Gloucester Rugby", "Rugby" being Rugby Borough's
name too) is part of the club's name, not a council listed beside it. And a text that names a county council and
speaks of "the city council" as well, beside a club or institution named after a city, means that city's council
("Gloucester Rugby and Gloucestershire County Council sign travel plan with city council"): the county named is not
the city council spoken of, so the club's home city acts beside it.
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import CLUB_AFTER


def club_words(matches: list[NameMatch], words: list[str], institutions: dict[int, str]) -> dict[int, str]:
    """`institutions` with each name straight after a club's place that is a club's own word ("Rugby" in "Gloucester
    Rugby") marked as that club's too."""
    found = dict(institutions)
    for before, match in zip(matches, matches[1:]):
        if found.get(before.start) == "club" and before.start + before.length == match.start and \
                match.length == 1 and words[match.start] in CLUB_AFTER:
            found[match.start] = "club"
    return found


def city_council_home(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens, homes: list[str],
                      counties: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with the home council of the club or institution named (`homes`, from
    `feeds.council_none.institution_home`) counted, when the text speaks of a lower-case "city council" and every
    council counted is a county's; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    counted = {e.code for e in out if e.counted}
    if len(homes) != 1 or not counted or not counted <= counties or homes[0] in counted or not any(
            words[k] == "city" and words[k + 1] == "council" and texts[k].islower() for k in range(len(words) - 1)):
        return out
    home = homes[0]
    return [CouncilEvidence(e.code, e.named, True, "the home city of the club or institution named: the text speaks "
                            "of the city council beside a county's") if e.code == home and not e.counted else e
            for e in out]
