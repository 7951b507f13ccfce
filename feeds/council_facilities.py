"""Councils named by the kinds of place they run, after the place's name: a town's market ("Blackburn Market
traders angry over service charge rise", "Halifax Borough Market roof repairs"), its bus station ("Derby bus
station roof repairs begin after storm"), its seafront's upkeep ("Cleethorpes seafront levelling up scheme runs over
budget", "Weston-super-Mare seafront toilets to stay open"), its beach huts, crematorium, cemetery, museum, lido or
central library, its council's own buildings where `feeds.council_towns` does not read them ("Sandbags available at
Gainsborough's Guildhall", "Beverley's County Hall backs harbour repairs after storm"), a park or market by its own
name after the place's possessive ("Gateshead's Saltwell Park reopens", "Sheffield's Moor Market"), and a service of
its own name before a service only a council runs ("East Riding's 'Home First' reablement service"). The labelled
sets read such a place's news as its council's, storm damage and all, as they read a council's services after its
name (`feeds.council_context.service_after`); the finder otherwise takes "Blackburn Market" for a body named after
the place, and a storm's closure for where the weather happened. Places one council runs by names of their own are
`feeds.council_venues`'s, judged again here.

Read only when no council counted in the text, and never in a crime, court, sport or incident story or beside an
emergency service ("Teenager injured in Rochdale bus station attack", "Beach hut thefts rise, say police"): there the
place is where something happened. Kinds that others run as often are left out or fenced: a Christmas or farmers'
market is a business district's or a company's, not the council's ("Bath Christmas Market draws record crowds"), and
London's famous markets after their district (Camden, Greenwich) are private; a seafront counts only with its upkeep
named (a scheme, toilets, rangers, huts, a ban), not crowds on it; a museum only as "<place> Museum", its proper
name, not "Manchester Museum" (the university's), a trust's, nor "<place> Museum of …"; a park only by its own name
after a possessive, and not a stadium's or a business park's; in a storm, only with its closure, repair or running
told. A two-tier area's county runs its libraries, park and ride and recycling centres and has its county hall in a
district's town (`feeds.council_powers.COUNTY_SERVICES`), its districts the rest.
"""
from __future__ import annotations

from feeds.council_buildings import hall_news
from feeds.council_context import service_after
from feeds.council_kinds import ORDINARY_TOWNS
from feeds.council_powers import COUNTY_SERVICES
from feeds.council_stories import INCIDENTS, MORE_CRIME, other_news
from feeds.council_tokens import CouncilEvidence, Tokens
from feeds.council_towns import TOWNS
from feeds.council_venues import RUNNING, is_venue, judged
from feeds.council_words import EMERGENCY_WORDS
from models.relevance import OFF_TOPIC_WORDS

# A kind of place a council runs, as words after the place's name, and what it needs: "proper" a capitalised kind
# (its proper name, "Blackburn Market") or a market's people after it ("Boston market traders"); "upkeep" a word of
# its running in the text ("Cleethorpes seafront scheme"); "" nothing more.
KINDS: dict[tuple[str, ...], str] = {
    ("market",): "proper", ("markets",): "proper", ("market", "hall"): "", ("market", "halls"): "",
    ("indoor", "market"): "", ("covered", "market"): "", ("open", "market"): "proper",
    ("bus", "station"): "", ("seafront",): "upkeep", ("promenade",): "upkeep", ("foreshore",): "upkeep",
    ("esplanade",): "upkeep", ("beach", "huts"): "upkeep", ("beach", "hut"): "upkeep",
    ("beach", "chalets"): "upkeep",
    ("crematorium",): "", ("cemetery",): "", ("museum",): "proper", ("art", "gallery"): "proper",
    ("central", "library"): "", ("lido",): "proper", ("beach",): "beach", ("beaches",): "beach",
    # services after a place that `feeds.council_context` reads too, here in a storm's closures and repairs
    ("leisure", "centre"): "", ("library",): "", ("libraries",): "", ("park", "and", "ride"): "",
    ("recycling", "centre"): "", ("depot",): "waste",
    # the council's own buildings, read where `feeds.council_towns` does not (not heading the text, or in a storm):
    # "Sandbags available at Gainsborough's Guildhall", "Beverley's County Hall backs harbour repairs after storm"
    ("town", "hall"): "building", ("guildhall",): "building", ("guild", "hall"): "building",
    ("civic", "centre"): "building", ("civic", "hall"): "building", ("civic", "offices"): "building",
    ("civic", "office"): "building", ("council", "offices"): "building", ("city", "chambers"): "building",
    ("municipal", "buildings"): "building", ("municipal", "offices"): "building", ("county", "hall"): "building",
    ("shire", "hall"): "building", ("shirehall",): "building",
    # a park by its own name after the place's possessive, told of as a park ("Gateshead's Saltwell Park reopens")
    ("park",): "park",
}
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _kind in KINDS:
    _BY_FIRST.setdefault(_kind[0], []).append(_kind)
