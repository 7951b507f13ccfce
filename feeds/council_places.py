"""Seventh round: a place named as a place, not as its council, in a text that says nothing of a
council (`feeds.council_kinds.quiet`): ranked or voted among places ("Coventry named UK's safest
city", "Manchester tops list of best places to live"), or as a market or a scene whose numbers are
the news ("Leeds house prices rise fastest", "Bristol renters face biggest rise"); or where the
NHS's news happened ("Leeds patients wait longer for surgery", "Bristol dentists stop NHS work"),
unless the place acts as a council does. A council's own rankings, figures and care carry a
local-government word ("Surrey tops pothole league table", "adult social care") and count."""
from __future__ import annotations

from feeds.council_context import acts
from feeds.council_kinds import quiet
from feeds.council_words import CouncilEvidence, NameMatch

# Verbs of a place ranked or chosen among places, within two words after its name.
RANKED = frozenset({"named", "voted", "ranked", "crowned", "tops", "topped", "dubbed"})
# What a place has as a market or a scene, straight after its name: its people's homes, prices and visitors.
PLACE_MEASURES = frozenset({"rents", "renters", "buyers", "homeowners",
                            "landlords", "tourism", "tourists", "visitors", "heatwave", "earthquake",
                            "temperatures", "unemployment", "wages", "economy", "population"})
# The NHS's people, places and services: a quiet text with one of these is health news.
HEALTH = frozenset({"patients", "patient", "nhs", "dentists", "dentist", "dental", "gp", "gps", "hospital",
                    "hospitals", "ambulance", "ambulances", "midwives", "nurses", "doctors", "icb", "surgeries",
                    "maternity", "paramedics", "consultants", "wards"})
# Prices of a place's homes, straight after its name ("Leeds house prices"; not "Leeds house building").
PRICES = frozenset({"house", "houses", "property", "rent", "home"})
_ANY = RANKED | PLACE_MEASURES | HEALTH | PRICES


def as_places(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str]) -> list[CouncilEvidence]:
    """Names counted in a quiet text that are ranked among places or measured as one (`RANKED`,
    `PLACE_MEASURES`), refused with the word that says so."""
    if _ANY.isdisjoint(words) or not quiet(words):
        return out  # most texts: neither kind of word
    health = next((w for w in words if w in HEALTH), None)
    judged = []
    for e, match in zip(out, matches):
        if e.counted and health is not None and not acts(words, match):
            e = CouncilEvidence(e.code, e.named, False, f'where the NHS\'s news happened ("{health}"), not the '
                                "council, in a text with no local-government word")
        end = match.start + match.length
        after = words[end:end + 2]
        word = next((w for w in after if w in RANKED), None) or (after[0] if after[:1] and after[0] in
                                                                 PLACE_MEASURES else None) or \
            (" ".join(after) if after[:1] and after[0] in PRICES and after[1:] in (["prices"], ["price"]) else None)
        if e.counted and word is not None:
            e = CouncilEvidence(e.code, e.named, False, f'the place ranked or measured ("{e.named} … {word}"), not '
                                "the council, in a text with no local-government word")
        judged.append(e)
    return judged
