"""Which way a contest went: the story rule's (`models.story_match`) evidence that two headlines alike in every word
but one are two results. An appeal, a case or a bid won and the same one lost are two results (two appeals, or a
ruling and its reversal), never one event told two ways.
"""
from __future__ import annotations

import re

# Only the subject's own words: "motion fails" and "leader survives" are one vote told from its two sides.
_CONTEST_WON = re.compile(r"\b(?:wins|won)\b", re.IGNORECASE)
_CONTEST_LOST = re.compile(r"\b(?:loses|lost)\b", re.IGNORECASE)
# One contest told from its two sides: the loser's headline naming the winner ("Labour loses seat to Greens"), the
# winner's told in the passive ("seat won by Greens"). Either is the whole result, not one side's outcome.
_BOTH_SIDES = re.compile(r"\b(?:loses|lost) (?:[\w'-]+ ){0,5}?to\b|\b(?:won|taken|lost) by\b", re.IGNORECASE)


def outcomes_apart(title_a: str, title_b: str) -> str | None:
    """"won / lost" when one headline tells a contest won and the other the contest lost (each telling only its
    own outcome: "Solihull wins planning appeal" / "Solihull loses planning appeal"), else None; never when a headline
    tells both sides ("Labour loses seat to Greens", "seat won by Greens")."""
    if _BOTH_SIDES.search(title_a) or _BOTH_SIDES.search(title_b):
        return None
    won_a, lost_a = bool(_CONTEST_WON.search(title_a)), bool(_CONTEST_LOST.search(title_a))
    won_b, lost_b = bool(_CONTEST_WON.search(title_b)), bool(_CONTEST_LOST.search(title_b))
    if won_a and not lost_a and lost_b and not won_b:
        return "won / lost"
    if lost_a and not won_a and won_b and not lost_b:
        return "lost / won"
    return None
