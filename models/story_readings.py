"""Readings of headline wording for `models.story_events`: words that name an event (or a figure) in
one sense and something else in the sector's news, so that one story told two ways is not read as two events or two
figures.

- A council seeking "emergency" or "urgent" help or support asks for a bailout ("asks government for emergency help
  to balance budget" beside "applies for exceptional financial support").
- An age ("900-year-old landmark") is no figure of the matter.
- A figure told as the step between two others ("another 1,000 homes" beside "target lifted from 4,000 to 5,000")
  is the other item's figure told as a rise (`step_pairs`, read by `models.story_figures.step_agrees`).
"""
from __future__ import annotations

import re

# A council seeking emergency or urgent help: a bailout asked for.
_EMERGENCY_HELP = re.compile(r"\b(?:asks?|asked|asking|seeks?|sought|seeking|requests?|requested|applies for|"
                             r"applied for)(?: [\w'-]+){0,3}? (?:for )?(?:emergency|urgent) (?:financial )?"
                             r"(?:help|support|aid|cash|loan)\b")
# An age: "900-year-old", "100 years old".
_AGE = re.compile(r"\b\d[\d,]*(?:-| )years?(?:-| )old\b")
# A figure's step told in the text: "from 4,000 to 5,000", "up from 12% to 15%".
_FROM_TO = re.compile(r"\bfrom ([£$€]?\d[\d,.]*(?: ?(?:%|per cent|bn|billion|m|million|k))?) to "
                      r"([£$€]?\d[\d,.]*(?: ?(?:%|per cent|bn|billion|m|million|k))?)(?![\w])")


def event_phrases(text: str) -> str:
    """`text` (lower case) with emergency help sought read as a bailout."""
    if "emergency" in text or "urgent" in text:
        text = _EMERGENCY_HELP.sub("government help", text)
    return text


def without_ages(text: str) -> str:
    """`text` without its ages ("900-year-old landmark"), which are no figures of the matter."""
    return _AGE.sub(" aged ", text) if "old" in text else text


def step_pairs(text: str) -> list[tuple[str, str]]:
    """The figures a text gives as a step, from one to another ("from 4,000 to 5,000"), as written."""
    return _FROM_TO.findall(text.lower()) if "from" in text.lower() else []
