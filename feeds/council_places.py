"""Seventh round: a place named as a place, not as its council, in a text that says nothing of a
council (`feeds.council_kinds.quiet`): ranked or voted among places ("Coventry named UK's safest
city", "Manchester tops list of best places to live"), or as a market or a scene whose numbers are
the news ("Leeds house prices rise fastest", "Bristol renters face biggest rise"). A council's own
rankings and figures carry a local-government word ("Surrey tops pothole league table") and count."""
from __future__ import annotations

from feeds.council_kinds import quiet
from feeds.council_words import CouncilEvidence, NameMatch

# Verbs of a place ranked or chosen among places, within two words after its name.
RANKED = frozenset({"named", "voted", "ranked", "crowned", "tops", "topped", "dubbed"})
# What a place has as a market or a scene, straight after its name: its people's homes, prices and visitors.
PLACE_MEASURES = frozenset({"house", "houses", "property", "rents", "rent", "renters", "buyers", "homeowners",
                            "landlords", "tourism", "tourists", "visitors", "heatwave", "earthquake",
                            "temperatures", "unemployment", "wages", "economy", "population"})
_ANY = RANKED | PLACE_MEASURES


def as_places(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str]) -> list[CouncilEvidence]:
    """Names counted in a quiet text that are ranked among places or measured as one (`RANKED`,
    `PLACE_MEASURES`), refused with the word that says so."""
    if _ANY.isdisjoint(words) or not quiet(words):
        return out  # most texts: neither kind of word
    judged = []
    for e, match in zip(out, matches):
        end = match.start + match.length
        after = words[end:end + 2]
        word = next((w for w in after if w in RANKED), None) or (after[0] if after[:1] and after[0] in
                                                                 PLACE_MEASURES else None)
        if e.counted and word is not None:
            e = CouncilEvidence(e.code, e.named, False, f'the place ranked or measured ("{e.named} … {word}"), not '
                                "the council, in a text with no local-government word")
        judged.append(e)
    return judged
