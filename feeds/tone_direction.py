"""Which way a measure moved: the verdict of "complaints fall" is the reverse of "satisfaction falls".

A bag of words sees "fall" in both. These lists say, from general knowledge of council
performance, which measures are better lower (complaints, deficits, backlogs, waiting times,
sickness absence, vacancies, arrears…) and which better higher (satisfaction, recycling, footfall,
reserves, homes built…), and which words say a figure went up or down. The trained tone model
(`feeds/tone_model.py`) is given the four pairings as features and learns what each means: it is
not told the answer, only that a lower-is-better measure and a word of falling are in one headline.
"""
from __future__ import annotations

import re

# Measures that are better lower: more of them is bad news.
BETTER_LOWER = (
    r"complaints?|deficits?|debts?|overspends?|overspending|backlogs?|waiting (?:times?|lists?)|waits?|delays?"
    r"|absence|sickness|vacanc(?:y|ies)|vacancy rates?|homelessness|homeless|rough sleep\w*|arrears|potholes?"
    r"|crime|emissions|landfill|fly[- ]?tipping|damp|mould|exclusions|evictions|unemployment|poverty|deaths"
    r"|injuries|fraud|borrowing|losses|shortfalls?|gaps?|caseloads?|agency (?:staff|workers|spend|social workers)"
    r"|missed (?:bin )?collections|costs?|bills?|spending|prices|fines|reliance|out of area|b&bs?|hotels"
    r"|temporary accommodation|turnover|cases|complaint|incidents|closures|empty homes|vacant"
)
# Measures that are better higher.
BETTER_HIGHER = (
    r"satisfaction|recycling(?: rates?)?|footfall|visitors?|visitor numbers|attendance|reserves|surplus|savings"
    r"|homes built|new homes|apprenticeships|jobs|employment|collection rates?|take[- ]?up|income|bookings"
    r"|volunteers|membership|trees|revenue|ratings?|scores?|passengers|investment|affordable homes"
    r"|completions|uptake|pass rates|results"
)
UP = (
    r"rises?|rose|rising|up|increases?|increased|higher|highest|record high|tops?|topped|hits?|soars?|soared"
    r"|surges?|surged|doubles?|doubled|trebles?|triples?|climbs?|climbed|jumps?|jumped|grows?|grew|growing"
    r"|widens?|widened|spirals?|spiralling|balloons?|more|boost\w*|exceeds?|over"
)
DOWN = (
    r"falls?|fell|falling|down|drops?|dropped|lower|lowest|record low|cuts?|halved|halves|reduced|reduces"
    r"|reduction|shrinks?|shrank|eliminated|cleared|declines?|declined|slumps?|plunges?|plunged|fewer|less"
    r"|smaller|tumbles?|slashed|slashes|lowers|ends?|ended|wiped out|under"
)


# Something promised or planned that was missed, dropped or undone: bad news whatever good word
# names it ("flagship scheme axed", "new homes target missed", "pool plans dropped").
PLANNED = (
    r"targets?|pledges?|promises?|promised|plans?|schemes?|projects?|bids?|proposals?|pilots?|ambitions?"
    r"|commitments?|deadlines?|flagship|rating|status|funding|deal"
)
UNDONE = (
    r"missed|misses|miss|scrapped|scraps|scrap|axed|axes|ditched|ditches|ditch|dropped|drops|shelved|shelves"
    r"|abandoned|abandons|rejected|rejects?|refused|thrown out|throws out|overturned|lost|loses|collapsed|collapses"
    r"|pulled|withdrawn|fails|failed|never built|never delivered|quietly"
)

# A ruling or payout against the council: bad news for it, though "wins", "upholds" and "awarded" read
# as good ("ombudsman upholds complaint", "cyclist wins payout from council", "court rules against council").
AGAINST = (
    r"(?:rules?|ruled|ruling|finds?|found|decides?|decided|sides?|sided) against|upholds? (?:\S+ ){0,3}complaints?"
    r"|upheld|wins? (?:\S+ ){0,2}(?:payout|compensation|damages)|awarded (?:\S+ ){0,2}(?:compensation|damages)"
    r"|(?:payout|compensation|damages) from"
)


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


_LOWER, _HIGHER, _UP, _DOWN, _PLANNED, _UNDONE, _AGAINST = (
    _words(p) for p in (BETTER_LOWER, BETTER_HIGHER, UP, DOWN, PLANNED, UNDONE, AGAINST))


def direction_features(clean: str, moves: bool = True, setback: bool = False) -> dict[str, float]:
    """For a normalised headline, which pairings of measure and movement it holds, each as 1.0:
    "x lower-is-better up", "x lower-is-better down", "x higher-is-better up", "x higher-is-better down"
    (with `moves`), and with `setback` "x setback", something planned or promised missed or undone, and
    "x against the council", a ruling or payout against it."""
    found: dict[str, float] = {}
    if setback and _UNDONE.search(clean) and _PLANNED.search(clean):
        found["x setback"] = 1.0
    if setback and _AGAINST.search(clean):
        found["x against the council"] = 1.0
    if not moves:
        return found
    for measure, pattern in (("lower-is-better", _LOWER), ("higher-is-better", _HIGHER)):
        if pattern.search(clean):
            if _UP.search(clean):
                found[f"x {measure} up"] = 1.0
            if _DOWN.search(clean):
                found[f"x {measure} down"] = 1.0
    return found
