"""Whether a town that puts two items at one council is really that council's: the story rule's
(`models.story_match`) check on `models.places`' link.

GeoNames places a town in a council's area by distance, and inner London's boroughs sit a few kilometres
apart, so "Hackney" lands in Islington's area. A town that is itself another council's everyday name (Hackney,
Reading beside Wokingham) is that council's place, not a town of the council the other item names, unless the
two councils are one family (a district and its county: "Norwich" in Norfolk's area).
"""
from __future__ import annotations

import functools
import re

from typing import TYPE_CHECKING

from models.council_family import council_names, one_family
from models.councils_data import register_rows
from models.places import NICKNAMES, PlaceLink

if TYPE_CHECKING:
    from models.story_text import StoryText


@functools.lru_cache(maxsize=1)
def _councils_by_name() -> dict[str, frozenset[str]]:
    """Every council's everyday names (lower case) in mySociety's register, each with the councils so named."""
    codes = [row["local-authority-code"] for row in register_rows()]
    found: dict[str, set[str]] = {}
    for code in codes:
        for name in council_names(code):
            found.setdefault(name, set()).add(code)
    return {name: frozenset(owners) for name, owners in found.items()}


def another_councils_town(link: PlaceLink | None) -> bool:
    """Whether the link's town is another council's own name, of no family of the council it was placed in
    ("Hackney is in Islington's area" by distance): the item names a neighbour, not a town of the council."""
    if link is None or link.area is not None:
        return False
    owners = _councils_by_name().get(link.town)
    return bool(owners) and link.council not in owners and not one_family(owners, (link.council,))


@functools.lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    """Every council's everyday name and every area's nickname, as whole words, longest first."""
    names = sorted({*_councils_by_name(), *NICKNAMES}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names if len(n) > 3)})(?![\w-])", re.IGNORECASE)


# Words after a place's name that make it another body's or thing's name, not the place's news.
_NOT_THE_PLACE = frozenset("club clubs fc rfc team union league school college university hospital airport station "
                           "road street cathedral police fire".split())


@functools.lru_cache(maxsize=8192)
def _headline_places(title: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The council names (capitalised) and nicknames a headline gives, each with the councils it names."""
    found = []
    title = title.replace("\u2019", "'")
    for match in _name_pattern().finditer(title):
        name = match.group().lower()
        before, after = title[:match.start()].split()[-1:], title[match.end():].split()[:1]
        if before and before[0][:1].isupper() and not before[0].endswith(":") or \
                after and (after[0][:1].isupper() or after[0].lower().strip(",.:;'") in _NOT_THE_PLACE):
            continue  # part of a longer name ("Brent Cross", "North Lincs") or another body's ("Rugby club")
        if name in NICKNAMES:
            found.append((name, frozenset({NICKNAMES[name]})))
        elif match.group()[0].isupper():
            found.append((name, _councils_by_name()[name]))
    return tuple(found)


def another_councils_headline(unnamed: "StoryText", councils: tuple[str, ...]) -> str | None:
    """The place an item that names no council gives in its headline as another council's, of no family of `councils`
    (the other item's): "Reading moves to three-weekly collections" beside Wokingham's food waste; "Visitors to
    Scottish capital face 5% charge" beside Glasgow's levy. The finder left the name unread (an everyday word, a
    nickname), but it is a neighbour's news, not a rewrite."""
    for name, owners in _headline_places(unnamed.title):
        if not set(owners) & set(councils) and not one_family(owners, councils):
            return name
    return None
