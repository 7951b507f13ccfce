"""Are two items one story? One press release rewritten by LGC, The MJ and a regional daily is one
story however it is headlined; the same council's next event, or the same event at another council,
is not.

The rule, measured on the labelled pairs in `tests/data/stories/` (`make bench`):

- Items more than `STORY_WINDOW` (72 h) apart are different stories.
- Items about different councils (both name councils, none in common) are different stories.
- Items of opposite tone (one positive, one negative: a strike and the strike called off) are
  different stories, as are headlines with figures, none in common ("Woking debt reaches £2bn",
  "Woking asks for £1bn bailout").
- Otherwise the words of title and summary are compared, after reducing each word to its first six
  letters (so "regulation" meets "regulate") and mapping the sector's synonyms to one concept
  ("section 114", "bankrupt" and "insolvent"; "quits", "resigns" and "steps down"; "LGA" and "LG
  Group"): enough shared words, weighted by how telling they are, make one story. Items more than
  `LATE_AFTER` (48 h) apart need a tenth more: rewrites of one event come within a day or two (the
  weekly trade press included), and what the same council does three days on is usually its next
  event (a section 114 notice, then commissioners sent in).

Pure Python plus rapidfuzz, no database: `models.stories` calls it for each new item against the
items of the last 72 hours.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz

STORY_WINDOW = timedelta(hours=72)
STEM = 6
SAME_AT = 0.5  # shared share of the smaller item's words that makes one story
SAME_WITH_COUNCIL_AT = 0.34  # ... when both name the same council
SUMMARY_CHARS = 500  # a summary's opening says what the event is; the rest adds noise and cost
TITLE_SAME_AT = 90  # titles this alike (rapidfuzz token-sort ratio) are one story on their own
LATE_AFTER = timedelta(hours=48)  # items further apart than this ...
LATE_EXTRA = 0.1  # ... need this much more of their words shared

STOPWORDS = frozenset("""
a an the and or of to in on for at by with from as is are was were be been being it its this that these those
after over under into out up about than then new says said say will would could should may might can not no
more most very just also has have had his her their they them we our us who what how why when where which
council councils county city borough district local government authority authorities ministers minister
year years week weeks month months today yesterday first second third last next all some any each one two
three four five six seven eight nine ten make makes made get gets take takes could public report reports
""".split())
# Words that say the same thing in the sector's press: each maps to one concept.
SYNONYMS: dict[str, str] = {}
for _concept, _words in {
    "s114": "s114 section114 bankrupt bankruptcy insolvent insolvency",
    "quits": "quits quit resigns resign resigned resignation stepsdown stands down steps",
    "appoint": "appoints appointed appoint names named hires recruits",
    "launch": "launches launched unveils unveiled publishes published sets out reveals revealed",
    "lga": "lga lggroup",
    "commissioners": "commissioners commissioner envoys envoy",
    "bailout": "bailout exceptional capitalisation",
    "wins": "wins won scoops crowned",
    "strike": "strike strikes walkout walk",
}.items():
    for _word in _words.split():
        SYNONYMS[_word] = _concept
_PHRASES = (("section 114", "section114"), ("s 114", "s114"), ("lg group", "lggroup"),
            ("local government association", "lga"), ("steps down", "stepsdown"), ("stands down", "stepsdown"),
            ("step down", "stepsdown"), ("effective bankruptcy", "bankruptcy"), ("effectively bankrupt", "bankrupt"))
_WORD = re.compile(r"[a-z0-9£%]+(?:[.,][0-9]+)*")


@functools.lru_cache(maxsize=4096)  # a few days of items; each set is ~2 KB
def _cached_concepts(text: str) -> frozenset[str]:
    return concepts(text)


@dataclass(frozen=True)
class StoryText:
    """What the story rule reads of an item."""

    title: str
    summary: str | None
    published_at: datetime
    councils: tuple[str, ...] = ()
    tone: str | None = None

    @functools.cached_property
    def concepts(self) -> frozenset[str]:
        """The telling words of title and summary (cached: an item meets many new items)."""
        return _cached_concepts(f"{self.title} {(self.summary or '')[:SUMMARY_CHARS]}")


@dataclass(frozen=True)
class StoryMatch:
    """Whether two items are one story, with the evidence (for `/coverage explain`)."""

    same: bool
    score: float
    shared: tuple[str, ...]
    reason: str


def concepts(text: str) -> frozenset[str]:
    """The telling words of a text: lower case, stop words out, six-letter stems, synonyms as one."""
    text = text.lower().replace("\u2019", "'")
    for phrase, token in _PHRASES:
        text = text.replace(phrase, token)
    out = set()
    for word in _WORD.findall(text):
        word = word.replace(",", "")
        if word in STOPWORDS or len(word) < 2:
            continue
        out.add(SYNONYMS.get(word) or word[:STEM])
    return frozenset(out)


def _numbers(title: str) -> frozenset[str]:
    """The figures in a headline ("£760m", "3.2%", "2025"): two reports of one event share one."""
    return frozenset(word for word in _WORD.findall(title.lower().replace(",", "")) if any(c.isdigit() for c in word))


def _weight(concept: str) -> float:
    """Numbers and amounts (£760m, 3.2%, 117000) say more than words."""
    return 2.0 if any(ch.isdigit() for ch in concept) else 1.0


def same_story(a: StoryText, b: StoryText, window: timedelta = STORY_WINDOW) -> StoryMatch:
    """Whether `a` and `b` report the same event (see the module's rule)."""
    if abs(a.published_at - b.published_at) > window:
        return StoryMatch(False, 0.0, (), f"published more than {window.total_seconds() / 3600:g} h apart")
    if a.councils and b.councils and not set(a.councils) & set(b.councils):
        return StoryMatch(False, 0.0, (), "about different councils")
    if {a.tone, b.tone} == {"positive", "negative"}:
        return StoryMatch(False, 0.0, (), "opposite tones: a different turn of events")
    numbers_a, numbers_b = _numbers(a.title), _numbers(b.title)
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return StoryMatch(False, 0.0, (), "different figures in the headlines")
    title_ratio = fuzz.token_sort_ratio(a.title.lower(), b.title.lower())
    if title_ratio >= TITLE_SAME_AT:
        return StoryMatch(True, title_ratio / 100, (), f"titles {title_ratio:.0f}% alike")
    words_a, words_b = a.concepts, b.concepts
    shared = words_a & words_b
    smaller = min(sum(map(_weight, words_a)), sum(map(_weight, words_b)))
    score = sum(map(_weight, shared)) / smaller if smaller else 0.0
    same_council = bool(set(a.councils) & set(b.councils))
    needed = SAME_WITH_COUNCIL_AT if same_council else SAME_AT
    late = abs(a.published_at - b.published_at) > LATE_AFTER
    if late:
        needed += LATE_EXTRA
    same = score >= needed
    reason = (f"{score:.0%} of the words shared{' and the same council' if same_council else ''}"
              f" ({'at least' if same else 'under'} {needed:.0%}{', more than 48 h apart' if late else ''})")
    return StoryMatch(same, round(score, 3), tuple(sorted(shared)), reason)
