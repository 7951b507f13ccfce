"""Names the earlier rules refused, and the words that make each its council after all (read by
`feeds.council_votes.second_looks`, which tells each kind): a council's service, power or officer after a name taken
for a body's, a place buying property, acting on licences or on its roads, a party to a court's or coroner's news,
an ordinary-word district acting; and a university's home council when the text speaks of the city council."""
from __future__ import annotations

from feeds.council_context import service_after
from feeds.council_people import AREA_PEOPLE
from feeds.council_powers import MORE_OFFICERS, POWERS
from feeds.council_tokens import CouncilEvidence, Tokens
from feeds.council_words import COUNCIL_OFFICERS

# A place at the head of the text buying property: only its council buys a town's stores, sites and buildings
# ("Reading buys former Debenhams store", "Thurrock buys former police station"); a club buys players.
BUYING = frozenset({"buys", "acquires", "purchases", "snaps", "bought", "acquired", "purchased"})
PROPERTY = frozenset({"store", "stores", "site", "sites", "building", "buildings", "offices", "office", "hotel",
                       "land", "pub", "cinema", "church", "station", "shopping", "mall", "arcade", "estate", "hall",
                       "house", "farm", "homes", "flats", "precinct", "centre", "pier", "theatre", "department",
                       "warehouse", "depot", "factory", "mill", "airport", "quarter", "plot", "car", "leisure",
                       "golf"})
# Words before a district's ordinary-word name that make it the river, valley or forest it is named after.
NATURE_BEFORE = frozenset({"river", "valley", "vale", "forest", "lake", "loch", "mount", "the", "upper", "lower",
                            "miss", "mr", "mrs", "ms", "dr", "sir", "lady", "lord"})
_OFFICERS = tuple(COUNCIL_OFFICERS) + tuple(MORE_OFFICERS)
_OFFICER_FIRST = frozenset(title[0] for title in _OFFICERS)
# An organisation's wrongdoing "at" a place: only its council is an organisation a place is ("Fraud at Tower Hamlets").
MISRULE = frozenset({"fraud", "corruption", "bribery", "misconduct", "mismanagement", "maladministration",
                      "dysfunction", "failings", "bullying"})
_IN_HOUSE = frozenset({"brought", "bring", "brings", "taken", "takes", "returns", "returned", "comes", "moves"})
_SCHEME_NEWS = frozenset({"regeneration", "masterplan", "levelling"})
_COUNCIL_BODIES = frozenset({"cabinet", "councillors", "scrutiny", "councillor", "cllr"})
# A place at the head of the text acting on licences: the licensing authority, its council ("Camden revokes nightclub
# licence after stabbing", "Sefton cracks down on unlicensed HMOs").
LICENSING = frozenset({"licence", "licences", "license", "licenses", "licensing", "unlicensed", "hmo", "hmos"})
# A place at the head of the text acting on its roads: the traffic authority ("Reading introduces 20mph limits", "Derby
# installs speed cameras"); a sport's verbs take no such objects.
TRAFFIC = frozenset({"20mph", "speed", "limit", "limits", "camera", "cameras", "lane", "lanes", "yellow", "pavement",
                      "pedestrianisation", "pedestrianises", "ltn", "ltns", "roadworks", "crossings", "crossing"})
# A court's, coroner's or watchdog's news, and its verbs of judging a body (a place as a legal party is its council).
COURTS = frozenset({"judge", "judges", "court", "courts", "tribunal", "coroner", "inquest", "ombudsman", "review"})
_QUASHING = frozenset({"quashes", "quashed", "overturns", "overturned", "overrules", "overruled", "halts", "blocks"})
_DECIDED_THINGS = frozenset({"decision", "decisions", "policy", "plan", "plans", "scheme", "order", "ban", "closure",
                             "cuts"})
_COURT_VERBS = frozenset({"criticises", "criticised", "orders", "ordered", "blames", "blamed", "rebukes", "raps",
                          "slams", "condemns", "censures", "fines", "fined"})
_COUNCIL_MATTERS_AFTER = frozenset({"care", "child", "childs", "children", "school", "schools", "housing", "homes",
                                    "tenant", "tenants", "send", "transport", "planning", "decision", "home", "mould",
                                    "damp", "homeless", "homelessness", "adoption", "fostering", "social"})


