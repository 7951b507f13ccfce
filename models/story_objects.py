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

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from models.story_events import figures, figures_agree
from models.story_words import concepts

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
