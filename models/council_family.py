"""Which councils are one family for the story rule: a district and its county, a council and the
combined authority it belongs to, an abolished council and its successors (named by the register, or else the councils of its
nation created the day after it ended). Two items naming councils
of one family may report one event ("Oxfordshire scraps traffic filter" and "Traffic filter U-turn in
Oxford"; "West Yorkshire mayor confirms bus franchising" and "Buses back under public control in
Leeds and Bradford"), which items about unrelated councils never do.

Read once from mySociety's register (`data/councils/`), no database: the story rule is pure.
"""
from __future__ import annotations

import csv
import functools
import re
from datetime import date, timedelta
from pathlib import Path

from models.councils_data import register_rows


@functools.lru_cache(maxsize=1)
def _parents() -> dict[str, frozenset[str]]:
    """Each council's county, combined authority and successors (codes)."""
    rows = register_rows()
    parents = {row["local-authority-code"]: frozenset(
        code.strip() for field in ("county-la", "combined-authority", "replaced-by")
        for code in (row.get(field) or "").split(",") if code.strip()) for row in rows}
    for row in rows:
        if row.get("end-date") and not row.get("replaced-by"):
            parents[row["local-authority-code"]] |= _created_when_ended(row, rows)
    authority = {row["local-authority-code"]: frozenset(c.strip() for c in (row.get("combined-authority") or "").split(",")
                                                         if c.strip()) for row in rows}
    for row in rows:  # a district is in its county's combined county authority's area (Lincoln in Greater Lincolnshire)
        for county in (row.get("county-la") or "").split(","):
            parents[row["local-authority-code"]] |= authority.get(county.strip(), frozenset())
    return parents


def _created_when_ended(ended: dict, rows: list[dict]) -> frozenset[str]:
    """The councils of an abolished council's nation created the day after it ended: its possible
    successors when the register names none (Northern Ireland's 26 districts became 11 on 1 April 2015,
    and Cookstown's news is now Mid Ulster's)."""
    day_after = (date.fromisoformat(ended["end-date"]) + timedelta(days=1)).isoformat()
    return frozenset(row["local-authority-code"] for row in rows
                     if row.get("start-date") == day_after and row.get("nation") == ended.get("nation"))


@functools.lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[str]]:
    """Each council with its family: itself, its county, combined authority and successors, and the
    councils that have it as one of those (worked out once: the story rule asks for every pair)."""
    families = {code: {code, *parents} for code, parents in _parents().items()}
    for code, parents in _parents().items():
        for parent in parents:
            families.setdefault(parent, {parent}).add(code)
    return {code: frozenset(family) for code, family in families.items()}


