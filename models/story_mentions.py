"""What one item names or speaks of beside the other: the story rule's (`models.story_match`) evidence of who each
is about. Which names of one item's headline the other never mentions ("Home Office" beside "Hayes" needs more words
shared, "Hayes" beside Hillingdon does not); another organisation's news (a club, a fire service); different actors
or meetings (two national bodies, a county and its districts, a mayor and a council of its area, a cabinet and full
council); a council named by one and spoken of unnamed by the other; a council's name counted once in the words shared.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from models.council_family import area_words, council_names, family_words
from models.places import PlaceLink, town_in_area, towns_named
from models.story_councils import headline_councils_apart, headline_neighbours_apart
from models.story_events import different_events, events, headline_events
from models.story_figures import figures, figures_agree
from models.story_objects import cases_apart, objects_apart
from models.story_bodies import bodies_apart, body_told_two_ways
from models.story_names import ORGANISATION_KINDS, acronyms, organisations, tiers_apart
from models.story_outcomes import outcomes_apart, vote_faced_and_result
from models.story_services import inspected_services_apart
from models.story_turns import halt_against_step, opposite_turns
from models.story_words import SYNONYMS, WORD, concept_of, concepts

if TYPE_CHECKING:
    from models.story_text import StoryText


def unmentioned(found: frozenset[str], other: StoryText, link: PlaceLink | None = None) -> set[str]:
    """The names of one headline that the other item never mentions (by word or its concept, or as the
    nation, region or county of a council it names, or as the council whose area has a town it names, or as
    a town in the area of a council it names and no other town of that council: "Hayes" beside Hillingdon,
    "Spalding" beside Lincolnshire; never "Whitby" beside Scarborough, two places of North Yorkshire)."""
    if not found:
        return set()
    text, areas = other.lowered, area_words(other.councils) | family_words(other.councils) | \
        (link.words if link else frozenset())
    return {name for name in found if name not in text and concept_of(name) not in other.concepts and name not in areas
            and SYNONYMS.get(name, name) not in other.concepts and name not in acronyms(other.text)
            and not town_of(name, other)}


def town_of(name: str, other: StoryText) -> bool:
    """Whether `name` is a town in the area of a council `other` names, when `other` names no other town (its
    councils' own names aside): one place of the council's, not another."""
    if not any(town_in_area(name, code) is not None for code in other.councils):
        return False
    own = {n for code in other.councils for n in council_names(code)}
    return not any(town != name and town not in own for town in towns_named(other.text))


# Words by which an item speaks of a council without naming it ("the county", "an east London borough",
# "town hall", "councillors"); a town or parish council is another body.
A_COUNCIL = re.compile(r"\b(?:the (?:county|authority|district)|councils?|councillors|council's|borough|unitary|"
                       r"town halls?|county hall)\b", re.IGNORECASE)
LOCAL_COUNCIL = re.compile(r"\b(?:town|parish|community) council(?:s|'s)?\b", re.IGNORECASE)


def actors_apart(a: StoryText, b: StoryText) -> str | None:
    """Why the two are different actors' or different meetings' news: two national bodies, a county and its
    districts, a mayor and a council of its area, a cabinet and full council, a contest won and lost, two councils of
    one family each named by its headline, inspections of two services, one council's two matters sharing only its
    name."""
    bodies = bodies_apart(a.lowered, b.lowered)
    if bodies:
        return f"about different national bodies ({bodies})"
    family = bool(a.councils and b.councils) and not set(a.councils) & set(b.councils) and \
        "devolution deal" not in events(a.text) | events(b.text)  # a deal is the councils' and the mayor's news
    if tiers_apart(a.title, a.text, b.title, b.text, family):
        return "one is a tier's news (a county's districts, a mayor), the other another tier's"
    if decision_steps_apart(a.title, b.title):
        return "one is the cabinet's decision, the other full council's"
    outcomes = outcomes_apart(a.title, b.title)
    if outcomes:
        return f"opposite outcomes of a contest ({outcomes})"
    vote = vote_faced_and_result(a.title, b.title)
    if vote:
        return f"a vote faced and a vote's result ({vote})"
    turns = opposite_turns(a, b) or (halt_against_step(a, b) if set(a.councils) & set(b.councils) else None)
    if turns:
        return f"opposite turns of a matter ({turns})"
    return headline_councils_apart(a, b) or headline_neighbours_apart(a, b) or inspected_services_apart(a, b) or \
        only_the_council_shared(a, b) or one_councils_two_objects(a, b)


def one_councils_two_objects(a: StoryText, b: StoryText) -> str | None:
    """Why two items about one council are two of its matters in one frame (`models.story_objects`)."""
    common = set(a.councils) & set(b.councils)
    if not common:
        return None
    words = council_name_concepts(tuple(sorted(common)))
    if cases_apart(a, b, words):
        return "one council's two ombudsman cases (nothing shared but the council and the finding's words)"
    objects = objects_apart(a, b, words)
    return f"one council's two matters ({objects})" if objects else None


def only_the_council_shared(a: StoryText, b: StoryText) -> str | None:
    """Why two items about one council are two of its matters: they share no word but the council's name, and no
    figure ("East Riding of Yorkshire Council appoints new chief executive" / "Three-weekly bins for East Riding").
    A rewrite of one event says something of it in the other's words (the event, its object, a figure), however
    loosely, or names the same event kind; one council's every item shares its name."""
    if not set(a.councils) & set(b.councils):
        return None
    if (a.concepts & b.concepts) - council_name_concepts(tuple(sorted({*a.councils, *b.councils}))):
        return None
    if figures_agree(figures(a.text), figures(b.text)):  # "7.5%" and "7.49%": the figure is the word shared
        return None
    if body_told_two_ways(a.lowered, b.lowered):  # "Audit Wales" / "the Welsh spending watchdog": a name shared
        return None
    events_a, events_b = headline_events(a.title), headline_events(b.title)
    if different_events(events_a, events_b):
        return None  # two events named: that veto says why
    if events_a & events(b.text) or events_b & events(a.text):
        return None  # one event told in other words ("seeks bailout" / "asks government for £50m help")
    return "nothing in common but the council's name"


def other_organisation(one: StoryText, other: StoryText) -> set[str]:
    """The organisation words of `one`'s headline (a fire service, a club, a trust) of which `other` mentions
    no word of the same kind, when that headline does not speak of a council as well ("Club and council sign
    stadium agreement" is the council's news too)."""
    found = organisations(one.title)
    if not found or A_COUNCIL.search(one.title) or set(one.councils) & set(other.councils) or \
            _council_opens(one.title, one.councils):
        return set()
    words = set(WORD.findall(other.lowered))
    return {w for w in found if w not in other.lowered and not ORGANISATION_KINDS.get(w, frozenset()) & words}


def _council_opens(title: str, councils: tuple[str, ...]) -> bool:
    """Whether a headline opens with one of its councils as the actor, a lower-case word after its name ("Croydon
    confirms community trust will run leisure centre"): the trust or club is the subject of the council's news.
    "Essex County Fire and Rescue …" opens with a longer name, not the council."""
    lowered = title.lower().replace("\u2019", "'")
    for code in councils:
        for name in council_names(code):
            opening = re.match(rf"{re.escape(name)}(?:'s)?(?: (?:city|borough|district|county) council| council)? [a-z]",
                               lowered)
            if opening and title[opening.end() - 1].islower():
                return True
    return False


@functools.lru_cache(maxsize=4096)
def council_name_concepts(codes: tuple[str, ...]) -> frozenset[str]:
    """The concepts of these councils' everyday names ("east", "ride", "yorks" for East Riding of Yorkshire)."""
    return concepts(" ".join(name for code in codes for name in council_names(code)))


def name_extra(words: frozenset[str]) -> float:
    """How much more than one word a council's name weighs in these words: a name of three words ("East Riding of
    Yorkshire") is one council's, as "Leeds" is, so it counts once in the share (its chief executive appointed and its
    bin rounds share "east", "riding" and "yorkshire" and nothing else)."""
    return max(0, len(words) - 1)


def unnamed_council(a: StoryText, b: StoryText) -> bool:
    """One item names a council and the other names none but speaks of one ("the county", "the
    council's cabinet", "councillors"): a rewrite that says "the borough" where the other says Merton."""
    if bool(a.councils) == bool(b.councils):
        return False
    return (b if a.councils else a).speaks_of_a_council


# A decision's two meetings: the cabinet (or executive) backs or recommends, then full council votes it through.
_CABINET = re.compile(r"\bcabinet\b|\bexecutive (?:mayor|member|committee)\b", re.IGNORECASE)
_FULL_COUNCIL = re.compile(r"\bfull council\b|\bcouncillors (?:vote|voted|approve|approved|back|backed)\b", re.IGNORECASE)


def decision_steps_apart(title_a: str, title_b: str) -> bool:
    """One headline is a cabinet's decision and the other full council's (each naming only its own meeting): the
    cabinet backing a budget and full council approving it are two steps, reported days apart."""
    (cabinet_a, full_a), (cabinet_b, full_b) = _meetings(title_a), _meetings(title_b)
    return cabinet_a and not full_a and full_b and not cabinet_b or cabinet_b and not full_b and full_a and not cabinet_a


@functools.lru_cache(maxsize=8192)
def _meetings(title: str) -> tuple[bool, bool]:
    """Whether a headline names a cabinet's (or executive's) decision, and full council's."""
    return bool(_CABINET.search(title)), bool(_FULL_COUNCIL.search(title))
