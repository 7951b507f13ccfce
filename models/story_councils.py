"""Which councils two headlines are about: the story rule's (`models.story_match`) evidence that items naming
councils of one family (a county and a district of it, two boroughs of one mayor's area) are still two councils'
news.

An item's councils are found in its title and summary, so "Essex County Council agrees to sell County Hall" (the
Chelmsford headquarters) counts Chelmsford among its councils, and "Chelmsford City Council sells Civic Centre"
then looks like the same council's news. A headline names its actor: when both headlines name a council as one
("Norfolk County Council budget approved" / "Norwich City Council budget approved", "Cambridgeshire County Council
shortlists ..." / "Cambridge City Council names ..."), and none of one headline's councils is the other's, the two
are two councils' like events, however alike their words. A place's name counts only as a whole word: "Cambridge" is
not named by "Cambridgeshire", nor "Lincoln" by "Lincolnshire".
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from models.council_family import areas_only, council_names, one_family
from models.councils_data import register_rows

if TYPE_CHECKING:
    from models.story_text import StoryText

# What may stand between a council's place name and the word "council" when a headline names the council itself.
_TIER = r"(?:\s+(?:county|city|borough|district|metropolitan borough|london borough))?"
# A register name's own tier and "council" ("essex county council"): the pattern adds them back.
_TIER_COUNCIL = re.compile(rf"{_TIER}\s+council$")


@functools.lru_cache(maxsize=4096)
def _pattern(code: str) -> re.Pattern[str] | None:
    """A council's everyday names as whole words, longest first, each optionally followed by its tier and
    "council" (group 1 set when it is)."""
    names = sorted({_TIER_COUNCIL.sub("", n) for n in council_names(code)} - {""}, key=len, reverse=True)
    names = [n for n in names if len(n) > 2]
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?:'s)?(?![a-z])({_TIER}\s+council)?")


@functools.lru_cache(maxsize=8192)
def headline_councils(title: str, councils: tuple[str, ...], formal: bool = True) -> frozenset[str]:
    """The councils of `councils` (an item's, found in its title and summary) whose name its headline gives as whole
    words; with `formal`, only those it names as a council ("Norwich City Council", "Solihull council")."""
    lowered = title.lower().replace("\u2019", "'")
    found = set()
    for code in councils:
        pattern = _pattern(code)
        if pattern is None:
            continue
        for match in pattern.finditer(lowered):
            if not formal or match.group(1):
                found.add(code)
                break
    return frozenset(found)


@functools.lru_cache(maxsize=4096)
def successors_of(codes: frozenset[str]) -> frozenset[str]:
    """The councils that replaced any of `codes` (mySociety's `replaced-by`): "New Cumbria council faces £30m hole"
    beside "Cumberland Council reports savings gap" names one area's council twice, the abolished name and its
    successor's."""
    replaced = _replaced_by()
    return frozenset(code for x in codes for code in replaced.get(x, ()))


@functools.lru_cache(maxsize=1)
def _replaced_by() -> dict[str, tuple[str, ...]]:
    """Each abolished council's successors by its code, from the register."""
    return {row["local-authority-code"]: tuple(c.strip() for c in row["replaced-by"].split(",") if c.strip())
            for row in register_rows() if row.get("replaced-by")}


def headline_councils_apart(a: "StoryText", b: "StoryText") -> str | None:
    """Why the two are two councils' news: each headline names a council as such and none of one's is the
    other's ("Norfolk County Council budget approved" / "Norwich City Council budget approved"), else None."""
    if not a.councils or not b.councils:
        return None
    one, other = headline_councils(a.title, a.councils), headline_councils(b.title, b.councils)
    if one and other and not one & other and not successors_of(one) & other and not successors_of(other) & one:
        return f"the headlines name different councils ({', '.join(sorted(one))} / {', '.join(sorted(other))})"
    return None


def headline_neighbours_apart(a: "StoryText", b: "StoryText") -> str | None:
    """Why the two are two neighbours' like news: each headline names a council by its place name, none of one's is
    the other's, and none is the other's county or combined authority ("Lambeth sets target of 1,000 new council homes"
    / "Southwark pledges 1,000 more council homes"; "Aberdeen enters race for City of Culture" / "Dundee council bids
    for UK City of Culture"). A place and its county ("Norfolk" / "Norwich") may be one story told at two scales."""
    if not a.councils or not b.councils:
        return None
    one, other = _places_as_actor(a), _places_as_actor(b)
    if one and other and not one & other and not one_family(one, other) and not _both_parties(one, other, a, b):
        return f"the headlines name neighbouring councils ({', '.join(sorted(one))} / {', '.join(sorted(other))})"
    return None


def _both_parties(one: frozenset[str], other: frozenset[str], a: "StoryText", b: "StoryText") -> bool:
    """Each item names the council the other's headline names: one matter between two councils told from each side
    ("Sevenoaks takes neighbour to court" / "Tonbridge and Malling faces challenge from Sevenoaks")."""
    return other <= set(a.councils) and one <= set(b.councils)


# What a headline names that is not its actor: a quotation ("'We will not be the next Thurrock'"), a place beside
# the news ("near Nottingham", "like Woking"), and the council a person comes from in an appointment's headline
# ("Dundee's Alison Reid to lead …", "mayoral authority picks Leicester finance chief").
_NOT_ACTOR = re.compile(r"'[^']*'|\"[^\"]*\"|\u2018[^\u2019]*\u2019|\b(?:near|outside|like|beyond|next to|after|than)"
                        r" [A-Z][\w-]*(?: [A-Z][\w-]*)*|"
                        r"\b[A-Z][\w-]*(?: [A-Z][\w-]*)?'s(?= [A-Z][a-z]+ [A-Z][\w-]+ to "
                        r"(?:lead|head|run|join|become|take|be)\b)|"
                        r"\b(?:picks|appoints|names|hires|poaches|recruits|chooses|taps) [A-Z][\w-]*(?: [A-Z][\w-]*)?"
                        r"(?= (?:finance |deputy |council |assistant |strategic |corporate )?"
                        r"(?:chief|director|boss|officer|executive|head|leader)\b)")


def _places_as_actor(item: "StoryText") -> frozenset[str]:
    """The councils an item's headline names by place name as its actor: not a county named as the area a unitary
    is in ("Essex unitary"), nor a council inside a quotation or beside "near"."""
    certain = tuple(code for code in item.councils if code not in areas_only(item.councils, item.text))
    return headline_councils(_NOT_ACTOR.sub(" ", item.title), certain, False) if certain else frozenset()
