"""The towns a text names and whether a town lies in a council's area, for the story rule
(`models.story_match`): a rewrite naming the town ("Sandbach HQ", "councillors in Glenrothes", "the
Trowbridge-based unitary") where the other item names the council (Cheshire East, Fife, Wiltshire).

- The towns are GeoNames' (`data/places/gb_towns.csv`, CC BY 4.0). A town is named by its name
  capitalised as a whole word; a town whose name is also an everyday word ("Street", "March", "Deal")
  only when capitalised inside a sentence, not opening it. An area's nickname or short name ("Bucks",
  "the Kingdom", "the Welsh capital": `NICKNAMES`) is placed at its council's point.
- A council's own name that the council finder did not take as the council is the council's place ("Minister
  to rule on Cambridge science building" beside Cambridge City Council), unless the text names an organisation
  ("Sunderland AFC": the finder judged it a club's, a cathedral's or a police force's) or the name is an MP's
  constituency ("the MP for Bury North").
- Which council's area a town is in: for the towns listed by hand with their council
  (`data/places/council_towns.csv`, `listed_town_councils`; the council finder reads the same table),
  that council and its family (its county, its combined authority). For any other town, GeoNames gives
  no district, so it is taken to lie in a council's area when its point is within `NEAR_RADII` of the
  council's radius (the radius of a circle of the council's area, from mySociety's register) of the
  council's point, plus `NEAR_KM`. That is approximate (a town near a boundary may be the
  neighbour's): evidence for one story, never a veto.

Read once, no database: the story rule is pure.
"""
from __future__ import annotations

import csv
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from models.council_family import council_names, county_councils, named_areas, one_family
from models.councils_data import register_rows