# The kinds a county runs in a two-tier area: its libraries, and its hall in a district's town.
COUNTY_KINDS = frozenset({("central", "library"), ("library",), ("libraries",), ("park", "and", "ride"),
                          ("recycling", "centre"), ("county", "hall"), ("shire", "hall"), ("shirehall",)})
# A market's people and parts, after a lower-case "market" ("Boston market traders fight council plan").
MARKET_PEOPLE = frozenset({"traders", "trader", "stallholders", "stallholder", "stalls", "hall", "halls"})
# Words after "market" that make it something else: a town's square or street, a trade's market, a share.
NOT_A_MARKET_AFTER = frozenset({"town", "towns", "square", "place", "street", "cross", "value", "share", "research",
                                "rate", "rates", "day", "days", "of"})
# Capitalised words that may stand between a place and its market or museum ("Halifax Borough Market", "Cardiff
# Central Market", "Huddersfield Open Market", "Leeds City Museum"); any other name between is another's
# ("Bath Christmas Market", "Preston Park Museum").
BETWEEN = frozenset({"borough", "central", "city", "town", "indoor", "covered", "open", "victorian", "municipal"})
# Places whose kind of place by the kind's word is not their council's: privately owned markets (Camden Market,
# Greenwich Market, Newport's indoor market, Carlisle's Market Hall); the University of Manchester's Manchester
# Museum, and museums a trust or a council's arm's-length charity runs (York's, Sheffield's, Birmingham's, Derby's,
# Coventry's, Glasgow's); lidos a charity or company runs (Cheltenham's Sandford Parks, Bristol's, Portishead's);
# Preston's bus station, which the county owns though many read it as the city's.
_MUSEUMS = frozenset({"manchester", "york", "sheffield", "birmingham", "derby", "coventry", "glasgow"})
NOT_THE_COUNCILS = {("market",): frozenset({"camden", "greenwich", "newport"}),
                    ("market", "hall"): frozenset({"carlisle"}), ("museum",): _MUSEUMS, ("art", "gallery"): _MUSEUMS,
                    ("bus", "station"): frozenset({"preston"}),
                    ("lido",): frozenset({"cheltenham", "bristol", "portishead"})}
# The kinds a place's possessive may name by a proper name of their own, one to three words ("Sheffield's Moor
# Market", "Taunton's Silk Mills park and ride", "Chorley's All Seasons leisure centre", "Belfast's St George's
# Market"), and a park only so; not a museum or gallery, whose name after a possessive is the attraction's own
# ("Hull's Ferens Art Gallery", `feeds.council_institutions.named_institution`).
NAMED_KINDS = frozenset({("market",), ("markets",), ("market", "hall"), ("leisure", "centre"), ("library",),
                         ("park", "and", "ride"), ("crematorium",), ("cemetery",), ("lido",), ("park",),
                         ("recycling", "centre"), ("depot",), ("bus", "station")})
