"""When two headlines about one inspection give two verdicts, for the story rule (`models.story_match`).

An inspection told as good news beside one told as bad is two verdicts (an Ofsted monitoring visit finds
progress; an area SEND inspection finds failings), but only when each headline gives a verdict: "Devon's SEND
inspection" gives none, whatever tone its words carry. And a grade of "requires improvement" beside "no longer
inadequate" is one verdict told two ways: the grade is the step up from inadequate.
"""
from __future__ import annotations

import re

# Words by which a headline gives an inspector's verdict: a grade, or what the inspectors found.
_VERDICT = re.compile(r"\b(?:inadequate|requires? improvement|good|outstanding|failing|fails?|failed|failings|"
                      r"improv(?:es|ed|ing|ement)|progress|weak(?:ness|nesses)?|poor|serious|concerns?|praised?|"
                      r"criticised|strong|special measures|better|worse|declin(?:es|ed|ing)|rated|ratings?|"
                      r"downgraded|upgraded)\b")
# The middling grade, and words saying a council has moved up out of the bottom one.
_MIDDLE_GRADE = re.compile(r"\brequires? improvement\b")
_UP_FROM_BOTTOM = re.compile(r"\b(?:no longer|out of|moves? up from|moved up from|lifted out of|climbs? out of|"
                             r"emerges? from)\b(?: [a-z']+){0,2}? inadequate\b")


def gives_verdict(title: str) -> bool:
    """Whether a headline gives an inspector's verdict (a grade, or what was found), not only that an
    inspection happened."""
    return bool(_VERDICT.search(title.lower()))


def one_grade_two_ways(title_a: str, title_b: str) -> bool:
    """"Requires improvement" in one headline and a move up out of "inadequate" in the other: one grade."""
    a, b = title_a.lower(), title_b.lower()
    return bool(_MIDDLE_GRADE.search(a) and _UP_FROM_BOTTOM.search(b) or
                _MIDDLE_GRADE.search(b) and _UP_FROM_BOTTOM.search(a))


def verdicts_apart(title_a: str, title_b: str) -> bool:
    """Whether two headlines, toned one good and one bad, give two verdicts: each gives one, and they are not
    one grade told two ways, nor one move told in the same direction by both (the tone read the grade left behind:
    "slips to 'requires improvement'" / "downgrade after previous 'outstanding' rating")."""
    if not (gives_verdict(title_a) and gives_verdict(title_b)) or one_grade_two_ways(title_a, title_b):
        return False
    direction = verdict_direction(title_a)
    return direction is None or direction != verdict_direction(title_b)


# Which way a headline's verdict goes, by its grades and the words of a move; a grade left behind ("after previous
# 'outstanding' rating", "from 'good'") is background, and "requires improvement" is a grade, not an improvement.
_UP = re.compile(r"\b(?:good|outstanding|upgraded?|upgrades|praised?|praises|improv(?:e|es|ed|ing|ements?)|better|"
                 r"strong|climbs?|lifted)\b")
_DOWN = re.compile(r"\b(?:inadequate|requires? improvement|downgraded?|downgrades?|slips?|slipped|falls?|fell|"
                   r"drops?|dropped|fail(?:s|ed|ing|ings)?|poor|weak(?:ness|nesses)?|worse|declin(?:es|ed|ing)|"
                   r"criticised|special measures)\b")
_LEFT_BEHIND = re.compile(r"\b(?:after|from|despite) (?:a |an |its |their |the )?(?:previous|former|last|earlier|past)"
                          r"\b[^,;:|]*|\bfrom '[a-z ]+'")


def verdict_direction(title: str) -> str | None:
    """"up" or "down" when a headline's verdict goes one way only (its grades and moves, the grade left behind
    aside), else None."""
    lowered = _LEFT_BEHIND.sub(" ", title.lower().replace("\u2019", "'").replace("\u2018", "'"))
    up = bool(_UP.search(_DOWN.sub(" ", lowered)))
    down = bool(_DOWN.search(lowered))
    return "up" if up and not down else "down" if down and not up else None
