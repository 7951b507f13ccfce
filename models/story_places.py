"""Whether a town that puts two items at one council is really that council's: the story rule's
(`models.story_match`) check on `models.places`' link.

GeoNames places a town in a council's area by distance, and inner London's boroughs sit a few kilometres
apart, so "Hackney" lands in Islington's area. A town that is itself another council's everyday name (Hackney,
Reading beside Wokingham) is that council's place, not a town of the council the other item names, unless the
two councils are one family (a district and its county: "Norwich" in Norfolk's area).
"""
from __future__ import annotations

import csv
import functools

from models.council_family import council_names, one_family
from models.places import PlaceLink


@functools.lru_cache(maxsize=1)
def _councils_by_name() -> dict[str, frozenset[str]]:
    """Every council's everyday names (lower case) in mySociety's register, each with the councils so named."""
    from models.councils_data import DATA_DIR
    with open(DATA_DIR / "uk_local_authorities_current.csv", newline="", encoding="utf-8") as fh:
        codes = [row["local-authority-code"] for row in csv.DictReader(fh)]
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
