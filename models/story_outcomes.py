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


# A planning appeal has two sides, the council that refused and the scheme's promoter: "Westvale loses appeal over
# Northfield homes" and "Northfield 190-home scheme wins appeal" are one ruling, each side's headline telling its own
# outcome. The promoter is the subject when its words come before the verb.
_APPEAL = re.compile(r"\bappeal\b", re.IGNORECASE)
_PROMOTER = re.compile(r"\b(?:scheme|homes|home|plans?|development|developers?|housebuilders?|estate|flats|"
                       r"applications?|proposals?|applicants?)\b(?: [\w'-]+){0,2}? (?:wins|won|loses|lost)\b",
                       re.IGNORECASE)


def one_appeal_two_sides(title_a: str, title_b: str) -> bool:
    """Both headlines tell an appeal's outcome and only one has the scheme's promoter as its subject: the council
    losing and the scheme winning (or the other way) are one ruling, not two results."""
    if not (_APPEAL.search(title_a) and _APPEAL.search(title_b)):
        return False
    return bool(_PROMOTER.search(title_a)) != bool(_PROMOTER.search(title_b))


def outcomes_apart(title_a: str, title_b: str) -> str | None:
    """"won / lost" when one headline tells a contest won and the other the contest lost (each telling only its
    own outcome: "Solihull wins planning appeal" / "Solihull loses planning appeal"), else None; never when a headline
    tells both sides ("Labour loses seat to Greens", "seat won by Greens") or the two are an appeal's two sides."""
    if _BOTH_SIDES.search(title_a) or _BOTH_SIDES.search(title_b) or one_appeal_two_sides(title_a, title_b):
        return None
    won_a, lost_a = bool(_CONTEST_WON.search(title_a)), bool(_CONTEST_LOST.search(title_a))
    won_b, lost_b = bool(_CONTEST_WON.search(title_b)), bool(_CONTEST_LOST.search(title_b))
    if won_a and not lost_a and lost_b and not won_b:
        return "won / lost"
    if lost_a and not won_a and won_b and not lost_b:
        return "lost / won"
    return None


# A vote faced (tabled, to be held) and the vote's result are two events a day or more apart: "Tower Hamlets mayor faces
# no confidence vote" / "Tower Hamlets mayor survives no confidence vote". Both sides of one result ("survives" /
# "motion fails") are one.
_VOTE_FACED = re.compile(r"\b(?:faces?|facing|to face|will face|set to face)\b(?: [\w'-]+){0,3}? "
                         r"(?:vote|votes|motion|ballot|challenge|bid to oust|bid to remove)\b|"
                         r"\b(?:motion|vote) (?:is |has been )?tabled\b|"
                         r"\bcalls? for (?:a |an )?(?:no[- ]confidence )?vote\b",
                         re.IGNORECASE)
_VOTE_RESULT = re.compile(r"\b(?:survives?|survived|clings? on|defeated|fails?|failed|ousted|oust|removed|voted out|"
                          r"loses?|lost|kept|keeps|quits|resigns)\b", re.IGNORECASE)


def vote_faced_and_result(title_a: str, title_b: str) -> str | None:
    """"faced / result" when one headline tells a vote faced and the other its result (each telling only its own),
    else None."""
    faced_a, result_a = bool(_VOTE_FACED.search(title_a)), bool(_VOTE_RESULT.search(title_a))
    faced_b, result_b = bool(_VOTE_FACED.search(title_b)), bool(_VOTE_RESULT.search(title_b))
    if faced_a and not result_a and result_b and not faced_b:
        return "faced / result"
    if faced_b and not result_b and result_a and not faced_a:
        return "result / faced"
    return None
