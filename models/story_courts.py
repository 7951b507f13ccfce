"""How a court's, a tribunal's or a planning inspector's decision is told, for `models.story_events`: the words that
make a headline a ruling rather than a challenge brought, so that one ruling told from its two sides ("Inspector gives
go-ahead to 250 homes" / "Uttlesford loses appeal"; "appeal dismissed" / "council wins appeal"; "wins discrimination
claim" / "council's tribunal defeat") names one event, while an appeal lodged and the appeal decided stay two.
"""
from __future__ import annotations

import re

# A claim or case won or lost is a court's or tribunal's ruling, not an award: "social worker wins discrimination claim".
_CASE_DECIDED = re.compile(r"\b(wins|won|loses|lost) (?:[a-z'-]+ ){0,3}?(?:claim|case)\b")
# A refusal overturned is a ruling on appeal ("Tandridge's refusal of 120 homes overturned"); a plan "overturned" alone
# may be the council's own U-turn ("golf course closures overturned").
_REFUSAL_OVERTURNED = re.compile(r"\b(?:refusal|rejection|refused|rejected|blocked) (?:[\w'-]+ ){0,3}?"
                                 r"(?:is |was |has been )?(?:overturned|overruled|reversed)\b|"
                                 r"\b(?:overturns|overturned|overrules|overruled|reverses|reversed) (?:[a-z'-]+ ){0,2}?"
                                 r"(?:refusal|rejection)\b")
# What `models.story_event_words` reads as a ruling ("ruling" kind) for a refusal overturned.
REFUSAL_RULED = "refusalruled"
# A planning inspector allowing, overruling or overturning decides an appeal; one finding a local plan unsound, or an
# Ofsted inspector, decides none.
_INSPECTOR_DECIDES = frozenset("allows allowed overrules overruled overturns overturned reverses reversed sides".split())


def court_phrases(text: str) -> str:
    """`text` (lower case) with a case won or lost read as a court case ("wins court case") and a refusal overturned as
    a ruling."""
    if "claim" in text or "case" in text:
        text = _CASE_DECIDED.sub(r"\1 court case", text)
    if "over" in text or "revers" in text:
        text = _REFUSAL_OVERTURNED.sub(REFUSAL_RULED, text)
    return text


def inspector_as_court(kinds: set[str], words: list[str], decisions: frozenset[str]) -> set[str]:
    """The kinds with a planning inspector ("inspector" kind) read as a court when the headline has the inspector decide
    (one of `decisions`' kinds, a ruling, or allowing / overturning), else dropped."""
    if "inspector" not in kinds:
        return kinds
    decides = kinds & (decisions | {"court", "ruling"}) or _INSPECTOR_DECIDES & set(words)
    return (kinds - {"inspector"}) | ({"court"} if decides else set())
