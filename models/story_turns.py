"""Which way a matter turned: the story rule's (`models.story_match`) evidence that two items about one council's
one scheme are still two stories, because one tells it halted and the other tells it going ahead or resuming.

A council's scheme is often news twice in the same words: backed, then paused ("Kirklees confirms Dewsbury sports
centre closure" / "Kirklees pauses Dewsbury sports centre closure after campaign"); put out to consultation, then
ruled out ("consults on library closures" / "Libraries safe"); suspended, then resumed ("suspend port checks staff" /
"Larne port checks resume"). A halt (paused, delayed, withdrawn, ruled out, shelved, spared, a U-turn) and a
resumption (resumes, restarts, reopens) are turns of a matter; an item with neither tells it going ahead. Two items
whose turns differ are usually a step and its reversal, not one event rewritten; two rewrites of a halt both tell
the halt. The story model (`models.story_model`) weighs this as evidence, never as a veto.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from models.story_stages import first_named, headline_or_lead, stage

if TYPE_CHECKING:
    from models.story_text import StoryText

# In the order a headline's words decide: a reopening delayed is a halt, not a reopening.
TURN_WORDS: tuple[tuple[str, str], ...] = (
    ("halted", r"paus(?:e|es|ed|ing)|delay(?:s|ed)?|postpone[sd]?|shelve[sd]?|withdraw(?:s|n)?|withdrew|"
               r"off the table|rules? out|ruled out|u-?turns?|rethinks?|backs? down|backtracks?|on hold|"
               r"halt(?:s|ed)?|suspend(?:s|ed)?|safe|saved|reprieve[sd]?|spared|scrap(?:s|ped)?|dropp?(?:s|ed)?|"
               r"abandon(?:s|ed)?|reverse[sd]?|cancel(?:s|led)?|called off|not go(?:ing)? ahead|won't go ahead|"
               r"(?:stays?|staying|remains?|kept|keeps?|keep) open|no longer (?:under|in|needed|required|subject|faces?)"),
    ("resumed", r"resum(?:e|es|ed|ing)|restart(?:s|ed)?|reopen(?:s|ed|ing)?|back on|revived?"),
)
_TURNS = tuple((name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in TURN_WORDS)


# A strike called off, suspended or ended is the dispute's end (`models.story_events`: "strike ends"), not a scheme's
# turn: "Bin strike called off after pay deal" and "refuse workers accept offer, ending dispute" tell one event.
_ACTION = r"(?:strikes?|walkouts?|walk-outs?|industrial action|action|dispute)"
_ACTION_ENDS = re.compile(rf"\b{_ACTION}\b(?: [\w'-]+){{0,3}}? (?:(?:is|are|has been|have been|was|were) )?"
                          rf"(?:called off|suspended|halted|paused|cancelled|dropped|off)\b|"
                          rf"\b(?:calls?|called|calling|calls? an end to|ends?|ended|ending|suspends?|suspended|"
                          rf"halts?|halted|pauses?|paused|cancels?|cancelled) (?:off )?(?:[\w'-]+ ){{0,3}}?{_ACTION}\b|"
                          rf"\bback to normal\b|\bback on the road\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def turn(text: str) -> str | None:
    """The turn a text tells its matter took ("halted", "resumed"), or None when it tells neither (going ahead); a
    strike called off or ended is the dispute's end, no turn."""
    return first_named(_TURNS, _BACKGROUND.sub(" ", _ACTION_ENDS.sub(" ", text.replace("\u2019", "'"))))


# What follows "after", "as", "following", "amid" or "despite" in a headline is the news's background, not its turn:
# "Toton homes given green light after HS2 station scrapped", "Two primaries face closure as pupil numbers drop".
_BACKGROUND = re.compile(r"\s(?:after|as|following|amid|despite)\s[^.;:|]*", re.IGNORECASE)


def item_turn(title: str, summary: str | None) -> str | None:
    """The turn an item tells: its headline's, else that of its summary's first sentence."""
    return headline_or_lead(turn, title, summary)


def turns_apart(a: "StoryText", b: "StoryText") -> str | None:
    """The two turns of one matter the items tell when they differ ("halted / going ahead"), else None."""
    one, other = item_turn(a.title, a.summary), item_turn(b.title, b.summary)
    return f"{one or 'going ahead'} / {other or 'going ahead'}" if one != other else None


def opposite_turns(a: "StoryText", b: "StoryText") -> str | None:
    """"halted / resumed" when one headline tells its matter halted and the other tells it resumed ("Airport
    reopening delayed" / "Airport to reopen in 2026"; "Council suspends port checks" / "Port checks resume"): a step
    and its reversal, never one event told two ways, else None. Headlines only: a summary's turn may be background."""
    one, other = turn(a.title), turn(b.title)
    return f"{one} / {other}" if {one, other} == {"halted", "resumed"} else None


def halt_against_step(a: "StoryText", b: "StoryText") -> str | None:
    """"halted / <stage>" when one headline tells its matter halted and the other tells a step of it (proposed or
    decided) and no turn ("Kirklees pauses Dewsbury sports centre closure" / "Kirklees confirms Dewsbury sports centre
    closure"; "consults on library closures" / "Libraries safe"): a step and its reversal, else None. Headlines
    only."""
    for one, other in ((a, b), (b, a)):
        if turn(one.title) == "halted" and turn(other.title) is None and not _REFUSED.search(other.title) and \
                not _SAVES.search(other.title):
            step = stage(other.title)
            if step == "proposed" or step == "decided" and _GOES_AHEAD.search(other.title):
                return f"halted / {step}"
    return None


# A step that takes the matter forward: approved, confirmed, backed ("pushed back" is a delay, not backing); a
# refusal or defeat is itself a halt ("councillors reject school closure" / "rural primary saved").
_GOES_AHEAD = re.compile(r"\b(?:approves?|approved|agrees?|agreed|confirms?|confirmed|backs|backed|go-?ahead|"
                         r"green light|signs?|signed|gets nod|votes? (?:to|for)|voted (?:to|for))\b(?<!pushed back)",
                         re.IGNORECASE)
_REFUSED = re.compile(r"\b(?:rejects?|rejected|refuses?|refused|turns? down|turned down|defeated|throws? out|thrown "
                      r"out|blocks?|blocked|votes? against|voted against|says no)\b", re.IGNORECASE)
# A step taken to save or keep something is the halt's own step ("agrees £10m to save bus routes" / "Threatened
# bus routes saved"), not a step the halt reverses; money saved is no such step ("cuts routes to save £2.4m").
_SAVES = re.compile(r"\b(?:to save|to keep|saves|keeps)\b(?! £| \$| \d| money| cash| millions| up to| around| about)",
                    re.IGNORECASE)
