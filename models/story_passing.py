"""Councils an item names only in passing: the story rule's (`models.story_match`) check before it calls two items
"about different councils".

The finder reads every council name in an item's title and summary, so a rewrite that sends readers "to Harrow and
Ealing" while the pool is rebuilt, or that names "Sefton Park" (Liverpool's park), "Manchester Old Road" (a road in
Rochdale's borough) or "Matlock Bath" (a Derbyshire village), counts a neighbour among its councils, and the pair
looked like two councils' news. Two kinds of mention are passing:

- a council's name only ever inside a longer place's name: before a street or park word ("Sefton Park",
  "Manchester Old Road"), or after a capitalised word that is no compass point ("Matlock Bath");
- every council an item names only in its summary, when its headline gives a town of the other item's council and
  none of its own ("Sudbury swimmers face two years without a pool" beside Brent's news: Harrow and Ealing are
  where the swimmers must go, not whose news it is).

The item is then read as naming none of those councils: a town of the other's council then places both at one door
(`models.places`), and the other vetoes still apply.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from models.council_family import council_names
from models.places import place_link
from models.story_councils import headline_councils

if TYPE_CHECKING:
    from models.story_text import StoryText

# Words after a place's name that make it a street's, a park's or a site's name ("Sefton Park", "Leeds Road").
_SITE_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:Park|Road|Street|Lane|Avenue|Way|Square|Gardens|Common|Quay|Wharf|"
                         r"Place|Terrace|Crescent|Drive|Close|Rise|Hill|Fields|Meadows|Moor|Heath|Green|Parade|"
                         r"Retail Park|Business Park)\b")
# Capitalised words before a place's name that are part of the council's own name or say where in it.
_OWN_BEFORE = frozenset("north south east west central mid greater inner outer upper lower city borough royal new "
                        "old the of and in".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the name at `start:end` of `text` is part of a longer place's name ("Sefton Park", "Matlock Bath")."""
    if _SITE_AFTER.match(text, end):
        return not text[start:end].endswith("'s")  # "Camden's Regis Road" is Camden's road
    before = _WORD_BEFORE.search(text, 0, start)
    if not before or not before.group(1)[0].isupper() or before.group(1).lower() in _OWN_BEFORE:
        return False
    at = before.start(1) - 1
    while at >= 0 and text[at] == " ":
        at -= 1
    return at >= 0 and text[at] not in ".:!?|-\u2013\u2014\"'\u2018\u201c"  # not a sentence's first word


@functools.lru_cache(maxsize=8192)
def named_inside_names(codes: tuple[str, ...], title: str, summary: str) -> frozenset[str]:
    """The councils of `codes` whose every mention in the item is inside a longer place's name. A Title Case
    headline capitalises every word, so its mentions count as plain ones."""
    title_case = sum(w[0].isupper() for w in re.findall(r"[A-Za-z]{4,}", title)) >= \
        max(3, len(re.findall(r"[A-Za-z]{4,}", title)) - 1)
    out = set()
    for code in codes:
        names = sorted(council_names(code), key=len, reverse=True)
        if not names:
            continue
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?:'s)?(?![\w-])", re.IGNORECASE)
        spans = [(part, m) for part in ((title if not title_case else ""), summary) for m in pattern.finditer(part)]
        plain_in_title = not title_case or not pattern.search(title)
        if spans and plain_in_title and all(_inside_longer_name(part, m.start(), m.end()) for part, m in spans):
            out.add(code)
    return frozenset(out)


def without_passing(item: "StoryText", other: "StoryText") -> "StoryText":
    """`item` without the councils it names only in passing (see the module), beside `other`'s councils."""
    passing = set(named_inside_names(item.councils, item.title, item.summary or ""))
    if not headline_councils(item.title, item.councils, False) and other.councils and \
            _town_link(other.councils, item.title) and not _town_link(item.councils, item.title):
        passing |= set(item.councils)  # "Sudbury swimmers …" beside Brent's news, Harrow and Ealing in the summary
    if not passing:
        return item
    return dataclasses.replace(item, councils=tuple(c for c in item.councils if c not in passing))


def _town_link(councils: tuple[str, ...], title: str) -> bool:
    """Whether a headline gives a town (not a wider area) in the area of one of `councils`."""
    link = place_link(councils, title)
    return link is not None and link.area is None
