"""A place named as a place, not as its council, in a text that says nothing of a
council (`feeds.council_kinds.quiet`): ranked or voted among places ("Coventry named UK's safest
city", "Manchester tops list of best places to live"), or as a market or a scene whose numbers are
the news ("Leeds house prices rise fastest", "Bristol renters face biggest rise"); or where the
NHS's news happened ("Leeds patients wait longer for surgery", "Bristol dentists stop NHS work"),
unless the place acts as a council does. A council's own rankings, figures and care carry a
local-government word ("Surrey tops pothole league table", "adult social care") and count."""
from __future__ import annotations

from feeds.council_context import acts
from feeds.council_kinds import ANSWERING_VERBS, ORGANISATION_VERBS
from feeds.council_talk import quiet
from feeds.council_tokens import CouncilEvidence, NameMatch
from feeds.council_words import LANDSCAPE

# Verbs of a place ranked or chosen among places, within two words after its name.
RANKED = frozenset({"named", "voted", "ranked", "crowned", "tops", "topped", "dubbed"})
# What a place has as a market or a scene, straight after its name: its people's homes, prices and visitors.
PLACE_MEASURES = frozenset({"rents", "renters", "buyers", "homeowners",
                            "landlords", "tourism", "tourists", "visitors", "heatwave", "earthquake",
                            "temperatures", "unemployment", "wages", "economy", "population"})
# Land, coast and wildlife straight after a place's name: the place as countryside ("Dorset coast
# landslip", "New Forest ponies", "Wirral peninsula"), not its council.
_BUILT = frozenset({"roads", "towns", "villages", "streets", "homes", "houses", "flats", "pier", "piers"})
NATURE = (LANDSCAPE - _BUILT) | frozenset({
    "peninsula", "estuary", "cliffs", "cliff", "ponies", "deer", "boar", "wildlife", "moorland", "heath", "woods",
    "woodland", "forest", "landslip", "erosion", "dunes", "marshes", "wetlands", "birds", "seals"})
# Plural (base-form) verbs of a team's results and dealings, straight after a place's bare name at the
# head of a text: British English gives a club plural verbs ("Wigan edge past Leeds", "Swansea appoint new
# boss"); a council, singular ones ("Wigan agrees budget").
TEAM_VERBS = frozenset({"win", "beat", "edge", "stun", "sink", "thrash", "hammer", "rout", "down", "see", "appoint",
                        "sack", "sign", "seal", "reach", "clinch", "claim", "secure", "face", "host", "draw", "lose",
                        "survive", "escape", "cruise", "battle", "earn", "snatch", "grab", "romp", "book", "extend",
                        "release", "complete", "crash", "slump", "climb", "go", "move", "stay", "return", "avoid"})
# The NHS's people, places and services: a quiet text with one of these is health news.
HEALTH = frozenset({"patients", "patient", "nhs", "dentists", "dentist", "dental", "gp", "gps", "hospital",
                    "hospitals", "ambulance", "ambulances", "midwives", "nurses", "doctors", "icb", "surgeries",
                    "maternity", "paramedics", "consultants", "wards"})
# Prices of a place's homes, straight after its name ("Leeds house prices"; not "Leeds house building").
PRICES = frozenset({"house", "houses", "property", "rent", "home"})
_ANY = RANKED | PLACE_MEASURES | HEALTH | PRICES | NATURE | TEAM_VERBS


def as_places(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str]) -> list[CouncilEvidence]:
    """Names counted in a quiet text that are in the NHS's news (`HEALTH`), ranked among places
    (`RANKED`), measured as one (`PLACE_MEASURES`, `PRICES`) or its countryside (`NATURE`), refused
    with the word that says so."""
    if _ANY.isdisjoint(words) or not quiet(words):
        return out  # most texts: no such word
    health = next((w for w in words if w in HEALTH), None)
    first = matches[0] if matches and matches[0].start == 0 else None
    team = words[first.length] if first is not None and first.length < len(words) and \
        words[first.length] in TEAM_VERBS and not first.person else None
    judged = []
    for e, match in zip(out, matches):
        if e.counted and health is not None and not acts(words, match) and not _runs_things(words, match):
            e = CouncilEvidence(e.code, e.named, False, f'where the NHS\'s news happened ("{health}"), not the '
                                "council, in a text with no local-government word")
        end = match.start + match.length
        listed_next = any(other.start == end for other in matches)  # "Cotswold, Forest of Dean and …": a list
        place = _as_a_place(words[end:end + 2]) if e.counted and not listed_next else None
        if e.counted and team is not None:
            place = (team, "in a team's news (a club's plural verb after the place that opens the text)")
        if place is not None:
            word, kind = place
            e = CouncilEvidence(e.code, e.named, False, f'the place {kind} ("{e.named} … {word}"), not the council, '
                                "in a text with no local-government word")
        judged.append(e)
    return judged


def _runs_things(words: list[str], match: NameMatch) -> bool:
    """The name opens the text before an organisation's singular verb ("Herefordshire buys former
    hospital site"): the council acting on its property, not the NHS's news."""
    end = match.start + match.length
    return match.start == 0 and end < len(words) and (words[end] in ORGANISATION_VERBS or
                                                      words[end] in ANSWERING_VERBS)


def _as_a_place(after: list[str]) -> tuple[str, str] | None:
    """The word (and what it makes of the place) among the two after a name: ranked, measured, countryside."""
    ranked = next((w for w in after if w in RANKED), None)
    if ranked is not None:
        return ranked, "ranked among places"
    first = after[0] if after else ""
    if first in PLACE_MEASURES:
        return first, "measured as a place"
    if first in PRICES and after[1:] in (["prices"], ["price"]):
        return " ".join(after), "measured as a place"
    return (first, "as countryside") if first in NATURE else None
