"""Which names of one item's headline the other item never mentions: the story rule's names-apart evidence
(`models.story_match`): "Home Office" beside "Hayes" needs more words shared, "Hayes" beside Hillingdon does not.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from models.council_family import area_words, council_names, family_words
from models.places import PlaceLink, town_in_area, towns_named
from models.story_names import acronyms
from models.story_words import SYNONYMS, stem

if TYPE_CHECKING:
    from models.story_match import StoryText


def unmentioned(found: frozenset[str], other: StoryText, link: PlaceLink | None = None) -> set[str]:
    """The names of one headline that the other item never mentions (by word or its stem, or as the
    nation, region or county of a council it names, or as the council whose area has a town it names, or as
    a town in the area of a council it names and no other town of that council: "Hayes" beside Hillingdon,
    "Spalding" beside Lincolnshire; never "Whitby" beside Scarborough, two places of North Yorkshire)."""
    if not found:
        return set()
    text, areas = other.lowered, area_words(other.councils) | family_words(other.councils) | \
        (link.words if link else frozenset())
    return {name for name in found if name not in text and stem(name) not in other.concepts and name not in areas
            and SYNONYMS.get(name, name) not in other.concepts and name not in acronyms(other.text)
            and not town_of(name, other)}


def town_of(name: str, other: StoryText) -> bool:
    """Whether `name` is a town in the area of a council `other` names, when `other` names no other town (its
    councils' own names aside): one place of the council's, not another."""
    if not any(town_in_area(name, code) is not None for code in other.councils):
        return False
    own = {n for code in other.councils for n in council_names(code)}
    return not any(town != name and town not in own for town in towns_named(other.text))
