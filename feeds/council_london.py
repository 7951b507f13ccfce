"""The mayor beside a London borough's council is London's.

"Westminster council opposes mayor's Oxford Street takeover": a London borough's council set against "the mayor"
tells of the Mayor of London, whose Greater London Authority acts on the boroughs' streets, not of the borough's own
ceremonial mayor (who is "the Mayor of Westminster", or the council's). Not where the borough elects its own mayor
(Hackney, Lewisham, Newham, Tower Hamlets, Croydon: "Hackney council backs mayor's plan" is Hackney's mayor), nor a
lord mayor, deputy or civic mayor, nor "the council's mayor". "The Mayor" with a capital after
"the" ("… signs housing pact with the Mayor"), not "the Mayor of …"; and "Westminster" joined to another
London borough found as its council ("Islington and Westminster back …") is the borough too, not Parliament.
A mayor by office alone beside a body only London's mayor answers for (the Met, TfL, the London Fire Brigade, ULEZ),
with no council counted, is the Mayor of London too ("Mayor's budget pledges £30m for TfL bus routes").
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PARLIAMENT_AFTER

GREATER_LONDON = "GLA"
# London boroughs whose mayor is elected by the borough: "mayor" beside them is theirs.
ELECTED_BOROUGH_MAYORS = frozenset({"HCK", "LEW", "NWM", "TWH", "CRY"})
# Words straight before "mayor" that make it a borough's own, or a lesser office.
_OWN_MAYOR_BEFORE = frozenset({"s", "lord", "deputy", "civic", "ceremonial", "new", "borough", "council", "town",
                               "its", "their", "former", "ex", "outgoing", "incoming", "lady"})


def londons_mayor(out: list[CouncilEvidence], tokens: Tokens, members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the Greater London Authority added when a text that speaks of a London borough's council (counted,
    and "council" in the text) names "the mayor" in lower case and no other council's mayor; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    if "council" not in words or any(e.code == GREATER_LONDON for e in out):
        return out
    boroughs = [e for e in out if e.counted and members.get(e.code) == GREATER_LONDON]
    if not boroughs or any(e.code in ELECTED_BOROUGH_MAYORS for e in out) or \
            len({e.code for e in out if e.counted}) != len({e.code for e in boroughs}):
        return out
    for k, word in enumerate(words):
        if word == "mayor" and (texts[k] == "mayor" or _the_mayor(texts, k)) and k and \
                words[k - 1] not in _OWN_MAYOR_BEFORE and texts[k - 1] not in {e.named for e in out}:
            return out + [CouncilEvidence(GREATER_LONDON, "mayor", True, f"the mayor beside {boroughs[0].named}'s "
                                          "council: the Mayor of London's Greater London Authority")]
    return out


def _the_mayor(texts: list[str], k: int) -> bool:
    """"the Mayor" at `k`, capitalised after a lower-case "the" and not "the Mayor of …": the Mayor of London."""
    return k > 0 and texts[k - 1] == "the" and texts[k + 1:k + 2] != ["of"]


_STRICT_BOROUGH = "westminster"


def boroughs_joined(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                    members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with "Westminster" counted as its borough's council where "and" (or a comma) joins it to another London
    borough found as its council, and no parliament word follows ("Islington and Westminster back recycling deal");
    unchanged otherwise. `out` holds one judgement per name of `matches`, then any others."""
    words = tokens.words
    changed = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        if e.counted or words[match.start] != _STRICT_BOROUGH or match.length != 1 or \
                members.get(e.code) != GREATER_LONDON or words[match.start + 1:match.start + 2] and \
                words[match.start + 1] in PARLIAMENT_AFTER:
            continue
        for other, beside in ((out[k], matches[k]) for k in (n - 1, n + 1) if 0 <= k < len(matches)):
            gap = words[beside.start + beside.length:match.start] if beside.start < match.start else \
                words[match.start + 1:beside.start]
            if other.counted and members.get(other.code) == GREATER_LONDON and gap in ([], ["and"]):
                changed[n] = CouncilEvidence(e.code, e.named, True, f'joined to {other.named}, a London borough\'s '
                                             "council: the borough, not Parliament")
                break
    return changed


# Bodies and schemes the Mayor of London answers for, and no other mayor: beside "mayor", London's.
_LONDONS_OWN = (("met", "police"), ("metropolitan", "police"), ("the", "met"), ("tfl",), ("transport", "for", "london"),
                ("london", "fire", "brigade"), ("ulez",), ("the", "tube"), ("london", "underground"),
                ("elizabeth", "line"), ("london", "overground"), ("london", "assembly"))


def mayor_of_londons_own(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with the Greater London Authority added when no council counted and "mayor" by office alone (at the
    head, or after "the"; not "mayor of …", nor a place's or a lesser mayor) stands beside a body or scheme only
    the Mayor of London answers for (`_LONDONS_OWN`); unchanged otherwise."""
    words = tokens.words
    if any(e.counted for e in out) or not any(
            tuple(words[k:k + len(own)]) == own for own in _LONDONS_OWN for k in range(len(words))):
        return out
    for k, word in enumerate(words):
        if word == "mayor" and words[k + 1:k + 2] != ["of"] and (k == 0 or words[k - 1] == "the"):
            return out + [CouncilEvidence(GREATER_LONDON, tokens.texts[k], True, "the mayor by office beside a body "
                                          "only the Mayor of London answers for")]
    return out
