"""Towns that are not councils' names, and the council whose area holds each (the table is
`data/places/council_towns.csv`, read through `models.places`, which the story rule uses too): "Cleethorpes beach
huts sold off by council" is North East Lincolnshire Council's, "Blyth town centre square reopens
after county council revamp" Northumberland's. mySociety's register names councils, not towns.

A town names its council only when the text speaks of a council (`feeds.council_none.
the_council_acts`: "by council", "county council"; not a town or parish council) and no council name
counted: then the one town named is where that council is. In a two-tier area "county council"
means the county ("Clacton seafront works by county council" is Essex's). A town followed by a
club word ("Grimsby Town") is the club; one followed by an institution word is its home town, as for
any name ("Council to shut Whitstable harbour car park" is Canterbury's).

Towns whose names are ordinary words or other places first (Sale, Deal, Ware, Hyde, Leigh, Burton,
Chelsea, Wimbledon) count only where the words around them make them the town
(`feeds.council_kinds.ORDINARY_TOWNS`); left out: March, Washington, Bangor, St Ives, Gillingham,
Stratford, and towns whose name is already a council's.
"""
from __future__ import annotations

from typing import NamedTuple

from feeds.council_bodies import news_of_another_body
from feeds.council_buildings import VENUE_NEWS, county_hall_acts
from feeds.council_context import service_after
from feeds.council_county import county_acts
from feeds.council_forms import a_surname
from feeds.council_kinds import ORDINARY_TOWNS, TOWN_PLACES, TOWN_SCENE
from feeds.council_none import the_council_acts
from feeds.council_powers import COUNTY_SERVICES
from feeds.council_stories import other_news
from feeds.council_tokens import CouncilEvidence, Tokens
from feeds.council_words import CLUB_AFTER, CLUB_SUFFIX, COUNCIL_BUILDINGS
from models.places import listed_town_councils



class Town(NamedTuple):
    """A town found in a text: its words as written, its council's code, where it starts."""

    named: str
    code: str
    start: int


def _by_words(listed: dict[str, str]) -> dict[tuple[str, ...], str]:
    """The listed towns by their lower-case words, as the council finder tokenises a text."""
    return {tuple(name.lower().replace("-", " ").replace("'", " ").split()): code for name, code in listed.items()}


TOWNS = _by_words(listed_town_councils())
_LONGEST = max(len(key) for key in TOWNS)
_FIRST_WORDS = frozenset(key[0] for key in TOWNS) | frozenset(ORDINARY_TOWNS)
_LONG_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _key, _code in TOWNS.items():
    if len(_key) > 1:
        _LONG_BY_FIRST.setdefault(_key[0], []).append((_key, _code))
# After a town, a club's word ("Grimsby Town fans protest over council stadium plan": the club's news)
# or a town's, parish's or community's own council ("Ilkley Town Council", "Ripon City Council"). An
# institution word names its home town, whose council the text speaks of ("Council to close
# Whitstable harbour car park" is Canterbury's, as "Leeds Bradford Airport expansion approved by
# council" is Leeds's).
_NOT_THE_COUNCIL_AFTER = CLUB_AFTER | CLUB_SUFFIX | {"parish", "community"}
_TOWN_PLACES = frozenset({"centre", "center", "centres", "hall", "square"})  # "Blyth town centre": not a club
_HALL_FIRST = frozenset({"town", "county", "city"})  # "Trowbridge county hall": not a club


def towns_named(tokens: Tokens) -> list[Town]:
    """The listed towns a text names, capitalised (or in an all-capitals text), each not followed by
    a club or local council word ("Grimsby Town", "Ilkley Town Council", "Truro City Council")."""
    words, found, i = tokens.words, [], 0
    while i < len(words):
        if words[i] not in _FIRST_WORDS or not (tokens.shouting or tokens.texts[i][0].isupper()) or \
                a_surname(tokens, i):
            i += 1
            continue
        if words[i] in ORDINARY_TOWNS:
            if _the_town(tokens, i):
                found.append(Town(tokens.texts[i], ORDINARY_TOWNS[words[i]], i))
            i += 1
            continue
        for length in range(min(_LONGEST, len(words) - i), 0, -1):
            code = TOWNS.get(tuple(words[i:i + length]))
            if code is not None:
                after = words[i + length] if i + length < len(words) else ""
                beyond = words[i + length + 1] if i + length + 1 < len(words) else ""
                if after not in _NOT_THE_COUNCIL_AFTER or (after in _HALL_FIRST and beyond in _TOWN_PLACES):
                    found.append(Town(" ".join(tokens.texts[i:i + length]), code, i))
                i += length
                break
        else:
            i += 1
    return found


def longer_town(words: list[str], i: int, length: int, code: str) -> str | None:
    """The listed town of another council's area whose name begins with the council's name at `i`
    ("Bury St Edmunds" is West Suffolk's, not Bury's; "Sutton Coldfield", "Bradford on Avon", "Newport
    Pagnell"), or None: the longer name is the place meant."""
    for key, town_code in _LONG_BY_FIRST.get(words[i], ()):
        if len(key) > length and town_code != code and tuple(words[i:i + len(key)]) == key:
            return " ".join(key)
    return None