# Words of such a name that make it another's: a national, royal or university body's, a sport's ground, a business
# or holiday park, a season's market ("Bradford's National Science and Media Museum", "Derby's Pride Park", "Bath's
# Christmas Market").
OTHERS_NAMES = frozenset({"national", "royal", "science", "university", "imperial", "war", "christmas", "farmers",
                          "food", "continental", "football", "racecourse", "business", "retail", "holiday", "caravan",
                          "industrial", "technology", "enterprise", "trade", "safari", "theme", "olympic", "pride",
                          "home", "villa", "goodison", "selhurst", "fratton", "boundary", "ewood", "vale", "prenton",
                          "edgeley", "celtic", "hampden", "fir", "dens", "mcdiarmid", "rugby", "somerset", "haydock",
                          "kempton", "sandown", "kings", "james", "windsor", "glanford", "blundell", "cappielow",
                          "hyde", "regent", "richmond", "bushy", "greenwich", "green"})
# Words after a service that make its name a provider's ("Kent's Sunrise fostering agency"), and words of a name
# before it that make it a national or health body's.
PROVIDERS = frozenset({"agency", "agencies", "firm", "company", "charity", "provider", "providers", "trust"})
_NOT_A_COUNCILS_SERVICE = frozenset({"national", "royal", "university", "nhs", "hospital", "hospitals"})
# Words of a park's running: its closures and reopenings, its trees, pools and play areas, its fees and revamps.
PARK_UPKEEP = frozenset({"reopens", "reopen", "reopened", "closed", "closes", "shut", "bandstand", "paddling",
                         "splash", "play", "playground", "lake", "cafe", "toilets", "trees", "tree", "restoration",
                         "revamp", "fountain", "fountains", "gates", "pavilion", "pool", "pools", "boating", "rangers",
                         "fees", "charges", "parking", "masterplan", "improvements", "upgrade", "funding", "repairs"})
# A council's waste and winter crews, beside a depot: its own depot, not a bus company's or a carrier's.
WASTE = frozenset({"bin", "bins", "waste", "recycling", "refuse", "gritting", "gritters", "gritter", "binmen"})
# Words of a seafront's or its beach huts' running: its schemes, its staff, its toilets, huts and car parks, its bans,
# its rents and fees (not a sale, which a hut's private owner makes as often: "Brighton beach huts sell for £40,000").
UPKEEP = frozenset({"scheme", "schemes", "plan", "plans", "masterplan", "revamp", "regeneration", "works", "toilets",
                    "rangers", "ranger", "wardens", "warden", "lifeguards", "parking", "defences", "defence", "repairs",
                    "closed", "closes", "reopens", "reopened", "restoration", "shelters", "gardens", "kiosk", "kiosks",
                    "huts", "chalets", "ban", "bans", "banned", "barbecues", "barbecue", "alcohol", "budget",
                    "overspend", "funding", "upgrade", "improvements", "cleaning", "litter", "cctv", "fees", "charges",
                    "licence", "licences", "concessions", "closure", "showers", "levelling", "rent", "rents", "levy",
                    "fee"})
# A beach's running is its rules and its staff, not its closures, which a cliff fall or a sewage spill makes as often
# ("Norfolk beach closed after cliff fall").
BEACH_UPKEEP = UPKEEP - {"closed", "closes", "reopens", "reopened", "closure", "repairs", "restoration", "defences",
                         "defence", "works", "huts", "chalets"}


