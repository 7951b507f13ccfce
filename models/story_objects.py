"""What one council does to two things: the story rule's (`models.story_match`) evidence that two items about one
council sharing its name and a verb are still two matters.

A council's news often comes in one frame: "Bath council approves clean air zone changes" and "Bath council approves
residents' parking zone expansion"; "Belfast City Council approves Irish street sign" and "… approves new leisure
centre"; the ombudsman criticising one council over a planning complaint and over SEND delays. The frame (the council,
the verb, the body) is shared; the objects are not. A rewrite of one event tells its object again, however loosely: some
word of one headline's object is in the other item, title or summary. When two headlines are written in one frame
(alike letter by letter, in order) and neither headline's object (two words or more beyond the words both share) has
any word in the other item, they are two matters.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from models.story_figures import figures, figures_agree
from models.story_words import concepts, is_figure

if TYPE_CHECKING:
    from models.story_text import StoryText

OBJECT_WORDS = 2  # a headline's own words (beyond the frame) needed to say it has an object of its own
FRAME_AT = 65  # headlines this alike letter by letter, in order (rapidfuzz ratio), are written in one frame


def objects_apart(a: "StoryText", b: "StoryText", council_words: frozenset[str]) -> str | None:
    """The two objects (each headline's words beyond the shared frame, less `council_words`) when both headlines share
    a frame, each has an object of `OBJECT_WORDS` words or more, and no word of either object is in the other item;
    else None."""
    if fuzz.ratio(a.title.lower(), b.title.lower()) < FRAME_AT:
        return None
    title_a, title_b = concepts(a.title) - council_words, concepts(b.title) - council_words
    frame = title_a & title_b
    if not frame:
        return None
    own_a, own_b = title_a - frame, title_b - frame
    if len(own_a) < OBJECT_WORDS or len(own_b) < OBJECT_WORDS or own_a & b.concepts or own_b & a.concepts:
        return None
    if figures_agree(figures(a.text), figures(b.text)):
        return None  # a figure told in both is the object told two ways
    return f"{' '.join(sorted(own_a))} / {' '.join(sorted(own_b))}"


# An ombudsman's finding against a council, in its own words: what any two of its cases share ("Ombudsman: Kent failed
# carer over respite" and "Kent told to pay family after boy missed a year of school" share only these and the council).
OMBUDSMAN = re.compile(r"\b(?:ombudsman|lgsco|watchdog)\b", re.IGNORECASE)
FINDING_WORDS = concepts("ombudsman watchdog found finds fault failed failings pay paid ordered told apologise apology "
                         "complaint upheld family families criticised compensation investigation ruled cleared")


def cases_apart(a: "StoryText", b: "StoryText", council_words: frozenset[str]) -> bool:
    """Whether two items about one council are two ombudsman cases: both speak of the ombudsman, and they share no word
    beyond the council's name and a finding's own words (found, failed, pay, family), nor any figure, and each headline
    names a subject of its own (beyond those words). One case told
    twice names its subject both times (the school transport, the damp home); the ombudsman finds against a council
    often, over many things."""
    if not (OMBUDSMAN.search(a.text) and OMBUDSMAN.search(b.text)):
        return False
    if (a.concepts & b.concepts) - council_words - FINDING_WORDS:
        return False
    own_a = {c for c in concepts(a.title) - council_words - FINDING_WORDS if not is_figure(c)}
    own_b = {c for c in concepts(b.title) - council_words - FINDING_WORDS if not is_figure(c)}
    if not own_a or not own_b:  # "Ombudsman orders Medway to pay family £3,000": a finding, its subject untold
        return False
    return not figures_agree(figures(a.text), figures(b.text))