def named_yet_the_council(tokens: Tokens, i: int, end: int, e_why: str) -> str | None:
    """Why a name refused as a body, institution, attraction or person of the place is its council after all, or
    None: a council's service or power straight after it even when capitalised as a name ("Bradford Clean Air
    Zone raises £10m"), a council's officer after it ("Former Northamptonshire finance chief struck off"), a
    bed-and-breakfast after it, which is homelessness news ("Homeless families in Southwark B&Bs up 40%"), or a
    named scheme of the place in its cabinet's, councillors' or scrutiny's news ("Barnsley Glass Works hailed as
    regeneration success by cabinet"), or a body of the place brought back in-house ("Lewisham Homes brought back
    in-house": only a council takes its arm's-length bodies back)."""
    words = tokens.words
    k = end + 1 if words[end:end + 1] == ["s"] else end
    service = service_after(words, end)
    if service is not None and (len(service) > 1 or service in POWERS):
        return f'a council service or power follows ("{" ".join(service)}")'
    if k < len(words) and words[k] in _OFFICER_FIRST and \
            any(tuple(words[k:k + len(title)]) == title for title in _OFFICERS):
        return "a council officer follows"
    if words[k:k + 3] in (["b", "and", "b"], ["b", "and", "bs"]):
        return "bed-and-breakfast homes after it: homelessness news"
    if "body" in e_why and _IN_HOUSE.intersection(words) and any(
            words[n:n + 3] == ["back", "in", "house"] for n in range(end, len(words) - 2)):
        return "the council's own body, brought back in-house"  # "Lewisham Homes brought back in-house"
    if "body" in e_why or "attraction" in e_why:
        if not _SCHEME_NEWS.isdisjoint(words) and not _COUNCIL_BODIES.isdisjoint(words):
            return "the place's named scheme, in its council's own news"
    return None


def a_courts_party(words: list[str], i: int, end: int) -> str | None:
    """Why a place in a court's, coroner's or ombudsman's news is the public body judged, or None: it "acted" (public
    law's word: "Judge rules Cumberland acted unlawfully"), its decision is quashed or overturned ("Judge quashes Kent
    decision to close care home"), or it is criticised, ordered or blamed over a council's matter ("Judge criticises
    Derby over child's care")."""
    after = words[end] if end < len(words) else ""
    k = end + 1 if after == "s" else end
    before = words[i - 1] if i else ""
    if after in ("acted", "breached", "failed", "unlawfully"):
        return f'the public body a court judged ("{after}")'
    if before in _QUASHING and words[k:k + 1] and words[k] in _DECIDED_THINGS:
        return f'the public body whose {words[k]} a court {before}'
    if before in _COURT_VERBS and words[k:k + 1] in (["over"], ["for"]) and \
            not _COUNCIL_MATTERS_AFTER.isdisjoint(words[k + 1:]):
        return f'the public body a court or coroner {before} over a council\'s matter'
    return None


def acting(words: list[str], end: int) -> bool:
    """A present-tense verb (or "to") follows the name ending at `end`: the name is a subject ("Rother blames…")."""
    after = words[end] if end < len(words) else ""
    return after == "to" or (len(after) > 3 and after.endswith("s") and not after.endswith("ss")) or \
        after in ("agrees", "backs", "sets", "cuts", "puts", "gets", "lets", "bids")


_SEATS_OF_LEARNING = frozenset({"university", "college"})
_CITY_COUNCIL = AREA_PEOPLE | {"council"}  # "city council", or its people: "approved by city planners"


def learnings_city(tokens: Tokens, codes: dict[tuple[str, ...], str]) -> list[CouncilEvidence]:
    """The council of the place a university or college is named after ("University of Nottingham", "Oxford
    University"), when the text speaks of the city or county council without naming one and names no council itself
    ("University of Nottingham building sold to city council"): the institution's home council acts. `codes`: the
    matcher's names. Empty otherwise."""
    words, texts = tokens.words, tokens.texts
    if _SEATS_OF_LEARNING.isdisjoint(words) or not any(
            words[k] in ("city", "county") and words[k + 1] in _CITY_COUNCIL and texts[k].islower()
            for k in range(len(words) - 1)):
        return []
    for k, word in enumerate(words):
        if word not in _SEATS_OF_LEARNING:
            continue
        spans = [(k + 2, n) for n in (3, 2, 1)] if words[k + 1:k + 2] == ["of"] else [(k - n, n) for n in (3, 2, 1)]
        for start, n in spans:
            if start < 0 or start + n > len(words) or not texts[start][:1].isupper():
                continue
            code = codes.get(tuple(words[start:start + n]))
            if code is not None:
                named = " ".join(texts[start:start + n])
                return [CouncilEvidence(code, named, True, f"the home council of the {word} named after {named}, and "
                                        "the text speaks of the city or county council")]
    return []
