"""Are two items one story? The verdict on their evidence (`models.story_evidence`: vetoes, the share of telling
words in common, the same council, the same event, how far apart).

The rule's verdict (`decide`): enough words shared for the evidence beside them, by thresholds chosen by
`python -m bench.story_cv` (k-fold on the labelled pairs in `tests/data/stories/`): fewer with the same council
(or one family: a district and its county) or the same event named in a headline and reported by the other item
(both together need few words more), more than `DAY_AFTER` (24 h) or `LATE_AFTER` (48 h) apart (rewrites of one
event come within a day or two; what the same council does three days on is usually its next event), more when
each headline names what the other item never mentions. `same_story` lets the story model (`models.story_model`)
weigh that verdict with the rest of the evidence (`judge`); vetoes and alike titles still decide alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from models.story_evidence import STORY_WINDOW, Evidence, evidence
from models.story_model import StoryModel, story_model, story_model_without_sentences
from models.story_text import StoryText

SAME_AT = 0.5  # shared share of the smaller item's words that makes one story
SAME_WITH_COUNCIL_AT = 0.3  # ... when both name the same council (or one family: a district and its county)
SAME_UNNAMED_AT = 0.3  # ... when one names a council and the other speaks of one unnamed ("the borough")
SAME_EVENT_ALONE_AT = 0.35  # ... when a headline's event (models.story_events) is the other item's too
SAME_EVENT_AT = 0.2  # ... when that is so and both name the same council
LATE_EXTRA = 0.2  # items more than `models.story_evidence.LATE_AFTER` apart need this much more of their words shared
DAY_EXTRA = 0.05  # ... and more than `DAY_AFTER` apart (a day's rewrites are in), this much more again
NAMES_EXTRA = 0.25  # ... as do headlines each naming something the other item never mentions
# bench.story_cv's pick of these (unnamed 0.25, event alone 0.4, late +0.15) gained 6 true joins for 2 false
# ones on the tuning files and none on test4 for one false: the marginal pairs are ~70% precise, so not taken.


@dataclass(frozen=True)
class StoryMatch:
    """Whether two items are one story, with the evidence (for `/coverage explain`)."""

    same: bool
    score: float
    shared: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Thresholds:
    """How much of their words two items must share, by the evidence beside the words (chosen by
    `bench.story_cv`, k-fold on the labelled pairs)."""

    same_at: float = SAME_AT
    with_council_at: float = SAME_WITH_COUNCIL_AT
    unnamed_at: float = SAME_UNNAMED_AT
    event_alone_at: float = SAME_EVENT_ALONE_AT
    event_at: float = SAME_EVENT_AT
    late_extra: float = LATE_EXTRA
    day_extra: float = DAY_EXTRA
    names_extra: float = NAMES_EXTRA


def decide(found: Evidence, thresholds: Thresholds = Thresholds()) -> StoryMatch:
    """The story rule's verdict, and why: enough words shared for the evidence beside them (`Thresholds`).
    `judge` weighs this verdict with the rest of the evidence."""
    if found.veto:
        return StoryMatch(False, 0.0, (), found.veto)
    if found.titles_alike is not None:
        return StoryMatch(True, found.score, (), f"titles {found.titles_alike:.0f}% alike")
    t = thresholds
    # A town in the council's area counts as the council; an unnamed council is weaker (`unnamed_at`, never `event_at`).
    council_too = found.same_council or bool(found.place)
    needed = (t.event_at if found.event and council_too else t.with_council_at if council_too else
              t.unnamed_at if found.council_unnamed else t.event_alone_at if found.event else t.same_at)
    council = ("councils of one family" if found.council_family else "the same council" if found.same_council else
               found.place if found.place else
               "a council one names and the other speaks of unnamed" if found.council_unnamed else None)
    also = [*([council] if council else []),
            *([f"the same event ({found.event})"] if found.event else [])]
    if found.late:
        needed += t.late_extra
    if found.next_day:
        needed += t.day_extra
    if found.names_apart:
        needed += t.names_extra
    same = found.score >= needed
    reason = (f"{found.score:.0%} of the words shared{''.join(f' and {e}' for e in also)}"
              f" ({'at least' if same else 'under'} {needed:.0%}{_apart(found, t)}"
              f"{f'; each names what the other never mentions: {found.names_apart}' if found.names_apart else ''})")
    return StoryMatch(same, found.score, found.shared, reason)


def _apart(found: Evidence, t: Thresholds) -> str:
    """How far apart the items are, when that asked for more words."""
    return (", more than 48 h apart" if found.late and t.late_extra else
            ", more than 24 h apart" if found.next_day and t.day_extra else "")


def judge(found: Evidence, model: StoryModel | None = None) -> StoryMatch:
    """One story or not, and why: a veto or titles alike decide alone; otherwise the story model
    (`models.story_model`) weighs the evidence, the rule's own verdict among it."""
    rule = decide(found)
    if found.veto or found.titles_alike is not None:
        return rule
    read = found.meaning.read_as_sentences
    verdict = (model or (story_model() if read else story_model_without_sentences())).judge(found, rule.same)
    pushed = ", ".join(f"{push.label} {push.by:+.1f}" for push in verdict.pushes)
    probability = round(verdict.probability, 3)  # the reason says the score it gives, rounded once
    unread = "" if read else "; not read as sentences (the batch's time for that was spent)"
    reason = (f"{probability:.0%} likely one story ({'at least' if verdict.same else 'under'} "
              f"{verdict.threshold:.0%}){f'; weighed most: {pushed}' if pushed else ''}; "
              f"the word rule {'agrees' if rule.same == verdict.same else 'alone says otherwise'}: {rule.reason}"
              f"{unread}")
    return StoryMatch(verdict.same, probability, found.shared, reason)


def same_story(a: StoryText, b: StoryText, window: timedelta = STORY_WINDOW) -> StoryMatch:
    """Whether `a` and `b` report the same event (see the module's rule)."""
    return judge(evidence(a, b, window))
