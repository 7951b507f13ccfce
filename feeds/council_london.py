"""Twelfth round: the mayor beside a London borough's council is London's.

"Westminster council opposes mayor's Oxford Street takeover": a London borough's council set against "the mayor"
tells of the Mayor of London, whose Greater London Authority acts on the boroughs' streets, not of the borough's
own ceremonial mayor (who is "the Mayor of Westminster", or the council's). Not where the borough elects its own
mayor (Hackney, Lewisham, Newham, Tower Hamlets, Croydon: "Hackney council backs mayor's plan" is Hackney's
mayor), nor a lord mayor, deputy or civic mayor, nor "the council's mayor".
"""
from __future__ import annotations

from feeds.council_words import CouncilEvidence, Tokens

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
        if word == "mayor" and texts[k] == "mayor" and k and words[k - 1] not in _OWN_MAYOR_BEFORE and \
                texts[k - 1] not in {e.named for e in out}:
            return out + [CouncilEvidence(GREATER_LONDON, "mayor", True, f"the mayor beside {boroughs[0].named}'s "
                                          "council: the Mayor of London's Greater London Authority")]
    return out
