"""Which council service an inspector judged: the story rule's (`models.story_match`) evidence that two inspection
verdicts on one council are two stories. A council's children's services (Ofsted's ILACS), its SEND services (the
joint area SEND inspection by Ofsted and the CQC) and its adult social care (the CQC's assessment) are inspected
apart, on different timetables, by different frameworks: "Kent SEND services have 'widespread failings', Ofsted
finds" and "Kent children's services rated 'outstanding'" are two reports, however alike their other words.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from models.story_events import headline_events
from models.story_stages import headline_or_lead

if TYPE_CHECKING:
    from models.story_text import StoryText

# The services in the order a text's words decide them: "SEND" beside "children" is the SEND inspection ("children
# with SEND"), "adult social care" is not children's social care.
SERVICE_WORDS: tuple[tuple[str, str], ...] = (
    ("SEND", r"send|special educational needs|special needs|high needs|ehcps?|disabilit(?:y|ies)"),
    ("adult social care", r"adult social care|adults' services|adult services|adult care|care for older people|"
                          r"older people's care"),
    ("children's services", r"children'?s services|children'?s social care|child services|children'?s trust|"
                            r"ilacs|children in care|looked after children|child protection|vulnerable children|"
                            r"children'?s care"),
)
_SERVICES = tuple((name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in SERVICE_WORDS)


# An inspector's grade in a headline ("gets 'good' rating", "told they 'require improvement to be good'"): both
# headlines grading is an inspection reported by each, though neither names the inspection.
_GRADE = re.compile(r"\b(?:rated|rating|ratings|re-rated|outstanding|inadequate|requires? improvement)\b|'good'")


def _plain(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@functools.lru_cache(maxsize=8192)
def service(text: str) -> str | None:
    """The inspected service a text names (`SERVICE_WORDS`), or None."""
    text = text.replace("\u2019", "'")
    return next((name for name, words in _SERVICES if words.search(text)), None)


def inspected_services_apart(a: "StoryText", b: "StoryText") -> str | None:
    """The two services, when both headlines report an inspection (or either does and the other names its service's
    inspector's verdict, or both give a grade) and each item tells of a different service (headline, else its summary's
    first sentence), else None."""
    if "inspection" not in headline_events(a.title) | headline_events(b.title) and \
            not (_GRADE.search(_plain(a.title)) and _GRADE.search(_plain(b.title))):
        return None
    one, other = headline_or_lead(service, a.title, a.summary), headline_or_lead(service, b.title, b.summary)
    if one and other and one != other:
        return f"inspections of two services ({one} / {other})"
    return None