def _the_town(tokens: Tokens, i: int) -> bool:
    """The ordinary-word town at `i` ("Deal", "Sale") is written as the town: in sentence case, after
    a place preposition and before no proper name, or before a town's own place."""
    if tokens.shouting or tokens.title_case:
        return False
    words = tokens.words
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in TOWN_PLACES:
        return after != "town" or words[i + 2:i + 3] in (["centre"], ["hall"], ["square"])
    return i > 0 and words[i - 1] in TOWN_SCENE and not (after and tokens.texts[i + 1][0].isupper())


def town_councils(tokens: Tokens, county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council of the one listed town a text names, when the text speaks of a council and no
    council name counted ("Cleethorpes beach huts sold off by council"); the county's in a two-tier
    area when the text says "county council". Empty otherwise."""
    if _FIRST_WORDS.isdisjoint(tokens.words):
        return []
    countys = the_countys(tokens) or county_acts(tokens)
    if not countys and not the_council_acts(tokens):
        return _towns_service(tokens, county_of)
    towns = towns_named(tokens)
    if len({town.code for town in towns}) != 1:
        return []
    town = towns[0]
    code, why = town.code, f"a town in the area of {town.code}, and the text speaks of a council"
    words = tokens.words
    if countys and town.code not in county_of:
        return []
    if town.code in county_of and (countys or any(words[k:k + 2] in (["county", "council"], ["county", "hall"])
                                                  for k in range(len(words) - 1))):
        code, why = county_of[town.code], f"a town in {county_of[town.code]}, and the text speaks of the county council"
    return [CouncilEvidence(code, town.named, True, why)]



def the_countys(tokens: Tokens) -> bool:
    """"the county's" in lower case before what the county has or does ("Roadworks in Bicester top the county's
    complaints list"), not before a ranking ("the county's biggest town", "the county's first"): in a two-tier area,
    the county council's, so a district's town named beside it is where the county acts."""
    words, texts = tokens.words, tokens.texts
    return "county" in words and any(
        w == "county" and texts[k] == "county" and k and words[k - 1] == "the" and words[k + 1:k + 2] == ["s"] and
        words[k + 2:k + 3] and not _ranking(words[k + 2]) for k, w in enumerate(words))


def _ranking(word: str) -> bool:
    """A word that ranks a place among the county's ("biggest", "most", "first", "only", "top")."""
    return word.endswith("est") or word in {"most", "first", "only", "top", "second", "third", "favourite", "own"}


# A council's officers after a town in a unitary council's area, in a text with no emergency service's word: the
# council's staff there (in a two-tier area, either council's).
_STAFF = (["officers"], ["officials"], ["planners"])
_EMERGENCY = frozenset({"police", "constabulary", "fire", "firefighters", "court", "arrested", "ambulance"})


def _towns_service(tokens: Tokens, county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council of the one listed town a text names when a service only a council runs follows it, straight after
    its name ("Skegness bin collections move to fortnightly") or later in the text, the town its
    subject ("Skegness residents fight plan to cut bin collections"): the county's in a
    two-tier area when the service is one a county runs ("Lowestoft street lighting switched off" is Suffolk's).
    Not a service named before the town, which may be anyone's news set there. Empty otherwise."""
    if not _EMERGENCY.isdisjoint(tokens.words) or other_news(tokens) or news_of_another_body(tokens):
        return []  # "Skegness library fire: man arrested": where it happened
    towns = towns_named(tokens)
    if len({town.code for town in towns}) != 1:
        return []
    town = towns[0]
    end = town.start + len(town.named.split())
    service = next((found for k in range(end, len(tokens.words)) if (found := service_after(tokens.words, k))), None)
    if service is None:
        staffed = next((t.named for t in towns if tokens.words[t.start + len(t.named.split()):][:1] in _STAFF), None)
        if staffed is not None and town.code not in county_of:  # "…, Northallerton officers admit"
            return [CouncilEvidence(town.code, staffed, True, f"a town in the area of {town.code}, before its "
                                    "council's officers")]
        return _towns_hall(tokens.words, town, end, county_of)
    said = " ".join(service)
    if town.code in county_of and service in COUNTY_SERVICES:
        county = county_of[town.code]
        return [CouncilEvidence(county, town.named, True, f'a town in {county}, before a county\'s service ("{said}")')]
    return [CouncilEvidence(town.code, town.named, True, f'a town in the area of {town.code}, before a council\'s '
                            f'service ("{said}")')]


# A council's own building after a town's name ("Hove Town Hall refit costs rise", "Bootle civic
# offices to close"): the town's council's, as a council name's building is ("Wigan Town Hall sale"); not a county
# hall, which `feeds.council_buildings.towns_county_hall` gives the county.
_TOWN_BUILDINGS = tuple(b for b in COUNCIL_BUILDINGS if b[0] != "county")


def _towns_hall(words: list[str], town: Town, end: int, county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council of a town whose council's building follows its name, heading the text, or []: not a venue's news
    ("Concert at Huddersfield town hall sells out", "Hove Town Hall concert sells out")."""
    if town.start:
        return county_hall_acts(words, town.code, town.named, town.start, county_of)  # "County Hall in Trowbridge…"
    if not VENUE_NEWS.isdisjoint(words):
        return []
    k = end + 1 if words[end:end + 1] == ["s"] else end
    building = next((b for b in _TOWN_BUILDINGS if tuple(words[k:k + len(b)]) == b), None)
    if building is None:
        return county_hall_acts(words, town.code, town.named, k, county_of)
    return [CouncilEvidence(town.code, town.named, True, f'a town in the area of {town.code}, before its council\'s '
                            f'building ("{" ".join(building)}")')]