class Places:
    """The places a kind of place may follow: current councils' names (not a combined authority's region, nor a
    person's name the finder knows) and the listed towns (`feeds.council_towns.TOWNS`, not those whose names are
    ordinary words), each with its council."""

    def __init__(self, codes: dict[tuple[str, ...], str], current: frozenset[str], combined: frozenset[str],
                 people: frozenset[tuple[str, ...]], county_of: dict[str, str]):
        self.names = {key: code for key, code in codes.items()
                      if code in current and code not in combined and key not in people}
        self.names.update({key: code for key, code in TOWNS.items() if key not in self.names})
        for word in ORDINARY_TOWNS:
            self.names.pop((word,), None)
        self.longest = max(len(key) for key in self.names)
        self.county_of = county_of

    def ending(self, tokens: Tokens, end: int) -> tuple[str, str] | None:
        """The (code, words as written) of the longest capitalised place whose name ends just before `end`."""
        for length in range(min(self.longest, end), 0, -1):
            start = end - length
            code = self.names.get(tuple(tokens.words[start:end]))
            if code is not None and (tokens.shouting or tokens.texts[start][0].isupper()):
                return code, " ".join(tokens.texts[start:end])
        return None


FIRST_WORDS = frozenset(_BY_FIRST)


def facility_councils(out: list[CouncilEvidence], tokens: Tokens, places: Places) -> list[CouncilEvidence]:
    """`out` with the listed places a council runs judged again (`feeds.council_venues.judged`), and, when no council
    counted, the council of the first place named before a kind of place it runs; unchanged in a crime, court,
    sport or accident story or beside an emergency service (see the module's docstring)."""
    words = tokens.words
    venue = any(is_venue(e.named) for e in out)
    if not venue and ((FIRST_WORDS.isdisjoint(words) and "s" not in words) or any(e.counted for e in out)):
        return out  # most texts
    story = _story(tokens)
    if venue:
        out = judged(out, story, UPKEEP, words)
    weather = story == "weather story"
    if story == "blocked" or any(e.counted for e in out) or \
            (weather and RUNNING.isdisjoint(words) and UPKEEP.isdisjoint(words)):
        return out
    for k, word in enumerate(words):
        for kind in _BY_FIRST.get(word, ()):
            if tuple(words[k:k + len(kind)]) != kind or not _needs_met(tokens, k, kind):
                continue
            found = _place_before(tokens, k, kind, places)
            if found is None:
                continue
            code, named = found
            if kind in COUNTY_KINDS and code in places.county_of:
                code = places.county_of[code]
            return out + [CouncilEvidence(code, named, True, f'a place\'s {" ".join(kind)}: its council runs it')]
    return out + _named_service(tokens, places)


_CRIME = MORE_CRIME | frozenset(OFF_TOPIC_WORDS["crime or court"].split())


def _story(tokens: Tokens) -> str | None:
    """"blocked" beside an emergency service or in a crime, court, sport or accident story
    (`feeds.council_stories.other_news`); "weather story" in one (a storm may close a council's place); None
    otherwise, a crowd's event too ("Record crowds at Bournemouth Air Festival")."""
    words = tokens.words
    if not EMERGENCY_WORDS.isdisjoint(words):
        return "blocked"
    story = other_news(tokens)
    if story is None or story == "weather story":
        return story
    if story == "incident story" and INCIDENTS.isdisjoint(words) and _CRIME.isdisjoint(words):
        return None  # only a crowd's words
    return "blocked"