PLACES_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
TOWNS_CSV = PLACES_DIR / "gb_towns.csv"
LISTED_CSV = PLACES_DIR / "council_towns.csv"
NEAR_RADII = 1.0  # a town within this many of the council's radii (sqrt(area / pi)) of its point ...
NEAR_KM = 3.0  # ... plus this many km is taken to be in its area (chosen on the tuning pairs, bench.story_cv)
# Town names that are everyday words too, named only when capitalised inside a sentence.
_EVERYDAY = frozenset("""street march deal wells bath reading wool ware sale hook hope cheddar bury bungay
rock send over chew cove bridge moss stone par wick hale barking ash ford green north south east west new
kings church hall mill castle park bay cross ditton heath marsh lower upper great little""".split())
# A town's own council (a parish-tier body: "Shrewsbury Town Council will run the park") is not the principal
# council whose area holds the town: its news is another body's.
_LOCAL_COUNCIL = re.compile(r" (?:town|parish|community) council")
_NOT_A_NAME = frozenset("city of the county borough district ua council metropolitan and".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_LINKS = frozenset("upon on in under le de by next the super of".split())
_RUN = re.compile(r"[A-Z][A-Za-z']*(?:[ -](?:(?:upon|on|in|under|le|de|by|next|the|super|of)[ -]){0,2}[A-Z][A-Za-z']*)*")


@dataclass(frozen=True)
class Town:
    """A GeoNames town: its name and point."""

    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Area:
    """A council's everyday name, point and radius (km), from the register."""

    name: str
    lat: float
    lon: float
    radius_km: float


# The everyday short names and nicknames of council areas (the counties' postal abbreviations, "the Kingdom"
# for Fife, "the Welsh capital"), each placed at its council's point: a rewrite naming one names the place.
NICKNAMES = {"bucks": "BUC", "herts": "HRT", "oxon": "OXF", "glos": "GLS", "lancs": "LAN", "notts": "NTT",
             "wilts": "WIL", "hants": "HAM", "worcs": "WOR", "cambs": "CAM", "leics": "LEC", "lincs": "LIN",
             "staffs": "STS", "salop": "SHR", "kingdom": "FIF", "welsh capital": "CRF", "scottish capital": "EDH",
             "granite city": "ABE", "steel city": "SHF", "potteries": "STE", "derbys": "DBY"}


@functools.lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[Town, ...]]:
    """Every town by its lower-case name (several towns may share one), and the areas' nicknames."""
    out: dict[str, list[Town]] = {}
    with open(TOWNS_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(_key(row["name"]), []).append(Town(row["name"], float(row["lat"]), float(row["lon"])))
    areas = _areas()
    for nickname, code in NICKNAMES.items():
        if code in areas:
            out.setdefault(nickname, []).append(Town(nickname.title(), areas[code].lat, areas[code].lon))
    for name, code in listed_town_councils().items():  # a listed town GeoNames lacks: at its council's point
        if _key(name) not in out and code in areas:
            out[_key(name)] = [Town(name, areas[code].lat, areas[code].lon)]
    return {name: tuple(found) for name, found in out.items()}


@functools.lru_cache(maxsize=1)
def _areas() -> dict[str, Area]:
    """Each council's point and radius, where the register gives both."""
    rows = register_rows()
    return {row["local-authority-code"]: Area(row["nice-name"], float(row["lat"]), float(row["long"]),
                                              math.sqrt(float(row["area"]) / math.pi))
            for row in rows if row.get("lat") and row.get("long") and row.get("area")}


@functools.lru_cache(maxsize=1)
def _council_names() -> dict[str, str]:
    """Every council's everyday name by its code, those without a point and radius too (combined authorities)."""
    return {row["local-authority-code"]: row["nice-name"] for row in register_rows()}


@functools.lru_cache(maxsize=4096)
def towns_named(text: str) -> frozenset[str]:
    """The towns a text names (lower case): each run of capitalised words, and its leading words, that
    is a town's name ("Newtown St Boswells", "Hawick"); an everyday word only inside a sentence."""
    towns = _towns()
    found = set()
    for match in _RUN.finditer(text.replace("\u2019", "'")):
        words = _key(match.group()).split()
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                name = " ".join(words[start:end])
                if words[start] not in _LINKS and name in towns and name not in _MONTHS and \
                        (name not in _EVERYDAY or start or not _opens(text, match.start())):
                    found.add(name)
                    start = end - 1
                    break
            start += 1
    lowered = text.lower()
    found |= {name for name in _LOWER_NICKNAMES if name in lowered}
    if "kingdom" in found and "united kingdom" in lowered:
        found.discard("kingdom")  # the UK, not Fife
    return frozenset(found)


# Nicknames written in lower case after their first word ("the Welsh capital", "the Granite City").
_LOWER_NICKNAMES = frozenset(name for name in NICKNAMES if " " in name)


def _key(name: str) -> str:
    """A town's name as looked up: lower case, hyphens as spaces, no possessive ("Stoke-on-Trent's")."""
    return re.sub(r"'s\b|'", "", name.lower()).replace("-", " ")


def _opens(text: str, at: int) -> bool:
    """Whether the word at `at` opens the text or a sentence of it."""
    before = text[:at].rstrip(" '\"\u2018\u201c")
    return not before or before[-1] in ":.!?-\u2013\u2014|"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points (km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@functools.lru_cache(maxsize=1)
def listed_town_councils() -> dict[str, str]:
    """The towns whose council is known by name (`data/places/council_towns.csv`, written by hand: towns
    that are no council's name, each with the council whose area holds it), by their name as written."""
    with open(LISTED_CSV, newline="", encoding="utf-8") as fh:
        return {row["town"]: row["council"] for row in csv.DictReader(fh)}


@functools.lru_cache(maxsize=1)
def _listed_by_key() -> dict[str, str]:
    return {_key(town): code for town, code in listed_town_councils().items()}


@functools.lru_cache(maxsize=16384)
def town_in_area(town: str, council: str, radii: float | None = None, km: float | None = None) -> float | None:
    """How far (km) the nearest town of that name is from the council's point, when it is near enough to
    be taken as in the council's area (0 for a listed town of that council or its family); None when no
    town of the name is, a listed town is another council's, or the register gives no point."""
    listed = _listed_by_key().get(town)
    if listed is not None:
        return 0.0 if one_family((listed,), (council,)) else None
    area = _areas().get(council)
    if area is None:
        return None
    reach = (NEAR_RADII if radii is None else radii) * area.radius_km + (NEAR_KM if km is None else km)
    near = [d for t in _towns().get(town, ()) if (d := distance_km(t.lat, t.lon, area.lat, area.lon)) <= reach]
    return min(near) if near else None


@functools.lru_cache(maxsize=1)
def _area_pattern() -> re.Pattern[str]:
    """One pattern for every named area (a ceremonial county too: "five Essex primaries" the finder did not take
    as Essex County Council, "Berkshire" that no council is called now): a word written in lower case in the
    table ("east London", "the Dales") may open with a capital too; a capitalised one ("Dales", "Brum",
    "Borders") must be capitalised, so "the borders of the county" is none."""
    def phrase(name: str) -> str:
        return r"[ -]".join(f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" if w[0].islower() else re.escape(w)
                            for w in re.split(r"[ -]", name))
    names = sorted(named_areas(), key=len, reverse=True)
    return re.compile(rf"(?<![A-Za-z])(?:{'|'.join(map(phrase, names))})(?![A-Za-z])")


@functools.lru_cache(maxsize=4096)
def areas_named(text: str) -> frozenset[str]:
    """The named areas (`models.council_family.named_areas`) a text speaks of, as the table writes them:
    "Black Country", "the Borders", "Brum", "Cumbrian", "Berkshire"."""
    keys = {name.lower().replace("-", " "): name for name in named_areas()}
    return frozenset(keys[m.group().lower().replace("-", " ")] for m in _area_pattern().finditer(text.replace("\u2019", "'")))


@dataclass(frozen=True)
class PlaceLink:
    """A town (or a named area: a region, nickname or demonym) one item names that lies in the area of, or
    takes in, a council the other item names."""

    town: str
    council: str
    area: str | None = None  # the named area as the table writes it, when the link is one

    def __str__(self) -> str:
        name = _council_names()[self.council]
        if self.area is not None:
            kind = named_areas()[self.area][1]
            return f"'{self.area}' is {name}" if kind in ("nickname", "demonym") or \
                len(named_areas()[self.area][0]) == 1 else f"'{self.area}' takes in {name}"
        if NICKNAMES.get(self.town) == self.council or self.town in council_names(self.council):
            return f"'{self.town.title()}' is {name}"
        return f"{self.town.title()} is in {name}'s area"

    @property
    def sure(self) -> bool:
        """Whether the link places the item at one council: a town, or an area taking in one council ("Brum",
        "the Borders"); an area of several ("Cumbrian": Cumberland or Westmorland and Furness) only says the
        other item's place is mentioned, not that it is the same council's news."""
        return self.area is None or len(named_areas()[self.area][0]) == 1

    @property
    def words(self) -> frozenset[str]:
        """The town's and the council's name words (lower case): the one item mentions what the other names."""
        return frozenset(_key(f"{self.town} {_council_names()[self.council]}").split())


@functools.lru_cache(maxsize=8192)  # an item meets every item of the last 72 hours
def place_link(councils: tuple[str, ...], text: str) -> PlaceLink | None:
    """A town `text` names in the area of one of `councils`, the nearest first; None when there is none."""
    if not councils:
        return None
    from models.story_names import organisations, place_words
    # A council's own name, not found as the council, is its club's or cathedral's when the text names one; a
    # nickname is the area's.
    others, lowered = bool(organisations(text)), text.lower()
    towns = {town for town in towns_named(text) if (town in NICKNAMES or town not in place_words() or
             not others and f"mp for {town}" not in lowered)  # "the MP for Bury North": a constituency
             and not re.search(rf"\b{re.escape(town)} (?:town|parish|community) council", lowered)}
    near = [(d, town, code) for town in towns for code in councils
            if (d := town_in_area(town, code)) is not None]
    if near:
        return PlaceLink(min(near)[1], min(near)[2])
    own = None if others else _own_name(councils, text)
    if own:
        return own
    areas = named_areas()
    takes_in = sorted((len(areas[name][0]), name, code) for name in areas_named(text) for code in councils
                      if one_family(areas[name][0], (code,)))  # the narrowest area first
    return PlaceLink(takes_in[0][1].lower(), takes_in[0][2], takes_in[0][1]) if takes_in else None


def place_between(councils_a: tuple[str, ...], text_a: str,
                  councils_b: tuple[str, ...], text_b: str) -> PlaceLink | None:
    """A town one item names in the area of the council the other names, when only one of them names a
    council ("Sandbach" and Cheshire East): the story rule's evidence of one place, never a veto."""
    if bool(councils_a) == bool(councils_b):
        return None
    return place_link(councils_a, text_b) if councils_a else place_link(councils_b, text_a)


@functools.lru_cache(maxsize=16384)
def _own_name(councils: tuple[str, ...], text: str) -> PlaceLink | None:
    """A council's own everyday name that `text` gives capitalised as a whole word but that is no GeoNames town
    ("Sandwell children's trust fails inspection"), as the place of that council; not an MP's constituency, nor
    a two-tier county's name."""
    lowered = text.lower()
    for code in councils:
        if code in county_councils():
            continue  # a county's bare name is its area, which holds several councils ("five Essex primaries")
        for name in council_names(code):
            if not set(name.split()) - _NOT_A_NAME:
                continue  # "city of"
            for match in re.finditer(rf"\b{re.escape(name)}\b", lowered):
                if text[match.start()].isupper() and f"mp for {name}" not in lowered and \
                        not _LOCAL_COUNCIL.match(lowered, match.end()) and \
                        (name not in _EVERYDAY or not _opens(text, match.start())):
                    return PlaceLink(name, code)
    return None
