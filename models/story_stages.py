"""Which stage of one matter a headline reports: the story rule's (`models.story_match`) evidence that two items
about one council's one scheme are still two stories, because one tells its proposal and the other its decision.

A council's matter runs through stages, each its own news and often told in the same words: it is proposed or put
out to consultation ("consults on closing Blairgowrie recycling centre"), bid or applied for ("bids for £20m"),
called in for review or left to ministers to decide (a decision reopened: "Minister calls in Medway's 1,000-home
scheme"), then decided ("confirms", "approves", "agrees", "turned down"), then put into effect ("begins", "comes
into force", "completes") or reversed ("U-turn", "scrapped", "paused"). Two headlines at different stages are
usually a step and the next step, not one event rewritten; two at one stage, or one with no stage word, say nothing
either way. The story model (`models.story_model`) weighs this as evidence, never as a veto: a decision's rewrite may
still say "after consultation", which is not its stage.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from models.story_text import StoryText

# Stages in the order a headline's words decide them: a consultation beside an approval is the consultation
# approved ("Edinburgh approves parking levy consultation"); a reversal beside a decision is the reversal decided.
STAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("proposed", r"consults?|consulting|consultations?|have your say|views sought|seeks? views|asks? (?:residents|"
                 r"the public|public|people) |public asked|proposes?|mulls?|considers?|considering|set to decide|"
                 r"bids for|bidding for|applies|applied|enters race|lodges?|seeks?|seeking|"
                 r"asks? (?:for|ministers|government|the government)|up for sale|on the market|"
                 r"faces? (?:a |another |fresh )?(?:no[- ]confidence |confidence )?(?:vote|motion|ballot)|"
                 # A decision still to come ("to be decided by ministers", "minister to rule on"), and a decision
                 # called in for review, which reopens it: not the decision taken.
                 r"(?:to be|will be|is to be) (?:decided|determined)|(?:will|to) (?:decide|determine|rule) on|"
                 r"(?<!strike )(?<!strikes )(?<!action )(?:calls?|called|calling) in(?! to)|call-in"),
    ("decided", r"approves?|approved|agrees?|agreed|confirms?|confirmed|backs?|backed|decides?|decided|"
                r"votes? (?:to|for|through)|voted (?:to|for|through)|signs?|signed|go-?ahead|green light|gets nod|"
                r"rejects?|rejected|refuses?|refused|turned down|turns down|granted|unsuccessful|sells|sold|"
                r"survives?|survived"),
)
_STAGES = tuple((stage, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for stage, words in STAGE_WORDS)
# A decision's headline or summary that dates its proposal ("after consultation", "following a bid") is not at the
# proposal's stage.
_BACKGROUND = re.compile(r"\b(?:after|following|despite|since)(?: (?:a|an|the|its|their|public|six-week|\w+-week))*"
                         r" (?:consultation|consultations|bid|bids|application|proposals?|plans?|review)\b",
                         re.IGNORECASE)


def first_named(kinds: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    """The first of `kinds` (name, words) whose words `text` uses, or None."""
    return next((name for name, words in kinds if words.search(text)), None)


def headline_or_lead(read: Callable[[str], str | None], title: str, summary: str | None) -> str | None:
    """What `read` finds in a headline, else in its summary's first sentence ("Council tax on second homes will
    double next year, the council has decided"): the news an item tells, not its background."""
    return read(title) or (read(_FIRST_SENTENCE.split(summary, 1)[0]) if summary else None)


_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")


@functools.lru_cache(maxsize=8192)
def stage(title: str) -> str | None:
    """The stage of its matter a headline reports ("proposed", "decided"), or None when it names none; the first of
    `STAGE_WORDS` whose words it uses decides."""
    return first_named(_STAGES, _BACKGROUND.sub(" ", title.replace("\u2019", "'")))


def item_stage(title: str, summary: str | None) -> str | None:
    """The stage an item reports: its headline's, else that of its summary's first sentence."""
    return headline_or_lead(stage, title, summary)


def stages_apart(a: "StoryText", b: "StoryText") -> str | None:
    """The two stages of one matter the items tell, when both tell one and they differ ("proposed / decided"), else
    None."""
    one, other = item_stage(a.title, a.summary), item_stage(b.title, b.summary)
    return f"{one} / {other}" if one and other and one != other else None
