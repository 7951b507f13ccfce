"""The evidence that two items are one story. One press release rewritten by LGC, The MJ and a regional daily is one
story however it is headlined; the same council's next event, or the same event at another council,
is not.

The rule, measured on the labelled pairs in `tests/data/stories/` (`make bench`; thresholds chosen
by `python -m bench.story_cv`, k-fold on those pairs):

- Items more than `STORY_WINDOW` (72 h) apart are different stories.
- Items about different councils (both name councils, none of one family) are different stories; a
  county named only as the area another council is in ("an Essex unitary") is not its council here.
- Headlines naming different events (`models.story_events`: a section 114 notice, then
  commissioners; a strike, then the strike called off; a leader resigns, then a new one is named)
  are different stories (unless each headline's event is reported by the other item, or, within `SAME_HOURS`
  (12 h), one headline's is: one event's two sides, "leader ousted" beside "new leader" chosen by that vote),
  as are headlines with figures none of which the other item gives
  ("Woking debt reaches £2bn", "Woking asks for £1bn bailout"; 4.99% and 5% are one figure, and a rounded
  "almost £20m" is "£18.4m"; a national total beside one named council's share of it is one matter's two sums:
  `models.story_figures`).
- A headline telling only a closure beside one telling only something new, built or opened, is two matters
  (`models.story_closures`: "Powys closes four schools" / "Powys approves new Welsh-medium school").
- Otherwise the words of title and summary are compared, after reducing each word to its first five
  letters (so "regulation" meets "regulate") and mapping the sector's synonyms to one concept
  ("section 114", "bankrupt" and "insolvent"; "quits", "resigns" and "steps down"; "LGA" and "LG
  Group"): enough shared words, weighted by how telling they are, make one story. How many is
  enough depends on the other evidence (`models.story_match` weighs it): the same council (or one
  family: a district and its county), the same event named in a headline and reported by the other
  item (both together need few words more), more than `DAY_AFTER` (24 h) or `LATE_AFTER` (48 h) apart
  (rewrites of one event come within a day or two; what the same council does three days on is
  usually its next event).
- A town one item names in the area of the council the other names ("Sandbach" beside Cheshire East;
  `models.places`), an area's name of that one council ("Brum", "the Borders"), or a national body of the
  sector both speak of (the LGA, Oflog, Cosla: `models.story_bodies.SECTOR_BODIES`, by name or description)
  counts as the same council: evidence, never a veto, and the reason says so ("Sandbach is in Cheshire
  East's area"). An area of several councils ("Cumbrian") only counts the council's name as mentioned
  by the other item.
- Tone plays no part (a rewrite told more kindly is the same event), but for an inspection: one told
  as good news beside one told as bad are two verdicts.

Pure Python plus rapidfuzz, no database: `models.stories` calls it for each new item against the
items of the last 72 hours. The words compared are `models.story_words`'; the event kinds, figures and
names `models.story_events`'; which names one headline gives that the other item never mentions
`models.story_mentions`'.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from rapidfuzz import fuzz

from models.council_family import areas_only, one_family
from models.places import place_between
from models.story_bodies import body_told_two_ways, sector_bodies
from models.story_closures import closure_beside_new
from models.story_events import as_evidence, different_events, events, headline_events, told_both_ways, told_either_way
from models.story_figures import (figures, figures_agree, figures_of_two_kinds, national_total_beside_share,
                                  roughly_agree, step_agrees, total_beside_share)
from models.story_mentions import (actors_apart, council_name_concepts, name_extra, other_organisation, unmentioned,
                                   unnamed_council)
from models.story_meaning import Meaning, meaning_between
from models.story_names import names
from models.story_passing import without_passing
from models.story_places import another_councils_headline, another_councils_town
from models.story_stages import stages_apart
from models.story_terms import pair_terms
from models.story_turns import halt_against_step, turns_apart
from models.story_verdicts import verdicts_apart
from models.story_text import StoryText
from models.story_words import SUMMARY_CHARS, is_figure, weight as _weight

STORY_WINDOW = timedelta(hours=72)
TITLE_SAME_AT = 90  # titles this alike (rapidfuzz token-sort ratio) are one story on their own
TWO_DAYS = timedelta(hours=48)  # figures of two kinds, both headlines naming one council's event: one matter's
SAME_HOURS = timedelta(hours=12)  # within this, one headline's event told by the other item is one event's two sides
LATE_AFTER = timedelta(hours=48)  # items further apart than this need more of their words shared (`models.story_match`)
DAY_AFTER = timedelta(hours=24)  # ... as do items further apart than this (a day's rewrites are in)

# Events whose news is an inspector's verdict: one told as good news and the other as bad are two verdicts (an
# Ofsted monitoring visit finds progress; an area SEND inspection finds failings), not one told two ways. A
# court's ruling is not one of them: "challenge dismissed" reads as bad news and is the council's win.
_VERDICTS = frozenset({"inspection"})


@dataclass(frozen=True)
class Evidence:
    """What two items share, before any threshold: a veto (why they cannot be one story), or the
    share of words in common and what else they have in common."""

    veto: str | None
    score: float = 0.0
    shared: tuple[str, ...] = ()
    same_council: bool = False
    event: str | None = None
    late: bool = False
    names_apart: str | None = None
    titles_alike: float | None = None
    next_day: bool = False
    council_family: bool = False
    council_unnamed: bool = False
    place: str | None = None  # what puts both at one door: a town or area of the council, a national body
    hours: float = 0.0  # how far apart they were published
    text_alike: float = 0.0  # rapidfuzz token-set ratio of the two texts, 0-1
    councils_named: int = 0  # how many of the two name a council
    events_named: int = 0  # how many of the two headlines name an event kind (`models.story_events`)
    stages: str | None = None  # two stages of one matter the two tell, "proposed / decided" (`models.story_stages`)
    turns: str | None = None  # two turns of one matter, "halted / going ahead" (`models.story_turns`)
    meaning: Meaning = Meaning()  # how alike in meaning, beyond the words (`models.story_meaning`)
    terms: frozenset[str] = frozenset()  # the general words shared or not, for the model (`models.story_terms`)


def evidence(a: StoryText, b: StoryText, window: timedelta = STORY_WINDOW) -> Evidence:
    """The evidence that `a` and `b` report one event (see the module's rule)."""
    apart = abs(a.published_at - b.published_at)
    if apart > window:
        return Evidence(f"published more than {window.total_seconds() / 3600:g} h apart")
    if a.councils and b.councils and not one_family(a.councils, b.councils):  # "Sefton Park" is not Sefton's
        a, b = without_passing(a, b), without_passing(b, a)
    if a.councils and b.councils and not one_family(a.councils, b.councils):
        certain_a = set(a.councils) - areas_only(a.councils, a.text)
        certain_b = set(b.councils) - areas_only(b.councils, b.text)
        if certain_a and certain_b:
            return Evidence("about different councils")
    veto = actors_apart(a, b)
    if veto:
        return Evidence(veto)
    closure = closure_beside_new(a.title, b.title)
    if closure:  # a council building one school and closing another: two of its matters
        return Evidence(f"a closure beside something new ({closure})")
    if bool(a.councils) != bool(b.councils):
        unnamed, named = (b, a) if a.councils else (a, b)
        place = another_councils_headline(unnamed, named.councils)
        if place:
            return Evidence(f"one headline names another council's place ({place.title()})")
    events_a, events_b = headline_events(a.title), headline_events(b.title)
    if different_events(events_a, events_b) and not told_both_ways(events_a, events_b, a.text, b.text) and \
            not (apart <= SAME_HOURS and told_either_way(events_a, events_b, a.text, b.text)):
        return Evidence(f"different events: {', '.join(sorted(events_a))} / {', '.join(sorted(events_b))}")
    verdict = events_a & events_b & _VERDICTS
    if verdict and {a.tone, b.tone} == {"positive", "negative"} and verdicts_apart(a.title, b.title):
        return Evidence(f"opposite verdicts ({min(verdict)}: one {a.tone}, the other {b.tone})")
    for one, other in ((a, b), (b, a)):
        missing = other_organisation(one, other)
        if missing:
            return Evidence(f"one is about another organisation ({', '.join(sorted(missing))})")
    figures_a, figures_b = figures(a.title), figures(b.title)
    if figures_a and figures_b and not figures_agree(figures_a, figures(b.text)) and \
            not figures_agree(figures_b, figures(a.text)) and not _one_matters_figures(a, b, apart, events_a, events_b) \
            and not roughly_agree(a.title, b.text) and not roughly_agree(b.title, a.text) \
            and not step_agrees(a.title, b.text) and not step_agrees(b.title, a.text) \
            and not total_beside_share(a.title, b.title) and \
            not national_total_beside_share(a.title, a.text, bool(a.councils), b.title, b.text, bool(b.councils)):
        return Evidence("different figures in the headlines")
    title_ratio = fuzz.token_sort_ratio(a.title.lower(), b.title.lower())
    if title_ratio >= TITLE_SAME_AT:
        return Evidence(None, title_ratio / 100, titles_alike=title_ratio)
    words_a, words_b = a.concepts, b.concepts
    shared = words_a & words_b
    own = council_name_concepts(tuple(sorted({*a.councils, *b.councils}))) if a.councils and b.councils else frozenset()
    smaller = min(a.weight - name_extra(a.concepts & own), b.weight - name_extra(b.concepts & own))
    link = place_between(a.councils, a.text, b.councils, b.text)
    if another_councils_town(link):
        link = None  # "Hackney" placed in Islington's area by distance is Hackney's, a neighbour
    turned = halt_against_step(a, b) if link and link.sure and not set(a.councils) & set(b.councils) else None
    if turned:  # "Halton children's centres saved" / "Children's centres to close": one council's, by its place
        return Evidence(f"opposite turns of a matter ({turned})")
    only_a = unmentioned(names(a.title, a.summary or ""), b, link)
    only_b = unmentioned(names(b.title, b.summary or ""), a, link) if only_a else set()
    proper_a, proper_b = a.proper, b.proper
    figure = _shared_figure(a, b, figures_a, figures_b)
    weight = sum(2.0 if c in proper_a or c in proper_b or is_figure(c) else 1.0 for c in shared) - \
        name_extra(shared & own)
    if figure and not any(map(is_figure, shared)):
        weight, shared = weight + _weight("0"), shared | {"a figure told two ways"}  # "nearly 7.5%" and "7.49%"
    place = link if link and link.sure else None  # "Cumbrian" mentions Cumberland but may be its neighbour's news
    body = min(sector_bodies(a.lowered) & sector_bodies(b.lowered), default=None)  # "Oflog" in both
    if place and not (place.town in a.lowered and place.town in b.lowered):  # "Glenrothes" and "Fife": a word shared
        weight, shared = weight + 1.0, shared | {"a place told two ways"}
    if body_told_two_ways(a.lowered, b.lowered):  # "Solace" / "the chief executives' professional body": a name
        weight, shared = weight + 2.0, shared | {"a body told two ways"}
    return Evidence(None, round(weight / smaller if smaller else 0.0, 3), tuple(sorted(shared)),
                    bool(a.councils and b.councils), _shared_event(a, b, events_a, events_b) or figure,
                    apart > LATE_AFTER,
                    f"{', '.join(sorted(only_a))} / {', '.join(sorted(only_b))}" if only_a and only_b else None,
                    next_day=apart > DAY_AFTER,
                    council_family=bool(a.councils and b.councils) and not set(a.councils) & set(b.councils),
                    council_unnamed=unnamed_council(a, b),
                    place=str(place) if place else f"both about {body}" if body else None,
                    hours=apart.total_seconds() / 3600,
                    text_alike=fuzz.token_set_ratio(a.lowered, b.lowered) / 100,
                    councils_named=bool(a.councils) + bool(b.councils),
                    events_named=bool(events_a) + bool(events_b), stages=stages_apart(a, b),
                    turns=turns_apart(a, b), meaning=meaning_between(a.title, (a.summary or "")[:SUMMARY_CHARS],
                                                                      b.title, (b.summary or "")[:SUMMARY_CHARS]),
                    terms=pair_terms(a, b))


def decided_without_meaning(a: StoryText, b: StoryText, window: timedelta = STORY_WINDOW) -> bool:
    """Whether `evidence` judges the pair without reading its meaning, whatever else the two hold: published too
    far apart, or one headline (`models.stories.read_story_texts` reads ahead only the other pairs)."""
    return abs(a.published_at - b.published_at) > window or \
        fuzz.token_sort_ratio(a.title.lower(), b.title.lower()) >= TITLE_SAME_AT


def _one_matters_figures(a: StoryText, b: StoryText, apart: timedelta, events_a: frozenset[str],
                         events_b: frozenset[str]) -> bool:
    """Figures of two kinds, the items sharing the council or a headline's event within `SAME_HOURS`; sharing the
    council, one headline's event told by the other item, within `DAY_AFTER`; sharing the council and both headlines'
    event within `TWO_DAYS`: one matter's figures told two ways ("4.99% rise" / "£100 more a year"; "£75m estate
    approved" / "475 homes approved"; `models.story_figures`), not two matters."""
    if not figures_of_two_kinds(a.title, b.title):
        return False
    shared = bool(set(a.councils) & set(b.councils))
    if apart > SAME_HOURS:  # later, the same council's one event named by both headlines ("£75m estate approved"),
        # or within a day the same council's, one headline's event told by the other item ("4.99% rise" / "£100 more")
        return shared and (apart <= TWO_DAYS and bool(events_a & events_b) or apart <= DAY_AFTER and
                           told_either_way(events_a, events_b, a.text, b.text))
    return shared or told_either_way(events_a, events_b, a.text, b.text)


def _shared_figure(a: StoryText, b: StoryText, title_a: frozenset, title_b: frozenset) -> str | None:
    """A figure a headline gives that the other item gives too ("300 jobs", "£12bn"; 4.99% and 5%)."""
    agree = figures_agree(title_a, figures(b.text)) or figures_agree(title_b, figures(a.text))  # one told two ways
    return "a figure in common" if agree else None


def _shared_event(a: StoryText, b: StoryText, title_a: frozenset[str], title_b: frozenset[str]) -> str | None:
    """An event kind a headline names that the other item reports too (in its title or summary)."""
    common = (as_evidence(title_a) & as_evidence(events(b.text))) | (as_evidence(title_b) & as_evidence(events(a.text)))
    return min(common) if common else None