def one_family(a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> bool:
    """Some council of `a` is, or is the county, combined authority or successor of, or has as
    such, some council of `b`."""
    families = _families()
    return any(y == x or y in families.get(x, ()) for x in a for y in b)


AREAS_CSV = Path(__file__).resolve().parent.parent / "data" / "places" / "council_areas.csv"


@functools.lru_cache(maxsize=1)
def named_areas() -> dict[str, tuple[frozenset[str], str]]:
    """The areas known by a name that is no council's own (`data/places/council_areas.csv`, written by hand):
    regions ("Black Country", "east London", "the Dales"), nicknames ("Brum"), demonyms ("Cumbrian") and the
    ceremonial counties that hold unitaries besides the county council ("Essex": Thurrock, Southend), each
    with the councils it takes in and its kind, by the name as written."""
    with open(AREAS_CSV, newline="", encoding="utf-8") as fh:
        return {row["area"]: (frozenset(row["councils"].split(";")), row["kind"]) for row in csv.DictReader(fh)}


_NOT_AREA = frozenset("of and the north south east west central greater city county borough district".split())


@functools.lru_cache(maxsize=1)
def _areas() -> dict[str, frozenset[str]]:
    """Each council's wider places as lower-case words: its nation, its region and its county ("London"
    for Hackney, "Wales" for Ceredigion, "Essex" for Tendring); compass words aside."""
    rows = register_rows()
    nice = {row["local-authority-code"]: row.get("nice-name") or "" for row in rows}
    out = {}
    for row in rows:
        text = " ".join([row.get("nation") or "", row.get("region") or "", nice.get(row.get("county-la") or "", "")])
        out[row["local-authority-code"]] = frozenset(w for w in text.lower().replace(",", " ").split()
                                                     if w not in _NOT_AREA)
    for name, (codes, _kind) in named_areas().items():  # "Black Country" for Walsall, "Essex" for Thurrock
        for code in codes:
            words = {w for w in re.findall(r"[a-z]+", name.lower()) if w not in _NOT_AREA}
            out[code] = out.get(code, frozenset()) | words
    return out


@functools.lru_cache(maxsize=4096)
def area_words(codes: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """The wider places of these councils ("london", "wales", "essex"): a headline naming one of them
    ("East London borough…") speaks of the council's area, not of something else."""
    areas = _areas()
    return frozenset().union(*(areas.get(code, frozenset()) for code in codes))


# Nouns after a place that make it the area a council is in, not the council: "an Essex unitary", "a Surrey
# borough", "Shropshire town hall", "an Essex resort".
_IN_AREA = re.compile(r"\s+(?:unitary|unitaries|borough|boroughs|district|districts|town|towns|resort|village|"
                      r"seaside|market town|city)\b")


# "An Essex council", "a Kent authority": one council of the county's area, not the county's council.
_ONE_OF = re.compile(r"\ban?\s+$")
_A_COUNCIL_AFTER = re.compile(r"\s+(?:council|authority|local authority)\b")


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Each council's everyday names, lower case."""
    rows = register_rows()
    return {row["local-authority-code"]: tuple(dict.fromkeys(
        n.strip().lower() for n in [row.get("nice-name") or "", *(row.get("alt-names") or "").split(",")] if n.strip()))
        for row in rows}


# Words by which an item calls its council a lower tier or a unitary, which a county council never is; beside a
# county's name and no word "county", the county is where the council is ("Essex council regains control …
# the unitary had made enough progress": Thurrock or Southend).
_LOWER_TIER = re.compile(r"\b(?:the|an?|this|that) (?:unitary|borough|district|city council|metropolitan)\b")
_COUNTY = re.compile(r"\bcount(?:y|ies)\b")


@functools.lru_cache(maxsize=1)
def county_councils() -> frozenset[str]:
    """The codes of the two-tier county councils (the register's type CTY)."""
    return frozenset(row["local-authority-code"] for row in register_rows() if row.get("local-authority-type") == "CTY")


def council_names(code: str) -> tuple[str, ...]:
    """A council's everyday names (lower case), from the register: "sandwell", "kingston upon hull", "hull"."""
    return _names().get(code, ())


@functools.lru_cache(maxsize=4096)  # one answer per item: it meets every item of the last 72 hours
def areas_only(codes: tuple[str, ...], text: str) -> frozenset[str]:
    """The councils of `codes` that `text` names only as an area another council is in ("Essex unitary
    raises tax" is Thurrock's or Southend's news, not Essex County Council's; so is "Essex council" that
    the item calls "the unitary" and never a county)."""
    lowered, names = text.lower(), _names()
    if len(codes) == 1 and codes[0] in county_councils() and _LOWER_TIER.search(lowered) and \
            not _COUNTY.search(lowered):
        return frozenset(codes)
    out = set()
    for code in codes:
        spans = [m for name in names.get(code, ()) for m in re.finditer(rf"\b{re.escape(name)}\b", lowered)]
        if spans and all(_IN_AREA.match(lowered, m.end()) or _ONE_OF.search(lowered, 0, m.start()) and
                         _A_COUNCIL_AFTER.match(lowered, m.end()) for m in spans):
            out.add(code)
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def family_words(codes: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Every word of the everyday names of these councils and of every current council of one family with
    them (lower case): "Leeds" and "Bradford" beside the West Yorkshire Combined Authority, "Bournemouth"
    beside BCP. A headline naming one of them names the other item's council or its family. An abolished
    council's name is not one (Scarborough beside North Yorkshire is a town of the council, told apart
    from its other towns)."""
    if not codes:
        return frozenset()
    names, ended, families = _names(), _ended(), _families()
    kin = {code for x in codes for code in families.get(x, (x,))}
    return frozenset(word for code in kin if code not in ended
                     for name in names.get(code, ()) for word in re.findall(r"[a-z]+", name))


@functools.lru_cache(maxsize=1)
def _ended() -> frozenset[str]:
    """The codes of councils the register says were abolished."""
    return frozenset(row["local-authority-code"] for row in register_rows() if row.get("end-date"))