def _needs_met(tokens: Tokens, k: int, kind: tuple[str, ...]) -> bool:
    """What the kind at `k` needs (`KINDS`) is in the text."""
    words, need = tokens.words, KINDS[kind]
    end = k + len(kind)
    if kind[-1] in ("market", "markets") and words[end:end + 1] and words[end] in NOT_A_MARKET_AFTER:
        return False  # "Leeds Market Street", "market towns"
    if kind == ("museum",) and words[end:end + 1] == ["of"]:
        return False  # "Oxford Museum of Natural History": a museum of its own, not the place's
    if need == "proper":
        capital = tokens.texts[k][0].isupper() and not tokens.title_case and not tokens.shouting
        return capital or (kind[-1] in ("market", "markets") and words[end:end + 1] != [] and
                           words[end] in MARKET_PEOPLE)
    if need == "waste":
        return not WASTE.isdisjoint(words)  # "Redbridge bin rounds suspended as Ilford depot floods"
    if need == "building":
        return not hall_news(words)  # "Hove Town Hall concert sells out", "Belfast City Hall lights up"
    if need == "park":
        return tokens.texts[k][0].isupper() and not tokens.title_case and not PARK_UPKEEP.isdisjoint(words)
    if need == "beach" and words[end:end + 1] and words[end] in ("huts", "hut", "chalets"):
        return False  # the beach huts' own kind
    if need in ("upkeep", "beach"):
        upkeep = UPKEEP if need == "upkeep" else BEACH_UPKEEP
        return not upkeep.isdisjoint(words[end:]) or not upkeep.isdisjoint(words[max(0, k - 4):k])
    return True


def _place_before(tokens: Tokens, k: int, kind: tuple[str, ...], places: Places) -> tuple[str, str] | None:
    """The (code, words) of the place whose kind of place starts at `k`: straight before it, its possessive aside
    ("Derby bus station", "Blackburn's market hall"), or before one or two of `BETWEEN`'s capitalised words
    ("Halifax Borough Market"), or None."""
    words, texts = tokens.words, tokens.texts
    if kind in NAMED_KINDS and not tokens.shouting and not tokens.title_case:
        named = _named_after_possessive(tokens, k, places)
        if named is not None:
            return named
    if kind == ("park",):
        return None
    end = k
    for _ in range(2 if KINDS[kind] == "proper" or kind[-1] in ("market", "hall", "halls") else 0):
        if end and words[end - 1] in BETWEEN and texts[end - 1][0].isupper() and kind[0] not in BETWEEN:
            end -= 1
    if end and words[end - 1] == "s":
        end -= 1
    found = places.ending(tokens, end) if end else None
    if found is None:
        return None
    if any(found[1].lower() == place for place in NOT_THE_COUNCILS.get(kind, ())):
        return None
    return found


def _named_after_possessive(tokens: Tokens, k: int, places: Places,
                            others: frozenset[str] = OTHERS_NAMES) -> tuple[str, str] | None:
    """The (code, words) of the place whose possessive comes one to three capitalised words (its own possessives
    aside) before the kind of place at `k` ("Sheffield's Moor Market", "Belfast's St George's Market"), with no word
    of another's name (`others`) between, or None."""
    words, texts = tokens.words, tokens.texts
    names = 0
    for j in range(k - 1, max(0, k - 7), -1):
        if words[j] == "s":
            found = places.ending(tokens, j) if names else None
            if found is not None:
                return found
            continue
        if not texts[j][0].isupper() or words[j] in others or names == 3:
            return None
        names += 1
    return None


def _named_service(tokens: Tokens, places: Places) -> list[CouncilEvidence]:
    """The council of a place whose possessive comes before a service of its own name and then a service only a
    council runs (`feeds.council_context.service_after`): "East Riding's 'Home First' reablement service praised"
    is East Riding's; the county's in a two-tier area when a county runs the service. Empty otherwise."""
    words = tokens.words
    if tokens.shouting or tokens.title_case:
        return []
    for k in range(2, len(words)):
        service = service_after(words, k) if tokens.texts[k][0].islower() else None
        if service is None or not tokens.texts[k - 1][0].isupper() or \
                not PROVIDERS.isdisjoint(words[k + len(service):k + len(service) + 1]):
            continue
        found = _named_after_possessive(tokens, k, places, _NOT_A_COUNCILS_SERVICE)
        if found is not None:
            code, named = found
            if service in COUNTY_SERVICES and code in places.county_of:
                code = places.county_of[code]
            said = " ".join(service)
            return [CouncilEvidence(code, named, True, f'a place\'s service of its own name ("{said}")')]
    return []
