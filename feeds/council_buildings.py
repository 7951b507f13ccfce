"""Twelfth round: a council's building as a landmark, not the council acting.

"Belfast City Hall lights up purple for awareness week" tells of the building, lit for a cause, as "Blackpool
Tower lights up" does: the council owns it, but the text says nothing of the council's business. When a place's
hall ("City Hall", "Town Hall", "County Hall", "Guildhall") is lit in a text with no other word of a council
(`feeds.council_kinds.COUNCIL_TALK`), the place's name counted there is refused as the building's. A council
acting on its hall ("Belfast City Council votes to light City Hall green", "Belfast City Hall agrees leisure centre
price rises") keeps counting: a council word is there, or no lighting word follows the hall.
"""
from __future__ import annotations

from feeds.council_kinds import COUNCIL_TALK
from feeds.council_words import COUNCIL_VERBS, CouncilEvidence, Tokens

# Words after a hall that light it: "lights up", "lit up", "illuminated", "glows", "bathed in".
LIT = frozenset({"lights", "lit", "illuminated", "illuminates", "glows", "bathed", "floodlit"})
_HALL_FIRST = frozenset({"city", "town", "county", "civic"})
# Verbs of a county hall acting for its council, beside COUNCIL_VERBS (nineteenth round): "County Hall in Chelmsford
# signs off SEND plan"; its sale or repair is the building's ("Exeter's county hall to be sold" names Exeter).
_HALL_ACTS = frozenset({"signs", "agrees", "backs", "orders", "tells", "says", "pays", "faces", "admits"})


def lit_hall(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with each place counted for naming a lit hall ("Belfast City Hall lights up…") refused as the
    building's, in a text with no other council word; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    if LIT.isdisjoint(words) or not COUNCIL_TALK.isdisjoint(words):
        return out
    for k, word in enumerate(words):
        end = k + 1 if word == "guildhall" else k + 2 if word in _HALL_FIRST and words[k + 1:k + 2] == ["hall"] else 0
        if not end or LIT.isdisjoint(words[end:end + 2]):
            continue
        before = {" ".join(texts[j:stop]) for j in range(max(0, k - 4), k + 1) for stop in (k, k + 1) if j < stop}
        return [CouncilEvidence(e.code, e.named, False, f'names the building ("{" ".join(texts[k:end])}") lit up, '
                                "not the council acting") if e.counted and e.named in before else e for e in out]
    return out


def towns_county_hall(out: list[CouncilEvidence], tokens: Tokens, counties: frozenset[str],
                      county_of: dict[str, str] | None = None) -> list[CouncilEvidence]:
    """`out` with a place counted for naming the county hall in it ("Lincolnshire County Council sells Lincoln's
    county hall"; fourteenth round) refused as the building's place, when a county council counts in the text
    too: the county hall is the county's, in its county town, and says nothing of the town's own council. With no
    county counted, a district's county hall ("Chelmsford's County Hall approves cuts", "County Hall in Chelmsford
    signs off SEND plan") is its county council's (nineteenth round; `county_of`: each district's county)."""
    words, texts = tokens.words, tokens.texts
    for k in range(len(words) - 1):
        if words[k] != "county" or words[k + 1] != "hall":
            continue
        stop = k - 1 if k and words[k - 1] == "s" else k
        before = {" ".join(texts[j:stop]) for j in range(max(0, stop - 3), stop)}
        after = k + 2
        if words[k + 2:k + 3] == ["in"]:
            before |= {" ".join(texts[k + 3:j]) for j in range(k + 4, min(len(words), k + 6) + 1)}
            after = next((j for j in range(k + 4, len(words)) if texts[j][:1].islower()), len(words))
        owners = {e.code for e in out if e.counted and e.code in counties and e.named not in before}
        if not owners:
            verb = words[after] if after < len(words) else "to"
            acting = verb != "to" and (verb in COUNCIL_VERBS or verb in _HALL_ACTS)
            return _the_countys_hall(out, before, county_of or {}) if acting else out
        return [CouncilEvidence(e.code, e.named, False, "names the place of the county's hall, not its council")
                if e.counted and e.named in before and e.code not in owners else e for e in out]
    return out


def _the_countys_hall(out: list[CouncilEvidence], before: set[str], county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with a district counted for naming its county hall (its name in `before`) read as its county council,
    when the text names no other council counted."""
    counted = [e for e in out if e.counted]
    if len(counted) != 1 or counted[0].named not in before or counted[0].code not in county_of:
        return out
    place = counted[0]
    county = county_of[place.code]
    return [CouncilEvidence(county, e.named, True, f"the county hall of {e.named}: {county}'s") if e is place else e
            for e in out]


_GIVES = frozenset({"gives", "grants", "hands"})  # "… County Hall gives go-ahead for harbour scheme"


def county_hall_acts(words: list[str], code: str, named: str, k: int,
                     county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council whose county hall stands in a listed town, when "County Hall" follows the town's name at `k` and
    acts ("Beverley's County Hall gives go-ahead for harbour scheme"): the town's own council
    where it is a unitary council with a county hall (East Riding's in Beverley), its county's in a two-tier area.
    Empty otherwise."""
    if words[k:k + 2] != ["county", "hall"] or k + 2 >= len(words):
        return []
    verb = words[k + 2]
    if verb not in COUNCIL_VERBS and verb not in _HALL_ACTS and verb not in _GIVES:
        return []
    owner = county_of.get(code, code)
    return [CouncilEvidence(owner, named, True, f"the county hall in {named}, acting: {owner}'s")]
